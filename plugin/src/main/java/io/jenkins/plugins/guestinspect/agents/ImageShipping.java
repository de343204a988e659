package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import hudson.FilePath;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import io.github.guestinspect.runner.ProbedImage;

/**
 * Puts a batch's images where an agent's appliance can open them. On the node that holds the workspace they are
 * used where they are; elsewhere each image (with the files it needs beside it, such as VMDK extents) is copied
 * once into a directory of this agent's own below the node's root, under its own name, through a temporary name,
 * its size checked. The copies go when the agent is given back.
 */
final class ImageShipping {
    private final FilePath workspace;
    private final FilePath incoming;
    private final Map<String, ProbedImage> placed = new HashMap<>();

    /**
     * @param workspace the workspace, on its node
     * @param incoming  this agent's own directory on its node; {@code null} when the node holds the workspace
     */
    ImageShipping(final FilePath workspace, final FilePath incoming) {
        this.workspace = workspace;
        this.incoming = incoming;
    }

    /** Whether the images are used where they are (the agent is the node that holds the workspace). */
    boolean isLocal() {
        return incoming == null;
    }

    /** The batch as the agent sees it: the same images, at the paths they have there. */
    synchronized List<ProbedImage> place(final List<ProbedImage> batch, final PreparedImages prepared)
            throws IOException, InterruptedException {
        if (isLocal()) {
            return batch;
        }
        List<ProbedImage> there = new ArrayList<>();
        for (ProbedImage image : batch) {
            ProbedImage copy = placed.get(image.path().toString());
            if (copy == null) {
                copy = ship(image, prepared.companionsOf(image), incoming.child(String.valueOf(placed.size())));
                placed.put(image.path().toString(), copy);
            }
            there.add(copy);
        }
        return there;
    }

    private ProbedImage ship(final ProbedImage image, final List<String> companions, final FilePath directory)
            throws IOException, InterruptedException {
        directory.mkdirs();
        Path path = image.path();
        String name = String.valueOf(path.getFileName());
        FilePath target = copy(workspace.child(path.toString()), directory, name, image.file().fileSize());
        Path beside = path.getParent();
        for (String companion : companions) { // names the checks accepted: plain files beside the image
            copy(workspace.child(beside == null ? companion : beside.resolve(companion).toString()), directory,
                    companion, -1);
        }
        return new ProbedImage(Path.of(target.getRemote()), image.file(), image.disk(), image.probeMillis());
    }

    private static FilePath copy(final FilePath source, final FilePath directory, final String name,
                                 final long expectedSize) throws IOException, InterruptedException {
        FilePath target = directory.child(name);
        FilePath partial = directory.child(name + ".part");
        source.copyTo(partial);
        long copied = partial.length();
        if (expectedSize >= 0 && copied != expectedSize) {
            throw new IOException("copying " + source.getRemote() + " to " + target.getRemote() + " gave "
                    + copied + " bytes instead of " + expectedSize);
        }
        partial.renameTo(target);
        return target;
    }

    /** Deletes the copies; a failure to do so is reported, not thrown (the run's results stand). */
    synchronized void clean() throws IOException, InterruptedException {
        if (!isLocal()) {
            placed.clear();
            incoming.deleteRecursive();
        }
    }
}
