package io.github.guestinspect.cache;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A separate guest-inspect run writing to a shared cache with several threads: {@code DIRECTORY WRITER ROUNDS
 * THREADS}. Prints "ready" once warmed up, starts when a line arrives on stdin, prints every problem and warning,
 * exits 0 when there was none.
 */
final class CacheWriterProcess {
    private CacheWriterProcess() {
    }

    public static void main(final String[] arguments) throws IOException, InterruptedException {
        Path directory = Path.of(arguments[0]);
        int writer = Integer.parseInt(arguments[1]);
        int rounds = Integer.parseInt(arguments[2]);
        int threads = Integer.parseInt(arguments[3]);
        List<String> warnings = new CopyOnWriteArrayList<>();
        ResultCache cache = new ResultCache(directory, warnings::add);
        try {
            cache.decode(cache.encode(CacheTraffic.sharedResult(0))); // load the classes before the race starts
        }
        catch (CacheEntryException exception) {
            throw new IllegalStateException(exception);
        }
        System.out.println("ready");
        System.out.flush();
        if (System.in.read() < 0) {
            System.out.println("stdin closed before the start signal");
            System.exit(3);
        }
        List<String> problems = new ArrayList<>(CacheTraffic.runThreads(cache, writer, rounds, threads));
        warnings.forEach(warning -> problems.add("warning: " + warning));
        problems.forEach(System.out::println);
        System.out.println("done " + problems.size());
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
