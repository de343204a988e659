package io.github.guestinspect.cli;

import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.runner.LibguestfsRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code guest-inspect cache stats|prune|clear} on a cache seeded with real entries. */
class CacheCommandTest {
    @TempDir
    Path directory;

    @Test
    void shouldCountEntriesAndTheirSizeAndSayWhenNoRunWasRecorded() throws Exception {
        seed("a".repeat(64), "b".repeat(64));

        CommandRun stats = cache("stats");

        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("cache:   " + directory.toAbsolutePath(), "entries: 2", "last run: -")
                .containsPattern("size: +[0-9.]+ KiB");
    }

    @Test
    void shouldPruneOnlyEntriesUnusedForLongerThanTheAgeGiven() throws Exception {
        List<Path> entries = seed("a".repeat(64), "b".repeat(64));
        Files.setLastModifiedTime(entries.get(0), FileTime.from(Instant.now().minus(Duration.ofDays(3))));

        CommandRun prune = cache("prune", "--older-than", "2d");

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).startsWith("pruned 1 entries");
        assertThat(entries.get(0)).doesNotExist();
        assertThat(entries.get(1)).exists();
    }

    @Test
    void shouldPruneLeastRecentlyUsedEntriesFirstUntilTheCacheFits() throws Exception {
        List<Path> entries = seed("a".repeat(64), "b".repeat(64), "c".repeat(64));
        for (int i = 0; i < entries.size(); i++) { // c is the oldest, a the newest
            Files.setLastModifiedTime(entries.get(i), FileTime.from(Instant.now().minus(Duration.ofHours(i + 1))));
        }
        long oneEntry = Files.size(entries.get(0));

        CommandRun prune = cache("prune", "--max-size", Long.toString(oneEntry + oneEntry / 2));

        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).startsWith("pruned 2 entries");
        assertThat(entries.get(0)).exists();
        assertThat(entries.get(1)).doesNotExist();
        assertThat(entries.get(2)).doesNotExist();
    }

    @Test
    void shouldRefuseAPruneWithoutLimitsOrWithAMalformedOneAsUsageError() throws Exception {
        List<Path> entries = seed("a".repeat(64));

        CommandRun none = cache("prune");
        CommandRun badSize = cache("prune", "--max-size", "2 gigs");
        CommandRun badAge = cache("prune", "--older-than", "a week");

        assertThat(List.of(none, badSize, badAge)).allSatisfy(run -> assertThat(run.exitCode())
                .isEqualTo(ExitCode.USAGE.code()));
        assertThat(none.err()).contains("give --older-than, --max-size or both");
        assertThat(badSize.err()).contains("not a size: '2 gigs'");
        assertThat(badAge.err()).contains("not an age: 'a week'");
        assertThat(entries.get(0)).exists();
    }

    @Test
    void shouldClearEveryEntryAndLeaveAnEmptyCacheThatStillWorks() throws Exception {
        seed("a".repeat(64), "b".repeat(64));

        CommandRun clear = cache("clear");
        CommandRun stats = cache("stats");

        assertThat(clear.exitCode()).as(clear.err()).isZero();
        assertThat(clear.out()).startsWith("cleared 2 entries");
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(stats.out()).contains("entries: 0", "size:    0 B", "oldest:  -");
    }

    private CommandRun cache(final String command, final String... options) {
        String[] arguments = Stream.concat(Stream.of("cache", command, "--cache-dir", directory.toString()),
                Stream.of(options)).toArray(String[]::new);
        return CommandRun.of(arguments);
    }

    /** Stores one result per content hash, as inspections of that many different images would. */
    private List<Path> seed(final String... hashes) throws Exception {
        ResultCache cache = new ResultCache(directory, warning -> { });
        for (String hash : hashes) {
            cache.put(ResultCache.key(hash, LibguestfsRunner.READER_VERSION, "qcow2"), SavedResults.build41().get(0));
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> entries = files.filter(Files::isRegularFile).toList();
            assertThat(entries).hasSize(hashes.length);
            return List.of(hashes).stream().map(hash -> entries.stream().filter(entry -> entry.getFileName()
                    .toString().startsWith(ResultCache.key(hash, LibguestfsRunner.READER_VERSION, "qcow2")))
                    .findFirst().orElseThrow()).toList();
        }
    }
}
