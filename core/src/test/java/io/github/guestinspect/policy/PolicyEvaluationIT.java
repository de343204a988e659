package io.github.guestinspect.policy;

import io.github.guestinspect.batch.InspectionEngine;
import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ChildProcesses;
import io.github.guestinspect.runner.RunnerSettings;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy evaluated on real images inspected through real libguestfs (one appliance): each rule kind, each
 * version scheme (dpkg epochs and tildes, apk suffixes, rpm's release-less constraints), file facts, waivers.
 */
class PolicyEvaluationIT {
    private static final List<String> IMAGES = List.of("debian12.qcow2", "debian12-small.raw", "alpine.qcow2",
            "fedora39.qcow2", "clone-a.qcow2", "no-os.qcow2");

    @TempDir
    static Path temporary;

    private static TestImages images;
    private static PolicyEvaluation evaluation;

    @BeforeAll
    static void inspectAndEvaluate() throws Exception {
        Libguestfs.require();
        images = TestImages.get();
        Policy policy = new PolicyParser().parse(Path.of(PolicyEvaluationIT.class
                .getResource("/policies/test-images.yaml").toURI()));
        RunnerSettings runner = new RunnerSettings(Duration.ofMinutes(15), OptionalInt.empty(), OptionalInt.empty(),
                Map.of(), temporary, policy.fileQueries());
        List<InspectionResult> results;
        try (ChildProcesses processes = new ChildProcesses()) {
            results = InspectionEngine.local(new InspectionSettings(1, OptionalInt.of(16), false, runner), processes,
                    System.err::println).inspect(IMAGES.stream().map(images::path).toList(), ProgressListener.none());
        }
        evaluation = new PolicyEvaluator(policy, LocalDate.of(2026, 11, 25)).evaluate(results);
    }

    private static List<String> subjects(final String image, final String rule) {
        return evaluation.of(images.path(image).toString(), rule).stream().map(Violation::subject).toList();
    }

    @Test
    void shouldCompareDpkgVersionsWithEpochs() {
        assertThat(subjects("debian12.qcow2", "dpkg-epoch")).containsExactly("gi-epoch-pkg 2:1.5-3");
    }

    @Test
    void shouldSortATildeBeforeTheRelease() {
        assertThat(evaluation.of(images.path("debian12.qcow2").toString(), "dpkg-tilde"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.subject()).isEqualTo("gi-tilde-pkg 1.0~rc1-1");
                    assertThat(violation.expected()).isEqualTo("gi-tilde-pkg >= 1.0");
                });
    }

    @Test
    void shouldSortApkGitSuffixesAfterTheRelease() {
        assertThat(subjects("alpine.qcow2", "apk-git-suffix")).singleElement().asString().startsWith("busybox ");
    }

    @Test
    void shouldIgnoreTheReleaseWhenAnRpmConstraintHasNone() {
        assertThat(subjects("fedora39.qcow2", "rpm-release-less")).containsExactly("tinygamma 1:20240101-7.el9_3");
    }

    @Test
    void shouldRejectAnOsOutsideTheAllowedVersions() {
        assertThat(subjects("fedora39.qcow2", "supported-os")).containsExactly("fedora 39");
        assertThat(subjects("debian12.qcow2", "supported-os")).isEmpty();
        assertThat(subjects("alpine.qcow2", "supported-os")).isEmpty();
        assertThat(subjects("no-os.qcow2", "supported-os")).containsExactly("no operating system found");
    }

    @Test
    void shouldFindHygieneLeftoversFromTheImagesOwnFiles() {
        assertThat(subjects("debian12.qcow2", "hygiene")).containsExactlyInAnyOrder(
                "/etc/machine-id (33 bytes)", "/root/.bash_history", "/etc/ssh/ssh_host_ed25519_key");
        assertThat(subjects("alpine.qcow2", "hygiene")).isEmpty();
    }

    @Test
    void shouldCheckTheImageSizeOnTheContainer() {
        assertThat(subjects("debian12.qcow2", "image-size")).singleElement().asString()
                .startsWith("virtual size " + (512L << 20));
        assertThat(subjects("debian12-small.raw", "image-size")).isEmpty();
    }

    @Test
    void shouldFindPasswordHashesAndEmptyPasswordsButNotLockedAccounts() {
        assertThat(subjects("debian12.qcow2", "no-passwords")).containsExactlyInAnyOrder("account root",
                "account guest");
        assertThat(subjects("alpine.qcow2", "no-passwords")).isEmpty();
    }

    @Test
    void shouldKeepWaivedViolationsVisibleButNotCounting() {
        assertThat(evaluation.of(images.path("clone-a.qcow2").toString(), "waived-fstab")).singleElement()
                .satisfies(violation -> assertThat(violation.waiver()).hasValueSatisfying(
                        waiver -> assertThat(waiver.reason()).isEqualTo("clones are test fixtures")));
        assertThat(evaluation.of(images.path("alpine.qcow2").toString(), "waived-fstab")).singleElement()
                .satisfies(violation -> assertThat(violation.isWaived()).isFalse());
        assertThat(evaluation.active()).noneMatch(violation -> violation.image().endsWith("clone-a.qcow2")
                && "waived-fstab".equals(violation.ruleId()));
    }

    @Test
    void shouldReportAnExpiredWaiverAndCountItsViolations() {
        assertThat(evaluation.expiredWaivers()).singleElement()
                .satisfies(expired -> assertThat(expired.image()).endsWith("debian12.qcow2"));
        assertThat(evaluation.of(images.path("debian12.qcow2").toString(), "hygiene"))
                .isNotEmpty().noneMatch(Violation::isWaived);
    }

    @Test
    void shouldFailOnErrorsAndCountBySeverity() {
        assertThat(evaluation.fails(Severity.ERROR)).isTrue();
        assertThat(evaluation.counts().get(Severity.ERROR)).isEqualTo(
                evaluation.active().stream().filter(violation -> violation.severity() == Severity.ERROR).count());
    }
}
