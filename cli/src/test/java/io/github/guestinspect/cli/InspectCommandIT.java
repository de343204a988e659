package io.github.guestinspect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code guest-inspect inspect} as a user runs it, on real images through real libguestfs. */
class InspectCommandIT {
    private static TestImages images;

    @TempDir
    Path directory;

    @BeforeAll
    static void requireLibguestfs() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
    }

    @Test
    void shouldInspectAGoodImageAndReportTheBadOnesByNameWithExitCode3() throws IOException {
        Path report = directory.resolve("report.json");
        String good = images.path("debian12-small.raw").toString();
        String text = images.path("broken/text.qcow2").toString();
        String missing = directory.resolve("missing.qcow2").toString();

        CommandRun run = CommandRun.of("inspect", "--format", "json", "-o", report.toString(), good, text, missing);

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_FAILED.code());
        assertThat(run.err()).contains("[3/3]").contains("text.qcow2 FAILED").contains("missing.qcow2 FAILED")
                .contains("debian12-small.raw INSPECTED");
        JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(report)).path("results");
        assertThat(results).hasSize(3);
        JsonNode inspected = results.get(0);
        JsonNode expected = images.entry("debian12-small.raw").path("os").get(0);
        assertThat(inspected.path("status").asText()).isEqualTo("INSPECTED");
        assertThat(inspected.path("operatingSystems").get(0).path("hostname").asText())
                .isEqualTo(expected.path("hostname").asText());
        assertThat(inspected.path("operatingSystems").get(0).path("packages"))
                .hasSize(expected.path("packageCount").asInt());
        assertThat(results.get(1).path("failure").path("kind").asText()).isEqualTo("NOT_A_DISK_IMAGE");
        assertThat(results.get(2).path("failure").path("message").asText()).contains("missing.qcow2");
    }

    @Test
    void shouldExitWith1OnAPolicyErrorAndWriteJunitAndSarif() throws IOException {
        Path policy = Files.writeString(directory.resolve("policy.yaml"), """
                version: 1
                rules:
                  - id: only-alpine
                    severity: error
                    os: [{distro: alpine}]
                  - id: no-adduser
                    severity: warning
                    forbid: {packages: [adduser]}
                """);
        Path junit = directory.resolve("policy.xml");
        Path sarif = directory.resolve("policy.sarif");
        String image = images.path("debian12-small.raw").toString();
        String cache = directory.resolve("cache").toString();

        CommandRun run = CommandRun.of("inspect", "--format", "table", "--cache-dir", cache, "--policy",
                policy.toString(), "--junit", junit.toString(), "--sarif", sarif.toString(), image);
        CommandRun warningsOnly = CommandRun.of("inspect", "--format", "table", "--cache-dir", cache, "--policy",
                policy.toString(), "--fail-on", "none", image);

        assertThat(run.exitCode()).isEqualTo(ExitCode.POLICY_VIOLATION.code());
        assertThat(run.out()).contains("Policy: 1 error(s), 1 warning(s)").contains("only-alpine [error]")
                .contains("debian 12: one of alpine").contains("adduser 3.134: forbidden (adduser)");
        assertThat(Files.readString(junit)).contains("<testcase").contains("only-alpine");
        assertThat(new ObjectMapper().readTree(sarif.toFile()).path("version").asText()).isEqualTo("2.1.0");
        assertThat(warningsOnly.exitCode()).isZero();
        assertThat(warningsOnly.err()).contains("INSPECTED"); // served from the cache of the first run
    }

    @Test
    void shouldPrintATableWithoutObeyingControlCharacters() {
        CommandRun run = CommandRun.of("inspect", "--format", "table", images.path("broken/zero.qcow2").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.IMAGE_FAILED.code());
        assertThat(run.out()).contains("IMAGE", "STATUS", "zero.qcow2", "FAILED", "Not inspected:", "0 bytes");
    }
}
