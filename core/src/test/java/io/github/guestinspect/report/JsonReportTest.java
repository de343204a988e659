package io.github.guestinspect.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.samples.ReportSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.guestinspect.report.PolicyReports.deb;
import static io.github.guestinspect.report.PolicyReports.debian;
import static io.github.guestinspect.report.PolicyReports.inspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonReportTest {
    private final List<InspectionResult> results = ReportSamples.realistic().results();

    private static byte[] write(final List<InspectionResult> results) throws IOException {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        new JsonReport().write(results, output);
        return output.toByteArray();
    }

    @Test
    void shouldReadBackEveryResultItWroteIncludingFailuresAndImagesWithoutAnOs() throws IOException {
        assertThat(new JsonReport().read(write(results))).isEqualTo(results);
    }

    @Test
    void shouldPutTheFormatVersionBesideTheResults() throws IOException {
        JsonNode document = new ObjectMapper().readTree(write(results));

        assertThat(document.get("formatVersion").asInt()).isEqualTo(JsonReport.FORMAT_VERSION);
        assertThat(document.get("results")).hasSize(results.size());
        assertThat(document.get("results").get(0).get("image").get("path").asText()).isEqualTo("out/web-01.qcow2");
    }

    @Test
    void shouldReadAReportWithFieldsThatANewerVersionOfTheSameFormatAdded() throws IOException {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(write(results));
        document.put("producer", "guest-inspect 9.9");
        ((ObjectNode) document.get("results").get(0)).put("signature", "abc");

        assertThat(new JsonReport().read(new ObjectMapper().writeValueAsBytes(document))).isEqualTo(results);
    }

    @Test
    void shouldRefuseAReportOfANewerFormatInsteadOfMisreadingIt() throws IOException {
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(write(results));
        document.put("formatVersion", JsonReport.FORMAT_VERSION + 1);
        byte[] newer = new ObjectMapper().writeValueAsBytes(document);

        assertThatThrownBy(() -> new JsonReport().read(newer)).isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2").hasMessageContaining("use a newer guest-inspect");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"formatVersion\": 1}", "null", "{}"})
    void shouldRefuseJsonWithoutResultsRatherThanReturnNothing(final String json) {
        assertThatThrownBy(() -> new JsonReport().read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class).hasMessageContaining("no \"results\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1, 2]", "{\"results\": [{\"image\": 7", "not json at all"})
    void shouldRefuseWhatIsNotAReport(final String text) {
        assertThatThrownBy(() -> new JsonReport().read(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

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
