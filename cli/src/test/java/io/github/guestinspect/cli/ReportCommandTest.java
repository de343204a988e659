package io.github.guestinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.history.RunRecord;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code guest-inspect report}: renders saved JSON results again, without libguestfs. */
class ReportCommandTest {
    @TempDir
    Path directory;

    @Test
    void shouldRenderASavedResultInEveryFormatChosenByExtensionOrOption() throws Exception {
        Path results = SavedResults.write(directory.resolve("build-42.json"), SavedResults.build42());
        Path history = history();

        CommandRun html = CommandRun.of("report", "--history-dir", history.toString(), "--title", "nightly #42", "-o",
                directory.resolve("out/report.html").toString(), results.toString());
        CommandRun byDefault = CommandRun.of("report", "--no-history", "-o", directory.resolve("out/page").toString(),
                results.toString());
        CommandRun markdown = CommandRun.of("report", "--history-dir", history.toString(), "--title", "nightly #42",
                "-o", directory.resolve("out/report.md").toString(), results.toString());
        CommandRun pdf = CommandRun.of("report", "--no-history", "--format", "pdf", "-o",
                directory.resolve("out/summary").toString(), results.toString());

        for (CommandRun run : List.of(html, byDefault, markdown, pdf)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("written ");
        }
        assertThat(Files.readString(directory.resolve("out/report.html"))).containsIgnoringCase("<html")
                .contains("nightly #42");
        assertThat(Files.readString(directory.resolve("out/page"))).containsIgnoringCase("<html");
        assertThat(Files.readString(directory.resolve("out/report.md"))).contains("nightly \\#42"); // escaped
        assertThat(Files.readAllBytes(directory.resolve("out/summary"))).startsWith(
                "%PDF".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldRenderHtmlThroughTheUsersTemplate() throws Exception {
        Path results = SavedResults.write(directory.resolve("build-42.json"), SavedResults.build42());
        Path template = Files.writeString(directory.resolve("mine.html"),
                "<!DOCTYPE html><html><head><title>{{title}}</title></head><body><h1>ACME {{title}}</h1>"
                        + "{{summary}}</body></html>");
        Path unknown = Files.writeString(directory.resolve("bad.html"), "<html>{{title}} {{nonsense}}</html>");

        CommandRun run = CommandRun.of("report", "--no-history", "--template", template.toString(), "--title",
                "<b>nightly</b>", "-o", directory.resolve("r.html").toString(), results.toString());
        CommandRun bad = CommandRun.of("report", "--no-history", "--template", unknown.toString(), "-o",
                directory.resolve("bad-out.html").toString(), results.toString());
        CommandRun notTemplated = CommandRun.of("report", "--no-history", "--template", template.toString(), "-o",
                directory.resolve("r.pdf").toString(), results.toString());
        CommandRun printed = CommandRun.of("report", "--print-template");
        CommandRun printedMarkdown = CommandRun.of("report", "--print-template", "--format", "md");
        Path markdownTemplate = Files.writeString(directory.resolve("mine.md"), "# ACME {{title}}\n\n{{changes}}\n");
        CommandRun markdown = CommandRun.of("report", "--no-history", "--template", markdownTemplate.toString(),
                "--title", "nightly", "-o", directory.resolve("r.md").toString(), results.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(directory.resolve("r.html"))).contains("<h1>ACME &lt;b&gt;nightly&lt;/b&gt;</h1>")
                .doesNotContain("{{");
        assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(bad.err()).contains("bad template").contains("nonsense");
        assertThat(directory.resolve("bad-out.html")).doesNotExist();
        assertThat(notTemplated.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(notTemplated.err()).contains("--template applies to html and md, not to pdf");
        assertThat(printed.exitCode()).isZero();
        assertThat(printed.out()).contains("{{title}}").containsIgnoringCase("<html");
        assertThat(printedMarkdown.exitCode()).isZero();
        assertThat(printedMarkdown.out()).contains("{{title}}").doesNotContainIgnoringCase("<html");
        assertThat(markdown.exitCode()).as(markdown.err()).isZero();
        assertThat(Files.readString(directory.resolve("r.md"))).startsWith("# ACME nightly");
    }

    @Test
    void shouldShowTheChangesSinceAnotherResult() throws Exception {
        Path before = SavedResults.write(directory.resolve("build-41.json"), SavedResults.build41());
        Path after = SavedResults.write(directory.resolve("build-42.json"), SavedResults.build42());

        CommandRun run = CommandRun.of("report", "--no-history", "--since", before.toString(), "-o",
                directory.resolve("report.html").toString(), after.toString());
        CommandRun without = CommandRun.of("report", "--no-history", "-o", directory.resolve("plain.html").toString(),
                after.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // old-tool is only in build 41, and 3.0.11 only its openssl: they appear among the changes
        assertThat(Files.readString(directory.resolve("report.html"))).contains("old-tool", "3.0.11-1~deb12u2");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(Files.readString(directory.resolve("plain.html"))).doesNotContain("old-tool", "3.0.11-1~deb12u2");
    }

    @Test
    void shouldWriteOneSbomOrOnePerImageIntoADirectory() throws Exception {
        Path one = SavedResults.write(directory.resolve("one.json"), SavedResults.build42().subList(0, 1));
        Path several = SavedResults.write(directory.resolve("several.json"), SavedResults.build42());

        CommandRun single = CommandRun.of("report", "--format", "sbom", "-o",
                directory.resolve("debian.cdx.json").toString(), one.toString());
        CommandRun perImage = CommandRun.of("report", "--format", "sbom", "-o", directory.resolve("sboms").toString(),
                several.toString());

        assertThat(single.exitCode()).as(single.err()).isZero();
        JsonNode sbom = new ObjectMapper().readTree(directory.resolve("debian.cdx.json").toFile());
        assertThat(sbom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(perImage.exitCode()).as(perImage.err()).isZero();
        try (Stream<Path> files = Files.list(directory.resolve("sboms"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "debian12.qcow2.cdx.json", "alpine.qcow2.cdx.json");
        }
        assertThat(perImage.err()).contains("no SBOM for out/fedora39.qcow2: it could not be inspected");
    }

    @Test
    void shouldKeepSbomsOfForgedImageNamesInsideTheOutputDirectory() throws Exception {
        InspectionResult forged = inspected("../../evil.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.2-1", "amd64")))
                .withImage(new ImageFile("../../evil.qcow2", "../../evil.qcow2", 1));
        InspectionResult slash = inspected("x", os("/dev/sda1", "deb"))
                .withImage(new ImageFile("/tmp/x/../../etc/cron.d/evil", "/", 1));
        Path results = SavedResults.write(directory.resolve("forged.json"), List.of(forged, slash));
        Path sboms = directory.resolve("a/b/sboms");

        CommandRun run = CommandRun.of("report", "--format", "sbom", "-o", sboms.toString(), results.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".cdx.json"))
                    .map(file -> sboms.relativize(file).toString()))
                    .containsExactlyInAnyOrder("evil.qcow2.cdx.json", "evil.cdx.json");
        }
    }

    @Test
    void shouldRefuseAResultFileThatIsNotAReport() throws Exception {
        Path notAReport = Files.writeString(directory.resolve("x.json"), "[1, 2, 3]");

        CommandRun run = CommandRun.of("report", "-o", directory.resolve("r.html").toString(), notAReport.toString());
        CommandRun missing = CommandRun.of("report", "-o", directory.resolve("r.html").toString(),
                directory.resolve("missing.json").toString());
        CommandRun noOutput = CommandRun.of("report", notAReport.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("is not a guest-inspect JSON report");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("cannot read");
        assertThat(noOutput.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(directory.resolve("r.html")).doesNotExist();
    }

    private Path history() throws Exception {
        Path history = directory.resolve("history");
        HistoryStore store = new HistoryStore(history, warning -> { });
        Instant finished = Instant.parse("2026-11-25T17:40:00Z");
        store.append(RunRecord.from("41", "#41", finished, SavedResults.build41(), Optional.empty()),
                SavedResults.build41());
        store.append(RunRecord.from("42", "#42", finished.plusSeconds(600), SavedResults.build42(),
                Optional.empty()), SavedResults.build42());
        return history;
    }
}
