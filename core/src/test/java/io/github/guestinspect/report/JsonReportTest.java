package io.github.guestinspect.report;

import io.github.guestinspect.model.InspectionResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.guestinspect.report.PolicyReports.debian;
import static io.github.guestinspect.report.PolicyReports.deb;
import static io.github.guestinspect.report.PolicyReports.inspected;
import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {
    @Test
    void shouldWriteAsciiThatReadsBackToExactlyTheImagesText() throws IOException {
        String hostile = "<script>\u001b[31m\u007f\u009b\u202e\u2028caf\u00e9 \u6f22\ud83d\ude00\u0000\"\\";
        List<InspectionResult> results = List.of(inspected("images/" + hostile + ".qcow2",
                debian("/dev/sda", List.of(deb(hostile, "1.0" + hostile, "1")), List.of())));
        ByteArrayOutputStream json = new ByteArrayOutputStream();

        new JsonReport().write(results, json);

        String written = json.toString(StandardCharsets.ISO_8859_1);
        assertThat(written.chars()).allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f);
        assertThat(written).contains("\\u001B[31m\\u007F\\u009B\\u202E\\u2028caf\\u00E9 \\u6F22\\uD83D\\uDE00"
                + "\\u0000\\\"\\\\");
        assertThat(new JsonReport().read(json.toByteArray())).isEqualTo(results);
    }
}
