package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.github.guestinspect.batch.CheckedImages;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.cache.CacheMaintenance;
import io.github.guestinspect.cache.CachedInspection;
import io.github.guestinspect.cache.ResultCache;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;

/**
 * The work done where the workspace is: before the run, hash every image (through the memo), serve what the
 * workspace cache has, and check the misses with qemu-img, so broken images fail by name before anything is
 * shipped; after each batch, store its results. The cache lives in {@value #CACHE_DIRECTORY} below the workspace,
 * where the command line keeps it too, so a CLI run in the workspace and the step share it.
 */
public final class WorkspaceWork {
    /** The result cache, relative to the workspace. */
    public static final String CACHE_DIRECTORY = ".guest-inspect/cache";

    public PreparedImages prepare(final Path workspace, final PrepareRequest request, final String host)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        Path root = workspace.toRealPath();
        Set<String> order = new LinkedHashSet<>();
        Map<String, InspectionResult> refused = new LinkedHashMap<>();
        List<Path> inside = new ArrayList<>();
        for (String relative : request.images()) {
            Path image = root.resolve(relative).normalize();
            if (!order.add(image.toString())) {
                continue;
            }
            Optional<Path> outside = leavesWorkspace(root, image);
            if (outside.isPresent()) {
                refused.put(image.toString(), refused(image, outside.get()));
            }
            else {
                inside.add(image);
            }
        }
        CacheLookups lookups = request.cache()
                ? cache(root, request.fileQueries(), warnings::add).lookUp(inside)
                : CacheLookups.uncached(inside);
        CheckedImages checked;
        try (ChildProcesses processes = new ChildProcesses()) {
            checked = CheckedImages.check(lookups.toInspect(), new ImageProbe(processes, false),
                    ProgressListener.none());
        }
        Map<String, InspectionResult> rejected = new HashMap<>();
        checked.rejected().forEach((path, result) -> rejected.put(path.toString(), result));
        Map<String, List<String>> companions = new HashMap<>();
        for (ProbedImage image : checked.probed()) {
            List<String> files = ImageProbe.companionFiles(image.path());
            if (!files.isEmpty()) {
                companions.put(image.path().toString(), files);
            }
        }
        return new PreparedImages(root.toString(), host, List.copyOf(order), refused, lookups, checked.probed(),
                rejected, companions, warnings, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Stores a batch's results in the workspace cache (or, when the run is over, what no batch stored, and records
     * the run's hits and misses there); returns what the cache warned about.
     */
    public List<String> store(final Path workspace, final StoreRequest request, final List<String> fileQueries)
            throws IOException {
        List<String> warnings = new ArrayList<>();
        CachedInspection cache = cache(workspace.toRealPath(), fileQueries, warnings::add);
        cache.storeFinished(request.lookups(), request.inspected());
        if (request.runOver()) {
            cache.recordRun(request.lookups());
        }
        return warnings;
    }

    private static CachedInspection cache(final Path workspace, final List<String> fileQueries,
                                          final Consumer<String> warnings) {
        Path directory = workspace.resolve(CACHE_DIRECTORY);
        return new CachedInspection(new ResultCache(directory, warnings),
                new HashMemo(directory.resolve(CacheMaintenance.MEMO), ContentHasher.allCores(), warnings), warnings,
                fileQueries);
    }

    /** Where an image really is, when that is outside the workspace (a link pointing out of it). */
    private static Optional<Path> leavesWorkspace(final Path root, final Path image) {
        try {
            Path real = image.toRealPath();
            return real.startsWith(root) ? Optional.empty() : Optional.of(real);
        }
        catch (IOException exception) {
            return Optional.empty(); // missing or unreadable: the checks say so, by name
        }
    }

    private static InspectionResult refused(final Path image, final Path target) {
        return InspectionResult.failed(new ImageFile(image.toString(), String.valueOf(image.getFileName()), -1),
                Optional.empty(), new Failure(FailureKind.REFUSED, image + ": refused, it is a link to " + target
                        + ", outside the workspace"), Timings.none(), ToolVersion.get());
    }
}
