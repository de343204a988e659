package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * How one gate came out. A plain class, not a record: it is persisted by XStream in the build folder.
 */
public final class GateOutcome implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The gate's state. */
    public enum State {
        PASSED, FAILED, SKIPPED
    }

    private final String name;
    private final State state;
    private final Criticality criticality;
    private final int value;
    private final String message;

    public GateOutcome(final String name, final State state, final Criticality criticality, final int value,
                       final String message) {
        this.name = Objects.requireNonNull(name, "name");
        this.state = Objects.requireNonNull(state, "state");
        this.criticality = Objects.requireNonNull(criticality, "criticality");
        this.value = value;
        this.message = Objects.requireNonNull(message, "message");
    }

    public String getName() {
        return name;
    }

    public State getState() {
        return state;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }

    public Criticality getCriticality() {
        return criticality;
    }

    public int getValue() {
        return value;
    }

    /** Why it failed (names the gate, the images and the rules) or was skipped; "" when it passed. */
    public String getMessage() {
        return message;
    }

    @Override
    public String toString() {
        return name + ": " + state + (message.isEmpty() ? "" : " - " + message);
    }
}
