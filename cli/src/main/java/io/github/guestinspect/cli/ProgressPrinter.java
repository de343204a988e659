package io.github.guestinspect.cli;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.TerminalText;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Shows a run's progress on standard error: on a terminal a live bar (done/total, failures, ETA) redrawn in place;
 * in a log one line per finished image.
 */
final class ProgressPrinter implements ProgressListener {
    private static final int BAR_WIDTH = 30;
    /** Up to here (over 300 years) a double holds millis / 1000.0 so that %.1f rounds it as integers do. */
    private static final long MAX_EXACT_MILLIS = 10_000_000_000_000L;

    private final PrintWriter out;
    private final boolean live;
    private final long start = System.nanoTime();
    private int total;
    private int done;
    private int failed;

    ProgressPrinter(final PrintWriter out, final boolean live) {
        this.out = out;
        this.live = live;
    }

    @Override
    public synchronized void started(final int images) {
        total = images;
        if (live) {
            redraw();
        }
        else {
            out.printf("guest-inspect: inspecting %d image(s)%n", images);
            out.flush();
        }
    }

    @Override
    public synchronized void finished(final InspectionResult result) {
        finishedAll(List.of(result));
    }

    /** The lines of images done at once (a run's cache hits) go out together, with one flush. */
    @Override
    public synchronized void finishedAll(final List<InspectionResult> results) {
        if (results.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(results.size() * 80);
        for (InspectionResult result : results) {
            done++;
            if (result.isFailed()) {
                failed++;
            }
            lines.append(live ? "\r\033[2K" : "");
            appendLine(lines, result);
            lines.append(live ? "\n" : System.lineSeparator());
        }
        out.print(lines);
        if (live) {
            redraw();
        }
        out.flush();
    }

    /** {@code [done/total] PATH STATUS (1.2 s)}, and {@code : MESSAGE} for a failure. */
    private void appendLine(final StringBuilder line, final InspectionResult result) {
        line.append('[').append(done).append('/').append(total).append("] ")
                .append(TerminalText.safe(result.image().path())).append(' ').append(result.status()).append(" (");
        appendSeconds(line, result.timings().totalMillis());
        line.append(" s)");
        result.failure().ifPresent(failure -> line.append(": ").append(TerminalText.safe(failure.message())));
    }

    /** Milliseconds as seconds with one decimal, exactly as {@code %.1f} rounds them (half up), without Formatter. */
    static void appendSeconds(final StringBuilder line, final long millis) {
        if (millis < 0 || millis >= MAX_EXACT_MILLIS) {
            line.append(String.format(Locale.ROOT, "%.1f", millis / 1000.0));
            return;
        }
        long tenths = (millis + 50) / 100;
        line.append(tenths / 10).append('.').append(tenths % 10);
    }

    @Override
    public synchronized void batchRetried(final int images, final String reason) {
        String line = "an appliance with " + images + " images failed (" + TerminalText.safe(reason)
                + "); retrying each image alone";
        out.print(live ? "\r\033[2K" + line + "\n" : line + "\n");
        out.flush();
    }

    private void redraw() {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        double elapsed = (System.nanoTime() - start) / 1e9;
        String eta = done == 0 ? "--" : String.format(Locale.ROOT, "%.0f s", elapsed / done * (total - done));
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d done, %d failed, ETA %s", "#".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), done, total, failed, eta);
        out.flush();
    }

    /** Ends the live bar so the report starts on a clean line. */
    synchronized void close() {
        if (live) {
            out.print("\r\033[2K");
            out.flush();
        }
    }
}
