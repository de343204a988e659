package io.github.guestinspect.cli;

import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.report.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code guest-inspect history}: the recorded runs, oldest first (their ids are what {@code diff} takes). */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Lists the runs recorded in the history (inspect --report-dir or --history-dir), oldest first.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--history-dir", paramLabel = "DIR", description = "History directory (default: "
            + ".guest-inspect/history).")
    private Path historyDirectory = HistoryStore.DEFAULT_DIRECTORY;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HistoryStore history = HistoryStore.forReading(historyDirectory,
                warning -> err.println("guest-inspect: warning: " + TerminalText.safe(warning)));
        List<RunRecord> runs = history.read();
        if (runs.isEmpty()) {
            out.println("no runs recorded in " + historyDirectory);
            out.flush();
            return ExitCode.OK.code();
        }
        out.printf("%-22s  %-18s  %-20s  %6s  %6s  %6s  %9s  %8s%n", "RUN", "LABEL", "FINISHED", "IMAGES", "FAILED",
                "HITS", "PACKAGES", "WALL s");
        for (RunRecord run : runs) {
            TrendPoint point = TrendPoint.of(run);
            out.printf("%-22s  %-18s  %-20s  %6d  %6d  %6d  %9d  %8.1f%n", TerminalText.safe(run.runId()),
                    TerminalText.safe(run.label()), run.finished().toString().replaceAll("\\.\\d+Z$", "Z"),
                    point.images(), point.failures(), point.cacheHits(), point.packages(),
                    point.wallMillis() / 1000.0);
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
