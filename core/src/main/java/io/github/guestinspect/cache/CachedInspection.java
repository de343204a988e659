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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Serves unchanged images from the cache and inspects the rest: each image is hashed (through the memo, so an
 * unchanged file costs one stat), looked up by key, and only misses reach the engine; identical images in one run
 * are inspected once. Inspected results are stored as soon as their batch is done, so a run that is stopped half way
 * keeps what it finished; failures are not stored (they may be passing troubles). A cache that cannot be written (a
 * full disk) is reported once and costs only the storing: the results are returned all the same.
 *
 * <p>{@link #inspect} does it all on this machine. Where the images and the appliances are on different machines
 * (Jenkins: the workspace and the agents), the steps run apart: {@link #lookUp}, {@link #storeFinished} (each batch
 * as it comes back) and {@link #recordRun} where the images are, {@link CacheLookups#complete} where the inspection
 * was scheduled.
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
     * Hashes and looks up every image, where the images are, after removing what killed runs left in the cache. An
     * image that is not a readable regular file, or cannot be hashed, bypasses the cache (the engine reports why it
     * cannot be inspected).
     */
    public CacheLookups lookUp(final List<Path> images) throws InterruptedException {
        deleteAbandonedFiles();
        Map<String, CacheLookups.Entry> distinct = new LinkedHashMap<>();
        Seen seen = new Seen(new HashMap<>(), new HashMap<>());
        for (Path image : images) {
            String absolute = image.toAbsolutePath().normalize().toString();
            if (!distinct.containsKey(absolute)) {
                distinct.put(absolute, lookUp(image, absolute, seen));
            }
        }
        return new CacheLookups(List.copyOf(distinct.values()));
    }

    /**
     * Stores results as their appliance returned them (this adds the cache facts), where they were inspected apart
     * from their lookup: in Jenkins the node that holds the workspace stores each batch as soon as an agent returns
     * it, as {@link #inspect} stores each result as it finishes, so a run stopped half way keeps what it finished.
     * Failures, twins and images without a key are not stored. When the cache cannot be written, one warning names
     * every image of {@code finished} that is left uncached.
     *
     * @param lookups  the lookups of (at least) these images
     * @param finished inspected results, named as the lookups name the images
     */
    public void storeFinished(final CacheLookups lookups, final List<InspectionResult> finished) {
        Storage storage = new Storage(lookups, false);
        finished.forEach(storage::finished);
        storage.failure().ifPresent(exception -> warnings.accept("cannot store the results of "
                + String.join(", ", storage.unstored(finished)) + " in the cache " + cache.directory() + " ("
                + exception.getMessage() + "); they are not cached"));
    }

    /** Records a run's hits and misses (for {@code guest-inspect cache stats}) once it is over. */
    public void recordRun(final CacheLookups lookups) {
        record(lookups);
    }

    /** Serves what it can from the cache, has {@code engine} inspect the rest, and stores what is worth it. */
    public List<InspectionResult> inspect(final List<Path> images, final InspectionEngine engine,
                                          final ProgressListener listener) throws InterruptedException {
        CacheLookups lookups = lookUp(images);
        listener.started(lookups.entries().size());
        listener.finishedAll(lookups.hits());
        Storage storage = new Storage(lookups, true);
        List<InspectionResult> inspected = engine.inspect(lookups.toInspect(), storing(listener, storage));
        List<InspectionResult> results = lookups.complete(inspected, listener);
        storage.storeAll(results);
        record(lookups);
        return results;
    }

    private CacheLookups.Entry lookUp(final Path image, final String absolute, final Seen seen)
            throws InterruptedException {
        Path file = Path.of(absolute);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return CacheLookups.Entry.uncached(image);
        }
        try {
            Hashed hashed = memo.hash(file);
            long start = System.nanoTime();
            String format = DiskFormat.fromFileName(image.toString()).map(DiskFormat::qemuName).orElse("-");
            String key = seen.keys().computeIfAbsent(hashed.hash() + " " + format,
                    unused -> ResultCache.key(hashed.hash(), LibguestfsRunner.READER_VERSION, format));
            ImageFile given = new ImageFile(image.toString(), CacheLookups.fileName(image), hashed.size());
            Optional<InspectionResult> cached = seen.entries().computeIfAbsent(key, cache::get)
                    .filter(this::coversQueries).map(result -> {
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

    /**
     * What one lookup of a run's images has seen: copies of an image (the same content and claimed format) share
     * their key, and the entry of a key is read once.
     *
     * @param keys    the cache key by content hash and claimed format
     * @param entries the cached result by key, as read
     */
    private record Seen(Map<String, String> keys, Map<String, Optional<InspectionResult>> entries) {
    }

    private boolean coversQueries(final InspectionResult result) {
        return requiredQueries.isEmpty()
                || result.operatingSystems().stream().allMatch(os -> os.fileQueries().containsAll(requiredQueries));
    }

    /** Stores a run's findings, each once, from whichever thread has it; the first write that fails stops it. */
    private final class Storage {
        private final Map<String, CacheLookups.Entry> inspected = new HashMap<>();
        private final Set<String> stored = ConcurrentHashMap.newKeySet();
        private final AtomicReference<IOException> failure = new AtomicReference<>();
        /** Whether the first failed write is reported at once, for the whole run; else the caller reports it. */
        private final boolean warnForRun;

        Storage(final CacheLookups lookups, final boolean warnForRun) {
            lookups.storableEntries().forEach(entry -> inspected.put(entry.absolute(), entry));
            this.warnForRun = warnForRun;
        }

        /** An inspected image's result, as the engine gives it, stored with its cache facts. */
        void finished(final InspectionResult result) {
            entry(result).ifPresent(entry -> put(entry, CacheLookups.withCacheFacts(result, entry)));
        }

        /** Every image's completed result (in the lookups' order): what was not stored yet is stored now. */
        void storeAll(final List<InspectionResult> completed) {
            if (inspected.isEmpty()) { // all served from the cache: nothing to store, and no paths to resolve
                return;
            }
            for (InspectionResult result : completed) {
                entry(result).ifPresent(entry -> put(entry, result));
            }
        }

        Optional<IOException> failure() {
            return Optional.ofNullable(failure.get());
        }

        /** The images of {@code results} that were worth storing and are not stored. */
        List<String> unstored(final List<InspectionResult> results) {
            return results.stream().filter(result -> !result.isFailed() && entry(result).filter(entry ->
                    !stored.contains(entry.absolute())).isPresent()).map(result -> result.image().path()).toList();
        }

        private Optional<CacheLookups.Entry> entry(final InspectionResult result) {
            return Optional.ofNullable(inspected.get(Path.of(result.image().path()).toAbsolutePath().normalize()
                    .toString()));
        }

        private void put(final CacheLookups.Entry entry, final InspectionResult complete) {
            if (complete.isFailed() || failure.get() != null || !stored.add(entry.absolute())) {
                return;
            }
            try {
                cache.put(entry.key().orElseThrow(), complete);
            }
            catch (IOException exception) {
                stored.remove(entry.absolute());
                if (failure.compareAndSet(null, exception) && warnForRun) {
                    warnings.accept("cannot store the result of " + complete.image().path() + " in the cache "
                            + cache.directory() + " (" + exception.getMessage() + "); the results of this run"
                            + " are not cached");
                }
            }
        }
    }

    /** Deletes what killed runs left in the cache, saying so when there was anything. */
    private void deleteAbandonedFiles() {
        try {
            int deleted = new CacheMaintenance(cache).deleteAbandoned();
            if (deleted > 0) {
                warnings.accept("removed " + deleted + " temporary file" + (deleted == 1 ? "" : "s")
                        + " that killed runs left in the cache " + cache.directory());
            }
        }
        catch (IOException exception) {
            // a cache that cannot be listed is reported when it is written
        }
    }

    private void record(final CacheLookups lookups) {
        try {
            new CacheMaintenance(cache).recordRun(new RunCounts(lookups.hits().size(), lookups.toInspect().size(),
                    Instant.now()));
        }
        catch (IOException exception) {
            warnings.accept("cannot record the run's cache statistics in " + cache.directory() + " ("
                    + exception.getMessage() + ")");
        }
    }

    /** The listener without its start (this class reports it), storing each result as its batch finishes. */
    private static ProgressListener storing(final ProgressListener listener, final Storage storage) {
        return new ProgressListener() {
            @Override
            public void finished(final InspectionResult result) {
                storage.finished(result);
                listener.finished(result);
            }

            @Override
            public void batchFinished(final List<InspectionResult> results) {
                listener.batchFinished(results);
            }

            @Override
            public void batchRetried(final int images, final String reason) {
                listener.batchRetried(images, reason);
            }
        };
    }
}
