package io.github.guestinspect.report.samples;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.PackageMatcher;
import io.github.guestinspect.policy.PackageRules;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;
import io.github.guestinspect.policy.Waiver;
import io.github.guestinspect.report.ReportData;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Report data made by hand for the Markdown, PDF and SBOM tests: a realistic run and a hostile one. */
public final class ReportSamples {
    /** Text an image may hand us: markup, quotes, table and code syntax, a mention, controls, a lone surrogate. */
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final List<String> HOSTILE = List.of(SCRIPT, "\"><img src=x onerror=alert(1)>",
            "a|b|c", "`rm -rf /`", "**bold** _it_ [link](javascript:alert(1)) ![i](http://x/y.png)", "@octocat",
            "line\nbreak\r\nrow | injected |", "~~struck~~ $x^2$", "# heading", "- item", "1. first",
            "\u202Egnp.exe", "x\u0001y\u001b[31mz", "lone\uD800surrogate", "\uD83D\uDE00 пакет 包 ü",
            "${title}", "{{title}}", "{{!-- x --}}", "%%{init: {}}%%", "\"]; click x call alert(1); [\"", "&lt;b&gt;", "<!-- -->", "\\|");
    public static final Instant GENERATED = Instant.parse("2026-11-25T17:40:00Z");

    private ReportSamples() {
    }

