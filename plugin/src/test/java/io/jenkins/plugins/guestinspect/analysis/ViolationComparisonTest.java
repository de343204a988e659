package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.policy.Severity;

import static io.jenkins.plugins.guestinspect.analysis.Fixtures.debian;
import static io.jenkins.plugins.guestinspect.analysis.Fixtures.details;
import static io.jenkins.plugins.guestinspect.analysis.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ViolationComparisonTest {
    private static final List<InspectionResult> AB = List.of(debian("a.qcow2", false), debian("b.qcow2", false));

    @Test
    void shouldMarkNewOutstandingAndFixedViolations() {
        ViolationComparison compared = ViolationComparison.of(List.of(
                        row("a.qcow2", "no-telnet", "error", "telnetd 0.17-42", "telnetd"),
                        row("b.qcow2", "no-vim", "warning", "vim 9.0", "vim")), AB,
                details(AB, List.of(row("a.qcow2", "no-telnet", "error", "telnetd 0.17-41", "telnetd"),
                        row("a.qcow2", "no-nano", "warning", "nano 7.2-1", "nano"))));

        assertThat(compared.violations()).extracting(ViolationRow::topic, ViolationRow::state).containsExactly(
                tuple("telnetd", ViolationState.OUTSTANDING), tuple("vim", ViolationState.NEW));
        assertThat(compared.fixed()).extracting(ViolationRow::topic, ViolationRow::state)
                .containsExactly(tuple("nano", ViolationState.FIXED));
        assertThat(compared.count(ViolationState.NEW, Severity.WARNING)).isEqualTo(1);
        assertThat(compared.count(ViolationState.FIXED, Severity.WARNING)).isEqualTo(1);
        assertThat(compared.referenceCount(Severity.ERROR)).isEqualTo(1);
        assertThat(compared.hasReference()).isTrue();
    }

    @Test
    void shouldTellTheSameRuleOnAnotherImageOrRootApart() {
        ViolationRow otherRoot = new ViolationRow("no-telnet", "error", "a.qcow2", "/dev/sda2", "telnetd 1",
                "forbidden", "", "telnetd", ViolationState.ACTIVE);
        ViolationComparison compared = ViolationComparison.of(List.of(
                row("b.qcow2", "no-telnet", "error", "telnetd 1", "telnetd"), otherRoot), AB,
                details(AB, List.of(row("a.qcow2", "no-telnet", "error", "telnetd 1", "telnetd"))));

        assertThat(compared.violations()).extracting(ViolationRow::state)
                .containsExactly(ViolationState.NEW, ViolationState.NEW);
        assertThat(compared.fixed()).hasSize(1);
    }

    @Test
    void shouldPairImagesBuiltIntoAnotherDirectoryAsThePackageChangesDo() {
        List<InspectionResult> before = List.of(debian("out/41/web.qcow2", false));
        List<InspectionResult> now = List.of(debian("out/42/web.qcow2", false));

        ViolationComparison compared = ViolationComparison.of(List.of(
                row("out/42/web.qcow2", "no-telnet", "error", "telnetd 2", "telnetd")), now,
                details(before, List.of(row("out/41/web.qcow2", "no-telnet", "error", "telnetd 1", "telnetd"),
                        row("out/41/web.qcow2", "no-nano", "info", "nano 1", "nano"))));

        assertThat(compared.violations()).extracting(ViolationRow::state).containsExactly(ViolationState.OUTSTANDING);
        assertThat(compared.fixed()).extracting(ViolationRow::image, ViolationRow::topic)
                .containsExactly(tuple("out/42/web.qcow2", "nano"));
    }

    @Test
    void shouldNotCallViolationsFixedWhenTheImageCouldNotBeInspected() {
        List<InspectionResult> now = List.of(Fixtures.failed("a.qcow2", FailureKind.TOOL_FAILURE));
        List<InspectionResult> before = List.of(debian("a.qcow2", false), debian("gone.qcow2", false));

        ViolationComparison compared = ViolationComparison.of(List.of(), now, details(before, List.of(
                row("a.qcow2", "no-telnet", "error", "telnetd"), row("gone.qcow2", "no-telnet", "error", "telnetd"))));

        assertThat(compared.fixed()).extracting(ViolationRow::image).containsExactly("gone.qcow2");
        assertThat(compared.referenceCount(Severity.ERROR)).isEqualTo(2);
    }

    @Test
    void shouldKeepWaivedViolationsOutOfNewAndFixed() {
        ViolationComparison compared = ViolationComparison.of(List.of(
                Fixtures.waived("a.qcow2", "no-telnet", "error", "telnetd")), AB,
                details(AB, List.of(row("a.qcow2", "no-telnet", "error", "telnetd"),
                        Fixtures.waived("b.qcow2", "no-nano", "error", "nano"))));

        assertThat(compared.violations()).extracting(ViolationRow::state).containsExactly(ViolationState.WAIVED);
        assertThat(compared.fixed()).isEmpty();
        assertThat(compared.active()).isEmpty();
        assertThat(compared.referenceCount(Severity.ERROR)).isEqualTo(1);
    }

    @Test
    void shouldMatchRepeatedViolationsOneByOne() {
        ViolationRow twin = row("a.qcow2", "no-libc", "error", "libc6 2.36", "libc6");

        ViolationComparison compared = ViolationComparison.of(List.of(twin, twin), AB, details(AB, List.of(twin)));

        assertThat(compared.violations()).extracting(ViolationRow::state)
                .containsExactly(ViolationState.OUTSTANDING, ViolationState.NEW);
    }

    @Test
    void shouldLeaveViolationsActiveWithoutReference() {
        ViolationComparison alone = ViolationComparison.withoutReference(List.of(
                row("a.qcow2", "no-telnet", "error", "telnetd")));

        assertThat(alone.hasReference()).isFalse();
        assertThat(alone.inState(ViolationState.ACTIVE)).hasSize(1);
        assertThat(alone.inState(ViolationState.NEW)).isEmpty();
        assertThat(alone.fixed()).isEmpty();
        assertThat(alone.referenceCount(Severity.ERROR)).isZero();
    }
}
