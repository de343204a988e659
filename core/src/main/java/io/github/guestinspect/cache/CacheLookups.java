package io.github.guestinspect.cache;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the cache knew of a run's images, made where the images are ({@link CachedInspection#lookUp}): one entry per
 * distinct image, in the order given, with its key and hit where it has them. The images to inspect are the misses,
 * each content once ({@link #toInspect()}); once they are inspected, {@link #complete} gives every image its result,
 * a twin (identical content under another name) the result of the image inspected for it. A plain value, so it can
 * travel between the machine that holds the images and the one that schedules their inspection.
 *
 * @param entries one per distinct image (by absolute, normalised path), in the order given
 */
public record CacheLookups(List<Entry> entries) {
    public CacheLookups {
        entries = List.copyOf(entries);
    }

    /**
     * One image's lookup.
     *
     * @param given        the path as given (reports show it)
     * @param absolute     the absolute, normalised path (the identity of the image in this run)
     * @param key          the cache key; empty when the image could not be hashed (then it bypasses the cache)
     * @param hash         the content hash, with the key
     * @param hashMillis   time spent hashing (or in the memo)
     * @param lookupMillis time spent looking up
     * @param file         the image file as given, with its size
     * @param hit          the cached result, ready to report
     */
    public record Entry(String given, String absolute, Optional<String> key, Optional<String> hash, long hashMillis,
                        long lookupMillis, ImageFile file, Optional<InspectionResult> hit) {
        public Entry {
            Objects.requireNonNull(given, "given");
            Objects.requireNonNull(absolute, "absolute");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(hit, "hit");
        }

        /** An image that bypasses the cache (it cannot be hashed, or the cache is off). */
        public static Entry uncached(final Path image) {
            return new Entry(image.toString(), image.toAbsolutePath().normalize().toString(), Optional.empty(),
                    Optional.empty(), 0, 0, new ImageFile(image.toString(), fileName(image), -1), Optional.empty());
        }

        /** The path as given. */
        public Path path() {
            return Path.of(given);
        }
    }

    /** Every image bypassing the cache: what a run without a cache looks up. */
    public static CacheLookups uncached(final List<Path> images) {
        Set<String> seen = new HashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Path image : images) {
            Entry entry = Entry.uncached(image);
            if (seen.add(entry.absolute())) {
                entries.add(entry);
            }
        }
        return new CacheLookups(entries);
    }

    /**
     * The entries of these images only (named as given or by absolute path), in order: what storing one batch's
     * results needs ({@link CachedInspection#storeFinished}), without the rest of the run's entries and hits.
     */
    public CacheLookups only(final Collection<String> images) {
        return new CacheLookups(entries.stream().filter(entry -> images.contains(entry.given())
                || images.contains(entry.absolute())).toList());
    }

    /** The results served from the cache, in the order given. */
    public List<InspectionResult> hits() {
        return entries.stream().flatMap(entry -> entry.hit().stream()).toList();
    }

    /** The images to inspect: every miss, but content seen twice only once (the first image that has it). */
    public List<Path> toInspect() {
        return inspected().stream().map(Entry::path).toList();
    }

    private List<Entry> inspected() {
        Set<String> keys = new HashSet<>();
        List<Entry> inspected = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.hit().isEmpty() && (entry.key().isEmpty() || keys.add(entry.key().get()))) {
                inspected.add(entry);
            }
        }
        return inspected;
    }

    /**
     * Every image's result, in the order given: hits as they are; each inspected image's result with its cache
     * facts (hash, lookup time, hashing time added); a twin gets a copy of the result of the image inspected for
     * it, under its own name (a failure names both). {@code listener} hears of each twin, as it was not inspected.
     *
     * @param inspected one result per {@link #toInspect()} image, in that order
     */
    public List<InspectionResult> complete(final List<InspectionResult> inspected, final ProgressListener listener) {
        List<Entry> toInspect = inspected();
        if (inspected.size() != toInspect.size()) {
            throw new IllegalArgumentException(inspected.size() + " results for " + toInspect.size() + " images");
        }
        Map<String, InspectionResult> byImage = new HashMap<>();
        Map<String, InspectionResult> byKey = new HashMap<>();
        for (int i = 0; i < toInspect.size(); i++) {
            Entry entry = toInspect.get(i);
            InspectionResult result = withCacheFacts(inspected.get(i), entry);
            byImage.put(entry.absolute(), result);
            entry.key().ifPresent(key -> byKey.put(key, result));
        }
        List<InspectionResult> results = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.hit().isPresent()) {
                results.add(entry.hit().get());
            }
            else if (byImage.containsKey(entry.absolute())) {
                results.add(byImage.get(entry.absolute()));
            }
            else { // an identical image was inspected in this run
                InspectionResult twin = twin(byKey.get(entry.key().orElseThrow()), entry.file());
                listener.finished(twin);
                results.add(twin);
            }
        }
        return results;
    }

    /** The entries whose results are kept once inspected: inspected in this run (not twins) and with a key. */
    List<Entry> storableEntries() {
        return inspected().stream().filter(entry -> entry.key().isPresent()).toList();
    }

    static InspectionResult withCacheFacts(final InspectionResult result, final Entry entry) {
        if (entry.hash().isEmpty()) {
            return result;
        }
        return result.withCache(entry.hash().get(), new CacheInfo(false,
                entry.lookupMillis())).withTimings(result.timings().withHashMillis(entry.hashMillis())
                .withTotalMillis(result.timings().totalMillis() + entry.hashMillis() + entry.lookupMillis()));
    }

    private static InspectionResult twin(final InspectionResult original, final ImageFile file) {
        InspectionResult copy = original.withImage(file);
        if (original.isFailed()) { // the message must name this image, and say whose inspection failed
            Failure failure = original.failure().orElseThrow();
            copy = InspectionResult.failed(file, original.disk(), new Failure(failure.kind(), file.path()
                    + ": has the same content as " + original.image().path() + ", whose inspection failed: "
                    + failure.message()), original.timings(), original.toolVersion());
        }
        return copy;
    }

    static String fileName(final Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
