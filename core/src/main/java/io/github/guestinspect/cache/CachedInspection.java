package io.github.guestinspect.cache;

import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheStatistics.RunCounts;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.hash.HashMemo.Hashed;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.LibguestfsRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Serves unchanged images from the cache and inspects the rest: each image is hashed (through the memo, so an
 * unchanged file costs one stat), looked up by key, and only misses reach the engine; identical images in one run
 * are inspected once. Inspected results are stored; failures are not (they may be passing troubles).
 *
 * <p>{@link #inspect} does it all on this machine. Where the images and the appliances are on different machines
 * (Jenkins: the workspace and the agents), the steps run apart: {@link #lookUp} and {@link #store} where the images
 * are, {@link CacheLookups#complete} where the inspection was scheduled.
 */
public final class CachedInspection {
    private final ResultCache cache;
    private final HashMemo memo;
    private final Consumer<String> warnings;
    private final List<String> requiredQueries;

    /**
     * @param requiredQueries paths and globs every result must have looked up (a policy's file rules): a cached
     *                        result that lacks one is inspected again
     */
    public CachedInspection(final ResultCache cache, final HashMemo memo, final Consumer<String> warnings,
                            final List<String> requiredQueries) {
        this.cache = cache;
        this.memo = memo;
        this.warnings = warnings;
        this.requiredQueries = List.copyOf(requiredQueries);
    }

    /**
     * Hashes and looks up every image, where the images are. An image that is not a readable regular file, or
     * cannot be hashed, bypasses the cache (the engine reports why it cannot be inspected).
     */
    public CacheLookups lookUp(final List<Path> images) throws InterruptedException {
        Map<String, CacheLookups.Entry> distinct = new LinkedHashMap<>();
        for (Path image : images) {
            String absolute = image.toAbsolutePath().normalize().toString();
            if (!distinct.containsKey(absolute)) {
                distinct.put(absolute, lookUp(image, absolute));
            }
        }
        return new CacheLookups(List.copyOf(distinct.values()));
    }

    /** Stores the inspected results of a run worth keeping and records the run's hits and misses. */
    public void store(final CacheLookups lookups, final List<InspectionResult> completed) {
        for (Map.Entry<String, InspectionResult> entry : lookups.storable(completed)) {
            try {
                cache.put(entry.getKey(), entry.getValue());
            }
            catch (IOException exception) {
                warnings.accept("cannot store the result of " + entry.getValue().image().path() + " in the cache "
                        + cache.directory() + " (" + exception.getMessage() + ")");
            }
        }
        int hits = lookups.hits().size();
        record(hits, lookups.toInspect().size());
    }

    /** Serves what it can from the cache, has {@code engine} inspect the rest, and stores what is worth it. */
    public List<InspectionResult> inspect(final List<Path> images, final InspectionEngine engine,
                                          final ProgressListener listener) throws InterruptedException {
        CacheLookups lookups = lookUp(images);
        listener.started(lookups.entries().size());
        lookups.hits().forEach(listener::finished);
        List<InspectionResult> inspected = engine.inspect(lookups.toInspect(), withoutStart(listener));
        List<InspectionResult> results = lookups.complete(inspected, listener);
        store(lookups, results);
        return results;
    }

    private CacheLookups.Entry lookUp(final Path image, final String absolute) throws InterruptedException {
        Path file = Path.of(absolute);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return CacheLookups.Entry.uncached(image);
        }
        try {
            Hashed hashed = memo.hash(file);
            long start = System.nanoTime();
            String key = ResultCache.key(hashed.hash(), LibguestfsRunner.READER_VERSION,
                    DiskFormat.fromFileName(image.toString()).map(DiskFormat::qemuName).orElse("-"));
            ImageFile given = new ImageFile(image.toString(), CacheLookups.fileName(image), Files.size(file));
            Optional<InspectionResult> cached = cache.get(key).filter(this::coversQueries).map(result -> {
                long lookupMillis = (System.nanoTime() - start) / 1_000_000;
                return result.withImage(given).withCache(hashed.hash(), new CacheInfo(true, lookupMillis))
                        .withTimings(result.timings().withHashMillis(hashed.millis())
                                .withTotalMillis(hashed.millis() + lookupMillis));
            });
            return new CacheLookups.Entry(image.toString(), absolute, Optional.of(key), Optional.of(hashed.hash()),
                    hashed.millis(), (System.nanoTime() - start) / 1_000_000, given, cached);
        }
        catch (IOException exception) {
            warnings.accept(image + ": cannot be hashed for the cache (" + exception.getMessage()
                    + "); inspecting it without the cache");
            return CacheLookups.Entry.uncached(image);
        }
    }

    private boolean coversQueries(final InspectionResult result) {
        return result.operatingSystems().stream().allMatch(os -> os.fileQueries().containsAll(requiredQueries));
    }

    private void record(final int hits, final int misses) {
        try {
            new CacheMaintenance(cache).recordRun(new RunCounts(hits, misses, Instant.now()));
        }
        catch (IOException exception) {
            warnings.accept("cannot record the run's cache statistics in " + cache.directory() + " ("
                    + exception.getMessage() + ")");
        }
    }

    private static ProgressListener withoutStart(final ProgressListener listener) {
        return new ProgressListener() {
            @Override
            public void finished(final InspectionResult result) {
                listener.finished(result);
            }

            @Override
            public void batchRetried(final int images, final String reason) {
                listener.batchRetried(images, reason);
            }
        };
    }
}
