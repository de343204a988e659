package io.github.guestinspect.cache;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * Stores inspection results as Smile files under {@code DIR/entries/ab/abcdef....gic}. Each entry starts with a
 * header (8 magic bytes, the schema version, a CRC-32C of the rest) followed by the Smile document. Writers write a temporary
 * file in the same directory and rename it over the entry, so readers never see half an entry and concurrent
 * writers of the same key lose nothing (both write the same result). A hit touches the entry's modification time,
 * which is what pruning by age and size goes by (least recently used first).
 */
public final class ResultCache {
    /** Bumped when the model or the entry layout changes in a way old entries cannot be read as. */
    public static final int SCHEMA_VERSION = 2;
    static final byte[] MAGIC = "GINSPECT".getBytes(StandardCharsets.US_ASCII);
    /** Magic, schema version, then a CRC-32C of the payload: a flipped bit or appended bytes never decode. */
    static final int HEADER_SIZE = MAGIC.length + Integer.BYTES + Integer.BYTES;
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".gic";

    private final Path directory;
    private final Consumer<String> warnings;
    private final ObjectMapper smile = ModelMapper.forFactory(new SmileFactory());

    /**
     * @param directory the cache directory (created on first write)
     * @param warnings  where damaged entries are reported (once each, with the entry's path)
     */
    public ResultCache(final Path directory, final Consumer<String> warnings) {
        this.directory = directory;
        this.warnings = warnings;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The key of an image's result: SHA-256 over the schema version, the reader's version, and what determines
     * the result (content hash, the format the file name claims). Always 64 hex digits.
     */
    public static String key(final String contentHash, final String readerVersion, final String claimedFormat) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of("guest-inspect-cache", Integer.toString(SCHEMA_VERSION), readerVersion,
                    contentHash, claimedFormat)) { // length-prefixed, so no two inputs can run into each other
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available", exception);
        }
    }

    /** The entry file of a key; refuses anything but 64 hex digits, so a key can never leave the directory. */
    Path entry(final String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a cache key (64 hex digits expected): "
                    + key.replaceAll("\\p{Cntrl}", "?"));
        }
        return directory.resolve("entries").resolve(key.substring(0, 2)).resolve(key + SUFFIX);
    }

    /** The cached result, or empty on a miss. A damaged entry is reported, deleted and counts as a miss. */
    public Optional<InspectionResult> get(final String key) {
        Path entry = entry(key);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(entry);
        }
        catch (NoSuchFileException exception) {
            return Optional.empty();
        }
        catch (IOException exception) {
            warnings.accept("cache entry " + entry + " cannot be read (" + exception.getMessage()
                    + "); inspecting again");
            return Optional.empty();
        }
        try {
            InspectionResult result = decode(bytes);
            touch(entry);
            return Optional.of(result);
        }
        catch (CacheEntryException exception) {
            warnings.accept("cache entry " + entry + " " + exception.getMessage() + "; deleted, inspecting again");
            delete(entry);
            return Optional.empty();
        }
    }

    InspectionResult decode(final byte[] bytes) throws CacheEntryException {
        if (bytes.length < HEADER_SIZE || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new CacheEntryException("is not a guest-inspect cache entry (bad header)");
        }
        int version = ByteBuffer.wrap(bytes, MAGIC.length, Integer.BYTES).getInt();
        if (version != SCHEMA_VERSION) {
            throw new CacheEntryException("has schema version " + version + ", this guest-inspect reads "
                    + SCHEMA_VERSION);
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, MAGIC.length + Integer.BYTES, Integer.BYTES).getInt()) {
            throw new CacheEntryException("is damaged (checksum mismatch)");
        }
        try {
            requireOneCompleteDocument(bytes);
            return smile.readValue(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, InspectionResult.class);
        }
        catch (IOException | RuntimeException exception) {
            throw new CacheEntryException("is damaged (" + exception.getClass().getSimpleName() + ")", exception);
        }
    }

    /**
     * Smile's end-of-content byte ends the stream even inside an object, without an error, and Jackson's binding of
     * records then loops forever over the half-read object of an unknown property (jackson-databind 2.22.1): the
     * payload must be one object, closed, and nothing after it, before it is bound.
     */
    private void requireOneCompleteDocument(final byte[] bytes) throws IOException, CacheEntryException {
        try (JsonParser parser = smile.getFactory().createParser(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE)) {
            boolean complete = parser.nextToken() == JsonToken.START_OBJECT;
            if (complete) {
                parser.skipChildren(); // stops at the end of the stream, closed or not
                complete = parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null;
            }
            if (!complete) {
                throw new CacheEntryException("is damaged (incomplete document)");
            }
        }
    }

    byte[] encode(final InspectionResult result) throws IOException {
        byte[] payload = smile.writeValueAsBytes(result);
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(HEADER_SIZE + payload.length).put(MAGIC).putInt(SCHEMA_VERSION)
                .putInt((int) crc.getValue()).put(payload).array();
    }

    /**
     * Stores a result: written to a temporary file beside the entry, then renamed over it atomically.
     *
     * @throws IOException naming the entry when it cannot be written (a full disk): nothing is left of the attempt
     */
    public void put(final String key, final InspectionResult result) throws IOException {
        AtomicFile.write(entry(key), encode(result));
    }

    private static void touch(final Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        }
        catch (IOException exception) {
            // only pruning order suffers
        }
    }

    private static void delete(final Path entry) {
        try {
            Files.deleteIfExists(entry);
        }
        catch (IOException exception) {
            // the next writer replaces it
        }
    }

    /** Every entry file (not temporary files), oldest use first. */
    List<Path> entries() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(SUFFIX) && !name.startsWith(".")) {
                entries.add(file);
            }
        }
        Map<Path, FileTime> uses = new HashMap<>();
        entries.forEach(entry -> uses.put(entry, lastUse(entry)));
        entries.sort(Comparator.comparing(uses::get));
        return entries;
    }

    /** Temporary files of writers, live or killed. */
    List<Path> temporaryFiles() throws IOException {
        return files().stream().filter(path -> AtomicFile.isTemporary(String.valueOf(path.getFileName()))).toList();
    }

    /** The folders entries are written to (one per first two hex digits of the key); none before the first put. */
    List<Path> shards() throws IOException {
        List<Path> shards = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory.resolve("entries"))) {
            for (Path folder : folders) {
                if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    shards.add(folder);
                }
            }
        }
        catch (NoSuchFileException | NotDirectoryException exception) {
            return List.of();
        }
        return shards;
    }

    /**
     * The files in the shards, listed folder by folder: a file that another process renames or deletes meanwhile is
     * simply not listed (Files.walk would fail on it).
     */
    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path shard : shards()) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(shard)) {
                for (Path entry : entries) {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        files.add(entry);
                    }
                }
            }
            catch (NoSuchFileException | NotDirectoryException exception) {
                // the shard vanished while listing: nothing in it to count
            }
        }
        return files;
    }

    /** When an entry was last used; the epoch for an entry that vanished meanwhile (it goes first and is skipped). */
    static FileTime lastUse(final Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        }
        catch (IOException exception) {
            return FileTime.fromMillis(0);
        }
    }

    /** An entry's size; 0 for one that vanished meanwhile. */
    static long sizeOf(final Path entry) {
        try {
            return Files.size(entry);
        }
        catch (IOException exception) {
            return 0;
        }
    }
}
