package io.github.guestinspect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's contract that needs no appliance: help, exit codes, usage errors. */
class MainTest {
    @TempDir
    Path directory;

    @Test
    void shouldDocumentEveryExitCodeInTheHelp() {
        CommandRun run = CommandRun.of("inspect", "--help");

        assertThat(run.exitCode()).isZero();
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).containsPattern("\\b" + code.code() + "\\s+" + java.util.regex.Pattern.quote(
                    code.meaning()));
        }
        assertThat(run.out()).contains("--jobs", "--batch-size", "--timeout", "--no-cache", "--cache-dir",
                "--format", "--output");
    }

    @Test
    void shouldPrintTheVersion() {
        CommandRun run = CommandRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("guest-inspect ").doesNotContain("${");
    }

    @Test
    void shouldRejectAnImpossibleJobCountAsUsageError() {
        CommandRun run = CommandRun.of("inspect", "--jobs", "0", "x.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--jobs");
    }

    @Test
    void shouldRejectAGlobThatMatchesNothingAsUsageError() {
        CommandRun run = CommandRun.of("inspect", directory + "/*.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("no file matches").contains("*.qcow2");
    }

    @Test
    void shouldRejectAnUnknownOptionAsUsageError() {
        CommandRun run = CommandRun.of("inspect", "--bogus", "x.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--bogus");
    }
}
