package io.github.guestinspect.history;

import io.github.guestinspect.diff.Results;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.policy.Waiver;
import io.github.guestinspect.testing.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-25T17:40:12.123456789Z");

    @TempDir
    Path directory;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    /** A run with one inspected image and one failure; its figures depend on the id, so records differ. */
    static RunRecord run(final String id, final Instant finished) {
        int n = Math.abs(id.hashCode() % 1000);
        return new RunRecord(id, "#" + id, finished, List.of(
                new RunRecord.ImageRecord("out/debian-" + id + ".qcow2", "INSPECTED", n % 2 == 0, 100 + n, 5, 1,
                        9_000 + n, 1_200, 800 + n, 12_000 + n),
                new RunRecord.ImageRecord("out/broken.qcow2", "FAILED", false, 0, 0, 0, 0, 0, 0, 40)),
                Map.of("error", n % 3, "warning", 1, "info", 0));
    }

    /** Results a run stores: package versions depend on the writer and the run. */
    static List<InspectionResult> results(final int writer, final int run) {
        return List.of(Results.inspected("out/debian.qcow2", os("/dev/sda1", "deb",
                pkg("bash", "5.2." + run + "-" + writer, "amd64"), pkg("openssl", "3.0.11-1~deb12u2", "amd64"))));
    }

    @Test
    void shouldLiveInDotGuestInspectHistoryUnderTheCurrentDirectoryByDefault() {
        HistoryStore store = HistoryStore.inWorkingDirectory(warnings::add);

        assertThat(store.directory()).isEqualTo(Path.of(".guest-inspect/history"));
        assertThat(store.limit()).isEqualTo(100);
        assertThat(new HistoryStore(directory, 7, warnings::add).limit()).isEqualTo(7);
    }

    @Test
    void shouldReadWhatWasAppendedOldestFirstWhateverTheOrderOfAppending() throws IOException {
        HistoryStore store = new HistoryStore(directory, warnings::add);
        RunRecord second = run("42", T0.plusSeconds(60));
        RunRecord first = run("41", T0);
        RunRecord third = run("43", T0.plusSeconds(120));

        assertThat(store.read()).isEmpty();
        store.append(second);
        store.append(first);
        store.append(third);

        assertThat(store.read()).containsExactly(first, second, third);
        assertThat(store.trend()).extracting(TrendPoint::label).containsExactly("#41", "#42", "#43");
        assertThat(store.read().get(0).finished()).isEqualTo(T0); // nanoseconds survive
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheNewestRunsBeyondTheLimit() throws IOException {
        HistoryStore store = new HistoryStore(directory, 5, 2, warnings::add);
        for (int i = 0; i < 12; i++) {
            store.append(run("r" + i, T0.plusSeconds(i)), results(0, i));
        }

        assertThat(store.read()).extracting(RunRecord::runId).containsExactly("r7", "r8", "r9", "r10", "r11");
        assertThat(files("runs")).hasSize(5);
        assertThat(files("results")).hasSize(2);
        assertThat(store.results("r11")).contains(results(0, 11));
        assertThat(store.results("r10")).contains(results(0, 10));
        assertThat(store.results("r9")).isEmpty(); // its record is kept, its results no longer
        assertThat(store.results("r3")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldReadNoMoreThanTheLimitEvenBeforePruning() throws IOException {
        HistoryStore wide = new HistoryStore(directory, 100, warnings::add);
        for (int i = 0; i < 8; i++) {
            wide.append(run("r" + i, T0.plusSeconds(i)));
        }

        assertThat(new HistoryStore(directory, 3, warnings::add).read()).extracting(RunRecord::runId)
                .containsExactly("r5", "r6", "r7");
        assertThat(HistoryStore.forReading(directory, warnings::add).read()).hasSize(8);
    }

    @Test
    void shouldFindRunsAndTheirResultsByIdOrLabel() throws IOException {
        HistoryStore store = new HistoryStore(directory, warnings::add);
        store.append(run("41", T0), results(0, 41));
        store.append(run("42", T0.plusSeconds(1)), results(0, 42));
        store.append(run("no-results", T0.plusSeconds(2)));

        assertThat(store.find("42")).map(RunRecord::label).contains("#42");
        assertThat(store.find("#41")).map(RunRecord::runId).contains("41");
        assertThat(store.find("43")).isEmpty();
        assertThat(store.results("41")).contains(results(0, 41));
        assertThat(store.results("#42")).contains(results(0, 42));
        assertThat(store.results("no-results")).isEmpty();
        assertThat(store.lastResults()).contains(results(0, 42));
    }

    @Test
    void shouldKeepEveryRunInsideTheHistoryWhateverItsIdSays() throws IOException {
        Path history = Files.createDirectories(directory.resolve("deep/history"));
        HistoryStore store = new HistoryStore(history, warnings::add);
        List<String> ids = List.of("../../escaped", "/etc/cron.d/x", "..\\..\\win", "..", "a/../../b",
                "\u0000nul\nline", "x".repeat(300));
        for (int i = 0; i < ids.size(); i++) {
            store.append(run(ids.get(i), T0.plusSeconds(i)), results(0, i));
        }

        try (Stream<Path> everything = Files.walk(directory)) {
            assertThat(everything.filter(Files::isRegularFile)).isNotEmpty()
                    .allSatisfy(file -> assertThat(file.getParent()).isIn(history, history.resolve("runs"),
                            history.resolve("results")));
        }
        assertThat(store.read()).extracting(RunRecord::runId).containsExactlyElementsOf(ids);
        assertThat(store.results("../../escaped")).contains(results(0, 0));
    }

    @Test
    void shouldWriteTheLastResultsAsAJsonReportDocument() throws IOException {
        HistoryStore store = new HistoryStore(directory, warnings::add);
        store.append(run("41", T0), results(0, 41));

        var document = ModelMapper.json().readTree(directory.resolve("last-results.json").toFile());

        assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(document.get("results").get(0).get("image").get("path").asText()).isEqualTo("out/debian.qcow2");
    }

    @Test
    void shouldSkipDamagedFilesWithOneWarningEachAndNeverFail() throws IOException {
        HistoryStore store = new HistoryStore(directory, warnings::add);
        store.append(run("41", T0), results(0, 41));
        store.append(run("43", T0.plusSeconds(120)));
        Path runs = directory.resolve("runs");
        Files.writeString(runs.resolve("20261125T174100.000000000Z_torn_0000aaaa.json"), "{\"formatVersion\":1,\"ru");
        Files.write(runs.resolve("20261125T174101.000000000Z_binary_0000bbbb.json"), new byte[] {0, (byte) 0xff, 3});
        Files.writeString(runs.resolve("20261125T174102.000000000Z_future_0000cccc.json"),
                "{\"formatVersion\":2,\"run\":{}}");
        Files.writeString(runs.resolve("20261125T174103.000000000Z_nulls_0000dddd.json"),
                "{\"formatVersion\":1,\"run\":{\"runId\":null}}");
        Files.writeString(runs.resolve("20261125T174104.000000000Z_empty_0000eeee.json"), "");
        Files.writeString(runs.resolve("notes.txt"), "not a run");
        Files.writeString(directory.resolve("last-results.json"), "{\"results\": [ {\"image\": 3");
        try (Stream<Path> snapshots = Files.list(directory.resolve("results"))) {
            Files.write(snapshots.findFirst().orElseThrow(), new byte[] {1, 2, 3});
        }

        assertThat(store.read()).extracting(RunRecord::runId).containsExactly("41", "43");
        assertThat(store.read()).hasSize(2);
        assertThat(store.results("41")).isEmpty();
        assertThat(store.lastResults()).isEmpty();
        assertThat(warnings).hasSize(7).allSatisfy(warning -> assertThat(warning).containsAnyOf("damaged",
                "format version 2", "cannot be read"));
        assertThat(warnings).anySatisfy(warning -> assertThat(warning).contains("_torn_").contains("skipped"));

        store.append(run("44", T0.plusSeconds(180)));
        assertThat(store.read()).extracting(RunRecord::runId).containsExactly("41", "43", "44");
    }

    @Test
    void shouldBuildARunRecordFromResultsAndCountActiveViolationsBySeverity() {
        InspectionResult hit = Results.inspected("out/a.qcow2", new Timings(7, 2, 9_000, 3, 1_500, 700, 11_000),
                true, os("/dev/sda1", "deb", pkg("bash", "5.2-1", "amd64"), pkg("zsh", "5.9-4", "amd64")),
                os("/dev/sda2", "deb", pkg("dash", "0.5.12-2", "amd64")));
        InspectionResult broken = Results.failed("out/b.qcow2");
        Violation error = new Violation("no-telnet", Severity.ERROR, "out/a.qcow2", "/dev/sda1", "telnet 0.17",
                "not installed", Optional.empty());
        Violation waived = new Violation("no-telnet", Severity.ERROR, "out/a.qcow2", "/dev/sda2", "telnet 0.17",
                "not installed", Optional.of(new Waiver("out/a.qcow2", LocalDate.of(2099, 1, 1), "legacy")));
        Violation warning = new Violation("hostname", Severity.WARNING, "out/a.qcow2", "", "hostname x", "empty",
                Optional.empty());
        PolicyEvaluation evaluation = new PolicyEvaluation(List.of(), List.of("out/a.qcow2"),
                List.of(error, waived, warning), List.of());

        RunRecord record = RunRecord.from("20261125-1", "#7", T0, List.of(hit, broken), Optional.of(evaluation));

        assertThat(record.runId()).isEqualTo("20261125-1");
        assertThat(record.label()).isEqualTo("#7");
        assertThat(record.violations()).isEqualTo(Map.of("error", 1, "warning", 1, "info", 0));
        assertThat(record.violationCount(Severity.ERROR)).isOne();
        assertThat(record.images()).containsExactly( // a hit: the inspecting run's launch, OS and listing times
                new RunRecord.ImageRecord("out/a.qcow2", "INSPECTED", true, 3, 7, 3, 0, 0, 0, 11_000),
                new RunRecord.ImageRecord("out/b.qcow2", "FAILED", false, 0, 0, 0, 0, 0, 0, 4));
        InspectionResult miss = Results.inspected("out/c.qcow2", new Timings(7, 2, 9_000, 3, 1_500, 700, 11_000),
                false, os("/dev/sda1", "deb"));
        assertThat(RunRecord.ImageRecord.of(miss)).isEqualTo(
                new RunRecord.ImageRecord("out/c.qcow2", "INSPECTED", false, 0, 7, 1, 3_000, 1_500, 700, 11_000));
        assertThat(RunRecord.from("x", "x", T0, List.of(hit), Optional.empty()).violations()).isEmpty();
        TrendPoint point = TrendPoint.of(record);
        assertThat(point.failures()).isOne();
        assertThat(point.cacheHits()).isOne();
        assertThat(point.packages()).isEqualTo(3);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldLoseNothingWhenEightThreadsAppendAtOnce() throws Exception {
        HistoryStore store = new HistoryStore(directory, 1_000, warnings::add);
        int threads = 8;
        int runs = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Instant sameTime = T0; // the same finish time for all: names must still be unique
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int writer = thread;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int run = 0; run < runs; run++) {
                        store.append(run("t" + writer + "-" + run, run % 2 == 0 ? sameTime : Instant.now()),
                                results(writer, run));
                        assertThat(store.read()).doesNotContainNull();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(90, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        List<String> expected = IntStream.range(0, threads).boxed()
                .flatMap(writer -> IntStream.range(0, runs).mapToObj(run -> "t" + writer + "-" + run)).toList();
        assertThat(store.read()).extracting(RunRecord::runId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.read()).allSatisfy(record -> assertThat(record).isEqualTo(run(record.runId(),
                record.finished())));
        assertNoTemporaryFiles();
        assertThat(warnings).isEmpty();
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void shouldStayWithinTheLimitWhenThreadsAppendAtOnce() throws Exception {
        HistoryStore store = new HistoryStore(directory, 10, 3, warnings::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int writer = thread;
                writers.add(pool.submit(() -> {
                    for (int run = 0; run < 20; run++) {
                        store.append(run("t" + writer + "-" + run, Instant.now()), results(writer, run));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(90, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }
        store.append(run("last", Instant.now().plusSeconds(1)), results(9, 9)); // prunes after everyone is done

        assertThat(files("runs")).hasSize(10);
        assertThat(files("results")).hasSize(3);
        assertThat(store.read()).hasSize(10).last().extracting(RunRecord::runId).isEqualTo("last");
        assertNoTemporaryFiles();
        assertThat(warnings).isEmpty();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldLoseNothingWhenSeveralProcessesOfSeveralThreadsAppendAtOnce() throws Exception {
        int processes = 2;
        int threads = 4;
        int runs = 15;
        HistoryStore store = new HistoryStore(directory, 1_000, warnings::add);
        List<Process> started = new ArrayList<>();
        try {
            for (int writer = 1; writer <= processes; writer++) {
                started.add(startWriter(writer, runs, 1_000, threads));
            }
            for (Process process : started) {
                assertThat(firstLine(process)).isEqualTo("ready");
            }
            for (Process process : started) {
                OutputStream input = process.getOutputStream();
                input.write('\n');
                input.flush();
            }
            List<String> problems = HistoryWriterProcess.appendWithThreads(store, 0, runs, threads);
            assertThat(problems).isEmpty();
            for (Process process : started) {
                assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("a writer process finished in time").isTrue();
                String output = rest(process);
                assertThat(process.exitValue()).as("exit status of a writer process, which printed:%n%s", output)
                        .isZero();
                assertThat(output).contains("done 0");
            }
        }
        finally {
            started.forEach(Process::destroyForcibly);
        }

        List<String> expected = IntStream.rangeClosed(0, processes).boxed()
                .flatMap(writer -> IntStream.range(0, threads).boxed().flatMap(thread -> IntStream.range(0, runs)
                        .mapToObj(run -> HistoryWriterProcess.runId(writer, thread, run)))).toList();
        assertThat(store.read()).extracting(RunRecord::runId).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(store.read()).allSatisfy(record -> assertThat(record).isEqualTo(run(record.runId(),
                record.finished())));
        assertThat(store.lastResults()).isPresent();
        assertNoTemporaryFiles();
        assertThat(warnings).isEmpty();
    }

    @Test
    void shouldFailNamingTheFileOnAFullDiskAndLeaveTheHistoryAsItWas() throws Exception {
        try (FullDisk disk = FullDisk.mount(directory.resolve("disk"))) {
            Path folder = disk.path().resolve("history");
            HistoryStore store = new HistoryStore(folder, 10, warnings::add);
            store.append(run("before", T0), results(1, 1));
            disk.fill();

            assertThatThrownBy(() -> store.append(run("during", T0.plusSeconds(60)), results(2, 2)))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("cannot write " + folder)
                    .hasMessageEndingWith(": No space left on device");

            assertThat(store.read()).containsExactly(run("before", T0));
            assertThat(store.lastResults()).contains(results(1, 1));
            try (Stream<Path> files = Files.walk(disk.path())) {
                assertThat(files.filter(file -> file.startsWith(folder) && Files.isRegularFile(file))
                        .map(file -> folder.relativize(file).toString()))
                        .as("the run file, its results and the last results of the run before; nothing else")
                        .hasSize(3).allMatch(name -> name.startsWith("runs/2") || name.startsWith("results/2")
                                || name.equals(HistoryStore.LAST_RESULTS));
            }
            assertThat(warnings).isEmpty();
        }
    }

    private Process startWriter(final int writer, final int runs, final int limit, final int threads)
            throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                HistoryWriterProcess.class.getName(), directory.toString(), String.valueOf(writer),
                String.valueOf(runs), String.valueOf(limit), String.valueOf(threads)).redirectErrorStream(true)
                .start();
    }

    private static String firstLine(final Process process) throws Exception {
        BufferedReader output = process.inputReader();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            }
            catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }).get(2, TimeUnit.MINUTES);
    }

    private static String rest(final Process process) throws Exception {
        BufferedReader output = process.inputReader();
        return CompletableFuture.supplyAsync(() -> output.lines().collect(Collectors.joining("\n")))
                .get(1, TimeUnit.MINUTES);
    }

    private List<Path> files(final String folder) throws IOException {
        try (Stream<Path> files = Files.list(directory.resolve(folder))) {
            return files.toList();
        }
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith(".")).toList()).isEmpty();
        }
    }
}
