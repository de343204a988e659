package io.github.guestinspect.batch;

import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.util.List;

/** Something that inspects one batch of images in one appliance: the local runner, or (in Jenkins) an agent. */
@FunctionalInterface
public interface BatchWorker {
    /**
     * Inspects the images; the outcome lists one drive per image, in order.
     *
     * @throws ToolMissingException if libguestfs is not installed where the worker runs
     * @throws GuestfishException   if the batch failed as a whole (its images are then retried one by one)
     */
    BatchOutcome inspect(List<ProbedImage> images) throws ToolMissingException, GuestfishException,
            InterruptedException;
}
