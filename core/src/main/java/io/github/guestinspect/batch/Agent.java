package io.github.guestinspect.batch;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.util.List;

/**
 * A place where appliances run: this machine ({@link LocalAgent}) or, in Jenkins, an agent the images are shipped
 * to. {@link AgentScheduler} calls {@link #inspect} from up to {@link #slots()} threads at once, so implementations
 * must be thread-safe, and must give up promptly (throwing {@link InterruptedException}) when their thread is
 * interrupted.
 */
public interface Agent {
    /** A name unique among the agents of a run; results and the per-agent timing table use it. */
    String name();

    /** How many appliances the agent may run at once (at least 1); libguestfs #69: launches must be bounded. */
    int slots();

    /**
     * Inspects one batch of images in one appliance; the outcome lists one drive per image, in order.
     *
     * @throws AgentLostException   if the agent went away; the batch is re-run on another agent and anything the
     *                              agent may have done for it is discarded
     * @throws ToolMissingException if libguestfs is not installed on the agent; it gets no further work
     * @throws GuestfishException   if the appliance failed as a whole (its images are then retried one by one)
     */
    BatchOutcome inspect(List<ProbedImage> batch)
            throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException;
}
