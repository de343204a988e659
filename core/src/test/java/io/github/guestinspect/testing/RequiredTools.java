package io.github.guestinspect.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guard for tests that need a real program (guestfish, qemu-img, dpkg, rpm, chromium, ...). A missing program
 * FAILS the test, always under CI=true; a developer may skip such tests only by asking for it explicitly with
 * GUEST_INSPECT_SKIP_MISSING_TOOLS=true (never honoured under CI=true).
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    /** Fails (or, when explicitly allowed outside CI, skips) unless every program is on the PATH. */
    public static void require(final String install, final String... programs) {
        for (String program : programs) {
            if (!isOnPath(program)) {
                String message = program + " is required: " + install + " (scripts/setup.sh installs it)";
                if (skipAllowed()) {
                    Assumptions.abort(message + " (skipped because GUEST_INSPECT_SKIP_MISSING_TOOLS=true)");
                }
                fail(message);
            }
        }
    }

    /** True when a missing program may skip a test: only when asked for explicitly, and never under CI. */
    public static boolean skipAllowed() {
        return !"true".equals(System.getenv("CI"))
                && "true".equals(System.getenv("GUEST_INSPECT_SKIP_MISSING_TOOLS"));
    }

    public static boolean isOnPath(final String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
