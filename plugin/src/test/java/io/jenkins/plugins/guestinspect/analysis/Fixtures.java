package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Optional;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;

/** Results and violations for the plugin's tests. */
public final class Fixtures {
    public static final String POLICY = """
            version: 1
            rules:
              - id: no-telnet
                severity: error
                forbid:
                  packages: [telnetd]
              - id: no-nano
                severity: warning
                forbid:
                  packages: [nano]
            """;

    private Fixtures() {
    }

    public static InspectionResult debian(final String path, final boolean cacheHit, final String... packages) {
        List<InstalledPackage> installed = java.util.Arrays.stream(packages)
                .map(name -> new InstalledPackage(name, 0, "1.0", "1", "amd64")).toList();
        OperatingSystem os = new OperatingSystem("/dev/sda1", "linux", "debian", "Debian GNU/Linux 12 (bookworm)",
                "12", 12, 0, "x86_64", "web-<01>", "deb", "apt", List.of(), List.of(), List.of("6.1.0-18-amd64"),
                installed, "", List.of(), List.of(), List.of(), List.of(), List.of());
        return new InspectionResult(new ImageFile(path, fileName(path), 1024), Optional.empty(), "sha256:x",
                Status.INSPECTED, Optional.empty(), List.of(os), new Timings(10, 20, 3000, 2, 400, 600, 4000),
                new CacheInfo(cacheHit, 1), "1.48.6", "0.1.0");
    }

    public static InspectionResult failed(final String path, final FailureKind kind) {
        return InspectionResult.failed(new ImageFile(path, fileName(path), 10), Optional.empty(),
                new Failure(kind, path + ": libguestfs could not launch"), Timings.none(), "0.1.0");
    }

    /** An active violation, not yet compared; its topic is its subject. */
    public static ViolationRow row(final String image, final String rule, final String severity,
                                   final String subject) {
        return row(image, rule, severity, subject, subject);
    }

    /** An active violation, not yet compared, about {@code topic}. */
    public static ViolationRow row(final String image, final String rule, final String severity,
                                   final String subject, final String topic) {
        return new ViolationRow(rule, severity, image, "/dev/sda1", subject, "forbidden", "", topic,
                ViolationState.ACTIVE);
    }

    /** A waived violation. */
    public static ViolationRow waived(final String image, final String rule, final String severity,
                                      final String subject) {
        return new ViolationRow(rule, severity, image, "/dev/sda1", subject, "forbidden", "until 2030-01-01: legacy",
                subject, ViolationState.WAIVED);
    }

    /** A Debian image whose packages are given as "name=version" (version as dpkg writes it, "1:2.0-3"). */
    public static InspectionResult debianWith(final String path, final String... packages) {
        List<InstalledPackage> installed = java.util.Arrays.stream(packages).map(spec -> {
            String name = spec.substring(0, spec.indexOf('='));
            String full = spec.substring(spec.indexOf('=') + 1);
            int epoch = full.contains(":") ? Integer.parseInt(full.substring(0, full.indexOf(':'))) : 0;
            String rest = full.substring(full.indexOf(':') + 1);
            int dash = rest.lastIndexOf('-');
            return new InstalledPackage(name, epoch, dash < 0 ? rest : rest.substring(0, dash),
                    dash < 0 ? "" : rest.substring(dash + 1), "amd64");
        }).toList();
        InspectionResult base = debian(path, false);
        OperatingSystem os = base.operatingSystems().get(0);
        OperatingSystem withPackages = new OperatingSystem(os.root(), os.type(), os.distro(), os.productName(),
                os.version(), os.majorVersion(), os.minorVersion(), os.architecture(), os.hostname(),
                os.packageFormat(), os.packageManager(), os.mountpoints(), os.filesystems(), os.kernels(), installed,
                os.packageNote(), os.fileQueries(), os.files(), os.accountsWithPassword(),
                os.accountsWithEmptyPassword(), List.of());
        return new InspectionResult(base.image(), base.disk(), base.contentHash(), base.status(), base.failure(),
                List.of(withPackages), base.timings(), base.cache(), base.libguestfsVersion(), base.toolVersion());
    }

    /** The stored details of a reference build: its results and violations. */
    public static BuildDetails details(final List<InspectionResult> results, final List<ViolationRow> violations) {
        return new BuildDetails(results, violations, List.of(), List.of(), List.of());
    }

    private static String fileName(final String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
