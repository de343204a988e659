package io.github.guestinspect.policy;

import io.github.guestinspect.guest.GuestGlob;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.version.VersionConstraint;
import io.github.guestinspect.version.VersionScheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Evaluates a policy on inspection results (fresh or from the cache: the images are not touched). Package versions
 * compare in the image's own package format (dpkg, rpm or apk ordering). Images that could not be inspected are
 * left out here; they are a tool failure, reported as such, never a policy pass.
 */
public final class PolicyEvaluator {
    private static final String NO_OS = "no operating system found";
    private static final String OS_TOPIC = "operating system";

    private final Policy policy;
    private final LocalDate today;

    public PolicyEvaluator(final Policy policy, final LocalDate today) {
        this.policy = policy;
        this.today = today;
    }

    public PolicyEvaluation evaluate(final List<InspectionResult> results) {
        List<Violation> violations = new ArrayList<>();
        List<ExpiredWaiver> expired = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (InspectionResult result : results) {
            if (result.status() == Status.FAILED) {
                continue;
            }
            String image = result.image().path();
            images.add(image);
            for (Rule rule : policy.rules()) {
                Optional<Waiver> waiver = rule.except().stream()
                        .filter(candidate -> candidate.covers(result.image().fileName(), image)).findFirst();
                Optional<Waiver> active = waiver.filter(candidate -> !candidate.isExpired(today));
                waiver.filter(candidate -> candidate.isExpired(today))
                        .ifPresent(old -> expired.add(new ExpiredWaiver(rule.id(), image, old)));
                List<Check> failed = check(rule, result);
                failed.forEach(check -> violations.add(new Violation(rule.id(), rule.severity(), image, check.root(),
                        check.subject(), check.expected(), active, check.topic())));
            }
        }
        return new PolicyEvaluation(policy.rules(), images, violations, expired);
    }

    private static List<Check> check(final Rule rule, final InspectionResult result) {
        List<Check> failed = new ArrayList<>();
        rule.image().ifPresent(limits -> checkImage(limits, result, failed));
        if (result.operatingSystems().isEmpty()) {
            checkWithoutOs(rule, failed);
        }
        for (OperatingSystem os : result.operatingSystems()) {
            rule.forbid().ifPresent(forbid -> checkForbidden(forbid, os, failed));
            rule.require().ifPresent(require -> checkRequired(require, os, failed));
            if (!rule.os().isEmpty()) {
                checkOs(rule.os(), os, failed);
            }
            rule.files().forEach(file -> checkFile(file, os, failed));
            rule.accounts().forEach(account -> checkAccounts(account, os, failed));
        }
        return failed;
    }

    private static void checkImage(final ImageLimits limits, final InspectionResult result, final List<Check> failed) {
        limits.maxFileSize().filter(max -> result.image().fileSize() > max.bytes()).ifPresent(max ->
                failed.add(new Check("", "file size", "file size " + result.image().fileSize() + " bytes",
                        "at most " + max.text())));
        limits.maxVirtualSize().ifPresent(max -> result.disk().filter(disk -> disk.virtualSize() > max.bytes())
                .ifPresent(disk -> failed.add(new Check("", "virtual size", "virtual size " + disk.virtualSize()
                        + " bytes", "at most " + max.text()))));
    }

    private static void checkWithoutOs(final Rule rule, final List<Check> failed) {
        rule.require().ifPresent(require -> require.packages().forEach(matcher ->
                failed.add(new Check("", matcher.name(), NO_OS, matcher.describe() + " installed"))));
        if (!rule.os().isEmpty()) {
            failed.add(new Check("", OS_TOPIC, NO_OS, "one of " + describe(rule.os())));
        }
        rule.files().stream().filter(file -> file.must() == FileRule.Must.EXIST).forEach(file ->
                failed.add(new Check("", file.query(), NO_OS, file.query() + " must exist")));
    }

    private static VersionScheme scheme(final OperatingSystem os) {
        return VersionScheme.forPackageFormat(os.packageFormat()).orElse(VersionScheme.DEB);
    }

    private static void checkForbidden(final PackageRules forbid, final OperatingSystem os,
                                       final List<Check> failed) {
        VersionScheme scheme = scheme(os);
        for (PackageMatcher matcher : forbid.packages()) {
            for (InstalledPackage installed : os.packages()) {
                if (matcher.matchesName(installed.name()) && matcher.constraint()
                        .map(constraint -> constraint.matches(scheme.versionOf(installed), scheme)).orElse(true)) {
                    failed.add(new Check(os.root(), installed.name(), installed.name() + " "
                            + scheme.versionOf(installed), "forbidden (" + matcher.describe() + ")"));
                }
            }
        }
    }

