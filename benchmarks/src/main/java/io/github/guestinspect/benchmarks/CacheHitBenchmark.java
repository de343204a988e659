package io.github.guestinspect.benchmarks;

import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.hash.HashMemo.Hashed;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.LibguestfsRunner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cache hit, from disk: the real result stored with {@link ResultCache#put}, read back with
 * {@link ResultCache#get} (read the file, check the header, decode Smile, touch the entry), the content hash of an
 * unchanged image from {@link HashMemo#hash} (a stat and a small JSON memo), and both together as a run does for
 * each image ({@code lookup}: memo, key, get). The goal is a hit under 5 ms per image.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(1)
public class CacheHitBenchmark {
    /** The JSON report holding the real result; empty: the system property guestinspect.bench.report. */
    @Param("")
    public String report;

    /** The image whose hash is memoised; empty: a 1 MiB file made for the run. */
    @Param("")
    public String image;

    private Path directory;
    private Path file;
    private ResultCache cache;
    private HashMemo memo;
    private String key;

    @Setup
    public void setUp() throws IOException, InterruptedException {
        InspectionResult result = RealResult.load(report);
        directory = Files.createTempDirectory("gi-bench-cache-");
        if (image.isBlank()) {
            file = directory.resolve("image.raw");
            Files.write(file, new byte[1 << 20]);
        }
        else {
            file = Path.of(image);
        }
        cache = new ResultCache(directory.resolve("cache"), warning -> {
            throw new IllegalStateException("unexpected cache warning: " + warning);
        });
        memo = new HashMemo(directory.resolve("cache").resolve("memo"), ContentHasher.allCores());
        Hashed first = memo.hash(file);
        key = key(first.hash());
        cache.put(key, result);
        if (!memo.hash(file).memoised()) {
            throw new IllegalStateException("the second hash of " + file + " did not come from the memo");
        }
        if (!cache.get(key).map(result::equals).orElse(false)) {
            throw new IllegalStateException("the stored entry does not read back as the result");
        }
        long entryBytes;
        try (Stream<Path> files = Files.walk(directory.resolve("cache").resolve("entries"))) {
            entryBytes = files.filter(path -> path.toString().endsWith(".gic")).mapToLong(CacheHitBenchmark::size)
                    .sum();
        }
        System.out.printf("%n[cache] entry: %d bytes for %d packages; memoised image: %s%n", entryBytes,
                result.packageCount(), file);
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** ResultCache.get of a stored entry: read, decode, touch. */
    @Benchmark
    public InspectionResult get() {
        return cache.get(key).orElseThrow();
    }

    /** HashMemo.hash of an unchanged file: a memo hit. */
    @Benchmark
    public Hashed memoHit() throws IOException, InterruptedException {
        return memo.hash(file);
    }

    /** What a run does for each unchanged image before it can skip it: memo hit, key, cache get. */
    @Benchmark
    public InspectionResult lookup() throws IOException, InterruptedException {
        return cache.get(key(memo.hash(file).hash())).orElseThrow();
    }

    private static String key(final String contentHash) {
        return ResultCache.key(contentHash, LibguestfsRunner.READER_VERSION, "qcow2");
    }

    private static long size(final Path path) {
        try {
            return Files.size(path);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
