package io.github.guestinspect.hash;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.ModelMapper;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream in = new FileInputStream(memo.toFile())) {
            return Entry.parse(json.getFactory(), in.readAllBytes())
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
         * The entry a memo file holds; empty when a part is missing or of another type (unknown fields are skipped).
         * Read token by token, not bound: in a JVM that has just started, binding the record costs more than the
         * rest of a memo lookup.
         */
        static Optional<Entry> parse(final JsonFactory factory, final byte[] json) throws IOException {
            try (JsonParser parser = factory.createParser(json)) {
                long[] identity = new long[IDENTITY_FIELDS.size()];
                int found = 0; // a bit per identity field read
                String hash = null;
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.empty();
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("identity".equals(field) && value == JsonToken.START_OBJECT) {
                        found = readIdentity(parser, identity);
                    }
                    else if ("hash".equals(field) && value == JsonToken.VALUE_STRING) {
                        hash = parser.getText();
                    }
                    else {
                        parser.skipChildren();
                    }
                }
                return found == (1 << identity.length) - 1 && hash != null ? Optional.of(new Entry(new FileIdentity(
                        identity[0], identity[1], identity[2], identity[3], identity[4]), hash)) : Optional.empty();
            }
        }

        /** Reads the identity object's numbers into place; returns a bit for each field found as a long. */
        private static int readIdentity(final JsonParser parser, final long[] identity) throws IOException {
            int found = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int index = IDENTITY_FIELDS.indexOf(parser.currentName());
                if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT && index >= 0
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    identity[index] = parser.getLongValue();
                    found |= 1 << index;
                }
                else {
                    parser.skipChildren();
                }
            }
            return found;
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
