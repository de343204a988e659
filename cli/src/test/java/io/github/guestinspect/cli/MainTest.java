package io.github.guestinspect.cli;

import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.Timings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;

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
    void shouldBuildOnlyTheSubcommandARunNamesAndParseAndRunItAsTheWholeCommandLineDoes() {
        assertThat(Main.commandLine("inspect", "disk.qcow2").getSubcommands()).containsOnlyKeys("inspect");
        assertThat(Main.commandLine("cache", "stats").getSubcommands().get("cache").getSubcommands())
                .containsKeys("stats", "prune", "clear");
        for (String[] arguments : List.of(new String[] {"--help"}, new String[] {"help", "inspect"},
                new String[] {"Inspect"}, new String[] {})) {
            assertThat(Main.commandLine(arguments).getSubcommands()).as(String.join(" ", arguments))
                    .containsKeys("inspect", "diff", "report", "history", "cache", "help");
        }
        List<String[]> runs = List.of(new String[] {"inspect", "--help"}, new String[] {"inspect"},
                new String[] {"inspect", "--jobs", "0", "x.qcow2"}, new String[] {"inspect", "--bogus"},
                new String[] {"inspect", "--fail-on", "fatal", "x.qcow2"},
                new String[] {"inspect", "--junit", "j.xml", "x.qcow2"},
                new String[] {"inspect", "-V"}, new String[] {"diff", "--help"}, new String[] {"diff"},
                new String[] {"report", "--help"}, new String[] {"history", "--history-dir",
                        directory.resolve("h").toString()}, new String[] {"cache", "--help"},
                new String[] {"cache", "stats", "--help"}, new String[] {"cache", "nothing"});
        for (String[] arguments : runs) {
            assertThat(run(Main.commandLine(arguments), arguments)).as(String.join(" ", arguments))
                    .isEqualTo(run(Main.commandLine(), arguments));
        }
    }

    private static CommandRun run(final picocli.CommandLine commandLine, final String... arguments) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CommandRun(exitCode, out.toString(), err.toString());
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
    void shouldRejectADirectoryWithoutImagesAsUsageError() {
        CommandRun run = CommandRun.of("inspect", "--no-history", directory.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("no disk image below the directory " + directory).doesNotContain("[");
    }

    @Test
    void shouldRejectAMalformedPolicyBeforeInspectingAnything() throws Exception {
        Path policy = java.nio.file.Files.writeString(directory.resolve("policy.yaml"),
                "version: 1\nrules:\n  - id: a\n    severity: fatal\n    os: [{distro: debian}]\n");

        CommandRun run = CommandRun.of("inspect", "--policy", policy.toString(), "missing.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("malformed policy: " + policy + ":4:15: unknown severity 'fatal'")
                .doesNotContain("[1/1]");
    }

    @Test
    void shouldRefuseJunitOutputWithoutAPolicy() {
        CommandRun run = CommandRun.of("inspect", "--junit", directory.resolve("j.xml").toString(), "x.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("give --policy too");
    }

    @Test
    void shouldRejectAnUnknownFailOnLevel() {
        CommandRun run = CommandRun.of("inspect", "--fail-on", "fatal", "x.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--fail-on");
    }

    @Test
    void shouldRejectAnUnknownOptionAsUsageError() {
        CommandRun run = CommandRun.of("inspect", "--bogus", "x.qcow2");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--bogus");
    }

    @Test
    void shouldExitWithInternalErrorAndSayHowWhenTheHeapRunsOut() throws Exception {
        List<InstalledPackage> packages = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            packages.add(pkg("package-" + i, "1.0-" + i, "amd64"));
        }
        Path results = SavedResults.write(directory.resolve("big.json"), List.of(inspected("out/big.qcow2",
                Timings.none(), false, os("/dev/sda1", "deb", packages.toArray(InstalledPackage[]::new)))));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "report", "--format", "html", "-o", directory.resolve("r.html").toString(),
                results.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(ExitCode.INTERNAL_ERROR.code());
        assertThat(output).contains("guest-inspect: out of memory (Java heap space); the JVM may use at most")
                .contains("JAVA_TOOL_OPTIONS=-Xmx2g").doesNotContain("Exception in thread");
    }
}
