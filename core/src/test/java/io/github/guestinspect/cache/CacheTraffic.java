package io.github.guestinspect.cache;

import io.github.guestinspect.model.InspectionResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The reads and writes one concurrent writer (a thread or a process) does: it stores and reads back keys every
 * writer shares (all write the same result for a key, as two runs inspecting the same image do) and keys of its own.
 */
final class CacheTraffic {
    static final int SHARED_KEYS = 4;

    private CacheTraffic() {
    }

    static String sharedKey(final int index) {
        return ResultCache.key("sha256-tree64m:shared-" + index, "1", "qcow2");
    }

    static InspectionResult sharedResult(final int index) {
        return InspectionResults.sample("shared-" + index, 40 + index);
    }

    static String ownKey(final int writer, final int round) {
        return ResultCache.key("sha256-tree64m:writer-" + writer + "-round-" + round, "1", "raw");
    }

    static InspectionResult ownResult(final int writer, final int round) {
        return InspectionResults.sample("writer-" + writer + "-round-" + round, round % 7);
    }

    /**
     * Runs the rounds in several threads at once, as one run's appliance workers store results: writer
     * {@code writer * 100 + thread} in each. Returns what went wrong in any of them.
     */
    static List<String> runThreads(final ResultCache cache, final int writer, final int rounds, final int threads)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> running = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = writer * 100 + thread;
                running.add(pool.submit(() -> run(cache, id, rounds)));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> thread : running) {
                problems.addAll(thread.get());
            }
            return problems;
        }
        catch (ExecutionException exception) {
            return List.of("a writer thread failed: " + exception.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Runs the rounds and returns what went wrong (nothing, when the cache is safe for concurrent use). */
    static List<String> run(final ResultCache cache, final int writer, final int rounds) {
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int shared = (writer + round) % SHARED_KEYS;
            try {
                cache.put(sharedKey(shared), sharedResult(shared));
                check(problems, "shared key " + shared, cache.get(sharedKey(shared)), sharedResult(shared));
                cache.put(ownKey(writer, round), ownResult(writer, round));
                check(problems, "own key " + round, cache.get(ownKey(writer, round)), ownResult(writer, round));
                int other = (shared + 1) % SHARED_KEYS;
                Optional<InspectionResult> peeked = cache.get(sharedKey(other));
                if (peeked.isPresent() && !peeked.get().equals(sharedResult(other))) {
                    problems.add("writer " + writer + " read another result for shared key " + other);
                }
            }
            catch (IOException | RuntimeException exception) {
                problems.add("writer " + writer + " round " + round + ": " + exception);
            }
        }
        return problems;
    }

    private static void check(final List<String> problems, final String what, final Optional<InspectionResult> read,
                              final InspectionResult expected) {
        if (read.isEmpty()) {
            problems.add(what + " was missing right after it was stored");
        }
        else if (!read.get().equals(expected)) {
            problems.add(what + " came back different");
        }
    }
}
