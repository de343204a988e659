package io.github.guestinspect.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guard for tests that drive a real browser: Debian's chromium through Debian's chromedriver, at their fixed
 * paths, never a browser or driver downloaded at test time. See {@link RequiredTools} for when a missing tool may
 * skip (never under CI=true).
 */
public final class Chromium {
    /** The browser of Debian's chromium package. */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    /** The driver of Debian's chromium-driver package (always the browser's own version). */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Fails (or, when explicitly allowed outside CI, skips) unless chromium and chromedriver are installed. */
    public static void require() {
        for (Path program : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(program)) {
                String message = program + " is required: apt-get install chromium chromium-driver"
                        + " (scripts/setup.sh installs it)";
                if (RequiredTools.skipAllowed()) {
                    Assumptions.abort(message + " (skipped because GUEST_INSPECT_SKIP_MISSING_TOOLS=true)");
                }
                fail(message);
            }
        }
    }
}
