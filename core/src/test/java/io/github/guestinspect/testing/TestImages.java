package io.github.guestinspect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real disk images that scripts/make-test-images.sh builds, and its manifest (what each image must inspect to,
 * computed by the script from the data it put in, independently of guest-inspect).
 */
public final class TestImages {
    private final Path directory;
    private final JsonNode manifest;

    private TestImages(final Path directory, final JsonNode manifest) {
        this.directory = directory;
        this.manifest = manifest;
    }

    /** The images, built first if they are missing or stale (the script exits at once when they are current). */
    public static TestImages get() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("guestinspect.repositoryRoot", "..")).toAbsolutePath().normalize();
        Path directory = Path.of(System.getProperty("guestinspect.testImages",
                root.resolve("target/test-images").toString()));
        Process script = new ProcessBuilder("bash", root.resolve("scripts/make-test-images.sh").toString(),
                directory.toString()).inheritIO().start();
        if (!script.waitFor(20, TimeUnit.MINUTES) || script.exitValue() != 0) {
            script.destroyForcibly();
            throw new IllegalStateException("scripts/make-test-images.sh failed; see its output above");
        }
        return new TestImages(directory, new ObjectMapper().readTree(directory.resolve("manifest.json").toFile()));
    }

    /** The images of a subdirectory with its own manifest (hostile/, load/), built with the others. */
    public TestImages subset(final String name) throws IOException {
        Path subdirectory = directory.resolve(name);
        return new TestImages(subdirectory, new ObjectMapper().readTree(subdirectory.resolve("manifest.json").toFile()));
    }

    public Path directory() {
        return directory;
    }

    public Path path(final String file) {
        return directory.resolve(file);
    }

    /** Every manifest entry. */
    public List<JsonNode> entries() {
        List<JsonNode> entries = new ArrayList<>();
        manifest.path("images").forEach(entries::add);
        return entries;
    }

    /** The manifest entry of one image file. */
    public JsonNode entry(final String file) {
        return entries().stream().filter(entry -> file.equals(entry.path("file").asText())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test image " + file + " in the manifest"));
    }
}
