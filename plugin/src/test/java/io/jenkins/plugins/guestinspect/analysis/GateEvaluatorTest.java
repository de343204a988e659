package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.model.InspectionResult;

import static io.jenkins.plugins.guestinspect.analysis.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GateEvaluatorTest {
    private static final List<InspectionResult> IMAGES = List.of(Fixtures.debian("a.qcow2", false),
            Fixtures.debian("b.qcow2", false));

    private final GateEvaluator evaluator = new GateEvaluator();

    @Test
    void shouldFailTotalGateAndNameGateImageAndRule() {
        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(1, GateType.TOTAL_ERROR, Criticality.FAILURE)), uncompared(
                        row("a.qcow2", "no-telnet", "error", "telnetd 1.0-1"),
                        row("a.qcow2", "no-nano", "warning", "nano 1.0-1")));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.isFailed()).isTrue();
            assertThat(outcome.getValue()).isEqualTo(1);
            assertThat(outcome.getMessage()).contains("Total error violations >= 1 (FAILURE)")
                    .contains("a.qcow2").contains("rule no-telnet").contains("telnetd 1.0-1")
                    .doesNotContain("no-nano");
        });
    }

    @Test
    void shouldPassBelowThresholdAndIgnoreWaivedViolations() {
        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(2, GateType.TOTAL_ERROR, Criticality.FAILURE)), uncompared(
                        row("a.qcow2", "no-telnet", "error", "telnetd"),
                        Fixtures.waived("a.qcow2", "no-telnet", "error", "telnetd")));

        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.getState()).isEqualTo(GateOutcome.State.PASSED);
            assertThat(outcome.getValue()).isEqualTo(1);
            assertThat(outcome.getMessage()).isEmpty();
        });
    }

    @Test
    void shouldSkipNewAndDeltaGatesWithoutReference() {
        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(1, GateType.NEW_ERROR, Criticality.UNSTABLE),
                        new GateSpec(1, GateType.DELTA_WARNING, Criticality.UNSTABLE)),
                uncompared(row("a.qcow2", "no-telnet", "error", "telnetd")));

        assertThat(outcomes).extracting(GateOutcome::getState)
                .containsExactly(GateOutcome.State.SKIPPED, GateOutcome.State.SKIPPED);
        assertThat(outcomes.get(0).getMessage()).contains("no reference build");
    }

    @Test
    void shouldCountOnlyViolationsTheReferenceDidNotHave() {
        ViolationComparison compared = ViolationComparison.of(List.of(
                row("a.qcow2", "no-telnet", "error", "telnetd"), row("b.qcow2", "no-telnet", "error", "telnetd")),
                IMAGES, Fixtures.details(IMAGES, List.of(row("a.qcow2", "no-telnet", "error", "telnetd"))));

        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(1, GateType.NEW_ERROR, Criticality.FAILURE),
                        new GateSpec(2, GateType.DELTA_ERROR, Criticality.FAILURE)), compared);

        assertThat(outcomes.get(0).isFailed()).isTrue();
        assertThat(outcomes.get(0).getValue()).isEqualTo(1);
        assertThat(outcomes.get(0).getMessage()).contains("b.qcow2").doesNotContain("a.qcow2:");
        assertThat(outcomes.get(1).isFailed()).isFalse();
        assertThat(outcomes.get(1).getValue()).isEqualTo(1);
    }

    @Test
    void shouldLetDeltaFallBelowZeroWhenViolationsWereFixed() {
        ViolationComparison compared = ViolationComparison.of(List.of(), IMAGES, Fixtures.details(IMAGES, List.of(
                row("a.qcow2", "no-telnet", "error", "telnetd"), row("b.qcow2", "no-telnet", "error", "telnetd"))));

        GateOutcome delta = evaluator.evaluate(List.of(new GateSpec(1, GateType.DELTA_ERROR, Criticality.FAILURE)),
                compared).get(0);

        assertThat(delta.getState()).isEqualTo(GateOutcome.State.PASSED);
        assertThat(delta.getValue()).isEqualTo(-2);
    }

    @Test
    void shouldListAtMostFiveCulprits() {
        ViolationComparison many = ViolationComparison.withoutReference(IntStream.range(0, 8)
                .mapToObj(i -> row("img" + i + ".qcow2", "no-telnet", "error", "telnetd")).toList());

        GateOutcome outcome = evaluator.evaluate(List.of(new GateSpec(1, GateType.TOTAL_ERROR,
                Criticality.FAILURE)), many).get(0);

        assertThat(outcome.getMessage()).contains("img4.qcow2").doesNotContain("img5.qcow2").endsWith("and 3 more");
    }

    @Test
    void shouldRefuseThresholdBelowOne() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GateSpec(0, GateType.TOTAL_ERROR, Criticality.NOTE));
    }

    private static ViolationComparison uncompared(final ViolationRow... rows) {
        return ViolationComparison.withoutReference(List.of(rows));
    }
}
