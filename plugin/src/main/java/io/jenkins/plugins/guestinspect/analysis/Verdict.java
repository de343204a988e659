package io.jenkins.plugins.guestinspect.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the step does to the build and the stage, decided from the gates and the images that could not be
 * inspected. An image that failed is never green: with failOnError the step fails (after publishing everything),
 * without it the build becomes UNSTABLE.
 *
 * @param build    the build result to set (only ever worsens it)
 * @param stage    the stage mark (a Pipeline WarningAction), SUCCESS for none
 * @param messages one line per reason, for the log and the stage mark
 * @param abort    the message of the step's failure, when it must fail
 */
public record Verdict(Outcome build, Outcome stage, List<String> messages, Optional<String> abort) {
    public Verdict {
        messages = List.copyOf(messages);
    }

    /** A build or stage result, worst last. */
    public enum Outcome {
        SUCCESS, UNSTABLE, FAILURE;

        Outcome worst(final Outcome other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    public static Verdict of(final List<GateOutcome> gates, final int failedImages, final int toolFailures,
                             final boolean failOnError) {
        Outcome build = Outcome.SUCCESS;
        Outcome stage = Outcome.SUCCESS;
        List<String> messages = new ArrayList<>();
        for (GateOutcome gate : gates) {
            if (!gate.isFailed()) {
                continue;
            }
            messages.add(gate.getMessage());
            switch (gate.getCriticality()) {
                case NOTE -> stage = stage.worst(Outcome.UNSTABLE);
                case UNSTABLE -> {
                    stage = stage.worst(Outcome.UNSTABLE);
                    build = build.worst(Outcome.UNSTABLE);
                }
                case ERROR -> stage = stage.worst(Outcome.FAILURE);
                case FAILURE -> {
                    stage = stage.worst(Outcome.FAILURE);
                    build = build.worst(Outcome.FAILURE);
                }
            }
        }
        Optional<String> abort = Optional.empty();
        if (failedImages > 0) {
            String what = failedImages + " image(s) could not be inspected"
                    + (toolFailures > 0 ? " (" + toolFailures + " of them because libguestfs could not run)" : "");
            messages.add(what);
            if (failOnError) {
                abort = Optional.of(what + "; see the image inspection page of this build");
                build = build.worst(Outcome.FAILURE);
                stage = stage.worst(Outcome.FAILURE);
            }
            else {
                build = build.worst(Outcome.UNSTABLE);
                stage = stage.worst(Outcome.UNSTABLE);
            }
        }
        return new Verdict(build, stage, messages, abort);
    }
}
