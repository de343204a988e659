package io.github.guestinspect.testing;

/** The guard for tests that drive real libguestfs: see {@link RequiredTools} for when a missing tool may skip. */
public final class Libguestfs {
    private Libguestfs() {
    }

    /** Fails (or, when explicitly allowed outside CI, skips) unless guestfish and qemu-img are installed. */
    public static void require() {
        RequiredTools.require("apt-get install libguestfs-tools qemu-utils linux-image-amd64", "guestfish",
                "qemu-img");
    }
}
