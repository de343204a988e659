package io.github.guestinspect.cache;

import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheStatistics.RunCounts;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.hash.HashMemo.Hashed;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.LibguestfsRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Serves unchanged images from the cache and inspects the rest: each image is hashed (through the memo, so an
 * unchanged file costs one stat), looked up by key, and only misses reach the engine; identical images in one run
 * are inspected once. Inspected results are stored as soon as their batch is done, so a run that is stopped half way
 * keeps what it finished; failures are not stored (they may be passing troubles). A cache that cannot be written (a
 * full disk) is reported once and costs only the storing: the results are returned all the same.
 */
public final class CachedInspection {
    private final ResultCache cache;
    private final HashMemo memo;
    private final InspectionEngine engine;
    private final Consumer<String> warnings;
    private final List<String> requiredQueries;

    /**
     * @param requiredQueries paths and globs every result must have looked up (a policy's file rules): a cached
     *                        result that lacks one is inspected again
     */
    public CachedInspection(final ResultCache cache, final HashMemo memo, final InspectionEngine engine,
                            final Consumer<String> warnings, final List<String> requiredQueries) {
        this.cache = cache;
        this.memo = memo;
        this.engine = engine;
        this.warnings = warnings;
        this.requiredQueries = List.copyOf(requiredQueries);
    }

    public List<InspectionResult> inspect(final List<Path> images, final ProgressListener listener)
            throws InterruptedException {
        Map<Path, Path> given = new LinkedHashMap<>();
        for (Path image : images) {
            given.putIfAbsent(image.toAbsolutePath().normalize(), image);
        }
        listener.started(given.size());
        deleteAbandonedFiles();
        Map<Path, InspectionResult> results = new HashMap<>();
        Map<Path, Lookup> lookups = new HashMap<>();
        Map<String, Path> firstWithKey = new HashMap<>();
        List<Path> toInspect = new ArrayList<>();
        int hits = 0;
        for (Map.Entry<Path, Path> image : given.entrySet()) {
            Optional<Lookup> lookup = lookUp(image.getKey(), image.getValue());
            if (lookup.isPresent() && lookup.get().cached().isPresent()) {
                InspectionResult hit = lookup.get().cached().get();
                results.put(image.getKey(), hit);
                listener.finished(hit);
                hits++;
                continue;
            }
            lookup.ifPresent(found -> lookups.put(image.getKey(), found));
            if (lookup.isEmpty() || firstWithKey.putIfAbsent(lookup.get().key(), image.getKey()) == null) {
                toInspect.add(image.getValue());
            }
        }
        Storage storage = new Storage(lookups);
        List<InspectionResult> inspected = engine.inspect(toInspect, storing(listener, storage));
        for (int i = 0; i < toInspect.size(); i++) {
            results.put(toInspect.get(i).toAbsolutePath().normalize(), storage.store(inspected.get(i)));
        }
        for (Map.Entry<Path, Lookup> lookup : lookups.entrySet()) {
            if (!results.containsKey(lookup.getKey())) { // an identical image was inspected in this run
                InspectionResult twin = results.get(firstWithKey.get(lookup.getValue().key()));
                InspectionResult copy = twin.withImage(lookup.getValue().file());
                if (twin.isFailed()) { // the message must name this image, and say whose inspection failed
                    Failure failure = twin.failure().orElseThrow();
                    copy = InspectionResult.failed(lookup.getValue().file(), twin.disk(), new Failure(failure.kind(),
                            lookup.getValue().file().path() + ": has the same content as " + twin.image().path()
                                    + ", whose inspection failed: " + failure.message()), twin.timings(),
                            twin.toolVersion());
                }
                results.put(lookup.getKey(), copy);
                listener.finished(copy);
            }
        }
        record(hits, toInspect.size());
        return given.keySet().stream().map(results::get).toList();
    }

    /** Hashes and looks up one image; empty when it is not a readable regular file (the engine reports why). */
    private Optional<Lookup> lookUp(final Path image, final Path asGiven) throws InterruptedException {
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
            return Optional.empty();
        }
        try {
            Hashed hashed = memo.hash(image);
            long start = System.nanoTime();
            String key = ResultCache.key(hashed.hash(), LibguestfsRunner.READER_VERSION,
                    DiskFormat.fromFileName(asGiven.toString()).map(DiskFormat::qemuName).orElse("-"));
            ImageFile file = new ImageFile(asGiven.toString(), fileName(asGiven), Files.size(image));
            Optional<InspectionResult> cached = cache.get(key).filter(this::coversQueries).map(result -> {
                long lookupMillis = (System.nanoTime() - start) / 1_000_000;
                return result.withImage(file).withCache(hashed.hash(), new CacheInfo(true, lookupMillis))
                        .withTimings(result.timings().withHashMillis(hashed.millis())
                                .withTotalMillis(hashed.millis() + lookupMillis));
            });
            return Optional.of(new Lookup(key, hashed, file, cached, (System.nanoTime() - start) / 1_000_000));
        }
        catch (IOException exception) {
            warnings.accept(asGiven + ": cannot be hashed for the cache (" + exception.getMessage()
                    + "); inspecting it without the cache");
            return Optional.empty();
        }
    }

    private boolean coversQueries(final InspectionResult result) {
        return result.operatingSystems().stream().allMatch(os -> os.fileQueries().containsAll(requiredQueries));
    }

    /** Completes inspected results with their cache facts and stores each once, from whichever thread has it. */
    private final class Storage {
        private final Map<Path, Lookup> lookups;
        private final Set<Path> stored = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean failed = new AtomicBoolean();

        Storage(final Map<Path, Lookup> lookups) {
            this.lookups = Map.copyOf(lookups);
        }

        /** The result with its hash and cache facts; stored if it is a finding (not a failure) not stored yet. */
        InspectionResult store(final InspectionResult result) {
            Path path = Path.of(result.image().path()).toAbsolutePath().normalize();
            Lookup found = lookups.get(path);
            if (found == null) {
                return result;
            }
            InspectionResult complete = result.withCache(found.hashed().hash(), new CacheInfo(false, found.millis()))
                    .withTimings(result.timings().withHashMillis(found.hashed().millis()).withTotalMillis(
                            result.timings().totalMillis() + found.hashed().millis() + found.millis()));
            boolean finding = complete.status() == Status.INSPECTED || complete.status() == Status.NO_OS_FOUND;
            if (finding && !failed.get() && stored.add(path)) {
                try {
                    cache.put(found.key(), complete);
                }
                catch (IOException exception) {
                    if (failed.compareAndSet(false, true)) {
                        warnings.accept("cannot store the result of " + result.image().path() + " in the cache "
                                + cache.directory() + " (" + exception.getMessage() + "); the results of this run"
                                + " are not cached");
                    }
                }
            }
            return complete;
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

    private void record(final int hits, final int misses) {
        try {
            new CacheMaintenance(cache).recordRun(new RunCounts(hits, misses, Instant.now()));
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
                storage.store(result);
                listener.finished(result);
            }

            @Override
            public void batchRetried(final int images, final String reason) {
                listener.batchRetried(images, reason);
            }
        };
    }

    private static String fileName(final Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** An image's cache key and what the cache held for it. */
    private record Lookup(String key, Hashed hashed, ImageFile file, Optional<InspectionResult> cached, long millis) {
    }
}
