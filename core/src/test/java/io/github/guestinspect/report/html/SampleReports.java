package io.github.guestinspect.report.html;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.guest.DpkgStatusParser;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.Filesystem;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.Mountpoint;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Report data made by hand, as a real run would produce it: a Debian image with the host's own package list
 * (/var/lib/dpkg/status, 1000+ packages on a Debian machine), an Alpine image from the cache, a Rocky image with
 * epochs, an empty disk, a corrupt one, and an image whose every string is an attack on the page.
 */
final class SampleReports {
    static final String HOSTILE_HOSTNAME = "<script>window.pwned=1</script>";
    static final String HOSTILE_ATTRIBUTE = "\"><img src=x onerror=\"window.pwned=2\">";
    static final String HOSTILE_SCRIPT_END = "</script><script>window.pwned=3</script>";
    static final String HOSTILE_PATH = "images/'\"><svg onload=\"window.pwned=4\">.qcow2";
    static final String HOSTILE_COMMENT = "<!--<script>window.pwned=5</script>";
    static final String HOSTILE_PLACEHOLDER = "{{csp}} {{echarts}}";
    static final String LINE_SEPARATORS = "a\u2028b\u2029c";
    static final String DEBIAN = "out/debian-12-golden.qcow2";

    static final Instant GENERATED = Instant.parse("2026-11-25T17:40:03Z");

    private SampleReports() {
    }

    /** The full sample: six images, a policy, six runs of history and changes for two images. */
    static ReportData full() throws IOException {
        List<InspectionResult> results = List.of(debian(), alpine(), rocky(), blank(), corrupt(), hostile());
        return new ReportData("Nightly images \u00b7 build #42", GENERATED, results, Optional.of(policy()),
                trend(6), changes());
    }

    /** The same images without history, policy or changes. */
    static ReportData withoutHistory(final int runs) throws IOException {
        return new ReportData("First run", GENERATED, List.of(debian(), hostile()), Optional.empty(), trend(runs),
                List.of());
    }

    static ReportData of(final InspectionResult... results) {
        return new ReportData("Report", GENERATED, List.of(results), Optional.empty(), List.of(), List.of());
    }

