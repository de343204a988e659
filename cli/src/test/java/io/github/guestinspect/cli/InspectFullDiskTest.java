package io.github.guestinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.testing.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inspect} writing its report, JUnit and SARIF files, report directory and history onto a full disk (a real
 * tmpfs, filled up): every file it cannot write is named, nothing half-written is left, what was there stays whole,
 * the results are printed on standard output instead, and the exit status is 6. The image is served from a cache
 * seeded on another disk, so no appliance is launched.
 */
class InspectFullDiskTest {
    @TempDir
    Path directory;

    @Test
    void shouldNameEveryFileItCannotWriteAndStillPrintTheResults() throws Exception {
        Path image = Files.write(directory.resolve("golden.qcow2"), "not really a disk".repeat(100).getBytes());
        Path cache = directory.resolve("cache");
        SavedResults.seed(cache, image, SavedResults.build41().get(0));
        Path policy = Files.writeString(directory.resolve("policy.yaml"), """
                version: 1
                rules:
                  - id: no-old-tool
                    severity: error
                    forbid: {packages: [old-tool]}
                """);
        try (FullDisk disk = FullDisk.mount(directory.resolve("disk"))) {
            Path output = Files.writeString(disk.path().resolve("result.json"), "{\"previous\": true}");
            Path junit = disk.path().resolve("policy.xml");
            Path sarif = disk.path().resolve("policy.sarif");
            Path reports = disk.path().resolve("reports");
            Path history = disk.path().resolve("history");
            disk.fill();

            CommandRun run = CommandRun.of("inspect", "--cache-dir", cache.toString(), "--format", "json", "-o",
                    output.toString(), "--policy", policy.toString(), "--junit", junit.toString(), "--sarif",
                    sarif.toString(), "--report-dir", reports.toString(), "--history-dir", history.toString(),
                    image.toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OUTPUT_FAILED.code());
            String full = ": No space left on device";
            assertThat(run.err()).contains("guest-inspect: error: cannot write " + output + full)
                    .contains("guest-inspect: the report follows on standard output instead")
                    .contains("guest-inspect: error: cannot write " + sarif + full)
                    .contains("guest-inspect: error: cannot write " + reports.resolve("report.html") + full)
                    .contains("no-old-tool");
            assertThat(run.err().lines()).anySatisfy(line -> assertThat(line).startsWith(
                    "guest-inspect: error: cannot write " + junit + ": ").endsWith("No space left on device"));
            assertThat(run.err().lines()).anySatisfy(line -> assertThat(line).startsWith(
                    "guest-inspect: warning: cannot record the run in the history " + history + " (cannot write "
                            + history).endsWith(full + ")"));
            JsonNode printed = new ObjectMapper().readTree(run.out());
            assertThat(printed.path("results").get(0).path("image").path("path").asText()).isEqualTo(image.toString());
            assertThat(printed.path("results").get(0).path("cache").path("hit").asBoolean()).isTrue();
            assertThat(output).hasContent("{\"previous\": true}");
            try (Stream<Path> files = Files.walk(disk.path())) {
                assertThat(files.filter(Files::isRegularFile).map(file -> disk.path().relativize(file).toString()))
                        .containsExactlyInAnyOrder("filler", "result.json");
            }
        }
    }
}
