package io.github.guestinspect.cli;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.TerminalText;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a run's progress on standard error: on a terminal a live bar (done/total, failures, ETA) redrawn in place;
 * in a log one line per finished image.
 */
final class ProgressPrinter implements ProgressListener {
    private static final int BAR_WIDTH = 30;

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
        done++;
        if (result.isFailed()) {
            failed++;
        }
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s (%.1f s)%s", done, total,
                TerminalText.safe(result.image().path()), result.status(), result.timings().totalMillis() / 1000.0,
                result.failure().map(failure -> ": " + TerminalText.safe(failure.message())).orElse(""));
        if (live) {
            out.print("\r\033[2K" + line + "\n");
            redraw();
        }
        else {
            out.println(line);
        }
        out.flush();
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
