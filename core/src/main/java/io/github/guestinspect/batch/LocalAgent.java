package io.github.guestinspect.batch;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.LibguestfsRunner;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.ToolMissingException;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** Runs appliances on this machine through {@link LibguestfsRunner}; it is never lost. */
public final class LocalAgent implements Agent {
    private final LibguestfsRunner runner;
    private final String name;
    private final int slots;

    /**
     * @param processes where the guestfish processes are registered (and killed)
     * @param settings  how appliances are launched
     * @param name      the agent's name in results
     * @param slots     appliances at once (each keeps one core busy under TCG)
     * @param warnings  where the runner says what it chose (such as falling back to TCG)
     */
    public LocalAgent(final ChildProcesses processes, final RunnerSettings settings, final String name,
                      final int slots, final Consumer<String> warnings) {
        if (slots < 1) {
            throw new IllegalArgumentException("an agent needs at least 1 slot, " + name + " has " + slots);
        }
        this.runner = new LibguestfsRunner(processes, settings, warnings);
        this.name = Objects.requireNonNull(name, "name");
        this.slots = slots;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public BatchOutcome inspect(final List<ProbedImage> batch)
            throws ToolMissingException, GuestfishException, InterruptedException {
        return runner.inspect(batch);
    }

    @Override
    public String toString() {
        return "LocalAgent[" + name + ", " + slots + " slots]";
    }
}
