package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ToolMissingException;

/**
 * What an agent reports for one batch: the appliance's outcome, or why there is none (libguestfs missing there, or
 * the appliance failed as a whole), so the controller can act as if the batch had run on it.
 *
 * @param outcome          the drives, in order
 * @param missingProgram   set when a program libguestfs needs is not installed on the agent
 * @param applianceFailure set when the appliance failed as a whole
 * @param timedOut         with applianceFailure: the batch ran out of time
 * @param warnings         what the runner chose or warned about (such as falling back to TCG)
 */
public record BatchReply(Optional<BatchOutcome> outcome, Optional<String> missingProgram,
                         Optional<String> applianceFailure, boolean timedOut, List<String> warnings) {
    public BatchReply {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(missingProgram, "missingProgram");
        Objects.requireNonNull(applianceFailure, "applianceFailure");
        warnings = List.copyOf(warnings);
        if (outcome.isPresent() == (missingProgram.isPresent() || applianceFailure.isPresent())) {
            throw new IllegalArgumentException("a batch reply holds an outcome or a failure, not both, not neither");
        }
    }

    static BatchReply of(final BatchOutcome outcome, final List<String> warnings) {
        return new BatchReply(Optional.of(outcome), Optional.empty(), Optional.empty(), false, warnings);
    }

    static BatchReply of(final ToolMissingException exception, final List<String> warnings) {
        return new BatchReply(Optional.empty(), Optional.of(exception.program()), Optional.empty(), false,
                warnings);
    }

    static BatchReply of(final GuestfishException exception, final List<String> warnings) {
        return new BatchReply(Optional.empty(), Optional.empty(), Optional.of(exception.getMessage()),
                exception.isTimedOut(), warnings);
    }

    /** The outcome, or the failure the agent had, thrown here as the runner would have thrown it. */
    public BatchOutcome outcomeOrThrow() throws ToolMissingException, GuestfishException {
        if (missingProgram.isPresent()) {
            throw new ToolMissingException(missingProgram.get());
        }
        if (applianceFailure.isPresent()) {
            throw new GuestfishException(applianceFailure.get(), timedOut);
        }
        return outcome.orElseThrow();
    }

    public byte[] encode() throws IOException {
        return Smile.encode(this);
    }

    public static BatchReply decode(final byte[] bytes) throws IOException {
        return Smile.decode(bytes, BatchReply.class);
    }
}
