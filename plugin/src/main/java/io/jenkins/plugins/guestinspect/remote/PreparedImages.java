package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ProbedImage;

/**
 * What the node that holds the workspace found before any appliance runs: the cache's answer for every image, the
 * images that must be inspected (checked by qemu-img, with the files each needs beside it), and the ones the checks
 * rejected. Paths are absolute on that node; {@link #report} turns them back into workspace-relative ones.
 *
 * @param workspace  the workspace, absolute on its node
 * @param host       the host name of that node
 * @param order      every distinct image, by absolute path, in the order asked for
 * @param refused    images refused before anything read them (links leading out of the workspace), by absolute path
 * @param lookups    the cache's answer for every other image (every image a miss when the cache is off)
 * @param probed     the misses that passed the checks: these go to appliances
 * @param rejected   the misses the checks rejected, with the reason, by absolute path
 * @param companions for each probed image (by absolute path) the files it needs beside it (VMDK extents)
 * @param warnings   what the cache and the checks warned about
 * @param millis     wall time of the preparation
 */
public record PreparedImages(String workspace, String host, List<String> order, Map<String, InspectionResult> refused,
                             CacheLookups lookups, List<ProbedImage> probed, Map<String, InspectionResult> rejected,
                             Map<String, List<String>> companions, List<String> warnings, long millis) {
    public PreparedImages {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(host, "host");
        order = List.copyOf(order);
        refused = Map.copyOf(refused);
        Objects.requireNonNull(lookups, "lookups");
        probed = List.copyOf(probed);
        rejected = Map.copyOf(rejected);
        companions = Map.copyOf(companions);
        warnings = List.copyOf(warnings);
    }

    public byte[] encode() throws IOException {
        return Smile.encode(this);
    }

    public static PreparedImages decode(final byte[] bytes) throws IOException {
        return Smile.decode(bytes, PreparedImages.class);
    }

    /** The files a probed image needs beside it when it is copied elsewhere. */
    public List<String> companionsOf(final ProbedImage image) {
        return companions.getOrDefault(image.path().toString(), List.of());
    }

    /**
     * The result of every image the cache looked up, in the lookups' order, with absolute paths: hits, rejections,
     * and the {@code scheduled} results of the probed images (by their absolute path); twins get the result of the
     * image inspected for them, which {@code listener} hears of. This is what goes back into the cache.
     */
    public List<InspectionResult> complete(final Map<String, InspectionResult> scheduled,
                                           final ProgressListener listener) {
        List<InspectionResult> inspected = new ArrayList<>();
        for (Path image : lookups.toInspect()) {
            String key = image.toAbsolutePath().normalize().toString();
            InspectionResult result = rejected.containsKey(key) ? rejected.get(key) : scheduled.get(key);
            if (result == null) {
                throw new IllegalStateException("no result for " + image);
            }
            inspected.add(result);
        }
        return lookups.complete(inspected, listener);
    }

    /**
     * The results as the user sees them: every image in the order asked for, refused ones included, each named
     * relative to the workspace, as the glob found it.
     */
    public List<InspectionResult> report(final List<InspectionResult> completed) {
        Map<String, InspectionResult> byPath = new HashMap<>(refused);
        for (int i = 0; i < completed.size(); i++) {
            byPath.put(lookups.entries().get(i).absolute(), completed.get(i));
        }
        return order.stream().map(byPath::get).map(this::relative).toList();
    }

    private InspectionResult relative(final InspectionResult result) {
        ImageFile image = result.image();
        return result.withImage(new ImageFile(relative(image.path()), image.fileName(), image.fileSize()));
    }

    /** The absolute path of an image given relative to the workspace. */
    public String absolute(final String relative) {
        return (workspace.endsWith("/") ? workspace : workspace + "/") + relative;
    }

    /** The workspace-relative name of an image given by its absolute path (for progress lines and hints). */
    public String relative(final String absolute) {
        String prefix = workspace.endsWith("/") ? workspace : workspace + "/";
        return absolute.startsWith(prefix) ? absolute.substring(prefix.length()) : absolute;
    }
}