    /** The host's installed packages, or 1200 made-up ones where there is no dpkg database. */
    static List<InstalledPackage> hostPackages() throws IOException {
        Path status = Path.of("/var/lib/dpkg/status");
        if (Files.isReadable(status)) {
            List<InstalledPackage> packages = new DpkgStatusParser().parse(Files.readAllBytes(status));
            if (packages.size() >= 200) {
                return packages;
            }
        }
        List<InstalledPackage> packages = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            packages.add(new InstalledPackage("lib-sample" + i, i % 7 == 0 ? 1 : 0, "1." + i % 13 + "." + i % 5,
                    i % 3 + "+deb12u1", i % 4 == 0 ? "all" : "amd64"));
        }
        return packages;
    }

    static InspectionResult debian() throws IOException {
        OperatingSystem os = new OperatingSystem("/dev/sda1", "linux", "debian", "Debian GNU/Linux 12 (bookworm)",
                "12", 12, 0, "x86_64", "golden-bookworm", "deb", "apt",
                List.of(new Mountpoint("/", "/dev/sda1"), new Mountpoint("/boot/efi", "/dev/sda15")),
                List.of(new Filesystem("/dev/sda1", "ext4"), new Filesystem("/dev/sda15", "vfat")),
                List.of("6.1.0-28-amd64", "6.1.0-27-amd64"), hostPackages(), "",
                List.of("/etc/machine-id", "/etc/ssh/ssh_host_*_key", "/root/.bash_history"),
                List.of(new FileFact("/etc/machine-id", FileType.REGULAR, 33),
                        new FileFact("/etc/ssh/ssh_host_ed25519_key", FileType.REGULAR, 399),
                        new FileFact("/etc/ssh/ssh_host_rsa_key", FileType.REGULAR, 2602),
                        new FileFact("/root/.bash_history", FileType.MISSING, 0)),
                List.of("root", "debian"), List.of(), List.of());
        return new InspectionResult(new ImageFile(DEBIAN, "debian-12-golden.qcow2", 1_342_177_280L),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 8L << 30, Optional.empty())),
                "9f2c4e1ab3d47a0c5e6f7182930a4b5c6d7e8f90123456789abcdef012345678", Status.INSPECTED,
                Optional.empty(), List.of(os), new Timings(1840, 35, 21_400, 3, 2150, 1320, 27_100),
                new CacheInfo(false, 4), "1.48.6", "0.1.0");
    }

    static InspectionResult alpine() {
        List<InstalledPackage> packages = new ArrayList<>();
        String[][] apk = {{"alpine-baselayout", "3.6.5", "r0"}, {"alpine-keys", "2.4", "r1"}, {"apk-tools", "2.14.4",
                "r0"}, {"busybox", "1.36.1", "r29"}, {"ca-certificates-bundle", "20240705", "r0"}, {"libcrypto3",
                "3.3.2", "r0"}, {"libssl3", "3.3.2", "r0"}, {"musl", "1.2.5", "r0"}, {"musl-utils", "1.2.5", "r0"},
                {"openssh-server", "9.7_p1", "r4"}, {"scanelf", "1.3.7", "r2"}, {"ssl_client", "1.36.1", "r29"},
                {"zlib", "1.3.1", "r1"}};
        for (String[] p : apk) {
            packages.add(new InstalledPackage(p[0], 0, p[1], p[2], "x86_64"));
        }
        OperatingSystem os = new OperatingSystem("/dev/sda", "linux", "alpine", "Alpine Linux v3.20", "3.20.3", 3,
                20, "x86_64", "edge-proxy", "apk", "apk", List.of(new Mountpoint("/", "/dev/sda")),
                List.of(new Filesystem("/dev/sda", "ext4")), List.of("6.6.58-0-virt"), packages, "",
                List.of("/etc/machine-id"), List.of(new FileFact("/etc/machine-id", FileType.MISSING, 0)),
                List.of(), List.of("guest"), List.of());
        return new InspectionResult(new ImageFile("out/alpine-3.20.raw", "alpine-3.20.raw", 268_435_456L),
                Optional.of(new DiskInfo(DiskFormat.RAW, 256L << 20, Optional.empty())),
                "1c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba", Status.INSPECTED,
                Optional.empty(), List.of(os), new Timings(310, 0, 0, 0, 0, 0, 360), new CacheInfo(true, 48),
                "1.48.6", "0.1.0");
    }

    static InspectionResult rocky() {
        List<InstalledPackage> packages = new ArrayList<>();
        String[][] rpm = {{"bash", "0", "5.1.8", "9.el9"}, {"dbus", "1", "1.12.20", "8.el9"}, {"glibc", "0",
                "2.34", "100.el9_4.4"}, {"kernel-core", "0", "5.14.0", "427.42.1.el9_4"}, {"openssh-server", "0",
                "8.7p1", "38.el9_4.4"}, {"openssl", "1", "3.0.7", "28.el9_4"}, {"openssl-libs", "1", "3.0.7",
                "28.el9_4"}, {"rpm", "0", "4.16.1.3", "29.el9"}, {"systemd", "0", "252", "32.el9_4.7"},
                {"telnet-server", "1", "0.17", "85.el9"}};
        for (String[] p : rpm) {
            packages.add(new InstalledPackage(p[0], Integer.parseInt(p[1]), p[2], p[3], "x86_64"));
        }
        OperatingSystem os = new OperatingSystem("/dev/rl/root", "linux", "rocky", "Rocky Linux 9.4 (Blue Onyx)",
                "9.4", 9, 4, "x86_64", "db-primary.example.internal", "rpm", "dnf",
                List.of(new Mountpoint("/", "/dev/rl/root"), new Mountpoint("/boot", "/dev/sda1")),
                List.of(new Filesystem("/dev/rl/root", "xfs"), new Filesystem("/dev/sda1", "xfs")),
                List.of("5.14.0-427.42.1.el9_4.x86_64"), packages, "", List.of("/etc/machine-id"),
                List.of(new FileFact("/etc/machine-id", FileType.REGULAR, 0)), List.of("root"), List.of(), List.of());
        return new InspectionResult(new ImageFile("out/rocky-9.4.qcow2", "rocky-9.4.qcow2", 2_147_483_648L),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 20L << 30, Optional.empty())),
                "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd77ee88ff99aa00bb11cc22dd", Status.INSPECTED,
                Optional.empty(), List.of(os), new Timings(4210, 40, 21_400, 3, 3380, 2620, 29_800),
                new CacheInfo(false, 3), "1.48.6", "0.1.0");
    }

    static InspectionResult blank() {
        return new InspectionResult(new ImageFile("out/scratch-disk.qcow2", "scratch-disk.qcow2", 196_608L),
                Optional.of(new DiskInfo(DiskFormat.QCOW2, 1L << 30, Optional.empty())), "", Status.NO_OS_FOUND,
                Optional.empty(), List.of(), new Timings(20, 30, 21_400, 3, 410, 0, 23_900), CacheInfo.notUsed(),
                "1.48.6", "0.1.0");
    }

    static InspectionResult corrupt() {
        return InspectionResult.failed(new ImageFile("out/legacy-appliance.vmdk", "legacy-appliance.vmdk", 4096),
                Optional.empty(), new Failure(FailureKind.CORRUPT, "out/legacy-appliance.vmdk: qemu-img check"
                        + " found 3 leaked clusters and 1 corruption; the image is damaged"),
                new Timings(0, 120, 0, 0, 0, 0, 120), "0.1.0");
    }

    /** Every string an image controls, set to an attack on the page. */
    static InspectionResult hostile() {
        List<InstalledPackage> packages = List.of(
                new InstalledPackage(HOSTILE_ATTRIBUTE, 0, "1.0", "1", "amd64"),
                new InstalledPackage(HOSTILE_SCRIPT_END, 0, "2.0", "1", "amd64"),
                new InstalledPackage("curl", 0, HOSTILE_COMMENT, "", "amd64"),
                new InstalledPackage("zz-separators", 0, LINE_SEPARATORS, "1", HOSTILE_PLACEHOLDER));
        OperatingSystem os = new OperatingSystem(HOSTILE_COMMENT, "linux", "debian", HOSTILE_PLACEHOLDER,
                HOSTILE_ATTRIBUTE, 0, 0, "x86_64", HOSTILE_HOSTNAME, "deb", "apt",
                List.of(new Mountpoint(HOSTILE_SCRIPT_END, "/dev/sda1")), List.of(), List.of(LINE_SEPARATORS),
                packages, HOSTILE_SCRIPT_END, List.of("/home/*/.bash_history"),
                List.of(new FileFact("/home/" + HOSTILE_ATTRIBUTE + "/.bash_history", FileType.REGULAR, 12)),
                List.of(HOSTILE_HOSTNAME), List.of(HOSTILE_SCRIPT_END), List.of());
        return new InspectionResult(new ImageFile(HOSTILE_PATH, "hostile.qcow2", 65_536), Optional.empty(), "",
                Status.INSPECTED, Optional.empty(), List.of(os), new Timings(90, 20, 21_400, 3, 880, 140, 24_300),
                new CacheInfo(false, 2), HOSTILE_ATTRIBUTE, "0.1.0");
    }

    static PolicyEvaluation policy() {
        Rule noTelnet = rule("no-telnet", Severity.ERROR, "No telnet server on any image");
        Rule hygiene = rule("golden-hygiene", Severity.WARNING, "Golden images carry no host identity");
        Rule inventory = rule("inventory", Severity.INFO, "Inventory notes");
        Waiver legacy = new Waiver("debian-12-*", LocalDate.of(2027, 3, 31), "regenerated on first boot by"
                + " cloud-init (ticket OPS-1234)");
        Waiver expired = new Waiver("rocky-*", LocalDate.of(2026, 10, 1), "migration to Rocky 9.5");
        List<Violation> violations = List.of(
                new Violation("no-telnet", Severity.ERROR, "out/rocky-9.4.qcow2", "/dev/rl/root",
                        "telnet-server 1:0.17-85.el9", "not installed", Optional.empty()),
                new Violation("golden-hygiene", Severity.WARNING, DEBIAN, "/dev/sda1", "/etc/machine-id",
                        "must be empty or missing", Optional.empty()),
                new Violation("golden-hygiene", Severity.WARNING, DEBIAN, "/dev/sda1",
                        "/etc/ssh/ssh_host_ed25519_key", "must not exist", Optional.of(legacy)),
                new Violation("inventory", Severity.INFO, "out/alpine-3.20.raw", "/dev/sda", "account guest",
                        "must have a password", Optional.empty()),
                new Violation("no-telnet", Severity.ERROR, HOSTILE_PATH, HOSTILE_COMMENT, HOSTILE_SCRIPT_END,
                        HOSTILE_ATTRIBUTE, Optional.of(new Waiver("*", LocalDate.of(2027, 1, 1),
                        HOSTILE_HOSTNAME))),
                new Violation("golden-hygiene", Severity.WARNING, HOSTILE_PATH, HOSTILE_COMMENT,
                        HOSTILE_HOSTNAME, HOSTILE_PLACEHOLDER, Optional.empty()));
        return new PolicyEvaluation(List.of(noTelnet, hygiene, inventory),
                List.of(DEBIAN, "out/alpine-3.20.raw", "out/rocky-9.4.qcow2", "out/scratch-disk.qcow2", HOSTILE_PATH),
                violations, List.of(new ExpiredWaiver("no-telnet", "out/rocky-9.4.qcow2", expired)));
    }

    private static Rule rule(final String id, final Severity severity, final String description) {
        return new Rule(id, Optional.of(description), severity, Optional.of(new PackageRules(List.of(
                new PackageMatcher("telnetd", Optional.empty())))), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), List.of());
    }

    /** Runs #37 to #42 (or fewer), the last one with a hostile label. */
    static List<TrendPoint> trend(final int runs) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int build = 42 - runs + 1 + i;
            int hits = Math.min(5, i);
            boolean last = i == runs - 1;
            points.add(new TrendPoint(last ? "#" + build + " " + HOSTILE_SCRIPT_END : "#" + build,
                    GENERATED.minus(Duration.ofDays(runs - 1 - i)), 6, hits, 5 - hits, 1,
                    1150 + 3L * i + (last ? 4 : 0), 6500 - 700L * i, 60 + 5L * i, 64_200 - 8000L * hits,
                    7000 - 900L * hits, 4100 - 600L * hits, 31_000 - 1500L * hits,
                    Map.of("error", i < 3 ? 2 : 1, "warning", 3 - i / 2, "info", 1)));
        }
        return points;
    }

    static List<ImageChanges> changes() {
        return List.of(
                new ImageChanges(DEBIAN, List.of(
                        new PackageChange("libssl3", PackageChange.Kind.UPGRADED, "3.0.14-1~deb12u2",
                                "3.0.15-1~deb12u1"),
                        new PackageChange("linux-image-6.1.0-28-amd64", PackageChange.Kind.ADDED, "",
                                "6.1.119-1"),
                        new PackageChange("nano", PackageChange.Kind.REMOVED, "7.2-1", ""),
                        new PackageChange("tzdata", PackageChange.Kind.DOWNGRADED, "2024b-0+deb12u1",
                                "2024a-0+deb12u1"))),
                new ImageChanges("out/alpine-3.20.raw", List.of()),
                new ImageChanges(HOSTILE_PATH, List.of(
                        new PackageChange(HOSTILE_SCRIPT_END, PackageChange.Kind.ADDED, "", HOSTILE_ATTRIBUTE))));
    }
}
