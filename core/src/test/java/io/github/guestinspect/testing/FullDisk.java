package io.github.guestinspect.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real full file system for tests: a tmpfs of 2 MiB mounted on a directory (which needs root, as CI has), filled
 * up by {@link #fill()} so that every later write fails with ENOSPC ("No space left on device"), as a full disk
 * does. Creating empty files and directories still works there, as on a full disk with free inodes. Unmounted by
 * {@link #close()}. When it cannot be mounted the test FAILS, always under CI=true; outside CI a developer may skip
 * it with GUEST_INSPECT_SKIP_MISSING_TOOLS=true (see {@link RequiredTools}).
 */
public final class FullDisk implements AutoCloseable {
    private final Path mountPoint;

    private FullDisk(final Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a 2 MiB tmpfs on the (created) directory. */
    public static FullDisk mount(final Path mountPoint) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        String output = run("mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", mountPoint.toString());
        if (output != null) {
            String message = "cannot mount a small tmpfs to fill up (" + output.strip() + "); the disk-full tests"
                    + " need root (CI runs scripts/test.sh as root or with sudo)";
            if (RequiredTools.skipAllowed()) {
                Assumptions.abort(message + " (skipped because GUEST_INSPECT_SKIP_MISSING_TOOLS=true)");
            }
            fail(message);
        }
        return new FullDisk(mountPoint);
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills the file system to the last byte; what is written afterwards fails. */
    public FullDisk fill() throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(mountPoint.resolve("filler"))) {
            for (int written = 0; written < 1024; written++) { // 4 MiB, twice the size: it ends full
                out.write(block);
            }
            fail("the 2 MiB tmpfs at " + mountPoint + " took 4 MiB");
        }
        catch (IOException exception) {
            if (!String.valueOf(exception.getMessage()).contains("No space left on device")) {
                throw exception;
            }
        }
        return this;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String output = run("umount", mountPoint.toString());
        if (output != null && run("umount", "-l", mountPoint.toString()) != null) {
            throw new IOException("cannot unmount the test tmpfs " + mountPoint + ": " + output.strip());
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(final String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + " did not finish within 60 s";
        }
        return process.exitValue() == 0 ? null : output.isBlank() ? "exit status " + process.exitValue() : output;
    }
}
