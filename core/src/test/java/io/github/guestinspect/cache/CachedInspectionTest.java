package io.github.guestinspect.cache;

import io.github.guestinspect.batch.BatchWorker;
import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.hash.ContentHasher;
import io.github.guestinspect.hash.HashMemo;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.LibguestfsRunner;
import io.github.guestinspect.runner.ImageProbe;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.runner.TestFaults;
import io.github.guestinspect.testing.FullDisk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache in front of the engine, with real qemu-img checks of real blank images and a worker that counts what
 * reaches it: hits skip the engine, copies hit, changed images miss, twins are inspected once, failures are not kept.
 */
class CachedInspectionTest {
    @TempDir
    Path directory;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    /** Every image handed to the worker, by file name, over all runs. */
    private final List<String> inspected = new CopyOnWriteArrayList<>();
    private final Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ChildProcesses processes;
    private Path images;

    @BeforeEach
    void startProcesses() throws IOException {
        processes = new ChildProcesses();
        images = Files.createDirectories(directory.resolve("images"));
    }

    @AfterEach
    void stopProcesses() {
        processes.close();
    }

    /** A worker that finds no OS on any image, or crashes for the images named in {@link #failing}. */
    private BatchOutcome work(final List<ProbedImage> batch) throws io.github.guestinspect.runner.GuestfishException {
        batch.forEach(image -> inspected.add(image.path().getFileName().toString()));
        if (batch.stream().anyMatch(image -> failing.contains(image.path().getFileName().toString()))) {
            throw TestFaults.crashed("appliance crashed on purpose");
        }
        return new BatchOutcome(batch.stream().map(image -> new DriveOutcome(List.of(), Optional.empty(), 1, 0))
                .toList(), 10, "1.48.6");
    }

    /** A fresh run: new engine, cache, memo and listener objects over the same directories, as a new process has. */
    private List<InspectionResult> run(final List<Path> paths) throws InterruptedException {
        return run(paths, ProgressListener.none());
    }

    private List<InspectionResult> run(final List<Path> paths, final ProgressListener listener)
            throws InterruptedException {
        BatchWorker worker = this::work;
        InspectionEngine engine = new InspectionEngine(new InspectionSettings(2, OptionalInt.of(1), false,
                RunnerSettings.defaults()), new ImageProbe(processes, false), worker);
        ResultCache cache = new ResultCache(directory.resolve("cache"), warnings::add);
        HashMemo memo = new HashMemo(directory.resolve("memo"), new ContentHasher(2));
        return new CachedInspection(cache, memo, warnings::add, List.of()).inspect(paths, engine, listener);
    }

    /** A worker that finds one Debian root which looked up exactly {@code queries}. */
    private BatchWorker rootLookingUp(final List<String> queries) {
        return batch -> {
            batch.forEach(image -> inspected.add(image.path().getFileName().toString()));
            OperatingSystem os = new OperatingSystem("/dev/sda", "linux", "debian", "Debian 12", "12", 12, 0,
                    "x86_64", "host", "deb", "apt", List.of(), List.of(), List.of(), List.of(), "", queries,
                    List.of(), List.of(), List.of(), List.of());
            return new BatchOutcome(batch.stream().map(image -> new DriveOutcome(List.of(os), Optional.empty(), 1, 0))
                    .toList(), 10, "1.48.6");
        };
    }

    private List<InspectionResult> run(final List<Path> paths, final BatchWorker worker,
                                       final List<String> requiredQueries) throws InterruptedException {
        InspectionEngine engine = new InspectionEngine(new InspectionSettings(1, OptionalInt.of(1), false,
                RunnerSettings.defaults()), new ImageProbe(processes, false), worker);
        return new CachedInspection(new ResultCache(directory.resolve("cache"), warnings::add),
                new HashMemo(directory.resolve("memo"), new ContentHasher(2)), warnings::add, requiredQueries)
                .inspect(paths, engine, ProgressListener.none());
    }

