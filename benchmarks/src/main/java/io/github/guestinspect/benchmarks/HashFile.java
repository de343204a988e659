package io.github.guestinspect.benchmarks;

import io.github.guestinspect.hash.ContentHasher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Hashes one file with {@link ContentHasher} once and prints the hash and the throughput:
 * {@code java -cp benchmarks.jar io.github.guestinspect.benchmarks.HashFile FILE [THREADS]} (THREADS defaults to
 * every core). The second line is one JSON object for scripts: {@code {"threads":2,"bytes":...,"seconds":...,
 * "gbPerSecond":...}} (GB = 10^9 bytes), timed around the hash call alone, so JVM start-up is not in it.
 */
public final class HashFile {
    private HashFile() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: HashFile FILE [THREADS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int threads = args.length == 2 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        long bytes = Files.size(file);
        long start = System.nanoTime();
        String hash = new ContentHasher(threads).hash(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(hash + "  " + file);
        System.out.println(String.format(Locale.ROOT,
                "{\"threads\": %d, \"bytes\": %d, \"seconds\": %.6f, \"gbPerSecond\": %.4f}", threads, bytes,
                seconds, bytes / seconds / 1e9));
    }
}
