package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentSource;
import io.jenkins.plugins.guestinspect.analysis.LogProgress;

/**
 * Agents from the Jenkins build queue: when core's scheduler demands slots, one {@link SlotTask} per slot goes into
 * the queue with the step's label; each executor the queue grants becomes a {@link NodeAgent} and stays held (its
 * {@link Slot} waits on the executor's thread) until the scheduler gives the agent back. Demands that shrink cancel
 * the tasks still waiting; closing cancels them all and frees every executor. The node that holds the workspace,
 * when it has the label, is used directly (the build already holds its executor) and takes no queue task.
 *
 * <p>Bounds: never more queue tasks than the label's nodes could run at once ({@code maxParallel} per node, the
 * nodes given up excepted) unless a cloud can provision more; {@link SlotDispatcher} keeps each node within
 * {@code maxParallel}. When no node is left that could ever take the work (every node of the label was found
 * unable to inspect, or there is none) and no cloud can provision one, the source says it is exhausted, and the
 * scheduler fails what it cannot place as a tool failure.
 *
 * <p>While tasks wait in the queue, the build log says so as the {@code node} step does ({@link QueueWaitLog}).
 */
public final class QueueAgentSource implements AgentSource {
    private final SlotQueue queue;
    private final Tasks tasks;
    private final Agents agents;
    private final Optional<Direct> direct;
    private final int maxParallel;
    private final String label;
    private final PrintStream log;
    private final Ticker ticker;

    /**
     * @param queue       the build queue and the label's nodes
     * @param tasks       makes the queue task for one slot
     * @param agents      makes the agent for an executor the queue granted
     * @param direct      the workspace node's agent, when that node has the label
     * @param maxParallel the most appliances one node runs for this inspection
     * @param label       the label expression, for messages
     * @param log         the build log
     * @param ticker      the time, and what checks the waiting tasks every few seconds while a lease is open
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    QueueAgentSource(final SlotQueue queue, final Tasks tasks, final Agents agents, final Optional<Direct> direct,
                     final int maxParallel, final String label, final PrintStream log, final Ticker ticker) {
        this.queue = queue;
        this.tasks = tasks;
        this.agents = agents;
        this.direct = direct;
        this.maxParallel = maxParallel;
        this.label = label;
        this.log = log;
        this.ticker = ticker;
    }

    /** The time, and periodic checks: the controller's clock and timer in a build, the test's hand in tests. */
    interface Ticker {
        Instant now();

        /** Runs {@code check} every {@code period} from now on; the returned handle stops it. */
        Runnable every(Duration period, Runnable check);
    }

    /** Makes the queue task for slot {@code number} of a run. */
    @FunctionalInterface
    interface Tasks {
        SlotTask create(Slots slots, int number);
    }

    /** Makes the agent for a granted executor. */
    @FunctionalInterface
    interface Agents {
        NodeAgent create(Grant grant, String name);
    }

    /** An executor the queue granted: its node, the node's root directory and the executor's number. */
    record Grant(String node, FilePath root, int executor) {
    }

    /** The workspace node's agent and the node's name. */
    record Direct(NodeAgent agent, String node) {
    }

    /** What the queue side asks of a run's lease. */
    interface Slots {
        /**
         * Called on the executor's thread when the queue started a task: holds the executor until the run gives
         * the agent back. {@code grant} is null when the node went away before the task started.
         */
        void hold(SlotTask task, @CheckForNull Grant grant);

        /** Why the node may not take another of this run's tasks now; empty when it may. */
        Optional<String> refusal(String node);
    }

    @Override
    public Lease open(final Pool pool) {
        return new QueueLease(pool);
    }

    static String displayName(final String node) {
        return node.isEmpty() ? "built-in" : node;
    }

    private final class QueueLease implements Lease, Slots {
        private final Pool pool;
        /** The tasks waiting in the queue, with when each was put there. */
        private final Map<SlotTask, Instant> waiting = new LinkedHashMap<>();
        private final Map<NodeAgent, Holding> holding = new LinkedHashMap<>();
        // written with the lease's lock held, read without it by refusal (see there)
        private final Map<String, Integer> perNode = new ConcurrentHashMap<>();
        private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
        /** What the latest demand asks of the queue: the slots beyond those of the workspace's node. */
        private int wanted;
        private int tasksMade;
        private boolean directIdle;
        private boolean directUsable = true;
        private volatile boolean closed;
        private final QueueWaitLog waits = new QueueWaitLog(log, label);
        private final Runnable stopChecks;

        QueueLease(final Pool pool) {
            this.pool = pool;
            direct.ifPresent(workspace -> {
                log.println("[guest-inspect] inspecting on " + LogProgress.printable(workspace.agent().name())
                        + " (the workspace's node, which has the label '" + label + "') and on executors the queue"
                        + " grants for '" + label + "'");
                pool.joined(workspace.agent());
            });
            stopChecks = ticker.every(QueueWaitLog.CHECK, this::checkWaiting);
        }

        /**
         * Tells the build log about the tasks that have waited long in the queue, with the queue's reasons (asked
         * outside the lock: the queue calls {@link #refusal} under its own).
         */
        void checkWaiting() {
            Instant now = ticker.now();
            List<SlotTask> overdue;
            int held;
            synchronized (this) {
                if (closed) {
                    return;
                }
                overdue = waiting.entrySet().stream().filter(task -> !task.getValue().plus(QueueWaitLog.FIRST)
                        .isAfter(now)).map(Map.Entry::getKey).toList();
                held = holding.size();
            }
            waits.checked(now, overdue.size(), held, overdue.stream().map(queue::why).flatMap(Optional::stream)
                    .distinct().toList());
        }

