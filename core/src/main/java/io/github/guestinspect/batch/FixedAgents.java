package io.github.guestinspect.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed list of agents (this machine, or agents known in advance): all join when the run opens; an agent given
 * back as {@link AgentSource.Release#DONE} joins again when the run demands slots later, one lost or unusable never
 * does. When a demand finds nothing left to offer, the source is exhausted.
 */
final class FixedAgents implements AgentSource {
    private final List<Agent> agents;

    FixedAgents(final List<? extends Agent> agents) {
        Set<String> names = new HashSet<>();
        for (Agent agent : agents) {
            if (agent.slots() < 1) {
                throw new IllegalArgumentException("agent " + agent.name() + " must have at least 1 slot, has "
                        + agent.slots());
            }
            if (!names.add(Objects.requireNonNull(agent.name(), "agent name"))) {
                throw new IllegalArgumentException("two agents are named " + agent.name());
            }
        }
        this.agents = List.copyOf(agents);
    }

    @Override
    public Lease open(final Pool pool) {
        return new FixedLease(pool);
    }

    private final class FixedLease implements Lease {
        private final Pool pool;
        /** Agents given back as done, in the order they came back: offered again on demand. */
        private final Set<Agent> idle = new LinkedHashSet<>();
        private boolean closed;

        FixedLease(final Pool pool) {
            this.pool = pool;
            if (agents.isEmpty()) {
                pool.exhausted("no agent to inspect on");
            }
            agents.forEach(pool::joined);
        }

        @Override
        public synchronized void demand(final int slots) {
            if (closed || slots <= 0) {
                return;
            }
            if (idle.isEmpty()) {
                pool.exhausted("every agent of the list is in use or was given up");
                return;
            }
            int offered = 0;
            for (Agent agent : new ArrayList<>(idle)) {
                if (offered >= slots) {
                    break;
                }
                idle.remove(agent);
                pool.joined(agent);
                offered += agent.slots();
            }
        }

        @Override
        public synchronized void release(final Agent agent, final Release why) {
            if (why == Release.DONE && agents.contains(agent)) {
                idle.add(agent);
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            idle.clear();
        }
    }
}
