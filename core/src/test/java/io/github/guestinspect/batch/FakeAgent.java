package io.github.guestinspect.batch;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process agent whose behaviour a test controls call by call (with latches and barriers, never sleeps), and
 * which records what it was given: every batch, how many calls ran at once, and which images it returned an
 * outcome for (the only inspections the scheduler may count).
 */
final class FakeAgent implements Agent {
    /** What the agent does on its n-th call (counting from 0). */
    @FunctionalInterface
    interface Behaviour {
        BatchOutcome inspect(int call, List<ProbedImage> batch)
                throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException;
    }

    private final String name;
    private final int slots;
    private final Behaviour behaviour;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<List<ProbedImage>> batches = new CopyOnWriteArrayList<>();
    private final List<Path> returned = new CopyOnWriteArrayList<>();

    FakeAgent(final String name, final int slots, final Behaviour behaviour) {
        this.name = name;
        this.slots = slots;
        this.behaviour = behaviour;
    }

    /** An agent that finds no OS on any image, at once. */
    static FakeAgent working(final String name, final int slots) {
        return new FakeAgent(name, slots, (call, batch) -> noOs(batch));
    }

    /** What a working appliance yields for blank images: one drive without roots per image. */
    static BatchOutcome noOs(final List<ProbedImage> batch) {
        return new BatchOutcome(batch.stream().map(image -> new DriveOutcome(List.of(), Optional.empty(), 1, 0))
                .toList(), 10, "1.48.6");
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
            throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException {
        int call = calls.getAndIncrement();
        batches.add(batch);
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            BatchOutcome outcome = behaviour.inspect(call, batch);
            batch.forEach(image -> returned.add(image.path()));
            return outcome;
        }
        finally {
            running.decrementAndGet();
        }
    }

    int calls() {
        return calls.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Every batch the agent was given, in the order its calls started. */
    List<List<ProbedImage>> batches() {
        return List.copyOf(batches);
    }

    /** The images of every batch the agent returned an outcome for (a path twice: inspected twice). */
    List<Path> returned() {
        return List.copyOf(returned);
    }

    @Override
    public String toString() {
        return name + "(" + slots + " slots)";
    }
}
