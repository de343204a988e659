package io.github.guestinspect.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.guestinspect.cache.CacheStatistics.RunCounts;
import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** {@code cache stats}, {@code cache prune} and {@code cache clear}, and the record of the last run's hits. */
public final class CacheMaintenance {
    /** Where the hash memo of a cache lives (HashMemo's directory). */
    public static final String MEMO = "memo";
    private static final String LAST_RUN = "last-run.json";

    private final ResultCache cache;
    private final ObjectMapper json = ModelMapper.json().registerModule(new JavaTimeModule());

    public CacheMaintenance(final ResultCache cache) {
        this.cache = cache;
    }

    public CacheStatistics statistics() throws IOException {
        List<Path> entries = cache.entries();
        long total = 0;
        for (Path entry : entries) {
            total += ResultCache.sizeOf(entry);
        }
        Optional<Instant> oldest = entries.stream().findFirst().map(entry -> ResultCache.lastUse(entry).toInstant());
        Optional<Instant> newest = entries.isEmpty() ? Optional.empty()
                : Optional.of(ResultCache.lastUse(entries.get(entries.size() - 1)).toInstant());
        return new CacheStatistics(entries.size(), total, oldest, newest, lastRun());
    }

    private Optional<RunCounts> lastRun() {
        Path file = cache.directory().resolve(LAST_RUN);
        try {
            return Files.isRegularFile(file) ? Optional.of(json.readValue(file.toFile(), RunCounts.class))
                    : Optional.empty();
        }
        catch (IOException exception) {
            return Optional.empty();
        }
    }

    /** Records a run's hits and misses (atomically, so concurrent runs leave one whole record). */
    public void recordRun(final RunCounts counts) throws IOException {
        AtomicFile.write(cache.directory().resolve(LAST_RUN), json.writeValueAsBytes(counts));
    }

    /**
     * Deletes entries not used within {@code olderThan}, then the least recently used ones until the rest fit in
     * {@code maxBytes}, and temporary files that killed writers left behind.
     *
     * @return the deleted entries' count and size
     */
    public Removed prune(final Optional<Duration> olderThan, final OptionalLong maxBytes) throws IOException {
        List<Path> entries = new ArrayList<>(cache.entries());
        Instant now = Instant.now();
        int count = 0;
        long bytes = 0;
        long total = 0;
        for (Path entry : entries) {
            total += ResultCache.sizeOf(entry);
        }
        for (Path entry : entries) {
            boolean old = olderThan.isPresent()
                    && ResultCache.lastUse(entry).toInstant().isBefore(now.minus(olderThan.get()));
            boolean tooBig = maxBytes.isPresent() && total > maxBytes.getAsLong();
            if (old || tooBig) {
                long size = ResultCache.sizeOf(entry);
                Files.deleteIfExists(entry);
                total -= size;
                bytes += size;
                count++;
            }
        }
        deleteAbandoned();
        return new Removed(count, bytes);
    }

    /**
     * Deletes the temporary files that killed writers left (entries, the last-run record, the hash memo): at once
     * when their writer is known to be dead, after an hour otherwise. A live run's files are never touched.
     *
     * @return how many were deleted
     */
    public int deleteAbandoned() throws IOException {
        int deleted = 0;
        for (Path folder : folders()) {
            deleted += AtomicFile.deleteAbandoned(folder);
        }
        return deleted;
    }

    /** The folders the cache writes files to. */
    private List<Path> folders() throws IOException {
        List<Path> folders = new ArrayList<>(cache.shards());
        folders.add(cache.directory());
        folders.add(cache.directory().resolve(MEMO));
        return folders;
    }

    /** Deletes every entry. */
    public Removed clear() throws IOException {
        int count = 0;
        long bytes = 0;
        for (Path entry : cache.entries()) {
            bytes += ResultCache.sizeOf(entry);
            Files.deleteIfExists(entry);
            count++;
        }
        for (Path folder : folders()) { // a concurrent writer of a temporary file deleted here only fails its write
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(file -> AtomicFile.isTemporary(String.valueOf(file.getFileName()))).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            catch (NoSuchFileException exception) {
                // nothing written there yet
            }
        }
        Files.deleteIfExists(cache.directory().resolve(LAST_RUN));
        return new Removed(count, bytes);
    }

    /**
     * What pruning or clearing deleted.
     *
     * @param entries entries deleted
     * @param bytes   their size
     */
    public record Removed(int entries, long bytes) {
    }
}