    private static void checkRequired(final PackageRules require, final OperatingSystem os,
                                      final List<Check> failed) {
        VersionScheme scheme = scheme(os);
        for (PackageMatcher matcher : require.packages()) {
            List<InstalledPackage> candidates = os.packages().stream()
                    .filter(installed -> matcher.matchesName(installed.name())).toList();
            if (candidates.isEmpty()) {
                failed.add(new Check(os.root(), matcher.name(), matcher.name() + " not installed",
                        matcher.describe() + " installed"));
                continue;
            }
            Optional<VersionConstraint> constraint = matcher.constraint();
            boolean satisfied = constraint.isEmpty() || candidates.stream()
                    .anyMatch(installed -> constraint.get().matches(scheme.versionOf(installed), scheme));
            if (!satisfied) {
                String versions = candidates.stream().map(installed -> installed.name() + " "
                        + scheme.versionOf(installed)).collect(Collectors.joining(", "));
                failed.add(new Check(os.root(), matcher.name(), versions, matcher.describe()));
            }
        }
    }

    private static void checkOs(final List<OsMatcher> allowed, final OperatingSystem os, final List<Check> failed) {
        boolean matches = allowed.stream().anyMatch(matcher -> matcher.matchesDistro(os.distro())
                && matcher.constraint().map(constraint -> constraint.matches(os.version(), VersionScheme.DEB))
                .orElse(true));
        if (!matches) {
            failed.add(new Check(os.root(), OS_TOPIC, os.distro() + " " + os.version(),
                    "one of " + describe(allowed)));
        }
    }

    private static String describe(final List<OsMatcher> allowed) {
        return allowed.stream().map(OsMatcher::describe).collect(Collectors.joining(", "));
    }

    private static void checkFile(final FileRule rule, final OperatingSystem os, final List<Check> failed) {
        List<FileFact> facts = matching(rule, os);
        switch (rule.must()) {
            case NOT_EXIST -> facts.stream().filter(fact -> fact.type() != FileType.MISSING).forEach(fact ->
                    failed.add(new Check(os.root(), fact.path(), fact.path() + linkNote(fact), "must not exist")));
            case EXIST -> {
                if (facts.stream().noneMatch(fact -> fact.type() != FileType.MISSING)) {
                    failed.add(new Check(os.root(), rule.query(), rule.query(), "must exist"));
                }
            }
            case BE_EMPTY -> facts.stream().filter(fact -> fact.type() == FileType.SYMLINK
                            || fact.type() != FileType.MISSING && fact.size() > 0)
                    .forEach(fact -> failed.add(new Check(os.root(), fact.path(), fact.path()
                            + (fact.type() == FileType.SYMLINK ? linkNote(fact) : " (" + fact.size() + " bytes)"),
                            "must be empty")));
        }
    }

    /**
     * Says that a path is a symbolic link, which is never followed: its target may lie outside the image, so what it
     * points to is unknown, and a link is not an empty file (its size is only the length of its target's name).
     */
    private static String linkNote(final FileFact fact) {
        return fact.type() == FileType.SYMLINK ? " (symbolic link, not followed)" : "";
    }

    /** The facts a rule's path or glob covers (the inspection looked them up: see Policy.fileQueries). */
    private static List<FileFact> matching(final FileRule rule, final OperatingSystem os) {
        if (rule.path().isPresent()) {
            return os.files().stream().filter(fact -> fact.path().equals(rule.path().get())).toList();
        }
        GuestGlob glob = GuestGlob.compile(rule.glob().orElseThrow());
        return os.files().stream().filter(fact -> glob.matches(fact.path())).toList();
    }

    private static void checkAccounts(final AccountCheck check, final OperatingSystem os, final List<Check> failed) {
        List<String> accounts = check == AccountCheck.PASSWORD_SET ? os.accountsWithPassword()
                : os.accountsWithEmptyPassword();
        accounts.forEach(account -> failed.add(new Check(os.root(), "account " + account, "account " + account,
                check == AccountCheck.PASSWORD_SET ? "no password hash in a golden image" : "no empty password")));
    }

    /** A failed check before waivers are applied; {@code topic} is what it is about (see {@link Violation}). */
    private record Check(String root, String topic, String subject, String expected) {
    }
}
