package io.jenkins.plugins.guestinspect.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Time that moves only when the test says, and periodic checks that run only when it says: no sleeping. */
final class ManualTicker implements QueueAgentSource.Ticker {
    private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final List<Runnable> checks = new CopyOnWriteArrayList<>();
    private final List<Duration> periods = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public Runnable every(final Duration period, final Runnable check) {
        checks.add(check);
        periods.add(period);
        return () -> checks.remove(check);
    }

    /** Time passes, then every check still running runs once. */
    void advance(final Duration time) {
        now = now.plus(time);
        checks.forEach(Runnable::run);
    }

    /** How many checks are still running. */
    int running() {
        return checks.size();
    }

    List<Duration> periods() {
        return List.copyOf(periods);
    }
}
