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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test as CI runs it: scripts/load-test.sh with its batch and cached steps on the real images of load/
 * (the 50,000-package step is left to the script; the hostile-image ITs cover those images). 50 images through
 * {@code --jobs 2} in a JVM limited to 256 MiB of heap, then 1,000 cached image files through the launcher: every
 * image accounted for, and the JVM's memory bounded. The script measures, this test holds it to the figures.
 */
class LoadIT {
    /** The heap limit of the batch run: an OutOfMemoryError there fails the run, and so this test. */
    private static final String XMX = "256m";
    /** The JVM's whole resident set (heap, metaspace, code, threads) in the batch run; qemu is not counted. */
    private static final long MAX_RSS_MIB = 600;

    @TempDir
    static Path work;

    private static JsonNode figures;
    private static String table;

    @BeforeAll
    static void runTheLoadTest() throws IOException, InterruptedException {
        Libguestfs.require();
        TestImages images = TestImages.get();
        Path root = Path.of(System.getProperty("guestinspect.repositoryRoot", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("scripts/load-test.sh").toString(),
                work.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("load-test.log").toFile());
        builder.environment().put("LOAD_STEPS", "batch,cached");
        builder.environment().put("LOAD_XMX", XMX);
        builder.environment().put("LOAD_CACHED_RUNS", "1");
        builder.environment().put("LOAD_IMAGES", images.directory().toString());
        builder.environment().put("GUEST_INSPECT_JAR", root.resolve("cli/target/guest-inspect.jar").toString());
        Process script = builder.start();
        boolean finished = script.waitFor(45, TimeUnit.MINUTES);
        if (!finished) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        table = Files.readString(work.resolve("load-test.log"));
        System.err.println(table);
        assertThat(finished).as("load-test.sh finished in time").isTrue();
        figures = new ObjectMapper().readTree(work.resolve("load-test.json").toFile());
    }

    @Test
    void shouldAccountForEveryImageInBothRuns() {
        assertThat(figures.path("checks").path("failed")).as(table).isEmpty();
        assertThat(figures.path("checks").path("run").asInt()).isGreaterThan(1000);
        assertThat(figures.path("steps").path("batch").path("images").asInt()).isEqualTo(50);
        assertThat(figures.path("steps").path("cached").path("images").asInt()).isEqualTo(1000);
    }

    @Test
    void shouldInspectFiftyImagesInSharedAppliancesWithBoundedMemory() {
        JsonNode batch = figures.path("steps").path("batch");
        List<Integer> appliances = new ArrayList<>();
        batch.path("applianceSizes").forEach(size -> appliances.add(size.asInt()));

        assertThat(appliances).as("images per appliance").hasSizeBetween(2, 10)
                .allSatisfy(size -> assertThat(size).isGreaterThan(1));
        assertThat(appliances.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        assertThat(batch.path("peakRssKiB").asLong()).as("the JVM's peak resident set, KiB").isPositive()
                .isLessThan(MAX_RSS_MIB * 1024);
        assertThat(batch.path("heap").path("peakUsedKiB").asLong()).as("peak heap in use, KiB").isPositive()
                .isLessThanOrEqualTo(256L * 1024);
    }

    @Test
    void shouldServeAThousandCachedImagesWithoutAnAppliance() {
        JsonNode run = figures.path("steps").path("cached").path("runs").get(0);

        assertThat(run.path("images").asInt()).isEqualTo(1000);
        assertThat(run.path("wall").asDouble()).isPositive();
        assertThat(run.path("peakRssKiB").asLong()).isPositive().isLessThan(MAX_RSS_MIB * 1024);
    }
}
