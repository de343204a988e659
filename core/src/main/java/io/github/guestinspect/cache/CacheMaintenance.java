package io.github.guestinspect.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.guestinspect.cache.CacheStatistics.RunCounts;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** {@code cache stats}, {@code cache prune} and {@code cache clear}, and the record of the last run's hits. */
public final class CacheMaintenance {
    private static final String LAST_RUN = "last-run.json";
    /** A temporary file older than this was left by a killed writer (a write takes milliseconds). */
    private static final Duration ABANDONED = Duration.ofHours(1);

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
        Files.createDirectories(cache.directory());
        Path temporary = Files.createTempFile(cache.directory(), ".last-run-", ".tmp");
        try {
            json.writeValue(temporary.toFile(), counts);
            Files.move(temporary, cache.directory().resolve(LAST_RUN), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
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
        for (Path leftover : leftovers()) {
            if (ResultCache.lastUse(leftover).toInstant().isBefore(now.minus(ABANDONED))) {
                Files.deleteIfExists(leftover);
            }
        }
        return new Removed(count, bytes);
    }

    /** Temporary files of killed writers: cache entries, the last-run record and the hash memo. */
    private List<Path> leftovers() throws IOException {
        List<Path> leftovers = new ArrayList<>(cache.leftovers());
        for (Path directory : List.of(cache.directory(), cache.directory().resolve("memo"))) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> files = Files.list(directory)) {
                    files.filter(file -> file.getFileName().toString().matches("\\.(last-run|memo)-.*\\.tmp"))
                            .forEach(leftovers::add);
                }
            }
        }
        return leftovers;
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
        for (Path leftover : leftovers()) {
            Files.deleteIfExists(leftover);
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
