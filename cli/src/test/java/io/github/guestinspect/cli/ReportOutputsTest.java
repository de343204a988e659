package io.github.guestinspect.cli;

import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.ReportData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.github.guestinspect.diff.Results.failed;
import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;

/** Report file names made from image names: they never leave the report directory. */
class ReportOutputsTest {
    /** Renderers that write what they were given, so the files can be told apart. */
    private static final Renderers FAKE = new Renderers(
            (data, out) -> out.write(("html " + data.title()).getBytes(StandardCharsets.UTF_8)),
            (data, out) -> out.write("markdown " + data.title()),
            (data, out) -> out.write(("%PDF " + data.title()).getBytes(StandardCharsets.UTF_8)),
            (result, out) -> out.write(("sbom " + result.image().path()).getBytes(StandardCharsets.UTF_8)));

    @TempDir
    Path directory;

    @Test
    void shouldMakeSafeFileNamesOutOfAnyImageName() {
        assertThat(ReportOutputs.safeName("../../evil.qcow2")).isEqualTo("evil.qcow2");
        assertThat(ReportOutputs.safeName("..\\..\\evil.qcow2")).isEqualTo("evil.qcow2");
        assertThat(ReportOutputs.safeName("..")).isEqualTo("image");
        assertThat(ReportOutputs.safeName("...")).isEqualTo("image");
        assertThat(ReportOutputs.safeName("")).isEqualTo("image");
        assertThat(ReportOutputs.safeName("/")).isEqualTo("image");
        assertThat(ReportOutputs.safeName("x..y...qcow2")).isEqualTo("x.y.qcow2");
        assertThat(ReportOutputs.safeName(".hidden.qcow2")).isEqualTo("hidden.qcow2");
        assertThat(ReportOutputs.safeName("-rf.qcow2")).isEqualTo("rf.qcow2");
        assertThat(ReportOutputs.safeName("my image (1).qcow2")).isEqualTo("my_image__1_.qcow2");
        assertThat(ReportOutputs.safeName("d\u00e9bian\u001b[31m.qcow2")).isEqualTo("d_bian__31m.qcow2");
        assertThat(ReportOutputs.safeName("\uD83D\uDE00.raw")).isEqualTo("_.raw");
        assertThat(ReportOutputs.safeName("a".repeat(300) + ".qcow2")).hasSize(100).matches("a+");
        assertThat(ReportOutputs.safeName("nul\u0000byte")).isEqualTo("nul_byte");
    }

    @Test
    void shouldDisambiguateDuplicateNamesIgnoringCase() {
        List<InspectionResult> results = List.of(inspected("a/disk.qcow2"), inspected("b/disk.qcow2"),
                inspected("c/DISK.qcow2"), inspected("a/disk.qcow2"), inspected("disk.qcow2-2"));

        assertThat(ReportOutputs.sbomNames(results)).extracting(ReportOutputs.Named::fileName).containsExactly(
                "disk.qcow2.cdx.json", "disk.qcow2-2.cdx.json", "DISK.qcow2-3.cdx.json", "disk.qcow2-4.cdx.json",
                "disk.qcow2-2-2.cdx.json");
    }

    @Test
    void shouldWriteEverySbomInsideTheDirectoryWhateverTheImageIsCalled() throws Exception {
        Path reports = Files.createDirectories(directory.resolve("deep/reports"));
        InspectionResult forged = inspected("../../evil.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.2-1", "amd64")))
                .withImage(new ImageFile("../../evil.qcow2", "../../evil.qcow2", 1));
        InspectionResult dots = inspected("x", os("/dev/sda1", "deb")).withImage(new ImageFile("..", "..", 1));
        InspectionResult absolute = inspected("/etc/passwd", os("/dev/sda1", "deb"));
        List<InspectionResult> results = List.of(forged, dots, absolute, inspected("out/evil.qcow2"),
                failed("out/broken.qcow2"));
        Files.writeString(Files.createDirectories(reports.resolve("sbom")).resolve("stale.cdx.json"), "{}");
        Files.writeString(reports.resolve("sbom/keep.txt"), "not an SBOM");
        StringWriter err = new StringWriter();

        List<Path> written = new ReportOutputs(new PrintWriter(err, true), FAKE).writeDirectory(reports,
                new ReportData("t", Instant.now(), results, Optional.empty(), List.of(), List.of()));

        assertThat(written).allSatisfy(file -> assertThat(file.toAbsolutePath().normalize())
                .startsWith(reports.toAbsolutePath().normalize()));
        try (Stream<Path> sboms = Files.list(reports.resolve("sbom"))) {
            assertThat(sboms.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "evil.qcow2.cdx.json", "image.cdx.json", "passwd.cdx.json", "evil.qcow2-2.cdx.json", "keep.txt");
        }
        assertThat(reports.resolve("report.html")).hasContent("html t");
        assertThat(reports.resolve("report.md")).hasContent("markdown t");
        assertThat(reports.resolve("report.pdf")).hasContent("%PDF t");
        assertThat(reports.resolve("sbom/evil.qcow2.cdx.json")).hasContent("sbom ../../evil.qcow2");
        assertThat(reports.resolve("sbom/evil.qcow2-2.cdx.json")).hasContent("sbom out/evil.qcow2");
        try (Stream<Path> everything = Files.walk(directory)) {
            assertThat(everything.filter(file -> file.getFileName().toString().startsWith("evil"))
                    .map(file -> file.getParent().getFileName().toString())).containsOnly("sbom");
        }
        assertThat(err.toString()).contains("no SBOM for out/broken.qcow2: it could not be inspected");
    }
}
