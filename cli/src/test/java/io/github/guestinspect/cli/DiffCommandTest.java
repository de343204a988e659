package io.github.guestinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.model.InspectionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code guest-inspect diff} on saved JSON reports and on runs of the history: no libguestfs involved. */
class DiffCommandTest {
    @TempDir
    Path directory;

    @Test
    void shouldPrintAddedRemovedUpgradedAndDowngradedPackagesPerImage() throws Exception {
        Path before = SavedResults.write(directory.resolve("build-41.json"), SavedResults.build41());
        Path after = SavedResults.write(directory.resolve("build-42.json"), SavedResults.build42());

        CommandRun run = CommandRun.of("diff", before.toString(), after.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                out/debian12.qcow2: 1 added, 1 removed, 2 upgraded, 1 downgraded
                  downgraded  gi-epoch-pkg  2:1.5-3 -> 1:9.0-1
                  upgraded    gi-tilde-pkg  1.0~rc1-1 -> 1.0-1
                  added       new-tool      1.0-1
                  removed     old-tool      0.9-1
                  upgraded    openssl       3.0.11-1~deb12u2 -> 3.0.13-1~deb12u1
                out/alpine.qcow2: 0 added, 0 removed, 1 upgraded, 0 downgraded
                  upgraded    musl  1.2.4-r1 -> 1.2.4-r10
                out/fedora39.qcow2: not compared, could not be inspected in %s
                2 images compared: 1 added, 1 removed, 3 upgraded, 1 downgraded
                """.formatted(after));
    }

    @Test
    void shouldWriteTheChangesAsJson() throws Exception {
        Path before = SavedResults.write(directory.resolve("build-41.json"), SavedResults.build41());
        Path after = SavedResults.write(directory.resolve("build-42.json"), SavedResults.build42());
        Path output = directory.resolve("out/changes.json");

        CommandRun run = CommandRun.of("diff", "--format", "json", "-o", output.toString(), before.toString(),
                after.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(output.toFile());
        assertThat(json.get("formatVersion").asInt()).isOne();
        assertThat(json.get("images")).hasSize(2);
        JsonNode debian = json.get("images").get(0);
        assertThat(debian.get("image").asText()).isEqualTo("out/debian12.qcow2");
        assertThat(debian.get("upgraded").asInt()).isEqualTo(2);
        assertThat(debian.get("downgraded").asInt()).isOne();
        assertThat(debian.get("changes").get(0).get("name").asText()).isEqualTo("gi-epoch-pkg");
        assertThat(debian.get("changes").get(0).get("kind").asText()).isEqualTo("DOWNGRADED");
        assertThat(debian.get("changes").get(0).get("before").asText()).isEqualTo("2:1.5-3");
        assertThat(debian.get("changes").get(0).get("after").asText()).isEqualTo("1:9.0-1");
        assertThat(json.get("notCompared").get(0).get("image").asText()).isEqualTo("out/fedora39.qcow2");
    }

    @Test
    void shouldCompareTwoRunsOfTheHistoryByIdOrLabel() throws Exception {
        Path history = directory.resolve("history");
        HistoryStore store = new HistoryStore(history, warning -> { });
        Instant finished = Instant.parse("2026-11-25T17:40:00Z");
        store.append(RunRecord.from("20261125-174000-aaaa", "#41", finished, SavedResults.build41(),
                Optional.empty()), SavedResults.build41());
        store.append(RunRecord.from("20261125-180000-bbbb", "#42", finished.plusSeconds(1200),
                SavedResults.build42(), Optional.empty()), SavedResults.build42());

        CommandRun byId = CommandRun.of("diff", "--history-dir", history.toString(), "20261125-174000-aaaa",
                "20261125-180000-bbbb");
        CommandRun byLabel = CommandRun.of("diff", "--history-dir", history.toString(), "#41", "#42");
        CommandRun listed = CommandRun.of("history", "--history-dir", history.toString());

        assertThat(byId.exitCode()).as(byId.err()).isZero();
        assertThat(byId.out()).contains("out/debian12.qcow2: 1 added, 1 removed, 2 upgraded, 1 downgraded")
                .contains("2 images compared");
        assertThat(byLabel.out()).isEqualTo(byId.out().replace("20261125-180000-bbbb", "#42"));
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines()).hasSize(3);
        assertThat(listed.out()).contains("20261125-174000-aaaa", "#41", "2026-11-25T17:40:00Z")
                .contains("20261125-180000-bbbb", "#42");
    }

    @Test
    void shouldRejectAnArgumentThatIsNeitherAReportNorARun() throws Exception {
        Path before = SavedResults.write(directory.resolve("build-41.json"), SavedResults.build41());
        Path malformed = Files.writeString(directory.resolve("malformed.json"), "{\"results\": [{\"image\": 1");

        CommandRun unknown = CommandRun.of("diff", "--history-dir", directory.resolve("h").toString(),
                before.toString(), "no-such-run");
        CommandRun damaged = CommandRun.of("diff", before.toString(), malformed.toString());
        CommandRun missingArgument = CommandRun.of("diff", before.toString());

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(unknown.err()).contains("no-such-run is neither a JSON report file nor a run in the history");
        assertThat(damaged.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(damaged.err()).contains(malformed + " is not a guest-inspect JSON report");
        assertThat(missingArgument.exitCode()).isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void shouldNeverPassControlCharactersFromAnImageToTheTerminal() throws Exception {
        String evil = "evil\u001b]0;owned\u0007\u009b31m";
        List<InspectionResult> before = List.of(inspected("out/x\u001b[2J.qcow2", os("/dev/sda1", "deb",
                pkg(evil, "1.0-1", "amd64"))));
        List<InspectionResult> after = new ArrayList<>(List.of(inspected("out/x\u001b[2J.qcow2", os("/dev/sda1",
                "deb", pkg(evil, "1.0-2\u001b[31m", "amd64")))));
        Path older = SavedResults.write(directory.resolve("a.json"), before);
        Path newer = SavedResults.write(directory.resolve("b.json"), after);

        CommandRun table = CommandRun.of("diff", older.toString(), newer.toString());
        CommandRun json = CommandRun.of("diff", "--format", "json", older.toString(), newer.toString());

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("out/x\\x1b[2J.qcow2: 0 added, 0 removed, 1 upgraded, 0 downgraded")
                .contains("evil\\x1b]0;owned\\x07\\x9b31m").contains("1.0-1 -> 1.0-2\\x1b[31m");
        assertThat(json.exitCode()).isZero();
        for (String output : List.of(table.out(), json.out())) {
            assertThat(output.codePoints().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0))
                    .isEmpty();
        }
        assertThat(new ObjectMapper().readTree(json.out()).get("images").get(0).get("changes").get(0).get("name")
                .asText()).isEqualTo(evil);
    }

    @Test
    void shouldListTheNewSubcommandsInTheHelp() {
        CommandRun help = CommandRun.of("--help");
        CommandRun inspectHelp = CommandRun.of("inspect", "--help");

        assertThat(help.out()).contains("diff", "report", "history");
        assertThat(inspectHelp.out()).contains("--report-dir", "--history-dir", "--run-label", "--no-history",
                "--history-limit");
    }
}
