package io.jenkins.plugins.guestinspect.analysis;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;

/** One build-log line per finished image; everything that comes from an image is made printable first. */
public final class LogProgress implements ProgressListener {
    private final PrintStream log;
    private final int total;
    private final UnaryOperator<String> names;
    private final AtomicInteger done = new AtomicInteger();

    /**
     * @param log   the build log
     * @param total how many images the run has
     * @param names how an image's path is shown (relative to the workspace)
     */
    public LogProgress(final PrintStream log, final int total, final UnaryOperator<String> names) {
        this.log = log;
        this.total = total;
        this.names = names;
    }

    /** Control characters from image names and contents must not reach the log as such. */
    public static String printable(final String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public void finished(final InspectionResult result) {
        String what = switch (result.status()) {
            case INSPECTED -> result.operatingSystems().get(0).productName() + ", " + result.packageCount()
                    + " packages";
            case NO_OS_FOUND -> "no operating system found";
            case FAILED -> "FAILED: " + result.failure().map(f -> f.message()).orElse("");
        };
        log.println("[guest-inspect] [" + done.incrementAndGet() + "/" + total + "] "
                + printable(names.apply(result.image().path())) + ": " + printable(what)
                + (result.cache().hit() ? " (cache hit)" : ""));
    }

    @Override
    public void batchRetried(final int images, final String reason) {
        log.println("[guest-inspect] a batch of " + images + " images failed (" + printable(reason)
                + "); retrying them one by one");
    }
}
