package io.jenkins.plugins.guestinspect.remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.LibguestfsRunner;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.ToolMissingException;

/**
 * The work done on an agent for one batch: one appliance through the engine's runner, with the agent's own
 * libguestfs settings (its environment, its temporary directory), every process it started gone when it returns.
 */
public final class BatchWork {
    private final Runner runner;

    public BatchWork() {
        this(BatchWork::withLibguestfs);
    }

    public BatchWork(final Runner runner) {
        this.runner = runner;
    }

    /** Runs one appliance; the real one is {@link LibguestfsRunner}. */
    @FunctionalInterface
    public interface Runner {
        BatchOutcome inspect(List<ProbedImage> images, RunnerSettings settings, Consumer<String> warnings)
                throws ToolMissingException, GuestfishException, InterruptedException;
    }

    /** Inspects the batch; what the runner warns about goes to {@code log} as it happens and into the reply. */
    public BatchReply run(final BatchRequest request, final Consumer<String> log) throws InterruptedException {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Consumer<String> warn = warning -> {
            warnings.add(warning);
            log.accept(warning);
        };
        RunnerSettings settings = RunnerSettings.defaults()
                .withBatchTimeout(Duration.ofSeconds(request.timeoutSeconds()))
                .withFileQueries(request.fileQueries());
        try {
            return BatchReply.of(runner.inspect(request.images(), settings, warn), warnings);
        }
        catch (ToolMissingException exception) {
            return BatchReply.of(exception, warnings);
        }
        catch (GuestfishException exception) {
            return BatchReply.of(exception, warnings);
        }
    }

    private static BatchOutcome withLibguestfs(final List<ProbedImage> images, final RunnerSettings settings,
                                               final Consumer<String> warnings)
            throws ToolMissingException, GuestfishException, InterruptedException {
        try (ChildProcesses processes = new ChildProcesses()) {
            return new LibguestfsRunner(processes, settings, warnings).inspect(images);
        }
    }
}