        @Override
        public synchronized void demand(final int slots) {
            if (closed) {
                return;
            }
            int more = slots;
            if (more > 0 && directIdle && directUsable && direct.isPresent()) {
                directIdle = false;
                pool.joined(direct.get().agent());
                more -= direct.get().agent().slots();
            }
            wanted = Math.max(0, more);
            adjust(wanted);
        }

        /** Called with the lock held: makes the tasks waiting in the queue match what is wanted and possible. */
        private void adjust(final int slots) {
            Set<String> eligible = eligibleNodes();
            boolean clouds = queue.hasClouds();
            int target = clouds ? slots : Math.min(slots, Math.max(0, eligible.size() * maxParallel - held()));
            List<SlotTask> surplus = new ArrayList<>(waiting.keySet());
            for (int i = surplus.size() - 1; i >= 0 && waiting.size() > target; i--) {
                queue.cancel(surplus.get(i));
                waiting.remove(surplus.get(i));
            }
            int asked = 0;
            while (waiting.size() < target) {
                SlotTask task = tasks.create(this, ++tasksMade);
                if (!queue.schedule(task)) {
                    log.println("[guest-inspect] the build queue refused " + task.getDisplayName());
                    break;
                }
                waiting.put(task, ticker.now());
                asked++;
            }
            if (asked > 0) {
                log.println("[guest-inspect] asked the build queue for " + asked + " executor(s) with label '"
                        + label + "' (" + waiting.size() + " waiting)");
            }
            if (slots > 0 && eligible.isEmpty() && !clouds) {
                pool.exhausted(noNodeLeft());
            }
        }

        private Set<String> eligibleNodes() {
            Set<String> nodes = new HashSet<>(queue.nodes());
            nodes.removeAll(givenUp);
            direct.ifPresent(workspace -> nodes.remove(workspace.node()));
            return nodes;
        }

        private int held() {
            return perNode.values().stream().mapToInt(Integer::intValue).sum();
        }

        private String noNodeLeft() {
            if (givenUp.isEmpty()) {
                return "no agent with label '" + label + "' can inspect images"
                        + (direct.isPresent() ? " besides the workspace's node, which could not" : "")
                        + ": no node has that label and no cloud can provision one";
            }
            List<String> names = givenUp.stream().sorted().map(QueueAgentSource::displayName).toList();
            return "no agent with label '" + label + "' is left to inspect on: " + String.join(", ", names)
                    + (names.size() == 1 ? " was" : " were") + " given up";
        }

        /**
         * Takes no lock: the queue asks this (through {@link SlotDispatcher}) with its own lock held, while a demand
         * holds the lease's lock to schedule or cancel tasks, which needs the queue's: a lock here could deadlock
         * the two. A stale answer is harmless: {@link #hold} checks again with the lock and asks for another task.
         */
        @Override
        public Optional<String> refusal(final String node) {
            if (closed) {
                return Optional.of("the image inspection is over");
            }
            if (direct.isPresent() && direct.get().node().equals(node)) {
                return Optional.of("the build inspects on this node directly");
            }
            if (givenUp.contains(node)) {
                return Optional.of("this node cannot inspect images for this build");
            }
            if (perNode.getOrDefault(node, 0) >= maxParallel) {
                return Optional.of("this node already runs " + maxParallel + " appliance(s) of this inspection");
            }
            return Optional.empty();
        }

        @Override
        public void hold(final SlotTask task, @CheckForNull final Grant grant) {
            NodeAgent agent;
            CountDownLatch givenBack = new CountDownLatch(1);
            synchronized (this) {
                boolean ours = waiting.remove(task) != null;
                if (!ours || grant == null || refusal(grant.node()).isPresent()) {
                    if (ours && !closed) { // the queue started it where it cannot work: ask again
                        adjust(wanted);
                    }
                    return;
                }
                perNode.merge(grant.node(), 1, Integer::sum);
                String name = displayName(grant.node()) + (maxParallel > 1 ? " #" + grant.executor() : "");
                agent = agents.create(grant, name);
                holding.put(agent, new Holding(grant.node(), givenBack));
            }
            log.println("[guest-inspect] " + LogProgress.printable(agent.name()) + " joined the inspection");
            pool.joined(agent);
            try {
                givenBack.await();
            }
            catch (InterruptedException exception) { // the executor was aborted: the agent is lost for the run
                agent.revoke("the executor on " + agent.name() + " was interrupted");
            }
            finally {
                synchronized (this) {
                    holding.remove(agent);
                    perNode.merge(grant.node(), -1, Integer::sum);
                    if (!closed) { // a demand made while this executor was still held may be waiting for it
                        adjust(wanted);
                    }
                }
                clean(agent);
            }
        }

        private void clean(final NodeAgent agent) {
            try {
                agent.clean();
            }
            catch (IOException exception) {
                log.println("[guest-inspect] warning: cannot delete the images copied to " + agent.name() + " ("
                        + LogProgress.printable(String.valueOf(exception.getMessage())) + ")");
            }
            catch (InterruptedException exception) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public synchronized void release(final Agent agent, final Release why) {
            if (direct.isPresent() && direct.get().agent() == agent) {
                directIdle = why == Release.DONE;
                directUsable = why == Release.DONE;
                return;
            }
            Holding held = holding.get(agent);
            if (held == null) {
                return;
            }
            if (why != Release.DONE) {
                givenUp.add(held.node());
            }
            held.givenBack().countDown();
        }

        @Override
        public synchronized void close() {
            closed = true;
            stopChecks.run();
            waiting.keySet().forEach(queue::cancel);
            waiting.clear();
            holding.values().forEach(held -> held.givenBack().countDown());
        }
    }

    /** An executor held for the run: its node, and what frees it. */
    private record Holding(String node, CountDownLatch givenBack) {
    }
}
