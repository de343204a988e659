package io.github.guestinspect.batch;

import java.util.List;

/**
 * Where the agents of a scheduled run come from, and where they go back to. A fixed list is one source
 * ({@link #of}); in Jenkins the build queue is another: each executor it grants for the run's label becomes an
 * agent, and giving the agent back frees the executor, so agents arrive and leave while the run goes on.
 *
 * <p>{@link AgentScheduler} opens the source once per run, tells it how many more slots it could use whenever that
 * changes ({@link Lease#demand}), gives back every agent it no longer needs ({@link Lease#release}) and closes the
 * lease when the run ends, however it ends.
 */
public interface AgentSource {
    /** Starts serving one run; what arrives is told to {@code pool}. */
    Lease open(Pool pool);

    /** A source over a fixed list of agents: every one of them joins at once. */
    static AgentSource of(final List<? extends Agent> agents) {
        return new FixedAgents(agents);
    }

    /** Where a source delivers; both methods may be called from any thread, also after the lease is closed. */
    interface Pool {
        /** An agent is ready for the run's batches, with all of its slots free. */
        void joined(Agent agent);

        /**
         * No agent will come for the latest demand (no node can ever take the work, or the list is used up); a
         * source says so again for every later demand it cannot meet. When nothing runs any more, the run fails
         * what it cannot place, with this reason.
         */
        void exhausted(String reason);
    }

    /** Why the run gives an agent back. */
    enum Release {
        /** No work is left for it right now; it may be offered again on a later demand. */
        DONE,
        /** It went away mid-batch; this run offers it no more work. */
        LOST,
        /** It cannot run libguestfs; this run offers it no more work. */
        UNUSABLE
    }

    /** One run's hold on the source. */
    interface Lease extends AutoCloseable {
        /**
         * The run could use this many more slots than the agents it holds have free (0: it needs no more); each
         * call replaces the previous demand, so a source can cancel what was asked for and is no longer needed.
         */
        void demand(int slots);

        /** The run is done with this agent (it runs nothing for the run any more). */
        void release(Agent agent, Release why);

        /** The run is over: cancel whatever was asked for and not granted, and give back every agent. */
        @Override
        void close();
    }
}
