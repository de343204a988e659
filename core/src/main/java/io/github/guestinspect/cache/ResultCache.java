package io.github.guestinspect.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stores inspection results as Smile files under {@code DIR/entries/ab/abcdef....gic}. Each entry starts with a
 * header (8 magic bytes, the schema version as an int) followed by the Smile document. Writers write a temporary
 * file in the same directory and rename it over the entry, so readers never see half an entry and concurrent
 * writers of the same key lose nothing (both write the same result). A hit touches the entry's modification time,
 * which is what pruning by age and size goes by (least recently used first).
 */
public final class ResultCache {
    /** Bumped when the model changes in a way old entries cannot be read as. */
    public static final int SCHEMA_VERSION = 1;
    static final byte[] MAGIC = "GINSPECT".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_SIZE = MAGIC.length + Integer.BYTES;
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
            digest.update(("guest-inspect-cache\n" + SCHEMA_VERSION + "\n" + readerVersion + "\n" + contentHash + "\n"
                    + claimedFormat).getBytes(StandardCharsets.UTF_8));
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
        try {
            return smile.readValue(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, InspectionResult.class);
        }
        catch (IOException | RuntimeException exception) {
            throw new CacheEntryException("is damaged (" + exception.getClass().getSimpleName() + ")", exception);
        }
    }

    byte[] encode(final InspectionResult result) throws IOException {
        byte[] payload = smile.writeValueAsBytes(result);
        return ByteBuffer.allocate(HEADER_SIZE + payload.length).put(MAGIC).putInt(SCHEMA_VERSION).put(payload)
                .array();
    }

    /** Stores a result: written to a temporary file beside the entry, then renamed over it atomically. */
    public void put(final String key, final InspectionResult result) throws IOException {
        Path entry = entry(key);
        Files.createDirectories(entry.getParent());
        Path temporary = Files.createTempFile(entry.getParent(), ".tmp-", SUFFIX);
        try {
            Files.write(temporary, encode(result));
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
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
        Path root = directory.resolve("entries");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(SUFFIX)
                            && !path.getFileName().toString().startsWith("."))
                    .sorted((a, b) -> lastUse(a).compareTo(lastUse(b))).toList();
        }
    }

    /** Temporary files that a killed writer left behind. */
    List<Path> leftovers() throws IOException {
        Path root = directory.resolve("entries");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().startsWith(".tmp-")).toList();
        }
    }

    static FileTime lastUse(final Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