    /** A realistic run: three Linux distributions, one image without an OS, one failure, a policy, history. */
    public static ReportData realistic() {
        InspectionResult web = inspected("out/web-01.qcow2", 21_400, new Timings(2_100, 340, 9_800, 2, 3_900, 2_600,
                19_100), false, debian("web-01", List.of(
                        deb("openssl", 0, "3.0.11", "1~deb12u2"), deb("openssh-server", 1, "9.2p1", "2+deb12u2"),
                        deb("telnetd", 0, "0.17", "44"), deb("bash", 0, "5.2.15", "2+b2"))));
        InspectionResult db = inspected("out/db-01.qcow2", 64_000, new Timings(3_400, 410, 9_800, 2, 5_100, 4_700,
                23_900), false, rocky());
        InspectionResult edge = inspected("out/edge-alpine.qcow2", 0, new Timings(0, 0, 0, 0, 0, 0, 38), true,
                alpine());
        InspectionResult blank = new InspectionResult(new ImageFile("out/scratch-disk.raw", "scratch-disk.raw",
                1L << 30), Optional.of(new DiskInfo(DiskFormat.RAW, 1L << 30, Optional.empty())),
                "sha256-tree64m:" + "cd".repeat(32), Status.NO_OS_FOUND, Optional.empty(), List.of(),
                new Timings(600, 120, 7_200, 3, 800, 0, 8_900), new CacheInfo(false, 4), "1.48.6", "0.1.0");
        InspectionResult broken = InspectionResult.failed(new ImageFile("out/legacy-7.vmdk", "legacy-7.vmdk", 4096),
                Optional.empty(), new Failure(FailureKind.CORRUPT, "qemu-img check: 3 errors were found on the image;"
                        + " data may be corrupted"), new Timings(0, 260, 0, 0, 0, 0, 260), "0.1.0");
        List<InspectionResult> results = List.of(web, db, edge, blank, broken);

        Rule noTelnet = rule("no-telnet", Severity.ERROR, "Telnet servers must not be installed");
        Rule openssl = rule("openssl-min", Severity.ERROR, "OpenSSL at least 3.0.13");
        Rule hygiene = rule("golden-hygiene", Severity.WARNING, "Golden images carry no machine identity");
        Rule sshd = rule("ssh-root-login", Severity.INFO, "Root logins over SSH are discouraged");
        Waiver legacy = new Waiver("db-*.qcow2", LocalDate.of(2027, 3, 31), "vendor image, replaced in Q1 (OPS-1432)");
        Waiver expired = new Waiver("edge-*.qcow2", LocalDate.of(2026, 10, 1), "migration window");
        List<Violation> violations = List.of(
                violation(noTelnet, web, "/dev/sda1", "telnetd 0.17-44", "not installed"),
                violation(openssl, web, "/dev/sda1", "openssl 3.0.11-1~deb12u2", "openssl >= 3.0.13"),
                violation(hygiene, web, "/dev/sda1", "/etc/machine-id", "must be empty"),
                violation(hygiene, web, "/dev/sda1", "/etc/ssh/ssh_host_ed25519_key", "must not exist"),
                violation(sshd, web, "/dev/sda1", "account root", "no password hash"),
                new Violation(openssl.id(), openssl.severity(), db.image().path(), "/dev/rl/root",
                        "openssl 1:3.0.7-25.el9", "openssl >= 3.0.13", Optional.of(legacy)),
                violation(hygiene, edge, "/dev/sda", "/root/.ash_history", "must not exist"));
        PolicyEvaluation policy = new PolicyEvaluation(List.of(noTelnet, openssl, hygiene, sshd),
                List.of(web.image().path(), db.image().path(), edge.image().path(), blank.image().path()), violations,
                List.of(new ExpiredWaiver(hygiene.id(), edge.image().path(), expired)));

        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int build = 35 + i;
            boolean cold = i == 0 || i == 5;
            long scale = cold ? 3 : 1;
            trend.add(new TrendPoint("#" + build, GENERATED.minus(8 - i, ChronoUnit.DAYS), 5, cold ? 0 : 3,
                    cold ? 4 : 1, 1, 1_450 + i * 3L, 6_100 * scale, 40 + i, 19_600 + (cold ? 10_000 : i * 300L),
                    9_800 * scale - i * 150L, 7_300 * scale, 24_000 + (cold ? 30_000 : i * 400L),
                    Map.of("error", i < 3 ? 3 : 2, "warning", 3, "info", 1)));
        }
        List<ImageChanges> changes = List.of(
                new ImageChanges(web.image().path(), List.of(
                        new PackageChange("curl", PackageChange.Kind.ADDED, "", "7.88.1-10+deb12u5"),
                        new PackageChange("openssl", PackageChange.Kind.UPGRADED, "3.0.11-1~deb12u1",
                                "3.0.11-1~deb12u2"),
                        new PackageChange("ntp", PackageChange.Kind.REMOVED, "1:4.2.8p15+dfsg-2~1.2.2+dfsg1-1", ""),
                        new PackageChange("libc6", PackageChange.Kind.DOWNGRADED, "2.36-9+deb12u4", "2.36-9+deb12u3"))),
                new ImageChanges(db.image().path(), List.of()));
        return new ReportData("guest-inspect report \u2014 images #42", GENERATED, results, Optional.of(policy), trend,
                changes);
    }

    /** Hostile text in every field a report shows; {@code text} goes everywhere, the list in package names. */
    public static ReportData hostile(final String text) {
        List<InstalledPackage> packages = new ArrayList<>();
        for (String name : HOSTILE) {
            packages.add(new InstalledPackage(name, 0, text, text, text));
        }
        OperatingSystem os = new OperatingSystem(text, "linux", text, text, text, 0, 0, text, text, "deb", text,
                List.of(), List.of(), List.of(text), packages, text, List.of(), List.of(), List.of(), List.of(),
                List.of(text));
        InspectionResult result = new InspectionResult(new ImageFile(text, text, 1), Optional.empty(), text,
                Status.INSPECTED, Optional.empty(), List.of(os), new Timings(1_000, 10, 2_000, 1, 3_000, 4_000,
                10_000), new CacheInfo(false, 5), text, text);
        InspectionResult failed = InspectionResult.failed(new ImageFile(text + "-2", text, 1), Optional.empty(),
                new Failure(FailureKind.INSPECTION_ERROR, text), Timings.none(), text);
        Rule rule = new Rule("hostile-rule", Optional.of(text), Severity.ERROR, Optional.of(new PackageRules(List.of(
                new PackageMatcher("x", Optional.empty())))), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of());
        List<Violation> violations = new ArrayList<>();
        for (String subject : HOSTILE) {
            violations.add(new Violation(rule.id(), Severity.ERROR, text, text, subject, text, Optional.empty()));
        }
        violations.add(new Violation(rule.id(), Severity.WARNING, text, text, text, text,
                Optional.of(new Waiver("*", LocalDate.of(2030, 1, 1), text.isBlank() ? "reason" : text))));
        PolicyEvaluation policy = new PolicyEvaluation(List.of(rule), List.of(text), violations, List.of(
                new ExpiredWaiver(rule.id(), text, new Waiver("*", LocalDate.of(2020, 1, 1),
                        text.isBlank() ? "reason" : text))));
        List<TrendPoint> trend = List.of(
                new TrendPoint(text, GENERATED.minusSeconds(60), 1, 0, 1, 0, 10, 1, 1, 1, 1, 1, 5_000,
                        Map.of("error", 1)),
                new TrendPoint(text, GENERATED, 1, 1, 0, 0, 10, 1, 1, 1, 1, 1, 6_000, Map.of(text, 2)));
        List<PackageChange> changes = new ArrayList<>();
        for (String name : HOSTILE) {
            changes.add(new PackageChange(name, PackageChange.Kind.UPGRADED, text, name));
        }
        return new ReportData(text, GENERATED, List.of(result, failed), Optional.of(policy), trend,
                List.of(new ImageChanges(text, changes)));
    }

    /** A run with {@code images} images with {@code packages} packages and {@code violations} violations each. */
    public static ReportData large(final int images, final int packages, final int violations) {
        Rule rule = rule("big-rule", Severity.WARNING, "A rule that fires a lot");
        List<InspectionResult> results = new ArrayList<>();
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < images; i++) {
            List<InstalledPackage> installed = IntStream.range(0, packages)
                    .mapToObj(p -> deb("package-" + p, 0, "1." + p, "1")).toList();
            InspectionResult result = inspected(String.format("out/image-%03d.qcow2", i), 1_000 + i * 97L,
                    new Timings(100 + i, 10, 5_000, 4, 700 + i * 13L, 300 + i * 7L, 6_500), i % 3 == 0,
                    debian("host-" + i, installed));
            results.add(result);
            for (int v = 0; v < violations; v++) {
                found.add(violation(rule, result, "/dev/sda1", "package-" + v + " 1." + v + "-1", "not installed"));
            }
        }
        PolicyEvaluation policy = new PolicyEvaluation(List.of(rule), results.stream().map(r -> r.image().path())
                .toList(), found, List.of());
        List<TrendPoint> trend = IntStream.range(0, 60).mapToObj(i -> new TrendPoint("#" + (100 + i),
                GENERATED.minus(60 - i, ChronoUnit.HOURS), images, i % 2 * images, images - i % 2 * images, 0,
                (long) images * packages, 1_000 + i, 10, 20_000 - i * 50L, 7_000 + i * 20L, 3_000, 30_000 - i * 100L,
                Map.of("warning", violations * images))).toList();
        List<PackageChange> changes = IntStream.range(0, packages).mapToObj(p -> new PackageChange("package-" + p,
                PackageChange.Kind.UPGRADED, "1." + p + "-0", "1." + p + "-1")).toList();
        return new ReportData("A large run", GENERATED, results, Optional.of(policy), trend,
                List.of(new ImageChanges(results.get(0).image().path(), changes)));
    }

    private static InspectionResult inspected(final String path, final long hashMillis, final Timings timings,
                                              final boolean hit, final OperatingSystem... systems) {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return new InspectionResult(new ImageFile(path, fileName, 2_147_483_648L + hashMillis),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 20L << 30, Optional.empty())),
                "sha256-tree64m:" + Long.toHexString(hashMillis).repeat(8), Status.INSPECTED, Optional.empty(),
                List.of(systems), hit ? new Timings(timings.hashMillis(), 0, 0, 0, 0, 0, timings.totalMillis())
                        : timings, new CacheInfo(hit, hit ? 38 : 6), "1.48.6", "0.1.0");
    }

    public static OperatingSystem debian(final String hostname, final List<InstalledPackage> packages) {
        return new OperatingSystem("/dev/sda1", "linux", "debian", "Debian GNU/Linux 12 (bookworm)", "12", 12, 0,
                "x86_64", hostname, "deb", "apt", List.of(), List.of(), List.of("6.1.0-13-amd64"), packages, "",
                List.of(), List.of(), List.of("root"), List.of(), List.of());
    }

    private static OperatingSystem rocky() {
        return new OperatingSystem("/dev/rl/root", "linux", "rocky", "Rocky Linux 9.3 (Blue Onyx)", "9.3", 9, 3,
                "x86_64", "db-01.example.internal", "rpm", "dnf", List.of(), List.of(), List.of("5.14.0-362.8.1.el9_3"),
                List.of(new InstalledPackage("openssl", 1, "3.0.7", "25.el9", "x86_64"),
                        new InstalledPackage("postgresql-server", 0, "15.5", "1.el9", "x86_64"),
                        new InstalledPackage("gpg-pubkey", 0, "350d275d", "6279464b", "")),
                "", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static OperatingSystem alpine() {
        return new OperatingSystem("/dev/sda", "linux", "alpine", "Alpine Linux v3.19", "3.19.1", 3, 19, "x86_64",
                "edge", "apk", "apk", List.of(), List.of(), List.of(), List.of(
                        new InstalledPackage("musl", 0, "1.2.4_git20230717", "4", "x86_64"),
                        new InstalledPackage("busybox", 0, "1.36.1", "15", "x86_64")),
                "", List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static InstalledPackage deb(final String name, final int epoch, final String version,
                                       final String revision) {
        return new InstalledPackage(name, epoch, version, revision, "amd64");
    }

    private static Rule rule(final String id, final Severity severity, final String description) {
        return new Rule(id, Optional.of(description), severity, Optional.of(new PackageRules(List.of(
                new PackageMatcher("telnetd", Optional.empty())))), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of());
    }

    private static Violation violation(final Rule rule, final InspectionResult result, final String root,
                                       final String subject, final String expected) {
        return new Violation(rule.id(), rule.severity(), result.image().path(), root, subject, expected,
                Optional.empty());
    }
}
