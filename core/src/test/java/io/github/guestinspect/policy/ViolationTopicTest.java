package io.github.guestinspect.policy;

import io.github.guestinspect.diff.Results;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each violation names its topic: what it is about without the parts that change between runs (a version, a size),
 * so that a later run's violation about the same thing can be recognised.
 */
class ViolationTopicTest {
    private static final String POLICY = """
            version: 1
            rules:
              - id: no-telnet
                severity: error
                forbid:
                  packages: [{name: "telnet*"}]
              - id: new-openssl
                severity: error
                require:
                  packages: [{name: openssl, version: ">= 3.0.13"}, {name: adduser}]
              - id: supported-os
                severity: error
                os: [{distro: alpine}]
              - id: hygiene
                severity: warning
                files:
                  - {path: /etc/machine-id, must: be-empty}
                  - {path: /etc/hostname, must: exist}
              - id: size
                severity: info
                image: {max-file-size: 1KiB, max-virtual-size: 1KiB}
            """;

    @Test
    void shouldNameThePackageFileOrLimitWithoutVersionsOrSizes() throws Exception {
        List<Violation> violations = evaluate(image("out/a.qcow2", "1.1.1w-0+deb11u1", "0.17-41", 37));

        assertThat(violations).extracting(Violation::ruleId, Violation::topic, Violation::subject).containsExactly(
                tuple("no-telnet", "telnetd", "telnetd 0.17-41"),
                tuple("new-openssl", "openssl", "openssl 1.1.1w-0+deb11u1"),
                tuple("new-openssl", "adduser", "adduser not installed"),
                tuple("supported-os", "operating system", "debian 12"),
                tuple("hygiene", "/etc/machine-id", "/etc/machine-id (37 bytes)"),
                tuple("hygiene", "/etc/hostname", "/etc/hostname"),
                tuple("size", "file size", "file size 1048576 bytes"),
                tuple("size", "virtual size", "virtual size 1073741824 bytes"));
    }

    @Test
    void shouldKeepTheTopicWhenVersionsAndSizesChange() throws Exception {
        List<String> before = evaluate(image("a.qcow2", "1.1.1w-0+deb11u1", "0.17-41", 37)).stream()
                .map(Violation::topic).toList();
        List<String> after = evaluate(image("a.qcow2", "3.0.11-1~deb12u2", "0.17-42", 4096)).stream()
                .map(Violation::topic).toList();

        assertThat(after).isEqualTo(before);
    }

    @Test
    void shouldUseTheSubjectAsTopicWhenNoneIsGiven() {
        Violation violation = new Violation("r", Severity.INFO, "a.qcow2", "", "account root", "no password",
                Optional.empty());

        assertThat(violation.topic()).isEqualTo("account root");
    }

    private static List<Violation> evaluate(final InspectionResult result) throws PolicyException {
        return new PolicyEvaluator(new PolicyParser().parse("p.yaml", POLICY), LocalDate.of(2026, 11, 25))
                .evaluate(List.of(result)).violations();
    }

    private static InspectionResult image(final String path, final String openssl, final String telnetd,
                                          final long machineIdSize) {
        OperatingSystem os = Results.os("/dev/sda1", "deb", Results.pkg("openssl", openssl, "amd64"),
                Results.pkg("telnetd", telnetd, "amd64"), Results.pkg("bash", "5.2.15-2", "amd64"));
        OperatingSystem withFacts = new OperatingSystem(os.root(), os.type(), os.distro(), os.productName(), "12",
                12, 0, os.architecture(), os.hostname(), os.packageFormat(), os.packageManager(), os.mountpoints(),
                os.filesystems(), os.kernels(), os.packages(), os.packageNote(), os.fileQueries(),
                List.of(new FileFact("/etc/machine-id", FileType.REGULAR, machineIdSize),
                        new FileFact("/etc/hostname", FileType.MISSING, 0)),
                os.accountsWithPassword(), os.accountsWithEmptyPassword(), List.of());
        return Results.inspected(path, withFacts);
    }

    private static org.assertj.core.groups.Tuple tuple(final Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
