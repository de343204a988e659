package io.github.guestinspect.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;

/**
 * An agent source that works as the Jenkins build queue does for the plugin, with real threads: hosts with a
 * number of executors; a demand is a number of requests waiting in the queue; a free executor takes the next
 * request, makes an agent on its host and holds the executor on its own thread (as an executable's run() does)
 * until the run gives the agent back or closes the lease. A host takes at most {@code perHost} requests of the run
 * at once (the plugin's queue dispatcher does that), a host the run gave up (lost, or without libguestfs) none; when
 * every host was given up, waiting requests can never be granted and the source says it is exhausted.
 */
final class QueueLikeSource implements AgentSource {
    private final Map<String, Integer> executors;
    private final int perHost;
    private final BiFunction<String, Integer, Agent> agents;
    private final List<Integer> demands = new CopyOnWriteArrayList<>();
    private final List<String> granted = new CopyOnWriteArrayList<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private final List<Thread> executorThreads = new CopyOnWriteArrayList<>();
    private int cancelled;
    private int mostHeldOnOneHost;
    private final Object releases = new Object();

    /**
     * @param executors executors per host, in the order hosts are tried
     * @param perHost   the most agents one host holds for the run at once
     * @param agents    makes the agent for a grant: host name and the grant's number (from 1)
     */
    QueueLikeSource(final Map<String, Integer> executors, final int perHost,
                    final BiFunction<String, Integer, Agent> agents) {
        this.executors = new LinkedHashMap<>(executors);
        this.perHost = perHost;
        this.agents = agents;
    }

    @Override
    public Lease open(final Pool pool) {
        return new QueueLease(pool);
    }

    /** Every demand the run made, in order. */
    List<Integer> demands() {
        return List.copyOf(demands);
    }

    /** The agents granted, in the order they were granted. */
    List<String> granted() {
        return List.copyOf(granted);
    }

    /** "agent why" for every agent given back, in order; "agent CLOSED" for one the closing lease gave back. */
    List<String> released() {
        return List.copyOf(released);
    }

    synchronized int cancelled() {
        return cancelled;
    }

    synchronized int mostHeldOnOneHost() {
        return mostHeldOnOneHost;
    }

    /** Waits until the run has given the agent back. */
    void awaitReleased(final String agent) throws InterruptedException {
        synchronized (releases) {
            while (released.stream().noneMatch(line -> line.startsWith(agent + " "))) {
                releases.wait();
            }
        }
    }

    /** Waits until every executor thread has ended: nothing is held any more. */
    void awaitExecutorsFree() throws InterruptedException {
        for (Thread thread : executorThreads) {
            thread.join();
        }
    }

    private final class QueueLease implements Lease {
        private final Pool pool;
        private final Map<String, Integer> free = new LinkedHashMap<>(executors);
        private final Map<String, Integer> held = new LinkedHashMap<>();
        private final Set<String> givenUp = new HashSet<>();
        private final Map<Agent, CountDownLatch> holding = new LinkedHashMap<>();
        private final Map<Agent, String> hostOf = new LinkedHashMap<>();
        private int waiting;
        private int grants;
        private boolean closed;

        QueueLease(final Pool pool) {
            this.pool = pool;
        }

        @Override
        public void demand(final int slots) {
            demands.add(slots);
            synchronized (QueueLikeSource.this) {
                if (closed) {
                    return;
                }
                if (slots < waiting) {
                    cancelled += waiting - slots;
                }
                waiting = slots;
                grant();
            }
        }

        /** Called with the lock held: hands waiting requests to free executors. */
        private void grant() {
            while (waiting > 0) {
                String host = null;
                for (String candidate : free.keySet()) {
                    if (!givenUp.contains(candidate) && free.get(candidate) > 0
                            && held.getOrDefault(candidate, 0) < perHost) {
                        host = candidate;
                        break;
                    }
                }
                if (host == null) {
                    if (givenUp.containsAll(executors.keySet())) {
                        pool.exhausted(givenUp.isEmpty() ? "no host to run on"
                                : "no host can take the work: " + String.join(", ", givenUp) + " given up");
                    }
                    return;
                }
                waiting--;
                free.merge(host, -1, Integer::sum);
                int holds = held.merge(host, 1, Integer::sum);
                mostHeldOnOneHost = Math.max(mostHeldOnOneHost, holds);
                Agent agent = agents.apply(host, ++grants);
                CountDownLatch givenBack = new CountDownLatch(1);
                holding.put(agent, givenBack);
                hostOf.put(agent, host);
                granted.add(agent.name());
                Thread executor = new Thread(() -> hold(agent, givenBack), "executor " + host + "#" + grants);
                executorThreads.add(executor);
                executor.start();
            }
        }

        /** What an executable's run() does: the agent joins, and the executor is held until it is given back. */
        private void hold(final Agent agent, final CountDownLatch givenBack) {
            pool.joined(agent);
            try {
                givenBack.await();
            }
            catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
            }
            synchronized (QueueLikeSource.this) {
                String host = hostOf.get(agent);
                free.merge(host, 1, Integer::sum);
                held.merge(host, -1, Integer::sum);
                holding.remove(agent);
                if (!closed) {
                    grant();
                }
            }
        }

        @Override
        public void release(final Agent agent, final Release why) {
            synchronized (releases) {
                released.add(agent.name() + " " + why);
                releases.notifyAll();
            }
            synchronized (QueueLikeSource.this) {
                if (why != Release.DONE) {
                    givenUp.add(hostOf.get(agent));
                }
                CountDownLatch latch = holding.get(agent);
                if (latch != null) {
                    latch.countDown();
                }
                grant();
            }
        }

        @Override
        public void close() {
            List<CountDownLatch> latches;
            synchronized (QueueLikeSource.this) {
                closed = true;
                cancelled += waiting;
                waiting = 0;
                latches = new ArrayList<>(holding.values());
                synchronized (releases) {
                    holding.keySet().stream().filter(agent -> released.stream()
                            .noneMatch(line -> line.startsWith(agent.name() + " ")))
                            .forEach(agent -> released.add(agent.name() + " CLOSED"));
                }
            }
            latches.forEach(CountDownLatch::countDown);
        }
    }
}
