package io.github.guestinspect.model;

import java.util.Locale;
import java.util.Optional;

/** The disk formats guest-inspect hands to libguestfs; the format is always explicit, never probed by libguestfs. */
public enum DiskFormat {
    QCOW2, RAW, VMDK, VDI, VHDX, VPC;

    /** The name qemu and libguestfs use. */
    public String qemuName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a qemu format name ("qcow2", "raw", ...) to a format, empty for formats guest-inspect does not accept. */
    public static Optional<DiskFormat> fromQemuName(final String name) {
        for (DiskFormat format : values()) {
            if (format.qemuName().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The format a file name implies by its extension, empty when the extension says nothing. */
    public static Optional<DiskFormat> fromFileName(final String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".qcow2") || lower.endsWith(".qcow")) {
            return Optional.of(QCOW2);
        }
        // ".img" says nothing: cloud images named .img are usually qcow2, so such files are sniffed instead
        if (lower.endsWith(".raw")) {
            return Optional.of(RAW);
        }
        if (lower.endsWith(".vmdk")) {
            return Optional.of(VMDK);
        }
        if (lower.endsWith(".vdi")) {
            return Optional.of(VDI);
        }
        if (lower.endsWith(".vhdx")) {
            return Optional.of(VHDX);
        }
        if (lower.endsWith(".vhd") || lower.endsWith(".vpc")) {
            return Optional.of(VPC);
        }
        return Optional.empty();
    }
}
