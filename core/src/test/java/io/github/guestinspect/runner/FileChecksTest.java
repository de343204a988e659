package io.github.guestinspect.runner;

import io.github.guestinspect.runner.FileChecks.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The judgement of {@link FileChecks} on lstat and stat replies as guestfish gives them (numbers only). */
class FileChecksTest {
    private static final long DEVICE = 2048;
    private static final StatReply SHADOW = regular(15, 0640, 1);
    private static final Map<String, StatReply> SECRETS = Map.of("/etc/shadow", SHADOW,
            "/etc/gshadow", StatReply.MISSING);

    private static StatReply regular(final long inode, final long permissions, final long links) {
        return new StatReply(DEVICE, inode, 0100000 | permissions, links, 43);
    }

    private static StatReply link(final long inode) {
        return new StatReply(DEVICE, inode, 0120777, 1, 11);
    }

    @Test
    void shouldReadARegularFileAndALinkToAPublicOne() {
        assertThat(FileChecks.fact("/etc/hostname", regular(20, 0644, 1), regular(20, 0644, 1), SECRETS)
                .isReadable()).isTrue();
        assertThat(FileChecks.fact("/etc/os-release", link(21), regular(40, 0644, 1), SECRETS).isReadable())
                .isTrue();
        assertThat(FileChecks.fact("/etc/hostname", regular(20, 0600, 1), regular(20, 0600, 1), SECRETS)
                .isReadable()).as("a private file that is no link: a hardened image's own hostname").isTrue();
    }

    @Test
    void shouldRefuseAFactFileThatIsShadowThroughALinkOrAHardLink() {
        Verdict linked = FileChecks.fact("/etc/hostname", link(19), SHADOW, SECRETS);
        Verdict hardLinked = FileChecks.fact("/etc/HOSTNAME", regular(15, 0640, 2), regular(15, 0640, 2), SECRETS);

        assertThat(linked.isReadable()).isFalse();
        assertThat(linked.note()).contains("/etc/hostname not read: it is a symbolic link to /etc/shadow, which"
                + " holds password hashes");
        assertThat(hardLinked.note()).contains("/etc/HOSTNAME not read: it is a hard link of /etc/shadow, which"
                + " holds password hashes");
    }

    @Test
    void shouldRefuseALinkToAFileNotEveryUserMayReadAsSecretsAre() {
        Verdict key = FileChecks.fact("/etc/fedora-release", link(30), regular(31, 0600, 1), SECRETS);
        Verdict hardLinkedKey = FileChecks.fact("/etc/fstab", regular(31, 0600, 2), regular(31, 0600, 2), SECRETS);

        assertThat(key.note()).contains("/etc/fedora-release not read: it is a symbolic link to a file that not"
                + " every user may read (mode 0600), as secrets are");
        assertThat(hardLinkedKey.note()).contains("/etc/fstab not read: it has 2 hard links and not every user may"
                + " read it (mode 0600), as secrets are");
    }

    @Test
    void shouldRefuseWhatIsNoRegularFileForFactsAndDataAlike() {
        StatReply pipe = new StatReply(DEVICE, 22, 0010644, 1, 0);
        StatReply disk = new StatReply(DEVICE, 16, 0060644, 1, 0);

        assertThat(FileChecks.fact("/etc/redhat-release", pipe, pipe, SECRETS).note())
                .contains("/etc/redhat-release not read: it is a named pipe, not a regular file");
        assertThat(FileChecks.data("/var/lib/dpkg/status", link(5), disk).note()).contains(
                "/var/lib/dpkg/status not read: it is a symbolic link to a block device, not a regular file");
        assertThat(FileChecks.data("/etc/debian_version", link(17), StatReply.MISSING).note())
                .contains("/etc/debian_version not read: it is a symbolic link that leads nowhere in the image (a"
                        + " missing target or a loop)");
    }

    @Test
    void shouldReadShadowItselfAsDataButNeverAsAFact() {
        assertThat(FileChecks.data("/etc/shadow", SHADOW, SHADOW).isReadable()).isTrue();
        assertThat(FileChecks.fact("/etc/shadow", SHADOW, SHADOW, SECRETS).isReadable()).isFalse();
    }

    @Test
    void shouldSayNothingOfAFileThatIsNotThere() {
        Verdict absent = FileChecks.fact("/etc/HOSTNAME", StatReply.MISSING, StatReply.MISSING, SECRETS);

        assertThat(absent.exists()).isFalse();
        assertThat(absent.isReadable()).isFalse();
        assertThat(absent.note()).isEmpty();
    }

    @Test
    void shouldTellAFileOnAnotherDeviceFromShadowEvenWithItsInode() {
        StatReply elsewhere = new StatReply(DEVICE + 1, 15, 0100644, 1, 10);

        assertThat(FileChecks.fact("/etc/hostname", link(19), elsewhere, SECRETS).isReadable()).isTrue();
    }
}
