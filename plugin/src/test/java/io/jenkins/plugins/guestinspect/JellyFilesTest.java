package io.jenkins.plugins.guestinspect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Jelly view escapes by default, and every step and gate parameter has its help file. */
class JellyFilesTest {
    private static final Path RESOURCES = plugin().resolve("src/main/resources");
    private static final Path VIEWS = RESOURCES.resolve("io/jenkins/plugins/guestinspect");

    @Test
    void shouldEscapeByDefaultInEveryJellyFile() throws IOException {
        List<Path> jelly;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            jelly = files.filter(file -> file.toString().endsWith(".jelly")).toList();
        }
        assertThat(jelly).hasSizeGreaterThanOrEqualTo(7);
        for (Path file : jelly) {
            assertThat(Files.readString(file)).as(file.toString())
                    .startsWith("<?jelly escape-by-default='true'?>");
        }
    }

    @Test
    void shouldHaveHelpForEveryParameter() {
        for (String field : List.of("images", "agents", "policy", "cache", "maxParallel", "batchSize", "timeout",
                "failOnError", "qualityGates")) {
            assertThat(VIEWS.resolve("InspectImagesStep/help-" + field + ".html")).as(field).isRegularFile();
        }
        assertThat(VIEWS.resolve("InspectImagesStep/help.html")).isRegularFile();
        for (String field : List.of("threshold", "type", "criticality")) {
            assertThat(VIEWS.resolve("ImageQualityGate/help-" + field + ".html")).as(field).isRegularFile();
        }
    }

    @Test
    void shouldNotDisableEscapingOrUseRawOutput() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jelly")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain("escape-by-default='false'")
                        .doesNotContain("<j:out");
            }
        }
    }

    private static Path plugin() {
        String configured = System.getProperty("guestinspect.pluginDirectory");
        return configured == null ? Path.of("") : Path.of(configured);
    }
}
