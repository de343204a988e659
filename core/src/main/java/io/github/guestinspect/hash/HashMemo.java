package io.github.guestinspect.hash;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Remembers the content hash of each file by its identity (device, inode, size, mtime, ctime), so a 20 GB image
 * that did not change is not read again: a lookup is one stat and one small file. Any change of identity means
 * the file is hashed again. Entries are written atomically, so concurrent runs never see half a memo.
 */
public final class HashMemo {
    private final Path directory;
    private final ContentHasher hasher;
    private final Consumer<String> warnings;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final ObjectMapper json = ModelMapper.json();

    /** A memo that keeps quiet when it cannot be written (the hash is still returned). */
    public HashMemo(final Path directory, final ContentHasher hasher) {
        this(directory, hasher, warning -> { });
    }

    /**
     * @param warnings where the first failure to write the memo (a full disk) is reported; the hash is returned
     *                 all the same, the image is only read again next time
     */
    public HashMemo(final Path directory, final ContentHasher hasher, final Consumer<String> warnings) {
        this.directory = directory;
        this.hasher = hasher;
        this.warnings = warnings;
    }

    /** The content hash of the file, from the memo when its identity is unchanged. */
    public Hashed hash(final Path file) throws IOException, InterruptedException {
        long start = System.nanoTime();
        FileIdentity identity = FileIdentity.of(file);
        Path memo = directory.resolve(identity.memoName());
        if (Files.isRegularFile(memo)) {
            try {
                Entry entry = json.readValue(memo.toFile(), Entry.class); // null for a file holding "null"
                if (entry != null && identity.equals(entry.identity())
                        && entry.hash().startsWith(ContentHasher.ALGORITHM + ":")) {
                    return new Hashed(entry.hash(), true, millisSince(start));
                }
            }
            catch (IOException exception) {
                // a damaged memo only costs a re-hash; it is overwritten below
            }
        }
        String hash = hasher.hash(file);
        if (!FileIdentity.of(file).equals(identity)) {
            throw new IOException(file + " changed while it was hashed; try again when it is complete");
        }
        try {
            AtomicFile.write(memo, json.writeValueAsBytes(new Entry(identity, hash)));
        }
        catch (IOException exception) {
            if (warned.compareAndSet(false, true)) {
                warnings.accept("cannot remember content hashes in " + directory + " (" + exception.getMessage()
                        + "); unchanged images will be read again next time");
            }
        }
        return new Hashed(hash, false, millisSince(start));
    }

    private static long millisSince(final long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A memo entry; a damaged one (no identity or hash) fails to load, which only costs a re-hash. */
    record Entry(FileIdentity identity, String hash) {
        Entry {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /**
     * A file's hash.
     *
     * @param hash     the content hash
     * @param memoised true when it came from the memo, false when the file was read
     * @param millis   time spent
     */
    public record Hashed(String hash, boolean memoised, long millis) {
    }
}
