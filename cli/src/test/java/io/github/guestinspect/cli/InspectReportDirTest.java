package io.github.guestinspect.cli;

import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inspect --report-dir}: reports, SBOMs and history of a run. The images are served from a result cache
 * seeded here, so no appliance is launched (the same engine path as a real cache hit).
 */
class InspectReportDirTest {
    @TempDir
    Path directory;

    @Test
    void shouldWriteReportsAndSbomsInsideTheDirectoryAndRecordEachRun() throws Exception {
        Path image = Files.write(directory.resolve("evil.qcow2"), "not really a disk".repeat(100).getBytes());
        Files.createDirectories(directory.resolve("a/b"));
        String given = directory + "/a/b/../../evil.qcow2";
        Path cache = directory.resolve("cache");
        Path reports = directory.resolve("reports");
        Path history = directory.resolve("history");

        SavedResults.seed(cache, image, SavedResults.build41().get(0));
        CommandRun first = inspect(cache, reports, history, "#41", given);
        SavedResults.seed(cache, image, SavedResults.build42().get(0));
        CommandRun second = inspect(cache, reports, history, "#42", given);

        for (CommandRun run : List.of(first, second)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("recorded in " + history).contains("reports written to " + reports);
        }
        // old-tool is only in build 41: it shows in the "changes since the previous run" of build 42
        assertThat(Files.readString(reports.resolve("report.html"))).contains("old-tool");
        assertThat(reports.resolve("report.pdf")).isNotEmptyFile();
        assertThat(Files.readString(reports.resolve("report.md"))).contains("new-tool", "old-tool");
        try (Stream<Path> sboms = Files.list(reports.resolve("sbom"))) {
            assertThat(sboms.map(file -> file.getFileName().toString())).containsExactly("evil.qcow2.cdx.json");
        }
        try (Stream<Path> files = Files.walk(directory)) { // everything written stays inside the directories
            assertThat(files.filter(Files::isRegularFile).filter(file -> !file.startsWith(reports)
                    && !file.startsWith(history) && !file.startsWith(cache))).map(Path::getFileName)
                    .map(Path::toString).containsExactlyInAnyOrder("evil.qcow2", "result.json");
        }
        HistoryStore store = new HistoryStore(history, warning -> { });
        assertThat(store.read()).extracting(RunRecord::label).containsExactly("#41", "#42");
        assertThat(store.read().get(1).images()).singleElement().satisfies(record -> {
            assertThat(record.image()).isEqualTo(given);
            assertThat(record.cacheHit()).isTrue();
            assertThat(record.packages()).isEqualTo(5);
        });
        List<InspectionResult> last = new JsonReport().read(Files.readAllBytes(history.resolve("last-results.json")));
        assertThat(last).singleElement().satisfies(result -> assertThat(result.operatingSystems().get(0).packages())
                .anySatisfy(pkg -> assertThat(pkg.name()).isEqualTo("new-tool")));
        String firstId = store.read().get(0).runId();
        CommandRun diff = CommandRun.of("diff", "--history-dir", history.toString(), firstId, "#42");
        assertThat(diff.out()).contains(given + ": 1 added, 1 removed, 2 upgraded, 1 downgraded");

        CommandRun unrecorded = CommandRun.of("inspect", "--cache-dir", cache.toString(), "--format", "json", "-o",
                directory.resolve("r.json").toString(), "--report-dir", reports.toString(), "--history-dir",
                history.toString(), "--no-history", given);
        assertThat(unrecorded.exitCode()).as(unrecorded.err()).isZero();
        assertThat(store.read()).hasSize(2);
    }

    @Test
    void shouldKeepTheResultsOfARunOnceWhateverTheFormatOfItsReport() throws Exception {
        Path image = Files.write(directory.resolve("été.qcow2"), "not really a disk".repeat(100).getBytes());
        Path cache = directory.resolve("cache");
        Path history = directory.resolve("history");
        Path report = directory.resolve("report.json");
        SavedResults.seed(cache, image, inspected(image.toString(), os("/dev/sda1", "deb", pkg("libé\u202e", "1",
                "amd64"))));
        HistoryStore store = new HistoryStore(history, warning -> { });

        CommandRun json = CommandRun.of("inspect", "--cache-dir", cache.toString(), "--format", "json", "-o",
                report.toString(), "--history-dir", history.toString(), image.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(history.resolve("last-results.json")).hasSameBinaryContentAs(report);
        List<InspectionResult> reported = new JsonReport().read(Files.readAllBytes(report));
        assertThat(store.lastResults()).hasValue(reported);
        assertThat(store.results(store.read().get(0).runId())).hasValue(reported);

        CommandRun table = CommandRun.of("inspect", "--cache-dir", cache.toString(), "--format", "table",
                "--history-dir", history.toString(), image.toString());

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(store.read()).hasSize(2);
        assertThat(store.lastResults()).hasValueSatisfying(results -> assertThat(results).singleElement()
                .satisfies(result -> assertThat(result.operatingSystems().get(0).packages().get(0).name())
                        .isEqualTo("libé\u202e")));
        assertThat(store.results(store.read().get(1).runId())).isEqualTo(store.lastResults());
    }

    @Test
    void shouldReportAndRecordARunWhoseImagesFailed() throws Exception {
        Path reports = directory.resolve("reports");
        Path history = directory.resolve("history");

        CommandRun run = CommandRun.of("inspect", "--no-cache", "--format", "json", "-o",
                directory.resolve("r.json").toString(), "--report-dir", reports.toString(), "--history-dir",
                history.toString(), "--history-limit", "3", directory.resolve("missing.qcow2").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.IMAGE_FAILED.code());
        assertThat(reports.resolve("report.html")).isNotEmptyFile();
        assertThat(reports.resolve("report.md")).isNotEmptyFile();
        assertThat(reports.resolve("report.pdf")).isNotEmptyFile();
        assertThat(reports.resolve("sbom")).isEmptyDirectory();
        assertThat(new HistoryStore(history, warning -> { }).read()).singleElement()
                .satisfies(record -> assertThat(record.images().get(0).status()).isEqualTo("FAILED"));
    }

    @Test
    void shouldRejectAReportDirectoryThatIsAFileBeforeInspecting() throws Exception {
        Path file = Files.writeString(directory.resolve("reports"), "x");

        CommandRun run = CommandRun.of("inspect", "--report-dir", file.toString(), "missing.qcow2");
        CommandRun limit = CommandRun.of("inspect", "--history-limit", "0", "missing.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("is not a directory");
        assertThat(limit.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(limit.err()).contains("--history-limit");
    }

    private CommandRun inspect(final Path cache, final Path reports, final Path history, final String label,
                               final String image) {
        return CommandRun.of("inspect", "--cache-dir", cache.toString(), "--format", "json", "-o",
                directory.resolve("result.json").toString(), "--report-dir", reports.toString(), "--history-dir",
                history.toString(), "--run-label", label, image);
    }
}
