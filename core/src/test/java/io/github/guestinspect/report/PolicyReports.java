package io.github.guestinspect.report;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.policy.PackageMatcher;
import io.github.guestinspect.policy.PackageRules;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.policy.Waiver;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Rules, violations and inspection results, made by hand, for the policy report tests. */
final class PolicyReports {
    /** Text an image may hand us: markup closing attributes and elements, controls, a line break, a lone surrogate. */
    static final String HOSTILE_PACKAGE = "<script>alert(1)</script>";
    static final String HOSTILE_PATH = "images/\"><img onerror=x>.qcow2";
    static final String CONTROLS = "a\u0001b\u001b[31mc\nd\uD800e";
    /** {@link #CONTROLS} as XML can carry it (and as a parser reads it back). */
    static final String CONTROLS_IN_XML = "a\uFFFDb\uFFFD[31mc\nd\uFFFDe";
    /** {@link #CONTROLS} as JSON carries it: only the lone surrogate, which no encoder can write, is replaced. */
    static final String CONTROLS_IN_JSON = "a\u0001b\u001b[31mc\nd\uFFFDe";

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private PolicyReports() {
    }

    static Rule rule(final String id, final Severity severity) {
        return rule(id, severity, Optional.of("Rule " + id));
    }

    static Rule rule(final String id, final Severity severity, final Optional<String> description) {
        return new Rule(id, description, severity, Optional.of(new PackageRules(List.of(
                new PackageMatcher("telnetd", Optional.empty())))), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of());
    }

    static Violation violation(final Rule rule, final String image, final String root, final String subject,
                               final String expected) {
        return new Violation(rule.id(), rule.severity(), image, root, subject, expected, Optional.empty());
    }

    static Violation waived(final Rule rule, final String image, final String root, final String subject,
                            final String expected, final Waiver waiver) {
        return new Violation(rule.id(), rule.severity(), image, root, subject, expected, Optional.of(waiver));
    }

    static InspectionResult inspected(final String path, final OperatingSystem... systems) {
        return new InspectionResult(image(path), Optional.empty(), "", systems.length == 0 ? Status.NO_OS_FOUND
                : Status.INSPECTED, Optional.empty(), Arrays.asList(systems), Timings.none(), CacheInfo.notUsed(),
                "1.52.0", "0.1.0-test");
    }

    static InspectionResult failed(final String path, final FailureKind kind, final String message) {
        return InspectionResult.failed(image(path), Optional.empty(), new Failure(kind, message), Timings.none(),
                "0.1.0-test");
    }

    static ImageFile image(final String path) {
        return new ImageFile(path, JunitReport.fileName(path), 1 << 20);
    }

    /** A Debian root with the given packages (name and version) and accounts that have a password. */
    static OperatingSystem debian(final String root, final List<InstalledPackage> packages,
                                  final List<String> accountsWithPassword) {
        return new OperatingSystem(root, "linux", "debian", "Debian GNU/Linux 12 (bookworm)", "12", 12, 0, "x86_64",
                "golden", "deb", "apt", List.of(), List.of(), List.of(), packages, "", List.of(), List.of(),
                accountsWithPassword, List.of(), List.of());
    }

    static InstalledPackage deb(final String name, final String version, final String revision) {
        return new InstalledPackage(name, 0, version, revision, "amd64");
    }
}
