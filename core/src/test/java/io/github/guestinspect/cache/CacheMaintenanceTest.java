package io.github.guestinspect.cache;

import io.github.guestinspect.cache.CacheMaintenance.Removed;
import io.github.guestinspect.cache.CacheStatistics.RunCounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cache stats}, {@code cache prune} and {@code cache clear} on real entries with controlled last-use times. */
class CacheMaintenanceTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();
    private ResultCache cache;
    private CacheMaintenance maintenance;

    @BeforeEach
    void createCache() {
        cache = new ResultCache(directory, warnings::add);
        maintenance = new CacheMaintenance(cache);
    }

    private static String key(final int index) {
        return ResultCache.key("sha256-tree64m:image-" + index, "1", "qcow2");
    }

    /** Stores an entry of a size of its own and sets its last use. */
    private Path entry(final int index, final Instant lastUse) throws IOException {
        cache.put(key(index), InspectionResults.padded("image-" + index, 100 * (index + 1)));
        Path entry = cache.entry(key(index));
        Files.setLastModifiedTime(entry, FileTime.from(lastUse));
        return entry;
    }

    private Path leftover(final String name, final Instant lastModified) throws IOException {
        Path parent = Files.createDirectories(directory.resolve("entries").resolve("ab"));
        Path leftover = Files.write(parent.resolve(name), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(leftover, FileTime.from(lastModified));
        return leftover;
    }

    private static long size(final Path file) throws IOException {
        return Files.size(file);
    }

    @Test
    void shouldReportAnEmptyCacheWhoseDirectoryDoesNotExistYet() throws Exception {
        ResultCache missing = new ResultCache(directory.resolve("not-yet"), warnings::add);

        CacheStatistics statistics = new CacheMaintenance(missing).statistics();

        assertThat(statistics).isEqualTo(new CacheStatistics(0, 0, Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(new CacheMaintenance(missing).prune(Optional.of(Duration.ZERO), OptionalLong.of(0)))
                .isEqualTo(new Removed(0, 0));
        assertThat(new CacheMaintenance(missing).clear()).isEqualTo(new Removed(0, 0));
    }

    @Test
    void shouldCountEntriesTheirBytesAndTheOldestAndNewestUse() throws Exception {
        Path middle = entry(1, NOW.minus(Duration.ofDays(2)));
        Path oldest = entry(2, NOW.minus(Duration.ofDays(30)));
        Path newest = entry(3, NOW.minus(Duration.ofMinutes(5)));
        leftover(".guest-inspect-123.tmp", NOW.minus(Duration.ofDays(90)));

        CacheStatistics statistics = maintenance.statistics();

        assertThat(statistics.entries()).isEqualTo(3);
        assertThat(statistics.totalBytes()).isEqualTo(size(middle) + size(oldest) + size(newest));
        assertThat(statistics.oldestUse()).contains(NOW.minus(Duration.ofDays(30)));
        assertThat(statistics.newestUse()).contains(NOW.minus(Duration.ofMinutes(5)));
        assertThat(statistics.lastRun()).isEmpty();
    }

    @Test
    void shouldRecordTheLastRunsCountsAndKeepOnlyTheLatest() throws Exception {
        RunCounts first = new RunCounts(1, 9, Instant.parse("2024-05-01T10:15:30.123456789Z"));
        RunCounts second = new RunCounts(7, 2, Instant.now());

        maintenance.recordRun(first);
        assertThat(maintenance.statistics().lastRun()).contains(first);
        maintenance.recordRun(second);

        assertThat(new CacheMaintenance(cache).statistics().lastRun()).contains(second);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList()).containsExactly("last-run.json");
        }
    }

    @Test
    void shouldIgnoreADamagedLastRunRecord() throws Exception {
        Files.writeString(directory.resolve("last-run.json"), "{\"hits\":");

        assertThat(maintenance.statistics().lastRun()).isEmpty();
    }

    @Test
    void shouldMakeAHitTheNewestUse() throws Exception {
        entry(1, NOW.minus(Duration.ofDays(10)));
        entry(2, NOW.minus(Duration.ofDays(1)));

        assertThat(cache.get(key(1))).isPresent();

        CacheStatistics statistics = maintenance.statistics();
        assertThat(statistics.oldestUse()).contains(NOW.minus(Duration.ofDays(1)));
        assertThat(statistics.newestUse()).hasValueSatisfying(use -> assertThat(use).isAfter(NOW.minusSeconds(60)));
    }

    @Test
    void shouldPruneEntriesNotUsedWithinTheGivenTime() throws Exception {
        Path old = entry(1, NOW.minus(Duration.ofDays(10)));
        Path older = entry(2, NOW.minus(Duration.ofDays(40)));
        Path recent = entry(3, NOW.minus(Duration.ofHours(20)));
        Path fresh = entry(4, NOW.minus(Duration.ofMinutes(1)));
        long removedBytes = size(old) + size(older);

        Removed removed = maintenance.prune(Optional.of(Duration.ofDays(1)), OptionalLong.empty());

        assertThat(removed).isEqualTo(new Removed(2, removedBytes));
        assertThat(old).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(recent).exists();
        assertThat(fresh).exists();
        assertThat(cache.get(key(3))).isPresent();
        assertThat(cache.get(key(1))).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldPruneNothingWithoutLimits() throws Exception {
        entry(1, NOW.minus(Duration.ofDays(1000)));

        assertThat(maintenance.prune(Optional.empty(), OptionalLong.empty())).isEqualTo(new Removed(0, 0));
        assertThat(maintenance.statistics().entries()).isEqualTo(1);
    }

    /**
     * For every limit around every possible cut, the survivors are exactly the most recently used entries that fit,
     * and everything older is deleted.
     */
    @Test
    void shouldPruneTheLeastRecentlyUsedEntriesUntilTheRestFitsTheSize() throws Exception {
        int count = 5;
        List<Long> sizesNewestFirst = new ArrayList<>();
        for (int index = 0; index < count; index++) { // index 0 is the newest; sizes grow with the index
            sizesNewestFirst.add(size(entry(index, NOW.minus(Duration.ofHours(index + 1L)))));
        }
        clearEntries();
        long total = sizesNewestFirst.stream().mapToLong(Long::longValue).sum();
        List<Long> limits = new ArrayList<>(List.of(0L, 1L, total - 1, total, total + 1, Long.MAX_VALUE));
        long newest = 0;
        for (long size : sizesNewestFirst) {
            newest += size;
            limits.add(newest - 1);
            limits.add(newest);
            limits.add(newest + 1);
        }

        for (long limit : limits) {
            for (int index = 0; index < count; index++) {
                entry(index, NOW.minus(Duration.ofHours(index + 1L)));
            }
            int survivors = 0;
            long kept = 0;
            while (survivors < count && kept + sizesNewestFirst.get(survivors) <= limit) {
                kept += sizesNewestFirst.get(survivors);
                survivors++;
            }

            Removed removed = maintenance.prune(Optional.empty(), OptionalLong.of(limit));

            assertThat(removed).as("limit %d", limit).isEqualTo(new Removed(count - survivors, total - kept));
            for (int index = 0; index < count; index++) {
                assertThat(Files.exists(cache.entry(key(index)))).as("entry %d with limit %d", index, limit)
                        .isEqualTo(index < survivors);
            }
            assertThat(maintenance.statistics().totalBytes()).isEqualTo(kept).isLessThanOrEqualTo(limit);
            clearEntries();
        }
    }

    private void clearEntries() throws IOException {
        for (Path entry : cache.entries()) {
            Files.delete(entry);
        }
    }

    @Test
    void shouldApplyTheAgeLimitBeforeTheSizeLimit() throws Exception {
        Path ancient = entry(4, NOW.minus(Duration.ofDays(100)));
        Path old = entry(3, NOW.minus(Duration.ofDays(3)));
        Path recent = entry(0, NOW.minus(Duration.ofHours(1)));

        Removed removed = maintenance.prune(Optional.of(Duration.ofDays(30)), OptionalLong.of(size(old) + size(recent)));

        assertThat(removed.entries()).isEqualTo(1);
        assertThat(ancient).doesNotExist();
        assertThat(old).exists();
        assertThat(recent).exists();
    }

    @Test
    void shouldKeepAnEntryJustReadWhenPruningBySize() throws Exception {
        entry(0, NOW.minus(Duration.ofDays(9)));
        Path other = entry(1, NOW.minus(Duration.ofDays(1)));
        cache.get(key(0)); // now the most recently used

        maintenance.prune(Optional.empty(), OptionalLong.of(size(cache.entry(key(0)))));

        assertThat(cache.entry(key(0))).exists();
        assertThat(other).doesNotExist();
    }

    @Test
    void shouldDeleteTemporaryFilesOlderThanAnHourAndKeepFreshOnes() throws Exception {
        Path abandoned = leftover(".guest-inspect-111.tmp", NOW.minus(Duration.ofHours(2)));
        Path ancient = leftover(".guest-inspect-222.tmp", NOW.minus(Duration.ofDays(20)));
        Path writing = leftover(".guest-inspect-333.tmp", Instant.now());
        Path almostAnHour = leftover(".guest-inspect-444.tmp", Instant.now().minus(Duration.ofMinutes(50)));
        Path kept = entry(1, NOW.minus(Duration.ofDays(2)));

        Removed removed = maintenance.prune(Optional.empty(), OptionalLong.empty());

        assertThat(removed).as("temporary files are not entries").isEqualTo(new Removed(0, 0));
        assertThat(abandoned).doesNotExist();
        assertThat(ancient).doesNotExist();
        assertThat(writing).exists();
        assertThat(almostAnHour).exists();
        assertThat(kept).exists();
    }

    @Test
    void shouldClearEveryEntryTemporaryFileAndTheRunRecord() throws Exception {
        Path first = entry(1, NOW.minus(Duration.ofDays(2)));
        Path second = entry(2, NOW);
        long bytes = size(first) + size(second);
        Path writing = leftover(".guest-inspect-999.tmp", Instant.now());
        maintenance.recordRun(new RunCounts(1, 1, NOW));
        Path unrelated = Files.writeString(directory.resolve("README"), "not ours");

        Removed removed = maintenance.clear();

        assertThat(removed).isEqualTo(new Removed(2, bytes));
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(writing).doesNotExist();
        assertThat(directory.resolve("last-run.json")).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(maintenance.statistics()).isEqualTo(new CacheStatistics(0, 0, Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(cache.get(key(1))).isEmpty();
        cache.put(key(1), InspectionResults.sample("after-clear", 1));
        assertThat(cache.get(key(1))).contains(InspectionResults.sample("after-clear", 1));
    }

    @Test
    void shouldCountOnlyEntryFilesNotForeignFilesInTheEntriesDirectory() throws Exception {
        entry(1, NOW);
        Path parent = cache.entry(key(1)).getParent();
        Files.writeString(parent.resolve("notes.txt"), "not an entry");
        Files.writeString(parent.resolve(".hidden.gic"), "not an entry either");

        assertThat(maintenance.statistics().entries()).isEqualTo(1);
        assertThat(maintenance.clear().entries()).isEqualTo(1);
        assertThat(parent.resolve("notes.txt")).exists();
    }
}
