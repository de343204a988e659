package io.github.guestinspect.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/** Writes files through a temporary file in the same directory and an atomic rename: no reader sees half a file. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes content to a stream. */
    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    static void write(final Path file, final Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) {
            throw new FileSystemException(file.toString(), null, "not a file name");
        }
        Files.createDirectories(parent);
        // not createTempFile: its 0600 would stay on the report; a new file gets the umask's permissions
        Path temporary = Files.createFile(parent.resolve(".guest-inspect-" + Long.toHexString(
                ThreadLocalRandom.current().nextLong()) + ".tmp"));
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }
}