    @Test
    void shouldInspectAgainWhenAPolicyNeedsAPathTheCachedResultDidNotLookUp() throws Exception {
        Path image = blank("golden.qcow2", "1M");

        run(List.of(image), rootLookingUp(List.of("/etc/machine-id")), List.of());
        List<InspectionResult> covered = run(List.of(image), rootLookingUp(List.of("/etc/machine-id")),
                List.of("/etc/machine-id"));
        List<InspectionResult> lacking = run(List.of(image), rootLookingUp(List.of("/etc/machine-id", "/etc/motd")),
                List.of("/etc/motd"));
        List<InspectionResult> nowCovered = run(List.of(image), rootLookingUp(List.of()), List.of("/etc/motd"));

        assertThat(covered.get(0).cache().hit()).isTrue();
        assertThat(lacking.get(0).cache().hit()).isFalse();
        assertThat(nowCovered.get(0).cache().hit()).as("the fresh result was stored with the new path").isTrue();
        assertThat(inspected).containsExactly("golden.qcow2", "golden.qcow2");
    }

    private Path blank(final String name, final String size) throws IOException, InterruptedException {
        Path image = images.resolve(name);
        String format = name.endsWith(".raw") ? "raw" : "qcow2";
        Process process = new ProcessBuilder("qemu-img", "create", "-q", "-f", format, image.toString(), size)
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("qemu-img create finished").isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        return image;
    }

    private static void assertNoOs(final List<InspectionResult> results) {
        assertThat(results).extracting(InspectionResult::status).containsOnly(Status.NO_OS_FOUND);
    }

