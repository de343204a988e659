package io.github.guestinspect.guest;

import io.github.guestinspect.testing.RequiredTools;
import io.github.guestinspect.model.InstalledPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

class DpkgStatusParserTest {
    private static final Path HOST_STATUS = Path.of("/var/lib/dpkg/status");

    private final DpkgStatusParser parser = new DpkgStatusParser();

    private List<InstalledPackage> parse(final String content) {
        return parser.parse(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String stanza(final String name, final String status, final String version) {
        return "Package: " + name + "\n"
                + "Status: " + status + "\n"
                + "Priority: optional\n"
                + "Architecture: amd64\n"
                + "Version: " + version + "\n"
                + "Description: the " + name + " package\n";
    }

    @Test
    void shouldReturnNothingForAnEmptyFile() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("\n\n\n")).isEmpty();
    }

    @Test
    void shouldReadAllFieldsOfAnInstalledPackage() {
        List<InstalledPackage> packages = parse(stanza("bash", "install ok installed", "5.2.15-2+b7") + "\n");

        assertThat(packages).containsExactly(new InstalledPackage("bash", 0, "5.2.15", "2+b7", "amd64"));
    }

    @ParameterizedTest(name = "status \"{0}\" is not installed")
    @ValueSource(strings = {"deinstall ok config-files", "install ok half-installed",
            "install reinstreq half-installed", "install ok unpacked", "install ok half-configured",
            "purge ok not-installed", "install ok triggers-pending", "install ok", "installed", ""})
    void shouldSkipPackagesThatAreNotInstalled(final String status) {
        String content = stanza("removed", status, "1.0-1") + "\n" + stanza("kept", "install ok installed", "2.0-1");

        assertThat(parse(content)).extracting(InstalledPackage::name).containsExactly("kept");
    }

    @Test
    void shouldCountHeldAndDeinstallSelectedPackagesThatAreStillInstalled() {
        String content = stanza("held", "hold ok installed", "1.0-1") + "\n"
                + stanza("leaving", "deinstall ok installed", "1.0-1") + "\n";

        assertThat(parse(content)).extracting(InstalledPackage::name).containsExactly("held", "leaving");
    }

