package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.jenkins.plugins.guestinspect.analysis.Verdict.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {
    @ParameterizedTest
    @CsvSource({"NOTE, SUCCESS, UNSTABLE", "UNSTABLE, UNSTABLE, UNSTABLE", "ERROR, SUCCESS, FAILURE",
            "FAILURE, FAILURE, FAILURE"})
    void shouldMapCriticalityToBuildAndStage(final Criticality criticality, final Outcome build,
                                             final Outcome stage) {
        Verdict verdict = Verdict.of(List.of(failed(criticality)), 0, 0, true);

        assertThat(verdict.build()).isEqualTo(build);
        assertThat(verdict.stage()).isEqualTo(stage);
        assertThat(verdict.messages()).containsExactly("gate failed: a.qcow2 rule r");
        assertThat(verdict.abort()).isEmpty();
    }

    @Test
    void shouldStaySuccessfulWhenGatesPass() {
        Verdict verdict = Verdict.of(List.of(new GateOutcome("g", GateOutcome.State.PASSED, Criticality.FAILURE,
                0, "")), 0, 0, true);

        assertThat(verdict.build()).isEqualTo(Outcome.SUCCESS);
        assertThat(verdict.stage()).isEqualTo(Outcome.SUCCESS);
        assertThat(verdict.messages()).isEmpty();
    }

    @Test
    void shouldFailTheStepWhenImagesFailed() {
        Verdict verdict = Verdict.of(List.of(), 2, 2, true);

        assertThat(verdict.build()).isEqualTo(Outcome.FAILURE);
        assertThat(verdict.abort()).hasValueSatisfying(message ->
                assertThat(message).contains("2 image(s) could not be inspected").contains("libguestfs"));
    }

    @Test
    void shouldNeverBeGreenWhenImagesFailedWithoutFailOnError() {
        Verdict verdict = Verdict.of(List.of(), 1, 0, false);

        assertThat(verdict.build()).isEqualTo(Outcome.UNSTABLE);
        assertThat(verdict.stage()).isEqualTo(Outcome.UNSTABLE);
        assertThat(verdict.abort()).isEmpty();
    }

    private static GateOutcome failed(final Criticality criticality) {
        return new GateOutcome("g", GateOutcome.State.FAILED, criticality, 1, "gate failed: a.qcow2 rule r");
    }
}
