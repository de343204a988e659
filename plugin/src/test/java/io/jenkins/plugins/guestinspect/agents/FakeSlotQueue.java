package io.jenkins.plugins.guestinspect.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build queue as {@link QueueAgentSource} sees it: records what is scheduled and cancelled, answers why a task
 * waits as the test says, and the test starts waiting tasks on executors ({@link #next}).
 */
final class FakeSlotQueue implements SlotQueue {
    final Set<String> nodes = ConcurrentHashMap.newKeySet();
    volatile boolean clouds;
    private final List<SlotTask> scheduled = new ArrayList<>();
    private final List<SlotTask> cancelled = new ArrayList<>();
    private final List<SlotTask> waiting = new ArrayList<>();
    private final Map<SlotTask, String> reasons = new ConcurrentHashMap<>();
    /** What scheduling does first (the real queue takes its lock). */
    volatile Runnable onSchedule = () -> {
    };

    @Override
    public synchronized boolean schedule(final SlotTask task) {
        onSchedule.run();
        scheduled.add(task);
        waiting.add(task);
        return true;
    }

    @Override
    public synchronized void cancel(final SlotTask task) {
        if (waiting.remove(task)) {
            cancelled.add(task);
        }
    }

    @Override
    public Optional<String> why(final SlotTask task) {
        return Optional.ofNullable(reasons.get(task));
    }

    @Override
    public Set<String> nodes() {
        return Set.copyOf(nodes);
    }

    @Override
    public boolean hasClouds() {
        return clouds;
    }

    /** From now on the queue says this is why {@code task} waits. */
    void because(final SlotTask task, final String reason) {
        reasons.put(task, reason);
    }

    synchronized List<SlotTask> waiting() {
        return List.copyOf(waiting);
    }

    synchronized List<SlotTask> scheduled() {
        return List.copyOf(scheduled);
    }

    synchronized List<SlotTask> cancelled() {
        return List.copyOf(cancelled);
    }

    /** The oldest waiting task leaves the queue to start on an executor. */
    synchronized SlotTask next() {
        assertThat(waiting).as("a task waits in the queue").isNotEmpty();
        return waiting.remove(0);
    }
}
