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
                installed, "", List.of(), List.of(), List.of(), List.of());
        return new InspectionResult(new ImageFile(path, fileName(path), 1024), Optional.empty(), "sha256:x",
                Status.INSPECTED, Optional.empty(), List.of(os), new Timings(10, 20, 3000, 2, 400, 600, 4000),
                new CacheInfo(cacheHit, 1), "1.48.6", "0.1.0");
    }

    public static InspectionResult failed(final String path, final FailureKind kind) {
        return InspectionResult.failed(new ImageFile(path, fileName(path), 10), Optional.empty(),
                new Failure(kind, path + ": libguestfs could not launch"), Timings.none(), "0.1.0");
    }

    public static ViolationRow row(final String image, final String rule, final String severity,
                                   final String subject) {
        return new ViolationRow(rule, severity, image, "/dev/sda1", subject, "forbidden", "");
    }

    private static String fileName(final String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
