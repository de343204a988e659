package io.github.guestinspect.cli;

import io.github.guestinspect.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inspect -o FILE}, {@code --junit} and {@code --sarif}: files written whole, like any other new file. */
class InspectOutputFileTest {
    @TempDir
    Path directory;

    @Test
    void shouldGiveResultFilesTheUsualPermissionsOfANewFileNotThoseOfATemporaryFile() throws Exception {
        Path output = directory.resolve("out/result.json");
        Path policy = Files.writeString(directory.resolve("policy.yaml"), "version: 1\nrules: []\n");
        Path junit = directory.resolve("out/policy.xml");
        Path usual = Files.createFile(directory.resolve("usual")); // the umask's permissions for a new file

        CommandRun run = CommandRun.of("inspect", "--no-cache", "--no-history", "--format", "json", "-o",
                output.toString(), "--policy", policy.toString(), "--junit", junit.toString(),
                directory.resolve("missing.qcow2").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.IMAGE_FAILED.code());
        assertThat(run.err()).contains("written " + output, "written " + junit);
        assertThat(new JsonReport().read(Files.readAllBytes(output))).singleElement()
                .satisfies(result -> assertThat(result.failure()).isPresent());
        for (Path file : new Path[] {output, junit}) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .isEqualTo(Files.getPosixFilePermissions(usual));
        }
        try (Stream<Path> files = Files.list(directory.resolve("out"))) { // no temporary file left beside them
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("result.json",
                    "policy.xml");
        }
    }
}
