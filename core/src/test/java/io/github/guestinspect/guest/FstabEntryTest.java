package io.github.guestinspect.guest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FstabEntryTest {
    private static List<FstabEntry> parse(final String content) {
        return FstabEntry.parse(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadARealFstab() {
        List<FstabEntry> entries = parse("""
                # /etc/fstab: static file system information.
                #
                # <file system> <mount point>   <type>  <options>       <dump>  <pass>
                UUID=0a3407de-014b-458b-b5c1-848e92a327a3 /               ext4    errors=remount-ro 0       1
                LABEL=BOOT      /boot           xfs     defaults        0       0
                PARTUUID=5e7d2b1a-01 /boot/efi vfat umask=0077 0 1
                /dev/mapper/rl-home /home xfs defaults 0 0
                /dev/sda3       none            swap    sw              0       0
                tmpfs /tmp tmpfs defaults
                """);

        assertThat(entries).containsExactly(
                new FstabEntry("UUID=0a3407de-014b-458b-b5c1-848e92a327a3", "/", "ext4"),
                new FstabEntry("LABEL=BOOT", "/boot", "xfs"),
                new FstabEntry("PARTUUID=5e7d2b1a-01", "/boot/efi", "vfat"),
                new FstabEntry("/dev/mapper/rl-home", "/home", "xfs"),
                new FstabEntry("/dev/sda3", "none", "swap"),
                new FstabEntry("tmpfs", "/tmp", "tmpfs"));
    }

    @Test
    void shouldSkipCommentsIndentedCommentsAndBlankLines() {
        List<FstabEntry> entries = parse("#/dev/sda1 / ext4\n   # /dev/sdb1 /data ext4\n\n \t \n/dev/vda1 / ext4\n");

        assertThat(entries).containsExactly(new FstabEntry("/dev/vda1", "/", "ext4"));
    }

    @ParameterizedTest(name = "short line \"{0}\" is skipped")
    @ValueSource(strings = {"/dev/sda1", "/dev/sda1 /boot", "UUID=abcd\t/", "proc"})
    void shouldSkipLinesWithFewerThanThreeFields(final String line) {
        assertThat(parse(line + "\n/dev/sda2 / btrfs\n")).containsExactly(new FstabEntry("/dev/sda2", "/", "btrfs"));
    }

    @Test
    void shouldSplitOnAnyRunOfSpacesAndTabs() {
        assertThat(parse("\t/dev/sdb1 \t  /srv/data\t\t\text4   defaults,noatime\t0 2  \n"))
                .containsExactly(new FstabEntry("/dev/sdb1", "/srv/data", "ext4"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "/mnt/my\\040disk         | /mnt/my disk",
            "/mnt/a\\040b\\040c       | /mnt/a b c",
            "/mnt/end\\040            | '/mnt/end '",
            "\\040start               | ' start'",
            "/mnt/tab\\011here        | '/mnt/tab\there'",
            "/mnt/back\\134slash      | /mnt/back\\slash",
            "/mnt/not\\04             | /mnt/not\\04",
            "/mnt/not\\089            | /mnt/not\\089",
            "/mnt/x\\                 | /mnt/x\\",
            "/mnt/\\\\040             | '/mnt/\\ '",
            "/mnt/caf\u00e9           | /mnt/caf\u00e9"
    })
    void shouldDecodeOctalEscapesInTheMountpoint(final String written, final String decoded) {
        assertThat(parse("/dev/sda1 " + written + " ext4 defaults 0 0\n"))
                .singleElement().extracting(FstabEntry::mountpoint).isEqualTo(decoded);
    }

    @Test
    void shouldDecodeOctalEscapesInTheSpec() {
        assertThat(parse("LABEL=my\\040root / ext4 defaults 0 1\n"))
                .containsExactly(new FstabEntry("LABEL=my root", "/", "ext4"));
    }

    @Test
    void shouldReadCrlfLineEndings() {
        assertThat(parse("/dev/sda1 / ext4 defaults 0 1\r\n/dev/sda2 /home ext4 defaults 0 2\r\n"))
                .containsExactly(new FstabEntry("/dev/sda1", "/", "ext4"),
                        new FstabEntry("/dev/sda2", "/home", "ext4"));
    }

    @Test
    void shouldNotFailOnInvalidUtf8() {
        byte[] content = {'/', 'd', 'e', 'v', '/', 'x', (byte) 0xfe, ' ', '/', ' ', 'e', 'x', 't', '4', '\n'};

        assertThat(FstabEntry.parse(content)).singleElement().satisfies(entry -> {
            assertThat(entry.spec()).isEqualTo("/dev/x\u00fe");
            assertThat(entry.mountpoint()).isEqualTo("/");
        });
    }

    @Test
    void shouldRejectMissingFields() {
        assertThatThrownBy(() -> new FstabEntry(null, "/", "ext4")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("spec");
        assertThatThrownBy(() -> new FstabEntry("/dev/sda1", null, "ext4")).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("mountpoint");
        assertThatThrownBy(() -> new FstabEntry("/dev/sda1", "/", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("type");
    }
}
