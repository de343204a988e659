package io.github.guestinspect.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A separate guest-inspect run appending to a shared history with several threads: {@code DIRECTORY WRITER RUNS LIMIT
 * THREADS}. Prints "ready", starts when a line arrives on stdin, appends RUNS runs per thread (ids
 * "pWRITER-THREAD-N") with their results, prints every problem and warning and "done N", exits 0 when there was
 * none.
 */
final class HistoryWriterProcess {
    private HistoryWriterProcess() {
    }

    public static void main(final String[] arguments) throws Exception {
        Path directory = Path.of(arguments[0]);
        int writer = Integer.parseInt(arguments[1]);
        int runs = Integer.parseInt(arguments[2]);
        int limit = Integer.parseInt(arguments[3]);
        int threads = Integer.parseInt(arguments[4]);
        List<String> warnings = new CopyOnWriteArrayList<>();
        HistoryStore store = new HistoryStore(directory, limit, warnings::add);
        store.read(); // load the classes before the race starts
        System.out.println("ready");
        System.out.flush();
        if (System.in.read() < 0) {
            System.out.println("stdin closed before the start signal");
            System.exit(3);
        }
        List<String> problems = new ArrayList<>(appendWithThreads(store, writer, runs, threads));
        warnings.forEach(warning -> problems.add("warning: " + warning));
        problems.forEach(System.out::println);
        System.out.println("done " + problems.size());
        System.out.flush();
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** The run id of one append: writer, thread and run number. */
    static String runId(final int writer, final int thread, final int run) {
        return "p" + writer + "-" + thread + "-" + run;
    }

    /** Appends RUNS runs (each read back) from each of several threads at once; returns what went wrong. */
    static List<String> appendWithThreads(final HistoryStore store, final int writer, final int runs,
                                          final int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> problems = new CopyOnWriteArrayList<>();
        try {
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                pool.execute(() -> {
                    for (int run = 0; run < runs; run++) {
                        try {
                            store.append(HistoryStoreTest.run(runId(writer, id, run), Instant.now()),
                                    HistoryStoreTest.results(writer * 10 + id, run));
                            store.read();
                        }
                        catch (Exception exception) {
                            problems.add("append " + runId(writer, id, run) + " failed: " + exception);
                        }
                    }
                });
            }
        }
        finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(3, TimeUnit.MINUTES)) {
            problems.add("the writer threads did not finish within 3 minutes");
        }
        return problems;
    }
}