    @Test
    void shouldKeepWhatFinishedBatchesFoundWhenTheRunIsInterrupted() throws Exception {
        List<Path> paths = List.of(blank("a.qcow2", "1M"), blank("b.qcow2", "2M"));
        Thread runner = Thread.currentThread();
        AtomicInteger batches = new AtomicInteger();
        BatchWorker interruptedInTheSecondBatch = batch -> {
            if (batches.incrementAndGet() == 2) {
                runner.interrupt(); // Ctrl-C while the second appliance runs
                new CountDownLatch(1).await(); // until the engine stops this worker
            }
            return work(batch);
        };

        assertThatThrownBy(() -> run(paths, interruptedInTheSecondBatch, List.of()))
                .isInstanceOf(InterruptedException.class);
        Thread.interrupted();
        List<String> finished = List.copyOf(inspected);
        inspected.clear();
        List<InspectionResult> next = run(paths);

        assertThat(finished).as("the first batch finished before the interruption").hasSize(1);
        assertThat(inspected).as("the next run inspects only what the interrupted one did not finish")
                .containsExactly(finished.contains("a.qcow2") ? "b.qcow2" : "a.qcow2");
        assertNoOs(next);
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldReturnEveryResultAndSayOnceThatTheCacheCannotBeWrittenOnAFullDisk() throws Exception {
        List<Path> paths = List.of(blank("a.qcow2", "1M"), blank("b.qcow2", "2M"), blank("c.qcow2", "3M"));
        try (FullDisk disk = FullDisk.mount(directory.resolve("cache"))) {
            run(paths.subList(0, 1));
            disk.fill();
            inspected.clear();

            List<InspectionResult> full = run(paths);

            assertNoOs(full);
            assertThat(full.get(0).cache().hit()).as("served from the cache written before").isTrue();
            assertThat(inspected).containsExactlyInAnyOrder("b.qcow2", "c.qcow2");
            assertThat(warnings).filteredOn(warning -> warning.startsWith("cannot store")).singleElement().asString()
                    .contains("in the cache " + disk.path() + " (cannot write " + disk.path().resolve("entries"))
                    .contains(": No space left on device); the results of this run are not cached");
            assertThat(warnings).filteredOn(warning -> warning.startsWith("cannot record the run's cache statistics"))
                    .hasSize(1);
            try (Stream<Path> files = Files.walk(disk.path())) {
                assertThat(files.filter(file -> file.getFileName().toString().startsWith(".")).toList()).isEmpty();
            }

            Files.delete(disk.path().resolve("filler"));
            inspected.clear();
            warnings.clear();
            run(paths);
            assertThat(inspected).as("room again: what could not be stored is stored now")
                    .containsExactlyInAnyOrder("b.qcow2", "c.qcow2");
            inspected.clear();
            run(paths);
            assertThat(inspected).isEmpty();
            assertThat(warnings).isEmpty();
        }
    }

    @Test
    void shouldInspectEveryImageOnceAndServeTheSecondRunFromTheCache() throws Exception {
        List<Path> paths = List.of(blank("a.qcow2", "1M"), blank("b.qcow2", "2M"), blank("c.qcow2", "3M"));

        List<InspectionResult> first = run(paths);

        assertThat(inspected).containsExactlyInAnyOrder("a.qcow2", "b.qcow2", "c.qcow2");
        assertNoOs(first);
        assertThat(first).allSatisfy(result -> {
            assertThat(result.cache().hit()).isFalse();
            assertThat(result.contentHash()).matches("sha256-tree64m:[0-9a-f]{64}");
        });
        assertThat(first).extracting(InspectionResult::contentHash).doesNotHaveDuplicates();
        inspected.clear();

        List<InspectionResult> second = run(paths);

        assertThat(inspected).isEmpty();
        assertNoOs(second);
        assertThat(second).allSatisfy(result -> assertThat(result.cache().hit()).isTrue());
        assertThat(second).extracting(result -> result.image().path())
                .containsExactly(paths.stream().map(Path::toString).toArray(String[]::new));
        assertThat(second).extracting(result -> result.image().fileName())
                .containsExactly("a.qcow2", "b.qcow2", "c.qcow2");
        for (int i = 0; i < paths.size(); i++) {
            assertThat(second.get(i).image().fileSize()).isEqualTo(Files.size(paths.get(i)));
            assertThat(second.get(i).contentHash()).isEqualTo(first.get(i).contentHash());
            assertThat(second.get(i).disk()).isEqualTo(first.get(i).disk());
        }
        assertThat(new CacheMaintenance(new ResultCache(directory.resolve("cache"), warnings::add)).statistics()
                .lastRun()).hasValueSatisfying(counts -> {
                    assertThat(counts.hits()).isEqualTo(3);
                    assertThat(counts.misses()).isZero();
                });
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldServeACopyUnderAnotherNameFromTheCacheWithItsOwnPath() throws Exception {
        Path original = blank("original.qcow2", "4M");
        run(List.of(original));
        Path copy = Files.copy(original, images.resolve("renamed copy.qcow2"));
        inspected.clear();

        List<InspectionResult> results = run(List.of(copy));

        assertThat(inspected).isEmpty();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.cache().hit()).isTrue();
            assertThat(result.image().path()).isEqualTo(copy.toString());
            assertThat(result.image().fileName()).isEqualTo("renamed copy.qcow2");
            assertThat(result.status()).isEqualTo(Status.NO_OS_FOUND);
        });
    }

    @Test
    void shouldServeManyCopiesOfOneImageInOneRunEachUnderItsOwnName() throws Exception {
        Path original = blank("original.qcow2", "3M");
        run(List.of(original));
        List<Path> copies = new ArrayList<>();
        for (int copy = 1; copy <= 3; copy++) {
            copies.add(Files.copy(original, Files.createDirectories(images.resolve("copy-" + copy))
                    .resolve("original.qcow2")));
        }
        inspected.clear();

        List<InspectionResult> results = run(copies);

        assertThat(inspected).isEmpty();
        assertThat(results).extracting(result -> result.image().path())
                .containsExactly(copies.stream().map(Path::toString).toArray(String[]::new));
        assertThat(results).allSatisfy(result -> {
            assertThat(result.cache().hit()).isTrue();
            assertThat(result.status()).isEqualTo(Status.NO_OS_FOUND);
            assertThat(result.image().fileName()).isEqualTo("original.qcow2");
        });
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldInspectAnImageOfOtherContentAgain() throws Exception {
        run(List.of(blank("disk.qcow2", "1M")));
        Files.delete(images.resolve("disk.qcow2"));
        Path replaced = blank("disk.qcow2", "5M");
        inspected.clear();

        List<InspectionResult> results = run(List.of(replaced));

        assertThat(inspected).containsExactly("disk.qcow2");
        assertThat(results).singleElement().satisfies(result -> assertThat(result.cache().hit()).isFalse());
    }

    @Test
    void shouldInspectAnImageChangedInPlaceAgainEvenWithItsMtimeRestored() throws Exception {
        Path image = blank("disk.raw", "1M");
        InspectionResult before = run(List.of(image)).get(0);
        FileTime mtime = Files.getLastModifiedTime(image);
        try (RandomAccessFile access = new RandomAccessFile(image.toFile(), "rw")) {
            access.seek(4096);
            access.write(0x5a); // same size, other content
        }
        Files.setLastModifiedTime(image, mtime);
        inspected.clear();

        InspectionResult after = run(List.of(image)).get(0);

        assertThat(inspected).containsExactly("disk.raw");
        assertThat(after.cache().hit()).isFalse();
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(after.image().fileSize()).isEqualTo(before.image().fileSize());
    }

    /** The cache where the images are, as the node that holds a Jenkins workspace has it. */
    private CachedInspection whereTheImagesAre() {
        return new CachedInspection(new ResultCache(directory.resolve("cache"), warnings::add),
                new HashMemo(directory.resolve("memo"), new ContentHasher(2)), warnings::add, List.of());
    }

    /**
     * Inspects the misses apart from the lookup, one image per batch, as agents do, and hands each finished batch
     * back to be stored with its own lookups only, as the Jenkins step does.
     */
    private void inspectElsewhere(final CacheLookups lookups, final ProgressListener perBatch)
            throws InterruptedException {
        new InspectionEngine(new InspectionSettings(1, OptionalInt.of(1), false, RunnerSettings.defaults()),
                new ImageProbe(processes, false), this::work).inspect(lookups.toInspect(), perBatch);
    }

    @Test
    void shouldStoreEachBatchInspectedElsewhereWithItsCacheFactsAndRecordTheRunWhenItIsOver() throws Exception {
        List<Path> paths = List.of(blank("a.qcow2", "1M"), blank("b.qcow2", "2M"), blank("c.qcow2", "3M"));
        run(paths.subList(0, 1));
        failing.add("c.qcow2");
        CacheLookups lookups = whereTheImagesAre().lookUp(paths);
        List<Integer> sent = new CopyOnWriteArrayList<>();

        inspectElsewhere(lookups, new ProgressListener() {
            @Override
            public void batchFinished(final List<InspectionResult> results) {
                CacheLookups own = lookups.only(results.stream().map(result -> result.image().path()).toList());
                sent.add(own.entries().size());
                whereTheImagesAre().storeFinished(own, results);
            }
        });
        whereTheImagesAre().recordRun(lookups);

        assertThat(sent).as("each batch carries its own entry, not the run's").containsExactly(1, 1);
        CacheLookups next = whereTheImagesAre().lookUp(paths);
        assertThat(next.hits()).extracting(result -> result.image().path())
                .containsExactly(paths.get(0).toString(), paths.get(1).toString());
        CacheLookups.Entry b = lookups.entries().get(1);
        assertThat(new ResultCache(directory.resolve("cache"), warnings::add).get(b.key().orElseThrow()))
                .as("stored with its cache facts").hasValueSatisfying(stored -> assertThat(stored.contentHash())
                        .isEqualTo(b.hash().orElseThrow()));
        assertThat(next.toInspect()).as("a failure is not kept").containsExactly(paths.get(2));
        assertThat(new CacheMaintenance(new ResultCache(directory.resolve("cache"), warnings::add)).statistics()
                .lastRun()).hasValueSatisfying(counts -> assertThat(List.of(counts.hits(), counts.misses()))
                .containsExactly(1, 2));
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldNameEveryImageOfABatchThatCannotBeStoredAndNotTheFailuresIn() throws Exception {
        List<Path> paths = List.of(blank("a.qcow2", "1M"), blank("b.qcow2", "2M"), blank("c.qcow2", "3M"));
        failing.add("b.qcow2");
        CachedInspection cache = whereTheImagesAre();
        CacheLookups lookups = cache.lookUp(paths);
        List<InspectionResult> batch = new CopyOnWriteArrayList<>();
        inspectElsewhere(lookups, new ProgressListener() {
            @Override
            public void finished(final InspectionResult result) {
                batch.add(result);
            }
        });
        Files.createDirectories(directory.resolve("cache"));
        Files.writeString(directory.resolve("cache/entries"), "not a directory");

        cache.storeFinished(lookups, batch);

        assertThat(warnings).singleElement().asString().startsWith("cannot store the results of ")
                .contains(paths.get(0) + ", " + paths.get(2)).doesNotContain("b.qcow2")
                .contains(" in the cache " + directory.resolve("cache") + " (").endsWith("); they are not cached");
    }

    @Test
    void shouldInspectTwoIdenticalImagesOfOneRunOnceAndReportBoth() throws Exception {
        Path first = blank("first.qcow2", "2M");
        Path twin = Files.copy(first, images.resolve("twin.qcow2"));
        List<InspectionResult> finished = new CopyOnWriteArrayList<>();
        List<Integer> started = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(final int count) {
                started.add(count);
            }

            @Override
            public void finished(final InspectionResult result) {
                finished.add(result);
            }
        };

        List<InspectionResult> results = run(List.of(first, twin), listener);

        assertThat(inspected).hasSize(1);
        assertNoOs(results);
        assertThat(results).extracting(result -> result.image().path())
                .containsExactly(first.toString(), twin.toString());
        assertThat(results.get(1).image().fileName()).isEqualTo("twin.qcow2");
        assertThat(results.get(1).contentHash()).isEqualTo(results.get(0).contentHash());
        assertThat(started).containsExactly(2);
        assertThat(finished).extracting(result -> result.image().path())
                .containsExactlyInAnyOrder(first.toString(), twin.toString());
        inspected.clear();

        assertThat(run(List.of(twin, first))).allSatisfy(result -> assertThat(result.cache().hit()).isTrue());
        assertThat(inspected).isEmpty();
    }

    @Test
    void shouldFailBothIdenticalImagesWhenTheOneInspectedFails() throws Exception {
        Path first = blank("first.qcow2", "2M");
        Path twin = Files.copy(first, images.resolve("twin.qcow2"));
        failing.add("first.qcow2");

        List<InspectionResult> results = run(List.of(first, twin));

        assertThat(inspected).containsExactly("first.qcow2");
        assertThat(results).extracting(InspectionResult::status).containsExactly(Status.FAILED, Status.FAILED);
        assertThat(results.get(1).image().path()).isEqualTo(twin.toString());
        assertThat(new ResultCache(directory.resolve("cache"), warnings::add).entries()).isEmpty();
    }

    @Test
    void shouldNameTheTwinItselfInItsFailureMessage() throws Exception {
        Path first = blank("first.qcow2", "2M");
        Path twin = Files.copy(first, images.resolve("twin.qcow2"));
        failing.add("first.qcow2");

        List<InspectionResult> results = run(List.of(first, twin));

        assertThat(results.get(1).failure()).hasValueSatisfying(
                failure -> assertThat(failure.message()).startsWith(results.get(1).image().path() + ": ")
                        .contains("same content as").contains("appliance crashed on purpose"));
    }

    @Test
    void shouldGiveOneResultForAnImageNamedTwice() throws Exception {
        Path image = blank("once.qcow2", "1M");
        Path sameFile = images.resolve(".").resolve("once.qcow2");

        List<InspectionResult> results = run(List.of(image, sameFile, image));

        assertThat(results).hasSize(1);
        assertThat(inspected).containsExactly("once.qcow2");
    }

    @Test
    void shouldNotCacheAFailedInspectionAndInspectItAgainNextRun() throws Exception {
        List<Path> paths = List.of(blank("good.qcow2", "1M"), blank("crashes.qcow2", "2M"));
        failing.add("crashes.qcow2");

        List<InspectionResult> first = run(paths);

        assertThat(first).extracting(InspectionResult::status).containsExactly(Status.NO_OS_FOUND, Status.FAILED);
        assertThat(first.get(1).failure()).hasValueSatisfying(failure -> {
            assertThat(failure.kind()).isEqualTo(FailureKind.INSPECTION_ERROR);
            assertThat(failure.message()).contains("crashes.qcow2");
        });
        assertThat(first.get(1).cache().hit()).isFalse();
        assertThat(new ResultCache(directory.resolve("cache"), warnings::add).entries()).hasSize(1);
        failing.clear();
        inspected.clear();

        List<InspectionResult> second = run(paths);

        assertThat(inspected).containsExactly("crashes.qcow2");
        assertNoOs(second);
        assertThat(second.get(0).cache().hit()).isTrue();
        assertThat(second.get(1).cache().hit()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldPassAMissingImageToTheEngineWithoutTouchingTheCache() throws Exception {
        Path present = blank("present.qcow2", "1M");
        Path missing = images.resolve("missing.qcow2");

        List<InspectionResult> results = run(List.of(missing, present));

        assertThat(results).extracting(InspectionResult::status).containsExactly(Status.FAILED, Status.NO_OS_FOUND);
        assertThat(results.get(0).failure()).hasValueSatisfying(
                failure -> assertThat(failure.kind()).isEqualTo(FailureKind.MISSING));
        assertThat(warnings).isEmpty();
        assertThat(new ResultCache(directory.resolve("cache"), warnings::add).entries()).hasSize(1);
    }

    @Test
    void shouldReportADamagedEntryOnceAndInspectTheImageAgain() throws Exception {
        Path image = blank("damaged-entry.qcow2", "1M");
        run(List.of(image));
        ResultCache cache = new ResultCache(directory.resolve("cache"), warnings::add);
        Path entry = cache.entries().get(0);
        Files.write(entry, new byte[] {'G', 'I', 'N'});
        inspected.clear();

        List<InspectionResult> results = run(List.of(image));

        assertThat(inspected).containsExactly("damaged-entry.qcow2");
        assertNoOs(results);
        assertThat(warnings).singleElement().asString().contains(entry.toString());
        assertThat(cache.entries()).singleElement().satisfies(
                stored -> assertThat(cache.decode(Files.readAllBytes(stored)).status()).isEqualTo(Status.NO_OS_FOUND));
        inspected.clear();

        assertThat(run(List.of(image))).singleElement()
                .satisfies(result -> assertThat(result.cache().hit()).isTrue());
        assertThat(inspected).isEmpty();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void shouldReportDamagedEntriesInTheOrderOfTheImages() throws Exception {
        List<Path> originals = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            originals.add(blank("image-" + i + ".qcow2", i + "M"));
        }
        run(originals);
        ResultCache cache = new ResultCache(directory.resolve("cache"), warnings::add);
        for (Path entry : cache.entries()) {
            Files.write(entry, new byte[] {'G', 'I', 'N'});
        }
        List<Path> order = List.of(originals.get(4), originals.get(0), originals.get(5), originals.get(2),
                originals.get(1), originals.get(3));

        run(order);

        assertThat(warnings).hasSize(6);
        List<String> entries = new ArrayList<>();
        for (Path image : order) {
            String hash = new HashMemo(directory.resolve("memo"), new ContentHasher(1)).hash(image).hash();
            entries.add(ResultCache.key(hash, LibguestfsRunner.READER_VERSION,
                    "qcow2"));
        }
        for (int i = 0; i < order.size(); i++) {
            assertThat(warnings.get(i)).contains(entries.get(i));
        }
    }

    @Test
    void shouldKeepTheCacheKeyOfAnImageFromItsClaimedFormat() throws Exception {
        Path qcow2 = blank("claimed.qcow2", "1M");
        run(List.of(qcow2));
        Path unclaimed = Files.copy(qcow2, images.resolve("claimed.img")); // ".img" says nothing: sniffed
        inspected.clear();

        List<InspectionResult> results = run(List.of(unclaimed));

        assertThat(inspected).as("the format the name claims is part of the key").containsExactly("claimed.img");
        assertNoOs(results);
        List<String> keys = new ArrayList<>();
        for (Path entry : new ResultCache(directory.resolve("cache"), warnings::add).entries()) {
            keys.add(entry.getFileName().toString());
        }
        assertThat(keys).hasSize(2);
    }
}
