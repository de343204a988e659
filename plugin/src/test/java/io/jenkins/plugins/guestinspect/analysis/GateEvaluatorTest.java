package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static io.jenkins.plugins.guestinspect.analysis.Fixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

class GateEvaluatorTest {
    private final GateEvaluator evaluator = new GateEvaluator();

    @Test
    void shouldFailTotalGateAndNameGateImageAndRule() {
        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(1, GateType.TOTAL_ERROR, Criticality.FAILURE)),
                List.of(row("a.qcow2", "no-telnet", "error", "telnetd 1.0-1"),
                        row("a.qcow2", "no-nano", "warning", "nano 1.0-1")), Optional.empty());

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
        ViolationRow waived = new ViolationRow("no-telnet", "error", "a.qcow2", "", "telnetd", "forbidden",
                "until 2030-01-01: legacy");
        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(2, GateType.TOTAL_ERROR, Criticality.FAILURE)),
                List.of(row("a.qcow2", "no-telnet", "error", "telnetd"), waived), Optional.empty());

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
                List.of(row("a.qcow2", "no-telnet", "error", "telnetd")), Optional.empty());

        assertThat(outcomes).extracting(GateOutcome::getState)
                .containsExactly(GateOutcome.State.SKIPPED, GateOutcome.State.SKIPPED);
        assertThat(outcomes.get(0).getMessage()).contains("no earlier build");
    }

    @Test
    void shouldCountOnlyViolationsTheReferenceDidNotHave() {
        List<ViolationRow> reference = List.of(row("a.qcow2", "no-telnet", "error", "telnetd"));
        List<ViolationRow> current = List.of(row("a.qcow2", "no-telnet", "error", "telnetd"),
                row("b.qcow2", "no-telnet", "error", "telnetd"));

        List<GateOutcome> outcomes = evaluator.evaluate(
                List.of(new GateSpec(1, GateType.NEW_ERROR, Criticality.FAILURE),
                        new GateSpec(2, GateType.DELTA_ERROR, Criticality.FAILURE)), current,
                Optional.of(reference));

        assertThat(outcomes.get(0).isFailed()).isTrue();
        assertThat(outcomes.get(0).getValue()).isEqualTo(1);
        assertThat(outcomes.get(0).getMessage()).contains("b.qcow2").doesNotContain("a.qcow2:");
        assertThat(outcomes.get(1).isFailed()).isFalse();
        assertThat(outcomes.get(1).getValue()).isEqualTo(1);
    }

    @Test
    void shouldListAtMostFiveCulprits() {
        List<ViolationRow> many = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> row("img" + i + ".qcow2", "no-telnet", "error", "telnetd")).toList();

        GateOutcome outcome = evaluator.evaluate(List.of(new GateSpec(1, GateType.TOTAL_ERROR,
                Criticality.FAILURE)), many, Optional.empty()).get(0);

        assertThat(outcome.getMessage()).contains("img4.qcow2").doesNotContain("img5.qcow2").endsWith("and 3 more");
    }

    @Test
    void shouldRefuseThresholdBelowOne() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new GateSpec(0, GateType.TOTAL_ERROR, Criticality.NOTE));
    }
}
