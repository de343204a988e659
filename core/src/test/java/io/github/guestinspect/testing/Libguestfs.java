package io.github.guestinspect.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guard for tests that drive real libguestfs. Under CI=true a missing libguestfs fails the test loudly; a
 * developer may skip such tests only by asking for it explicitly (GUEST_INSPECT_SKIP_LIBGUESTFS=true).
 */
public final class Libguestfs {
    private Libguestfs() {
    }

    /** Fails (or, when explicitly allowed outside CI, skips) unless guestfish and qemu-img are installed. */
    public static void require() {
        if (onPath("guestfish") && onPath("qemu-img")) {
            return;
        }
        String message = "libguestfs (guestfish) and qemu-img are required: run scripts/setup.sh";
        if (!"true".equals(System.getenv("CI")) && "true".equals(System.getenv("GUEST_INSPECT_SKIP_LIBGUESTFS"))) {
            Assumptions.abort(message + " (skipped because GUEST_INSPECT_SKIP_LIBGUESTFS=true)");
        }
        fail(message);
    }

    static boolean onPath(final String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
