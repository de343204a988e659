package io.github.guestinspect.report.samples;

import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.markdown.MarkdownReport;
import io.github.guestinspect.report.pdf.PdfReport;
import io.github.guestinspect.report.sbom.CycloneDxReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the sample run as every human-facing report to {@code target/report-samples/} (sample.md, sample.pdf,
 * sample.cdx.json), for people to look at and for CI to keep as artifacts.
 */
class SampleOutputsTest {
    static final Path SAMPLES = Path.of("target", "report-samples");

    @Test
    void shouldWriteTheSampleReports() throws IOException {
        Files.createDirectories(SAMPLES);
        ReportData data = ReportSamples.realistic();
        try (Writer out = Files.newBufferedWriter(SAMPLES.resolve("sample.md"), StandardCharsets.UTF_8)) {
            new MarkdownReport().write(data, out);
        }
        try (OutputStream out = Files.newOutputStream(SAMPLES.resolve("sample.cdx.json"))) {
            new CycloneDxReport().write(data.results().get(0), out);
        }
        try (OutputStream out = Files.newOutputStream(SAMPLES.resolve("sample.pdf"))) {
            new PdfReport().write(data, out);
        }
        assertThat(SAMPLES.resolve("sample.md")).isNotEmptyFile();
        assertThat(SAMPLES.resolve("sample.cdx.json")).isNotEmptyFile();
        assertThat(SAMPLES.resolve("sample.pdf")).isNotEmptyFile();
    }
}
