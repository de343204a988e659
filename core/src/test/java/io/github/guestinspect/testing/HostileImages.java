package io.github.guestinspect.testing;

import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.Policy;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.PolicyEvaluator;
import io.github.guestinspect.policy.PolicyParser;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images of hostile/ (markup and escapes in every string, a hostname that is not UTF-8, names with line breaks,
 * links out of the root, /etc files linked to secrets, 50,000 packages) inspected through real libguestfs in ONE
 * appliance, once per test JVM, with the policy policies/hostile-images.yaml evaluated on them. The ITs of each
 * exporter check what it makes of these results.
 *
 * @param images           the images and their manifest
 * @param results          one result per image, in manifest order
 * @param evaluation       the policy's verdict
 * @param inspectionMillis wall time of the inspection
 * @param leftovers        names of the files left in the runner's temporary directory afterwards (must be none)
 */
public record HostileImages(TestImages images, List<InspectionResult> results, PolicyEvaluation evaluation,
                            long inspectionMillis, List<String> leftovers) {
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    /**
     * Marks of the secrets in secret-links.qcow2 (the password hash in its /etc/shadow, its private SSH host key),
     * to which its /etc/hostname, /etc/HOSTNAME and /etc/fedora-release lead: no output may hold them.
     */
    private static final List<String> SECRETS = List.of("gileak", "GI-SECRET");

    public HostileImages {
        results = List.copyOf(results);
        leftovers = List.copyOf(leftovers);
    }

    /** Fails when what an exporter wrote holds a secret of secret-links.qcow2. */
    public static void assertHoldsNoSecret(final String exporter, final String output) {
        assertThat(output).as(exporter).isNotEmpty().doesNotContain(SECRETS.toArray(String[]::new));
    }

    /** The inspection, made on first use (the failure, if it failed, is thrown to every caller). */
    public static HostileImages get() throws Exception {
        Libguestfs.require();
        Outcome outcome = Once.OUTCOME;
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.value();
    }

    /** The result of one image of hostile/. */
    public InspectionResult result(final String file) {
        String path = images.path(file).toString();
        return results.stream().filter(result -> result.image().path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + path));
    }

    /** Everything a human report shows, for the given images (all when none are named). */
    public ReportData reportData(final String... files) {
        List<InspectionResult> shown = files.length == 0 ? results : Stream.of(files).map(this::result).toList();
        List<String> paths = shown.stream().map(result -> result.image().path()).toList();
        PolicyEvaluation part = new PolicyEvaluation(evaluation.rules(), paths, evaluation.violations().stream()
                .filter(violation -> paths.contains(violation.image())).toList(), evaluation.expiredWaivers());
        return new ReportData("Hostile images", Instant.parse("2026-12-03T08:00:00Z"), shown, Optional.of(part),
                List.of(), List.of());
    }

    public static Policy policy() throws Exception {
        return new PolicyParser().parse(resource("/policies/hostile-images.yaml"));
    }

    private static Path resource(final String name) throws URISyntaxException {
        return Path.of(HostileImages.class.getResource(name).toURI());
    }

    private static HostileImages inspect() throws Exception {
        TestImages images = TestImages.get().subset("hostile");
        Policy policy = policy();
        List<Path> paths = images.entries().stream().map(entry -> images.path(entry.path("file").asText())).toList();
        Path temporary = Files.createTempDirectory("guest-inspect-hostile");
        RunnerSettings runner = new RunnerSettings(Duration.ofMinutes(15), OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), temporary, policy.fileQueries());
        long start = System.nanoTime();
        List<InspectionResult> results;
        try (ChildProcesses processes = new ChildProcesses()) {
            results = InspectionEngine.local(new InspectionSettings(1, OptionalInt.of(paths.size()), false, runner),
                    processes, System.err::println).inspect(paths, ProgressListener.none());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> leftover;
        try (Stream<Path> left = Files.list(temporary)) {
            leftover = left.map(path -> String.valueOf(path.getFileName())).toList();
        }
        deleteTree(temporary);
        return new HostileImages(images, results, new PolicyEvaluator(policy, TODAY).evaluate(results), millis,
                leftover);
    }

    private static void deleteTree(final Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private record Outcome(HostileImages value, Exception failure) {
    }

    /** Holds the one inspection; the JVM runs {@link #inspect} when the first test asks for it. */
    private static final class Once {
        static final Outcome OUTCOME = run();

        private static Outcome run() {
            try {
                return new Outcome(inspect(), null);
            }
            catch (Exception exception) {
                return new Outcome(null, exception);
            }
        }
    }
}
