package io.github.guestinspect.report;

import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.samples.ReportSamples;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {
    private static List<String> lines(final List<InspectionResult> results) {
        StringWriter text = new StringWriter();
        new TextReport().write(results, new PrintWriter(text));
        return text.toString().lines().toList();
    }

    @Test
    void shouldWriteOneRowPerOperatingSystemUnderAlignedColumns() {
        List<String> lines = lines(ReportSamples.realistic().results());
        String header = lines.get(0);

        assertThat(header).startsWith("IMAGE").contains("STATUS", "OS", "VERSION", "ARCH", "HOSTNAME", "PACKAGES")
                .endsWith("TIME");
        assertThat(lines.subList(1, 6)).satisfiesExactly(
                row -> assertThat(column(row, header, "HOSTNAME")).startsWith("web-01 "),
                row -> assertThat(column(row, header, "OS")).startsWith("rocky "),
                row -> assertThat(column(row, header, "STATUS")).startsWith("INSPECTED (cached) "),
                row -> assertThat(column(row, header, "STATUS")).startsWith("NO_OS_FOUND "),
                row -> assertThat(column(row, header, "STATUS")).startsWith("FAILED "));
        assertThat(column(lines.get(1), header, "PACKAGES")).startsWith("4 ");
        assertThat(column(lines.get(2), header, "VERSION")).startsWith("9.3 ");
        assertThat(column(lines.get(4), header, "OS")).startsWith("- ");
        assertThat(lines.get(1)).endsWith("19.1 s");
        assertThat(lines.get(3)).endsWith("0.0 s"); // a cache hit: 38 ms
    }

    @Test
    void shouldNameEveryImageThatWasNotInspectedWithItsReasonBelowTheTable() {
        List<String> lines = lines(ReportSamples.realistic().results());

        assertThat(lines).containsSubsequence("", "Not inspected:",
                "  CORRUPT: qemu-img check: 3 errors were found on the image; data may be corrupted");
    }

    @Test
    void shouldEndWithTheTableWhenEveryImageWasInspected() {
        List<InspectionResult> inspected = ReportSamples.realistic().results().subList(0, 3);

        assertThat(lines(inspected)).hasSize(4).noneMatch(line -> line.contains("Not inspected"));
    }

    @Test
    void shouldShowControlCharactersFromAnImageInsteadOfObeyingThem() {
        String hostname = "evil\u001b[2J\r\nout/forged.qcow2  INSPECTED";
        InspectionResult result = PolicyReports.inspected("out/x.qcow2", ReportSamples.debian(hostname, List.of()));

        List<String> lines = lines(List.of(result));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("evil\\x1b[2J\\x0d\\x0aout/forged.qcow2").doesNotContain("\u001b");
    }

    /** The text of a row from where the header's column starts. */
    private static String column(final String row, final String header, final String name) {
        return row.substring(header.indexOf(" " + name + " ") + 1);
    }
}
