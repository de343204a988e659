package io.github.guestinspect.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A separate guest-inspect run appending to a shared history: {@code DIRECTORY WRITER RUNS LIMIT}. Prints "ready",
 * starts when a line arrives on stdin, appends RUNS runs (ids "pWRITER-N") with their results, prints every
 * problem and warning and "done N", exits 0 when there was none.
 */
final class HistoryWriterProcess {
    private HistoryWriterProcess() {
    }

    public static void main(final String[] arguments) throws Exception {
        Path directory = Path.of(arguments[0]);
        int writer = Integer.parseInt(arguments[1]);
        int runs = Integer.parseInt(arguments[2]);
        int limit = Integer.parseInt(arguments[3]);
        List<String> warnings = new CopyOnWriteArrayList<>();
        HistoryStore store = new HistoryStore(directory, limit, warnings::add);
        store.read(); // load the classes before the race starts
        System.out.println("ready");
        System.out.flush();
        if (System.in.read() < 0) {
            System.out.println("stdin closed before the start signal");
            System.exit(3);
        }
        List<String> problems = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            try {
                store.append(HistoryStoreTest.run("p" + writer + "-" + run, Instant.now()),
                        HistoryStoreTest.results(writer, run));
                store.read();
            }
            catch (Exception exception) {
                problems.add("append " + run + " failed: " + exception);
            }
        }
        warnings.forEach(warning -> problems.add("warning: " + warning));
        problems.forEach(System.out::println);
        System.out.println("done " + problems.size());
        System.out.flush();
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
