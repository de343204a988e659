package io.github.guestinspect.runner;

import io.github.guestinspect.model.DiskFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides the disk format from the file's own magic bytes, so neither qemu nor libguestfs ever probes an
 * untrusted image. A file with no known magic is raw, which is the one format that interprets nothing.
 */
final class FormatSniffer {
    private static final byte[] QCOW = {'Q', 'F', 'I', (byte) 0xfb};
    private static final byte[] VMDK_SPARSE = {'K', 'D', 'M', 'V'};
    private static final byte[] VMDK_DESCRIPTOR = "# Disk DescriptorFile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VHDX = "vhdxfile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VPC = "conectix".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VDI = "<<< ".getBytes(StandardCharsets.US_ASCII);
    private static final int VDI_SIGNATURE_OFFSET = 64;
    private static final byte[] VDI_SIGNATURE = {0x7f, 0x10, (byte) 0xda, (byte) 0xbe};

    private FormatSniffer() {
    }

    /** The format the header announces, empty when it announces none (then the file is raw data). */
    static Optional<DiskFormat> sniff(final Path image) throws IOException {
        byte[] header = new byte[128];
        int length;
        try (InputStream input = Files.newInputStream(image)) {
            length = input.readNBytes(header, 0, header.length);
        }
        byte[] head = Arrays.copyOf(header, length);
        if (startsWith(head, QCOW)) {
            return Optional.of(DiskFormat.QCOW2);
        }
        if (startsWith(head, VMDK_SPARSE) || startsWith(head, VMDK_DESCRIPTOR)) {
            return Optional.of(DiskFormat.VMDK);
        }
        if (startsWith(head, VHDX)) {
            return Optional.of(DiskFormat.VHDX);
        }
        if (startsWith(head, VPC)) {
            return Optional.of(DiskFormat.VPC);
        }
        if (startsWith(head, VDI) && head.length >= VDI_SIGNATURE_OFFSET + 4 && Arrays.equals(
                Arrays.copyOfRange(head, VDI_SIGNATURE_OFFSET, VDI_SIGNATURE_OFFSET + 4), VDI_SIGNATURE)) {
            return Optional.of(DiskFormat.VDI);
        }
        return Optional.empty();
    }

    /** True when the file is a text VMDK descriptor that points at separate extent files. */
    static boolean isVmdkDescriptor(final Path image) throws IOException {
        try (InputStream input = Files.newInputStream(image)) {
            return startsWith(input.readNBytes(VMDK_DESCRIPTOR.length), VMDK_DESCRIPTOR);
        }
    }

    private static boolean startsWith(final byte[] data, final byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }
}
