package io.github.guestinspect.batch;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Spreads appliance batches over agents, as parallel-test-executor spreads tests: the images are packed into
 * batches of at most {@code batchSize}, heaviest first by {@link TimingHints} and balanced by estimated cost, and
 * put in a work queue; whenever one of an agent's slots is free, the agent takes the heaviest batch left, so every
 * slot is busy while work remains and no agent ever runs more appliances than it has slots (libguestfs #69).
 *
 * <p>The agents come from an {@link AgentSource}: a fixed list, or (in Jenkins) executors the build queue grants
 * one by one while the run goes on. The scheduler tells the source how many more slots the queued batches could
 * use, and gives an agent back as soon as nothing is queued for it, so an executor is held no longer than needed.
 *
 * <p>Faults:
 * <ul>
 *   <li>an agent that is lost ({@link AgentLostException}) gets no more work; its batch goes back to the queue and
 *       runs on another agent, and whatever the lost agent did for it is discarded;</li>
 *   <li>an agent without libguestfs ({@link ToolMissingException}) gets no more work; its batch runs elsewhere;</li>
 *   <li>when nothing runs, batches are still queued and the source says no agent will come, those images fail
 *       with {@link FailureKind#TOOL_FAILURE}, naming every agent lost and every agent without libguestfs (or the
 *       source's reason): a tool failure, never a policy result;</li>
 *   <li>an appliance that fails as a whole ({@link GuestfishException}) has its images retried one by one; an
 *       image that fails alone is that image's failure (as {@link InspectionEngine} does);</li>
 *   <li>an interruption stops the run at once: every agent call in flight is interrupted and the source's lease
 *       is closed (in Jenkins: queued executor requests are cancelled).</li>
 * </ul>
 * Every image ends with exactly one result, and an image's result is taken from one appliance only: a batch is
 * either queued or held by exactly one agent, and only a batch an agent returned is ever turned into results.
 *
 * <p>A scheduler may run several times. Each run keeps every agent within its slots; two runs at the same time on
 * the same fixed agents would together exceed them.
 */
public final class AgentScheduler {
    private static final Comparator<Batch> HEAVIEST_FIRST = Comparator.comparingLong(Batch::cost).reversed()
            .thenComparingLong(Batch::order);

    private final AgentSource source;
    private final int batchSize;
    private final TimingHints hints;
    private final Consumer<String> notices;
    private final String toolVersion = ToolVersion.get();

    /** A scheduler over fixed agents that tells no one about lost agents (the run's result still lists them). */
    public AgentScheduler(final List<? extends Agent> agents, final int batchSize, final TimingHints hints) {
        this(agents, batchSize, hints, notice -> {
        });
    }

    /**
     * A scheduler over a fixed list of agents.
     *
     * @param agents    where appliances run; names must be unique
     * @param batchSize the most images one appliance gets (at least 1); see {@link #evenBatchSize}
     * @param hints     the expected cost of each image
     * @param notices   told (from the calling thread) when an agent is lost or found without libguestfs, for the
     *                  build log
     */
    public AgentScheduler(final List<? extends Agent> agents, final int batchSize, final TimingHints hints,
                          final Consumer<String> notices) {
        this(AgentSource.of(agents), batchSize, hints, notices);
    }

    /**
     * A scheduler whose agents come and go through {@code source}.
     *
     * @param source    where agents come from; the names of the agents it offers must be unique within a run
     * @param batchSize the most images one appliance gets (at least 1)
     * @param hints     the expected cost of each image
     * @param notices   told (from the calling thread) when an agent is lost or found without libguestfs
     */
    public AgentScheduler(final AgentSource source, final int batchSize, final TimingHints hints,
                          final Consumer<String> notices) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.batchSize = batchSize;
        this.hints = Objects.requireNonNull(hints, "hints");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /**
     * The batch size that gives every slot of the agents one batch (at most
     * {@link InspectionSettings#MAX_AUTOMATIC_BATCH} images each, more batches beyond that).
     */
    public static int evenBatchSize(final int images, final List<? extends Agent> agents) {
        long totalSlots = Math.max(1, agents.stream().mapToLong(Agent::slots).sum());
        long perSlot = (images + totalSlots - 1) / totalSlots;
        return (int) Math.max(1, Math.min(InspectionSettings.MAX_AUTOMATIC_BATCH, perSlot));
    }

    /**
     * Checks the images with qemu-img where this runs (a file named twice is one image), then schedules the ones
     * that passed. The results follow the order given; rejected images have no assignment.
     */
    public ScheduledRun inspect(final List<Path> images, final ImageProbe probe, final ProgressListener listener)
            throws InterruptedException {
        CheckedImages intake = CheckedImages.check(images, probe, listener, toolVersion);
        Run run = new Run(intake.probed(), listener);
        run.execute();
        Map<Path, InspectionResult> results = new HashMap<>(intake.rejected());
        results.putAll(run.results);
        return run.toScheduledRun(intake.order().stream().map(results::get).toList());
    }

    /**
     * Schedules images that were checked already (for instance the cache misses of a run). The results follow the
     * order given, one per distinct path; {@link ProgressListener#started} is not called (the caller knows the
     * run's size), {@link ProgressListener#finished} is called once per image.
     */
    public ScheduledRun run(final List<ProbedImage> images, final ProgressListener listener)
            throws InterruptedException {
        Map<Path, ProbedImage> distinct = new LinkedHashMap<>();
        for (ProbedImage image : images) {
            distinct.putIfAbsent(image.path(), image);
        }
        Run run = new Run(List.copyOf(distinct.values()), listener);
        run.execute();
        return run.toScheduledRun(distinct.keySet().stream().map(run.results::get).toList());
    }

    /**
     * Packs images into {@code ceil(n / batchSize)} batches of at most {@code batchSize}: heaviest image first,
     * each into the lightest batch with room. The batches come heaviest first.
     */
    static List<List<ProbedImage>> pack(final List<ProbedImage> images, final int batchSize,
                                        final Map<Path, Long> costs) {
        if (images.isEmpty()) {
            return List.of();
        }
        int count = (images.size() - 1) / batchSize + 1;
        List<List<ProbedImage>> batches = new ArrayList<>();
        long[] weight = new long[count];
        for (int i = 0; i < count; i++) {
            batches.add(new ArrayList<>());
        }
        List<ProbedImage> heaviestFirst = new ArrayList<>(images);
        heaviestFirst.sort(Comparator.comparingLong((ProbedImage image) -> costs.get(image.path())).reversed()
                .thenComparing(image -> image.path().toString()));
        for (ProbedImage image : heaviestFirst) {
            int lightest = -1;
            for (int i = 0; i < count; i++) {
                if (batches.get(i).size() < batchSize && (lightest < 0 || weight[i] < weight[lightest])) {
                    lightest = i;
                }
            }
            batches.get(lightest).add(image);
            weight[lightest] = saturatedSum(weight[lightest], costs.get(image.path()));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> weight[i]).reversed());
        return order.stream().map(i -> List.copyOf(batches.get(i))).toList();
    }

    private static long saturatedSum(final long a, final long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * Which agent's appliance yielded an image's result (including a failure inside that appliance), for the
     * per-agent timing table.
     *
     * @param agent         the agent's name
     * @param image         the image as the user named it (as in {@code InspectionResult.image()})
     * @param imagesInBatch how many images shared the appliance
     * @param batchMillis   wall time of the agent's call for that batch
     */
    public record Assignment(String agent, ImageFile image, int imagesInBatch, long batchMillis) {
        public Assignment {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * What a scheduled run yielded.
     *
     * @param results                 exactly one result per distinct image, in the order given
     * @param assignments             for each image an agent returned a result for, which one; images that never
     *                                reached an agent (rejected, or left when no agent remained) have none
     * @param lostAgents              the agents lost during the run, with the reason, in the order lost
     * @param agentsWithoutLibguestfs the agents found unable to run libguestfs, with the reason
     */
    public record ScheduledRun(List<InspectionResult> results, List<Assignment> assignments,
                               Map<String, String> lostAgents, Map<String, String> agentsWithoutLibguestfs) {
        public ScheduledRun {
            results = List.copyOf(results);
            assignments = List.copyOf(assignments);
            lostAgents = Collections.unmodifiableMap(new LinkedHashMap<>(lostAgents));
            agentsWithoutLibguestfs = Collections.unmodifiableMap(new LinkedHashMap<>(agentsWithoutLibguestfs));
        }

        /** The assignments grouped by agent name. */
        public Map<String, List<Assignment>> assignmentsByAgent() {
            return assignments.stream().collect(Collectors.groupingBy(Assignment::agent, LinkedHashMap::new,
                    Collectors.toList()));
        }
    }

    /** A batch in the queue; {@code order} keeps equal costs first come, first served. */
    private record Batch(List<ProbedImage> images, long cost, long order) {
    }

    /** What the coordinating thread hears of: a call that ended, an agent that joined, a source used up. */
    private sealed interface Event permits Finished, Joined, Exhausted {
    }

    /** What an agent call ended with: an outcome, or what it threw. */
    private record Finished(AgentState agent, Batch batch, long millis, BatchOutcome outcome, Throwable thrown)
            implements Event {
    }

    private record Joined(Agent agent) implements Event {
    }

    private record Exhausted(String reason) implements Event {
    }

    /** An agent's standing in one run; only the coordinating thread touches it. */
    private static final class AgentState {
        private final Agent agent;
        private final int slots;
        private int running;
        private boolean usable = true;
        /** Joined and not given back. */
        private boolean held = true;

        AgentState(final Agent agent, final int slots) {
            this.agent = agent;
            this.slots = slots;
        }

        int free() {
            return usable && held ? slots - running : 0;
        }
    }

    /** One run: the calling thread coordinates, one pool thread per busy slot calls the agent. */
    private final class Run {
        private final List<ProbedImage> images;
        private final ProgressListener listener;
        private final List<AgentState> states = new ArrayList<>();
        private final PriorityQueue<Batch> queue = new PriorityQueue<>(HEAVIEST_FIRST);
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Map<Path, InspectionResult> results = new HashMap<>();
        private final List<Assignment> assignments = new ArrayList<>();
        private final Map<String, String> lost = new LinkedHashMap<>();
        private final Map<String, String> withoutLibguestfs = new LinkedHashMap<>();
        private final Map<Path, Long> costs;
        private long order;
        private int running;
        /** Why the source can give no more agents for the last demand; cleared by a new demand or a join. */
        private String exhausted;
        private int demanded = -1;
        private ExecutorService pool;
        private AgentSource.Lease lease;

        Run(final List<ProbedImage> images, final ProgressListener listener) {
            this.images = images;
            this.listener = listener;
            this.costs = hints.estimate(images);
        }

        void execute() throws InterruptedException {
            if (images.isEmpty()) {
                return;
            }
            for (List<ProbedImage> batch : pack(images, batchSize, costs)) {
                enqueue(batch);
            }
            pool = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "guest-inspect-agent-call");
                thread.setDaemon(true);
                return thread;
            });
            try {
                lease = source.open(new AgentSource.Pool() {
                    @Override
                    public void joined(final Agent agent) {
                        events.add(new Joined(agent));
                    }

                    @Override
                    public void exhausted(final String reason) {
                        events.add(new Exhausted(reason));
                    }
                });
                while (true) {
                    for (Event event = events.poll(); event != null; event = events.poll()) {
                        handle(event);
                    }
                    if (Thread.interrupted()) { // also while a listener was busy (storing a batch): start nothing
                        throw new InterruptedException("the run was interrupted");
                    }
                    dispatch();
                    if (queue.isEmpty()) {
                        releaseIdle();
                        if (running == 0) {
                            break;
                        }
                    }
                    else {
                        demand(queue.size());
                        if (running == 0 && exhausted != null) {
                            failWhatIsLeft();
                            break;
                        }
                    }
                    handle(events.take());
                }
            }
            finally {
                pool.shutdownNow(); // on an interruption or an error: interrupts every agent call still running
                if (lease != null) {
                    lease.close();
                }
            }
        }

        private void enqueue(final List<ProbedImage> batch) {
            long cost = 0;
            for (ProbedImage image : batch) {
                cost = saturatedSum(cost, costs.get(image.path()));
            }
            queue.add(new Batch(List.copyOf(batch), cost, order++));
        }

        /** Tells the source how many more slots the queued batches could use, when that changes. */
        private void demand(final int slots) {
            if (slots != demanded) {
                demanded = slots;
                exhausted = null; // the source answers each demand anew
                lease.demand(slots);
            }
        }

        /** Fills free slots, heaviest batch first, always to the agent with the most free slots (then join order). */
        private void dispatch() {
            while (!queue.isEmpty()) {
                AgentState freest = null;
                for (AgentState state : states) {
                    if (state.free() > 0 && (freest == null || state.free() > freest.free())) {
                        freest = state;
                    }
                }
                if (freest == null) {
                    return;
                }
                start(freest, queue.poll());
            }
        }

        /** Nothing is queued: agents that run nothing go back to the source (in Jenkins: free their executor). */
        private void releaseIdle() {
            demand(0); // first, so a freed executor is not handed a request that is no longer needed
            for (AgentState state : states) {
                if (state.held && state.usable && state.running == 0) {
                    release(state, AgentSource.Release.DONE);
                }
            }
        }

        private void release(final AgentState state, final AgentSource.Release why) {
            if (state.held) {
                state.held = false;
                lease.release(state.agent, why);
            }
        }

        private void start(final AgentState state, final Batch batch) {
            state.running++;
            running++;
            pool.execute(() -> {
                long start = System.nanoTime();
                BatchOutcome outcome = null;
                Throwable thrown = null;
                try {
                    outcome = state.agent.inspect(batch.images());
                }
                catch (Exception | Error exception) { // whatever it is, the coordinator must hear of it
                    thrown = exception;
                }
                events.add(new Finished(state, batch, BatchResults.millisSince(start), outcome, thrown));
            });
        }

        private void handle(final Event event) throws InterruptedException {
            if (event instanceof Finished call) {
                finished(call);
            }
            else if (event instanceof Joined joined) {
                join(joined.agent());
            }
            else if (event instanceof Exhausted used) {
                exhausted = used.reason();
            }
        }

        private void join(final Agent agent) {
            exhausted = null;
            for (AgentState state : states) {
                if (state.agent == agent) { // given back earlier, offered again
                    state.held = true;
                    return;
                }
                if (state.held && state.agent.name().equals(agent.name())) {
                    throw new IllegalStateException("two agents are named " + agent.name());
                }
            }
            // a new agent under the name of one given back (the same node granted again) gets a state of its own
            if (agent.slots() < 1) {
                throw new IllegalStateException("agent " + agent.name() + " must have at least 1 slot, has "
                        + agent.slots());
            }
            states.add(new AgentState(agent, agent.slots()));
        }

        private void finished(final Finished call) throws InterruptedException {
            call.agent().running--;
            running--;
            Throwable thrown = call.thrown();
            String name = call.agent().agent.name();
            List<ProbedImage> batch = call.batch().images();
            if (thrown == null) {
                accept(call);
            }
            else if (thrown instanceof AgentLostException) {
                if (call.agent().usable) {
                    call.agent().usable = false;
                    release(call.agent(), AgentSource.Release.LOST);
                    lost.put(name, String.valueOf(thrown.getMessage()));
                    notices.accept("agent " + name + " was lost (" + thrown.getMessage() + "); it gets no more"
                            + " images, and its batch of " + batch.size() + " runs on another agent");
                }
                queue.add(call.batch());
            }
            else if (thrown instanceof ToolMissingException) {
                if (call.agent().usable) {
                    call.agent().usable = false;
                    release(call.agent(), AgentSource.Release.UNUSABLE);
                    withoutLibguestfs.put(name, thrown.getMessage());
                    notices.accept("agent " + name + " cannot run libguestfs (" + thrown.getMessage() + "); its"
                            + " images run on other agents");
                }
                queue.add(call.batch());
            }
            else if (thrown instanceof GuestfishException exception) {
                if (batch.size() > 1) {
                    listener.batchRetried(batch.size(), exception.getMessage());
                    batch.forEach(image -> enqueue(List.of(image)));
                }
                else {
                    fail(call, BatchResults.applianceFailure(batch.get(0), exception));
                }
            }
            else if (thrown instanceof InterruptedException) {
                InterruptedException interrupted = new InterruptedException("the inspection on agent " + name
                        + " was interrupted");
                interrupted.initCause(thrown);
                throw interrupted;
            }
            else if (thrown instanceof RuntimeException exception) { // a bug costs this batch, not the run
                fail(call, BatchResults.internalError(batch, exception));
            }
            else if (thrown instanceof Error error) {
                throw error;
            }
            else { // a checked exception the interface does not declare
                fail(call, BatchResults.internalError(batch, new IllegalStateException("agent " + name
                        + " threw " + thrown, thrown)));
            }
        }

        private void accept(final Finished call) {
            List<ProbedImage> batch = call.batch().images();
            BatchOutcome outcome = call.outcome();
            if (outcome == null || outcome.drives().size() != batch.size()) {
                fail(call, BatchResults.internalError(batch, new IllegalStateException("agent "
                        + call.agent().agent.name() + " returned " + (outcome == null ? "nothing"
                        : outcome.drives().size() + " drives") + " for " + batch.size() + " images")));
                return;
            }
            List<InspectionResult> done = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                done.add(BatchResults.fromDrive(batch.get(i), outcome, outcome.drives().get(i), call.millis(),
                        batch.size(), toolVersion));
            }
            record(call, done);
        }

        private void fail(final Finished call, final Failure failure) {
            record(call, call.batch().images().stream().map(image -> BatchResults.failed(image, failure,
                    call.millis(), toolVersion)).toList());
        }

        /** A batch's results, one per image in its order: each is told to the listener, then the whole batch. */
        private void record(final Finished call, final List<InspectionResult> done) {
            List<ProbedImage> batch = call.batch().images();
            for (int i = 0; i < batch.size(); i++) {
                ProbedImage image = batch.get(i);
                if (results.putIfAbsent(image.path(), done.get(i)) != null) { // a batch is in one place: cannot be
                    throw new IllegalStateException("a second result for " + image.file().path());
                }
                assignments.add(new Assignment(call.agent().agent.name(), image.file(), batch.size(),
                        call.millis()));
                listener.finished(done.get(i));
            }
            listener.batchFinished(done);
        }

        /** Called when nothing runs any more and no agent will come: whatever is still queued cannot be placed. */
        private void failWhatIsLeft() {
            Failure failure = new Failure(FailureKind.TOOL_FAILURE, noAgentLeft());
            while (!queue.isEmpty()) {
                for (ProbedImage image : queue.poll().images()) {
                    InspectionResult result = BatchResults.failed(image, failure, 0, toolVersion);
                    results.put(image.path(), result);
                    listener.finished(result);
                }
            }
        }

        private String noAgentLeft() {
            List<String> without = states.stream().map(state -> state.agent.name()).distinct()
                    .filter(withoutLibguestfs::containsKey).toList();
            Set<String> messages = new HashSet<>(withoutLibguestfs.values());
            if (lost.isEmpty() && messages.size() == 1) {
                return "libguestfs cannot run on any agent (" + String.join(", ", without) + "): "
                        + messages.iterator().next();
            }
            List<String> reasons = new ArrayList<>();
            Set<String> names = new LinkedHashSet<>();
            states.forEach(state -> names.add(state.agent.name()));
            for (String name : names) { // in the order the agents joined, so the message is stable
                if (lost.containsKey(name)) {
                    reasons.add("agent " + name + " was lost (" + lost.get(name) + ")");
                }
                else if (withoutLibguestfs.containsKey(name)) {
                    reasons.add("agent " + name + " cannot run libguestfs (" + withoutLibguestfs.get(name) + ")");
                }
            }
            return reasons.isEmpty() ? exhausted : "no agent left to inspect on: " + String.join("; ", reasons);
        }

        ScheduledRun toScheduledRun(final List<InspectionResult> ordered) {
            return new ScheduledRun(ordered, assignments, lost, withoutLibguestfs);
        }
    }
}
