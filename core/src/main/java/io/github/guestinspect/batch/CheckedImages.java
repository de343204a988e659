package io.github.guestinspect.batch;

import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ImageRejectedException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images after the qemu-img checks, which run before any appliance (and, in Jenkins, where the images are, before
 * any is shipped): each distinct image is checked once (a file named twice is one image); rejected ones are
 * reported at once, with the reason.
 *
 * @param order    every distinct image (normalised path), in the order first given
 * @param rejected the results of the images that failed the checks, by normalised path
 * @param probed   the images that may go to an appliance, in the order given
 */
public record CheckedImages(List<Path> order, Map<Path, InspectionResult> rejected, List<ProbedImage> probed) {
    public CheckedImages {
        order = List.copyOf(order);
        rejected = Map.copyOf(rejected);
        probed = List.copyOf(probed);
    }

    /** Checks the images; {@code listener} is told the number of distinct images and each rejection. */
    public static CheckedImages check(final List<Path> images, final ImageProbe probe,
                                      final ProgressListener listener) throws InterruptedException {
        return check(images, probe, listener, ToolVersion.get());
    }

    static CheckedImages check(final List<Path> images, final ImageProbe probe, final ProgressListener listener,
                               final String toolVersion) throws InterruptedException {
        Map<Path, Path> given = new LinkedHashMap<>(); // one entry per distinct file: normalised path -> as given
        for (Path image : images) {
            given.putIfAbsent(image.toAbsolutePath().normalize(), image);
        }
        listener.started(given.size());
        Map<Path, InspectionResult> rejected = new HashMap<>();
        List<ProbedImage> good = new ArrayList<>();
        for (Map.Entry<Path, Path> image : given.entrySet()) {
            long start = System.nanoTime();
            ImageFile file = new ImageFile(image.getValue().toString(), BatchResults.fileName(image.getValue()),
                    BatchResults.size(image.getKey()));
            try {
                good.add(new ProbedImage(image.getKey(), file, probe.probe(image.getKey()),
                        BatchResults.millisSince(start)));
            }
            catch (ImageRejectedException exception) {
                rejected.put(image.getKey(), BatchResults.rejected(file, exception.toFailure(), start, listener,
                        toolVersion));
            }
            catch (ToolMissingException exception) {
                rejected.put(image.getKey(), BatchResults.rejected(file, BatchResults.toolFailure(exception), start,
                        listener, toolVersion));
            }
        }
        return new CheckedImages(List.copyOf(given.keySet()), rejected, good);
    }
}
