package io.github.guestinspect.batch;

/**
 * An agent went away (offline, disconnected, its channel closed) while it held a batch: the batch is not a result,
 * it must run elsewhere. Nothing the agent may have done for the batch counts.
 */
public final class AgentLostException extends Exception {
    private static final long serialVersionUID = 1L;

    public AgentLostException(final String message) {
        super(message);
    }

    public AgentLostException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
