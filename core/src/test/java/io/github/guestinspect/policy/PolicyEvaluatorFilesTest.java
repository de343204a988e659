package io.github.guestinspect.policy;

import io.github.guestinspect.model.CacheInfo;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.model.Timings;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** File rules on the facts an inspection gathered (lstat: links are facts of their own, never followed). */
class PolicyEvaluatorFilesTest {
    private static final String POLICY = """
            version: 1
            rules:
              - id: files
                severity: error
                files:
                  - {path: /etc/machine-id, must: be-empty}
                  - {path: /root/.bash_history, must: not-exist}
                  - {glob: "/home/*/.bash_history", must: not-exist}
                  - {path: /etc/hostname, must: exist}
            """;

    private static List<String> subjects(final FileFact... facts) throws PolicyException {
        OperatingSystem os = new OperatingSystem("/dev/sda", "linux", "debian", "Debian", "12", 12, 0, "x86_64",
                "host", "deb", "apt", List.of(), List.of(), List.of(), List.of(), "", List.of("/etc/machine-id",
                "/root/.bash_history", "/home/*/.bash_history", "/etc/hostname"), List.of(facts), List.of(),
                List.of(), List.of());
        InspectionResult result = new InspectionResult(new ImageFile("a.qcow2", "a.qcow2", 1), Optional.empty(), "",
                Status.INSPECTED, Optional.empty(), List.of(os), Timings.none(), CacheInfo.notUsed(), "1.48.6",
                "test");
        Policy policy = new PolicyParser().parse("p.yaml", POLICY);
        return new PolicyEvaluator(policy, LocalDate.of(2026, 12, 3)).evaluate(List.of(result)).violations().stream()
                .map(Violation::subject).toList();
    }

    @Test
    void shouldReportLinksAsLinksWhateverTheyPointTo() throws Exception {
        assertThat(subjects(new FileFact("/etc/machine-id", FileType.SYMLINK, 37),
                new FileFact("/root/.bash_history", FileType.SYMLINK, 11),
                new FileFact("/home/alice/.bash_history", FileType.SYMLINK, 36),
                new FileFact("/etc/hostname", FileType.SYMLINK, 20))).containsExactlyInAnyOrder(
                "/etc/machine-id (symbolic link, not followed)", "/root/.bash_history (symbolic link, not followed)",
                "/home/alice/.bash_history (symbolic link, not followed)");
    }

    @Test
    void shouldJudgeRegularFilesByTheirSize() throws Exception {
        assertThat(subjects(new FileFact("/etc/machine-id", FileType.REGULAR, 33),
                new FileFact("/root/.bash_history", FileType.REGULAR, 0),
                new FileFact("/home/alice/.bash_history", FileType.MISSING, 0),
                new FileFact("/etc/hostname", FileType.MISSING, 0))).containsExactlyInAnyOrder(
                "/etc/machine-id (33 bytes)", "/root/.bash_history", "/etc/hostname");
        assertThat(subjects(new FileFact("/etc/machine-id", FileType.REGULAR, 0),
                new FileFact("/root/.bash_history", FileType.MISSING, 0),
                new FileFact("/etc/hostname", FileType.REGULAR, 5))).isEmpty();
    }
}