    @Test
    void shouldSkipStanzasWithoutPackageName() {
        String content = "Status: install ok installed\nVersion: 1.0-1\nArchitecture: all\n\n"
                + "Package:\nStatus: install ok installed\nVersion: 1.0-1\n\n";

        assertThat(parse(content)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> epoch {1}, version {2}, release \"{3}\"")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "1:2.38.1-5+deb12u3 | 1 | 2.38.1       | 5+deb12u3",
            "2:9.0.1378-2       | 2 | 9.0.1378     | 2",
            "0:1.0-1            | 0 | 1.0          | 1",
            "1:1.2              | 1 | 1.2          | ''",
            "3.0.11             | 0 | 3.0.11       | ''",
            "1.2-3-4ubuntu1     | 0 | 1.2-3        | 4ubuntu1",
            "1:2.0-rc1-0ubuntu2 | 1 | 2.0-rc1      | 0ubuntu2",
            "1.0~rc1-2~bpo12+1  | 0 | 1.0~rc1      | 2~bpo12+1",
            "2.36.1~dfsg-1      | 0 | 2.36.1~dfsg  | 1",
            "7.4.2~             | 0 | 7.4.2~       | ''"
    })
    void shouldSplitEpochAndReleaseAtTheLastDash(final String full, final int epoch, final String version,
                                                  final String release) {
        InstalledPackage installed = parse(stanza("p", "install ok installed", full)).get(0);

        assertThat(installed.epoch()).isEqualTo(epoch);
        assertThat(installed.version()).isEqualTo(version);
        assertThat(installed.release()).isEqualTo(release);
    }

    @ParameterizedTest(name = "full version {0} is written back unchanged")
    @ValueSource(strings = {"1:2.38.1-5+deb12u3", "3.0.11", "1.2-3-4ubuntu1", "1.0~rc1-2~bpo12+1", "1:1.2",
            "20230311", "2.36.1~dfsg-1"})
    void shouldKeepTheVersionAsDpkgWritesIt(final String full) {
        assertThat(parse(stanza("p", "install ok installed", full)).get(0).fullVersion()).isEqualTo(full);
    }

    @Test
    void shouldLeaveArchitectureEmptyWhenItIsMissing() {
        String content = "Package: noarch\nStatus: install ok installed\nVersion: 1.0-1\n";

        assertThat(parse(content)).containsExactly(new InstalledPackage("noarch", 0, "1.0", "1", ""));
    }

    @Test
    void shouldIgnoreContinuationLinesEvenWhenTheyLookLikeFields() {
        String content = "Package: tricky\n"
                + "Status: deinstall ok config-files\n"
                + "Version: 1.0-1\n"
                + "Conffiles:\n"
                + " /etc/tricky.conf 0123456789abcdef\n"
                + "Description: a package that lies\n"
                + " Package: fake\n"
                + " Status: install ok installed\n"
                + " .\n"
                + " Version: 9.9-9\n"
                + "\n"
                + "Package: honest\n"
                + "Status: install ok installed\n"
                + "Architecture: all\n"
                + "Description: multi-line\n"
                + "\tArchitecture: evil\n"
                + " Version: 6.6-6\n"
                + "Version: 2.0-3\n";

        assertThat(parse(content)).containsExactly(new InstalledPackage("honest", 0, "2.0", "3", "all"));
    }

    @Test
    void shouldReadCrlfLineEndings() {
        String content = (stanza("zlib1g", "install ok installed", "1:1.2.13.dfsg-1") + "\n"
                + stanza("attr", "install ok installed", "1:2.5.1-4")).replace("\n", "\r\n");

        assertThat(parse(content)).containsExactly(
                new InstalledPackage("attr", 1, "2.5.1", "4", "amd64"),
                new InstalledPackage("zlib1g", 1, "1.2.13.dfsg", "1", "amd64"));
    }

    @Test
    void shouldCountTheLastStanzaWithoutTrailingBlankLine() {
        String content = stanza("first", "install ok installed", "1-1") + "\n"
                + "Package: last\nStatus: install ok installed\nVersion: 2-2";

        assertThat(parse(content)).extracting(InstalledPackage::name).containsExactly("first", "last");
    }

    @Test
    void shouldSeparateStanzasByWhitespaceOnlyAndRepeatedBlankLines() {
        String content = stanza("a", "install ok installed", "1-1") + "   \n\n\n"
                + stanza("b", "install ok installed", "1-1") + "\t\n";

        assertThat(parse(content)).extracting(InstalledPackage::name).containsExactly("a", "b");
    }

    @Test
    void shouldSortByNameThenArchitecture() {
        String content = "Package: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.36-9\n\n"
                + "Package: apt\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.6.1\n\n"
                + "Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9\n";

        assertThat(parse(content)).extracting(InstalledPackage::name, InstalledPackage::architecture)
                .containsExactly(
                        tuple("apt", "amd64"),
                        tuple("libc6", "amd64"),
                        tuple("libc6", "i386"));
    }

    @Test
    void shouldNotFailOnInvalidUtf8InAName() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.write("Package: caf".getBytes(StandardCharsets.US_ASCII));
        content.write(new byte[] {(byte) 0xe9, (byte) 0xff, (byte) 0xc3});
        content.write("\nStatus: install ok installed\nVersion: 1.0-1\n\n".getBytes(StandardCharsets.US_ASCII));
        content.write(stanza("next", "install ok installed", "2.0-1").getBytes(StandardCharsets.US_ASCII));

        List<InstalledPackage> packages = parser.parse(content.toByteArray());

        assertThat(packages).hasSize(2);
        assertThat(packages.get(0).name()).isEqualTo("caf\u00e9\u00ff\u00c3"); // every byte kept (as Latin-1)
        assertThat(packages.get(0).fullVersion()).isEqualTo("1.0-1");
        assertThat(packages.get(1).name()).isEqualTo("next");
    }

    @Test
    void shouldKeepValidUtf8Names() {
        assertThat(parse(stanza("pkg-\u00e9\u65e5", "install ok installed", "1")).get(0).name())
                .isEqualTo("pkg-\u00e9\u65e5");
    }

    @Test
    void shouldNotFailOnArbitraryBinaryContent() {
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);

        assertThatCode(() -> parser.parse(garbage)).doesNotThrowAnyException();
    }

    @Test
    void shouldAgreeWithDpkgQueryOnTheHostDatabase() throws IOException, InterruptedException {
        RequiredTools.require("a Debian host (dpkg)", "dpkg-query");

        List<InstalledPackage> parsed = parser.parse(Files.readAllBytes(HOST_STATUS));

        // Status-Abbrev is want, status, error flag: "ii " installed, "hi " held but installed, "rc " config-files
        List<String> abbreviations = dpkgQuery("${db:Status-Abbrev}\\n");
        long installed = abbreviations.stream().filter(line -> line.length() >= 2 && line.charAt(1) == 'i').count();
        assertThat(parsed).hasSize((int) installed);
        assertThat(parsed).isNotEmpty();

        Map<String, String> expected = new HashMap<>();
        for (String line : dpkgQuery("${db:Status-Abbrev}|${Package}:${Architecture}|${Version}\\n")) {
            String[] fields = line.split("\\|", -1);
            if (fields[0].length() >= 2 && fields[0].charAt(1) == 'i') {
                expected.put(fields[1], fields[2]);
            }
        }
        Map<String, String> actual = new HashMap<>();
        for (InstalledPackage installedPackage : parsed) {
            actual.put(installedPackage.name() + ":" + installedPackage.architecture(), installedPackage.fullVersion());
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static List<String> dpkgQuery(final String format) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("dpkg-query", "-W", "-f=" + format)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dpkg-query finished").isTrue();
        assertThat(process.exitValue()).as("dpkg-query exit code").isZero();
        return new String(output, StandardCharsets.UTF_8).lines().toList();
    }
}
