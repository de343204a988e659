package io.github.guestinspect.policy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.guestinspect.guest.GuestGlob;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.testing.Allocations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target for the policy parser. Contract: any text gives a policy or a {@link PolicyException} that names the
 * file with a line and a column (1-based), never another exception; and a policy that parses can be used: the
 * runner can look up each of its globs (one path segment at a time) and the evaluator can judge images with it.
 * Corpus: src/test/resources/io/github/guestinspect/policy/PolicyParserFuzzTestInputs/parsePolicy.
 */
class PolicyParserFuzzTest {
    private static final String NAME = "fuzzed-policy.yaml";
    /** A policy is at most 1 MiB; parsing one must not take memory out of proportion to that. */
    private static final long BASE_ALLOCATION = 64L << 20;
    private static final long ALLOCATION_PER_CHARACTER = 2048;
    private static final List<InspectionResult> IMAGES = List.of(
            image("debian.qcow2", root("debian", "12.5", "deb", new InstalledPackage("openssl", 0, "3.0.11", "1~deb12u2", "amd64"))),
            image("fedora.qcow2", root("fedora", "40", "rpm", new InstalledPackage("openssl", 1, "3.2.1", "2.fc40", "x86_64"))),
            image("alpine.raw", root("alpine", "3.20.1", "apk", new InstalledPackage("busybox", 0, "1.36.1", "29", "x86_64"))),
            image("empty.qcow2"));

    private final PolicyParser parser = new PolicyParser();

    @FuzzTest
    void parsePolicy(final byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);

        Allocations.assertBelow(BASE_ALLOCATION + ALLOCATION_PER_CHARACTER * text.length(), () -> parse(text));
    }

    /** Parses, holding the parser to its contract, and uses the policy as the runner and the evaluator would. */
    private void parse(final String text) {
        try {
            Policy policy = parser.parse(NAME, text);

            policy.fileQueries().forEach(query -> List.of(query.split("/")).forEach(GuestGlob::compile));
            new PolicyEvaluator(policy, LocalDate.of(2026, 12, 1)).evaluate(IMAGES);
        }
        catch (PolicyException exception) {
            assertThat(exception.getMessage()).startsWith(NAME + ":");
            assertThat(exception.getLine()).as(exception.getMessage()).isPositive();
            assertThat(exception.getColumn()).as(exception.getMessage()).isPositive();
        }
    }

    private static OperatingSystem root(final String distro, final String version, final String format,
                                        final InstalledPackage pkg) {
        List<String> queries = List.of("/etc/machine-id", "/home/*/.bash_history");
        List<FileFact> facts = List.of(new FileFact("/etc/machine-id", FileType.REGULAR, 33),
                new FileFact("/home/ann/.bash_history", FileType.REGULAR, 12));
        return new OperatingSystem("/dev/sda1", "linux", distro, distro + " " + version, version, 3, 1, "x86_64",
                "golden", format, format, List.of(), List.of(), List.of(), List.of(pkg), "", queries, facts,
                List.of("root"), List.of("guest"), List.of());
    }

    private static InspectionResult image(final String path, final OperatingSystem... roots) {
        return new InspectionResult(new ImageFile("out/" + path, path, 5L << 30), Optional.empty(), "",
                roots.length == 0 ? Status.NO_OS_FOUND : Status.INSPECTED, Optional.empty(), List.of(roots),
                Timings.none(), CacheInfo.notUsed(), "1.52.0", "0.1.0-fuzz");
    }
}
