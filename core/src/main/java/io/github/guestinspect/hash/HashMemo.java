package io.github.guestinspect.hash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        Optional<Hashed> remembered = remembered(identity, start);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String hash = hasher.hash(file);
        if (!FileIdentity.of(file).equals(identity)) {
            throw new IOException(file + " changed while it was hashed; try again when it is complete");
        }
        try {
            AtomicFile.write(directory.resolve(identity.memoName()),
                    json.writeValueAsBytes(new Entry(identity, hash)));
        }
        catch (IOException exception) {
            if (warned.compareAndSet(false, true)) {
                warnings.accept("cannot remember content hashes in " + directory + " (" + exception.getMessage()
                        + "); unchanged images will be read again next time");
            }
        }
        return new Hashed(hash, false, identity.size(), millisSince(start));
    }

    private Optional<Hashed> remembered(final FileIdentity identity, final long start) {
        Path memo = directory.resolve(identity.memoName());
        if (!Files.isRegularFile(memo)) { // nothing remembered yet (and never a FIFO to block on)
            return Optional.empty();
        }
        try {
            return Entry.of(json.readTree(Files.readAllBytes(memo)))
                    .filter(entry -> identity.equals(entry.identity())
                            && entry.hash().startsWith(ContentHasher.ALGORITHM + ":"))
                    .map(entry -> new Hashed(entry.hash(), true, identity.size(), millisSince(start)));
        }
        catch (IOException exception) {
            return Optional.empty(); // a damaged memo only costs a re-hash; it is overwritten then
        }
    }

    private static long millisSince(final long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A memo entry; a damaged one (no identity or hash) fails to load, which only costs a re-hash. */
    record Entry(FileIdentity identity, String hash) {
        /** The components of {@link FileIdentity}, in order. */
        private static final List<String> IDENTITY_FIELDS = List.of("device", "inode", "size", "mtimeNanos",
                "ctimeNanos");

        Entry {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(hash, "hash");
        }

        /**
         * The entry in a parsed memo file; empty when a part is missing or of another type. Read from the tree, not
         * bound: in a JVM that has just started, binding the record costs more than the rest of a memo lookup.
         */
        static Optional<Entry> of(final JsonNode entry) {
            JsonNode identity = entry.path("identity");
            JsonNode hash = entry.path("hash");
            long[] numbers = new long[IDENTITY_FIELDS.size()];
            for (int i = 0; i < numbers.length; i++) {
                JsonNode number = identity.path(IDENTITY_FIELDS.get(i));
                if (!number.isIntegralNumber() || !number.canConvertToLong()) {
                    return Optional.empty();
                }
                numbers[i] = number.longValue();
            }
            return hash.isTextual() ? Optional.of(new Entry(new FileIdentity(numbers[0], numbers[1], numbers[2],
                    numbers[3], numbers[4]), hash.textValue())) : Optional.empty();
        }
    }

    /**
     * A file's hash.
     *
     * @param hash     the content hash
     * @param memoised true when it came from the memo, false when the file was read
     * @param size     the file's size in bytes, as hashed
     * @param millis   time spent
     */
    public record Hashed(String hash, boolean memoised, long size, long millis) {
    }
}
