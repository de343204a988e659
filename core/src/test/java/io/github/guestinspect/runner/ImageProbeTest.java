package io.github.guestinspect.runner;

import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.testing.RequiredTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The checks before an appliance, with the real qemu-img: what is not a disk image file, and containers that would
 * make qemu read something other than the image (files outside its directory, external data, probed formats).
 */
class ImageProbeTest {
    @TempDir
    Path directory;

    private ChildProcesses processes;

    @BeforeEach
    void start() {
        RequiredTools.require("apt-get install qemu-utils", "qemu-img");
        processes = new ChildProcesses();
    }

    @AfterEach
    void stop() {
        processes.close();
    }

    private ImageRejectedException rejected(final Path image, final boolean allowBackingFiles) {
        return catchThrowableOfType(ImageRejectedException.class,
                () -> new ImageProbe(processes, allowBackingFiles).probe(image));
    }

    private void qemuImg(final String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("qemu-img"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("qemu-img %s", command).isZero();
    }

    /** A flat VMDK descriptor naming one extent, as VMware writes them. */
    private Path descriptor(final String name, final String extent) throws IOException {
        return Files.writeString(directory.resolve(name), "# Disk DescriptorFile\nversion=1\nCID=fffffffe\n"
                + "parentCID=ffffffff\ncreateType=\"monolithicFlat\"\n\nRW 2048 FLAT \"" + extent + "\" 0\n\n"
                + "ddb.adapterType = \"ide\"\n");
    }

    @Test
    void shouldNameADirectoryAndAFifoAsNotADiskImage() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("folder.qcow2"));
        Path fifo = directory.resolve("pipe.raw");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThat(rejected(folder, false)).satisfies(rejection -> {
            assertThat(rejection.getKind()).isEqualTo(FailureKind.NOT_A_DISK_IMAGE);
            assertThat(rejection.getMessage()).isEqualTo(folder + ": is a directory, not a disk image");
        });
        assertThat(rejected(fifo, false).getMessage()).isEqualTo(fifo + ": is not a regular file (devices, pipes"
                + " and sockets are not inspected)");
    }

    @Test
    void shouldRefuseVmdkExtentsThatAreNotPlainFilesBesideTheDescriptor() throws Exception {
        Path flat = Files.write(directory.resolve("disk-flat.vmdk"), new byte[2048 * 512]);
        Files.createSymbolicLink(directory.resolve("link.bin"), Path.of("/etc/hostname"));
        Path inside = descriptor("inside.vmdk", flat.getFileName().toString());

        for (String extent : List.of("/etc/hostname", "../outside-flat.vmdk", "sub/../disk-flat.vmdk", "link.bin",
                "missing-flat.vmdk")) {
            Path image = descriptor("outside.vmdk", extent);
            assertThat(rejected(image, true)).as(extent).satisfies(rejection -> {
                assertThat(rejection.getKind()).isEqualTo(FailureKind.REFUSED);
                assertThat(rejection.getMessage()).isEqualTo(image + ": refused, its VMDK descriptor names the extent"
                        + " '" + extent + "', which is not a regular file beside the descriptor");
            });
        }
        DiskInfo accepted = new ImageProbe(processes, false).probe(inside);
        assertThat(accepted.format()).isEqualTo(DiskFormat.VMDK);
        assertThat(accepted.virtualSize()).isPositive();
    }

    @Test
    void shouldRefuseAQcow2WhoseDataLivesInAnotherFile() throws Exception {
        qemuImg("create", "-q", "-f", "qcow2", "-o", "data_file=" + directory.resolve("data.bin")
                + ",data_file_raw=on", "external.qcow2", "1M");

        assertThat(rejected(directory.resolve("external.qcow2"), true)).satisfies(rejection -> {
            assertThat(rejection.getKind()).isEqualTo(FailureKind.REFUSED);
            assertThat(rejection.getMessage()).isEqualTo(directory.resolve("external.qcow2") + ": refused, it keeps"
                    + " its data in the external file '" + directory.resolve("data.bin") + "'");
        });
    }

    @Test
    void shouldRefuseABackingFileUnlessAllowed() throws Exception {
        qemuImg("create", "-q", "-f", "qcow2", "base.qcow2", "1M");
        qemuImg("create", "-q", "-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2", "overlay.qcow2");
        Path overlay = directory.resolve("overlay.qcow2");

        assertThat(rejected(overlay, false).getMessage()).isEqualTo(overlay + ": refused, it declares the backing"
                + " file 'base.qcow2' (allow backing files explicitly to inspect such images)");
        assertThat(new ImageProbe(processes, true).probe(overlay).backingFile()).contains("base.qcow2");
    }
}
