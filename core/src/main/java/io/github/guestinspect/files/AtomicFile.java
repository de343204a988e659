package io.github.guestinspect.files;

import io.github.guestinspect.runner.RunOwner;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that no reader ever sees half of it: the content goes to a temporary file in the same directory,
 * is forced to disk and renamed over the target atomically. A write that fails (a full disk) deletes its temporary
 * file and leaves the target as it was. The temporary file is named {@code .guest-inspect-OWNER-RANDOM.tmp} after
 * its writer ({@link RunOwner}), so a later run removes what a killed writer left at once, and never what a live
 * one is writing.
 */
public final class AtomicFile {
    private static final String PREFIX = ".guest-inspect-";
    private static final String SUFFIX = ".tmp";
    /** A temporary file of a writer that cannot be judged (another host) is abandoned after this long. */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private AtomicFile() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes the file (its directory is created if missing).
     *
     * @throws IOException naming the target when the content cannot be written (it is left as it was)
     */
    public static void write(final Path target, final Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        if (directory == null) {
            throw new IOException("cannot write " + target + ": not a file name");
        }
        try {
            Files.createDirectories(directory);
            // not createTempFile: its 0600 would stay on the file; a new file gets the umask's permissions
            Path temporary = Files.createFile(directory.resolve(PREFIX + RunOwner.current().token() + "-"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + SUFFIX));
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                    content.write(out);
                    out.flush();
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            finally {
                Files.deleteIfExists(temporary);
            }
        }
        catch (AtomicMoveNotSupportedException exception) {
            throw new IOException("cannot write " + target + ": " + directory + " does not support atomic renames",
                    exception);
        }
        catch (IOException exception) {
            throw new IOException("cannot write " + target + ": " + reason(exception), exception);
        }
    }

    /** Why a write failed, without repeating the temporary file's name that file-system exceptions start with. */
    private static String reason(final IOException exception) {
        if (!(exception instanceof FileSystemException failure)) {
            return String.valueOf(exception.getMessage());
        }
        if (failure.getReason() != null) {
            return failure.getReason();
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory: " + failure.getFile();
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied: " + failure.getFile();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getFile();
    }

    /** Writes bytes as a file. */
    public static void write(final Path target, final byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** True when the name is one of this class' temporary files. */
    public static boolean isTemporary(final String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
    }

    /**
     * Deletes the temporary files in a directory that killed writers left: those whose writer is dead, and those
     * older than an hour whose writer cannot be judged.
     *
     * @return how many were deleted (0 when the directory does not exist)
     */
    public static int deleteAbandoned(final Path directory) {
        List<Path> abandoned = new ArrayList<>();
        Instant old = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory,
                file -> isTemporary(String.valueOf(file.getFileName())))) { // no glob: the memo folder is large
            for (Path file : files) {
                Optional<RunOwner> owner = RunOwner.inName(String.valueOf(file.getFileName()), PREFIX);
                if (owner.map(RunOwner::isDead).orElse(false) || modifiedBefore(file, old)) {
                    abandoned.add(file);
                }
            }
        }
        catch (IOException exception) {
            return 0; // no directory (yet)
        }
        int deleted = 0;
        for (Path file : abandoned) {
            try {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
            catch (IOException exception) {
                // a concurrent run deleted it, or the next one will
            }
        }
        return deleted;
    }

    private static boolean modifiedBefore(final Path file, final Instant time) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(time);
        }
        catch (IOException exception) {
            return false; // renamed into place meanwhile
        }
    }
}
