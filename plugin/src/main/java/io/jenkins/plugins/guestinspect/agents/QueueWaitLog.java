package io.jenkins.plugins.guestinspect.agents;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.jenkins.plugins.guestinspect.analysis.LogProgress;

/**
 * Tells the build log that the inspection's queue tasks still wait for executors, as the {@code node} step does
 * ("Still waiting to schedule task" and the queue's reason): one line when a wait starts (a task has waited
 * {@link #FIRST}, so an executor granted at once says nothing), then one line when the queue's reasons change, else
 * at most one a minute. The wait is over when no task has waited that long any more.
 */
final class QueueWaitLog {
    /** How long a task waits before the log says so: the {@code node} step's 15 seconds. */
    static final Duration FIRST = Duration.ofSeconds(15);
    /** The most often the same reasons are repeated. */
    static final Duration REPEAT = Duration.ofMinutes(1);
    /** How often the waiting tasks are looked at. */
    static final Duration CHECK = Duration.ofSeconds(5);

    private final PrintStream log;
    private final String label;
    private Instant lastLine;
    private List<String> lastReasons = List.of();

    /**
     * @param log   the build log
     * @param label the step's label expression, which the lines name
     */
    QueueWaitLog(final PrintStream log, final String label) {
        this.log = log;
        this.label = label;
    }

    /**
     * What a check found.
     *
     * @param now     the time of the check
     * @param waiting how many of the inspection's tasks have waited at least {@link #FIRST}
     * @param held    how many executors the inspection holds
     * @param reasons the queue's distinct reasons for those tasks, in the tasks' order
     */
    synchronized void checked(final Instant now, final int waiting, final int held, final List<String> reasons) {
        if (waiting == 0) {
            lastLine = null;
            return;
        }
        if (lastLine != null && reasons.equals(lastReasons) && now.isBefore(lastLine.plus(REPEAT))) {
            return;
        }
        lastLine = now;
        lastReasons = List.copyOf(reasons);
        log.println("[guest-inspect] Still waiting to schedule task: " + waiting + " executor(s) with label '"
                + label + "'" + (held > 0 ? " (" + held + " held)" : "")
                + (reasons.isEmpty() ? "" : ": " + LogProgress.printable(String.join("; ", reasons))));
    }
}
