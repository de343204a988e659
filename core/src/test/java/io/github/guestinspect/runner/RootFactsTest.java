package io.github.guestinspect.runner;

import io.github.guestinspect.guest.FstabEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RootFactsTest {
    private static RootFacts facts(final String... nameAndContent) {
        Map<String, byte[]> files = new HashMap<>();
        for (int i = 0; i < nameAndContent.length; i += 2) {
            files.put(nameAndContent[i], nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new RootFacts(files);
    }

    @Test
    void shouldPreferOsReleaseOverEveryOtherFile() {
        RootFacts facts = facts(
                "os-release", "ID=rocky\nVERSION_ID=\"9.3\"\nPRETTY_NAME=\"Rocky Linux 9.3 (Blue Onyx)\"\n"
                        + "NAME=\"Rocky Linux\"\nID_LIKE=\"rhel centos fedora\"\n",
                "redhat-release", "Rocky Linux release 9.1 (Blue Onyx)\n",
                "centos-release", "CentOS Linux release 7.9.2009 (Core)\n",
                "debian_version", "12.5\n");

        assertThat(facts.distro()).isEqualTo("rocky");
        assertThat(facts.version()).isEqualTo("9.3");
        assertThat(facts.productName()).isEqualTo("Rocky Linux 9.3 (Blue Onyx)");
        assertThat(facts.majorVersion()).isEqualTo(9);
        assertThat(facts.minorVersion()).isEqualTo(3);
    }

    @Test
    void shouldFallBackToAlpineRelease() {
        RootFacts facts = facts("alpine-release", "3.19.1\n");

        assertThat(facts.distro()).isEqualTo("alpine");
        assertThat(facts.version()).isEqualTo("3.19.1");
        assertThat(facts.productName()).isEqualTo("alpine 3.19.1");
        assertThat(facts.majorVersion()).isEqualTo(3);
        assertThat(facts.minorVersion()).isEqualTo(19);
    }

    @Test
    void shouldFallBackToRedhatRelease() {
        RootFacts facts = facts("redhat-release", "Red Hat Enterprise Linux release 9.3 (Plow)\n");

        assertThat(facts.distro()).isEqualTo("rhel");
        assertThat(facts.version()).isEqualTo("9.3");
        assertThat(facts.productName()).isEqualTo("Red Hat Enterprise Linux release 9.3 (Plow)");
        assertThat(facts.majorVersion()).isEqualTo(9);
        assertThat(facts.minorVersion()).isEqualTo(3);
    }

    @Test
    void shouldPreferTheSpecificReleaseFileOfCentosAndFedora() {
        RootFacts centos = facts("centos-release", "CentOS Linux release 7.9.2009 (Core)\n",
                "redhat-release", "CentOS Linux release 7.9.2009 (Core)\n");
        RootFacts fedora = facts("fedora-release", "Fedora release 28 (Twenty Eight)\n",
                "redhat-release", "Fedora release 28 (Twenty Eight)\n");

        assertThat(centos.distro()).isEqualTo("centos");
        assertThat(centos.version()).isEqualTo("7.9.2009");
        assertThat(centos.majorVersion()).isEqualTo(7);
        assertThat(centos.minorVersion()).isEqualTo(9);
        assertThat(fedora.distro()).isEqualTo("fedora");
        assertThat(fedora.version()).isEqualTo("28");
        assertThat(fedora.productName()).isEqualTo("Fedora release 28 (Twenty Eight)");
        assertThat(fedora.majorVersion()).isEqualTo(28);
        assertThat(fedora.minorVersion()).isZero();
    }

    @Test
    void shouldFallBackToDebianVersion() {
        RootFacts facts = facts("debian_version", "11.9\n");

        assertThat(facts.distro()).isEqualTo("debian");
        assertThat(facts.version()).isEqualTo("11.9");
        assertThat(facts.productName()).isEqualTo("debian 11.9");
        assertThat(facts.majorVersion()).isEqualTo(11);
        assertThat(facts.minorVersion()).isEqualTo(9);
    }

    @Test
    void shouldNotInventNumbersForACodenameVersion() {
        RootFacts facts = facts("debian_version", "bookworm/sid\n");

        assertThat(facts.version()).isEqualTo("bookworm/sid");
        assertThat(facts.majorVersion()).isZero();
        assertThat(facts.minorVersion()).isZero();
    }

    @Test
    void shouldSkipCommentsAndBlankLinesInReleaseFiles() {
        RootFacts facts = facts("alpine-release", "\n# generated\n   \n  3.18.4  \n3.0\n");

        assertThat(facts.version()).isEqualTo("3.18.4");
    }

    @Test
    void shouldUseOsReleaseNameWhenThereIsNoPrettyName() {
        RootFacts facts = facts("os-release", "NAME=\"Arch Linux\"\nID=arch\n");

        assertThat(facts.distro()).isEqualTo("arch");
        assertThat(facts.version()).isEmpty();
        assertThat(facts.productName()).isEqualTo("Arch Linux");
    }

    @Test
    void shouldFallBackWhenOsReleaseFieldsAreEmpty() {
        RootFacts facts = facts("os-release", "ID=\nVERSION_ID=\"\"\nPRETTY_NAME=''\n",
                "alpine-release", "3.20.0\n");

        assertThat(facts.distro()).isEqualTo("alpine");
        assertThat(facts.version()).isEqualTo("3.20.0");
        assertThat(facts.productName()).isEqualTo("alpine 3.20.0");
    }

    @Test
    void shouldDescribeARootWithoutAnyReleaseFile() {
        RootFacts facts = facts("hostname", "box\n");

        assertThat(facts.distro()).isEqualTo("unknown");
        assertThat(facts.version()).isEmpty();
        assertThat(facts.productName()).isEqualTo("unknown");
        assertThat(facts.majorVersion()).isZero();
        assertThat(facts.minorVersion()).isZero();
    }

    @ParameterizedTest(name = "version {0} -> {1}.{2}")
    @CsvSource({
            "22.04,        22, 4",
            "9,            9,  0",
            "3.19.1,       3,  19",
            "2023.03,      2023, 3",
            "v1.2,         0,  0",
            "10.x,         10, 0",
            "1.,           1,  0",
            "99999999999,  0,  0",
            "7.99999999999, 7, 0",
            "'',           0,  0"
    })
    void shouldParseMajorAndMinorFromTheLeadingDigits(final String version, final int major, final int minor) {
        RootFacts facts = facts("os-release", "ID=x\nVERSION_ID=\"" + version + "\"\n");

        assertThat(facts.majorVersion()).isEqualTo(major);
        assertThat(facts.minorVersion()).isEqualTo(minor);
    }

    @Test
    void shouldReadTheHostnameFromEitherFile() {
        assertThat(facts("hostname", "# set by installer\n\n  web01.example.org  \n").hostname())
                .isEqualTo("web01.example.org");
        assertThat(facts("HOSTNAME", "suse-box\n").hostname()).isEqualTo("suse-box");
        assertThat(facts("hostname", "debian\n", "HOSTNAME", "other\n").hostname()).isEqualTo("debian");
        assertThat(facts("hostname", "\n# only a comment\n", "HOSTNAME", "fallback\n").hostname())
                .isEqualTo("fallback");
        assertThat(facts().hostname()).isEmpty();
    }

    @Test
    void shouldLimitTheHostnameToTheLengthLinuxAllows() {
        String hostname = "h".repeat(10_000);

        assertThat(facts("hostname", hostname).hostname()).hasSize(255).isEqualTo(hostname.substring(0, 255));
    }

    @Test
    void shouldMatchTheDistroAndEveryWordOfIdLike() {
        RootFacts rocky = facts("os-release", "ID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\n");

        assertThat(rocky.isLike("rocky")).isTrue();
        assertThat(rocky.isLike("rhel")).isTrue();
        assertThat(rocky.isLike("fedora")).isTrue();
        assertThat(rocky.isLike("debian", "centos")).isTrue();
        assertThat(rocky.isLike("debian")).isFalse();
        assertThat(rocky.isLike("rh")).as("no partial words").isFalse();
        assertThat(rocky.isLike("rhel centos")).as("one word at a time").isFalse();
        assertThat(rocky.isLike("")).isFalse();
        assertThat(rocky.isLike()).isFalse();
    }

    @Test
    void shouldMatchSuseFamilies() {
        RootFacts leap = facts("os-release", "ID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"\n");

        assertThat(leap.isLike("suse", "opensuse", "sles")).isTrue();
        assertThat(leap.isLike("opensuse-leap")).isTrue();
        assertThat(leap.isLike("sles")).isFalse();
    }

    @Test
    void shouldUseTheFallbackDistroForIsLikeWithoutOsRelease() {
        RootFacts rhel = facts("redhat-release", "Red Hat Enterprise Linux Server release 7.9 (Maipo)\n");

        assertThat(rhel.isLike("rhel")).isTrue();
        assertThat(rhel.isLike("fedora")).isFalse();
    }

    @Test
    void shouldReadFstabWhenPresent() {
        assertThat(facts("fstab", "/dev/vda1 / ext4 defaults 0 1\n").fstab())
                .containsExactly(new FstabEntry("/dev/vda1", "/", "ext4"));
        assertThat(facts().fstab()).isEmpty();
    }

    @Test
    void shouldNotBeAffectedByChangesToTheGivenMap() {
        Map<String, byte[]> files = new HashMap<>();
        files.put("alpine-release", "3.19.1\n".getBytes(StandardCharsets.UTF_8));
        RootFacts facts = new RootFacts(files);

        files.put("os-release", "ID=evil\n".getBytes(StandardCharsets.UTF_8));

        assertThat(facts.distro()).isEqualTo("alpine");
    }
}
