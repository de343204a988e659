package io.jenkins.plugins.guestinspect.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValidationTest {
    @Test
    void shouldAcceptRelativeGlobsOnly() {
        assertThat(Validation.images("out/**/*.qcow2")).isEmpty();
        assertThat(Validation.images("")).hasValueSatisfying(m -> assertThat(m).contains("Ant glob"));
        assertThat(Validation.images("/srv/a.qcow2")).hasValueSatisfying(m -> assertThat(m).contains("relative"));
        assertThat(Validation.images("C:\\images\\a.vmdk")).isPresent();
        assertThat(Validation.images("../other/*.raw")).hasValueSatisfying(m -> assertThat(m).contains(".."));
    }

    @Test
    void shouldCheckPolicyPathsAndRanges() {
        assertThat(Validation.policy(null)).isEmpty();
        assertThat(Validation.policy("policy.yaml")).isEmpty();
        assertThat(Validation.policy("../policy.yaml")).isPresent();
        assertThat(Validation.range("batchSize", " 4 ", 64)).isEmpty();
        assertThat(Validation.range("batchSize", "0", 64)).hasValue("batchSize must be between 1 and 64.");
        assertThat(Validation.range("batchSize", "four", 64)).hasValue("batchSize must be a whole number.");
        assertThat(Validation.checked("timeout", 30, 60)).isEqualTo(30);
        assertThatIllegalArgumentException().isThrownBy(() -> Validation.checked("timeout", 61, 60))
                .withMessage("timeout must be between 1 and 60.");
    }
}
