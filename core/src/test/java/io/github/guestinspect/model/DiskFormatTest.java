package io.github.guestinspect.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DiskFormatTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "web.qcow2, QCOW2", "OLD.QCOW, QCOW2", "disk.raw, RAW", "vm.vmdk, VMDK", "vbox.vdi, VDI",
            "hyperv.vhdx, VHDX", "azure.vhd, VPC", "virtualpc.vpc, VPC", "a.b.Qcow2, QCOW2"
    })
    void shouldTakeTheFormatFromTheExtensionWhateverItsCase(final String fileName, final DiskFormat format) {
        assertThat(DiskFormat.fromFileName(fileName)).contains(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud.img", "disk", "notes.txt", "qcow2", "x.qcow2.bak", ".vhdx.old"})
    void shouldSayNothingForAnExtensionThatSaysNothing(final String fileName) {
        assertThat(DiskFormat.fromFileName(fileName)).isEmpty(); // such files are sniffed by their magic bytes
    }

    @Test
    void shouldMapEveryQemuNameBackToItsFormatAndNoOtherName() {
        assertThat(Arrays.stream(DiskFormat.values()).map(format -> DiskFormat.fromQemuName(format.qemuName())))
                .allSatisfy(format -> assertThat(format).isPresent());
        assertThat(DiskFormat.VPC.qemuName()).isEqualTo("vpc");
        assertThat(DiskFormat.fromQemuName("QCOW2")).isEmpty();
        assertThat(DiskFormat.fromQemuName("vvfat")).isEmpty(); // qemu reads it, guest-inspect never hands it over
    }
}
