package io.jenkins.plugins.guestinspect;

import java.util.List;

import org.junit.jupiter.api.Test;

import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.labels.LabelExpression;
import hudson.util.FormValidation;
import org.mockito.MockedStatic;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.guestinspect.analysis.Criticality;
import io.jenkins.plugins.guestinspect.analysis.GateSpec;
import io.jenkins.plugins.guestinspect.analysis.GateType;
import io.jenkins.plugins.util.QualityGate.QualityGateCriticality;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.when;

class InspectImagesStepTest {
    @Test
    void shouldValidateTheAgentsLabelWithJenkinsOwnCheckForWhoeverMayConfigureTheJob() {
        Job<?, ?> job = mock(Job.class);
        FormValidation verdict = mock(FormValidation.class);
        FormValidation ok = mock(FormValidation.class);
        InspectImagesStep.DescriptorImpl descriptor = new InspectImagesStep.DescriptorImpl();
        try (MockedStatic<LabelExpression> labels = mockStatic(LabelExpression.class);
             MockedStatic<FormValidation> forms = mockStatic(FormValidation.class)) {
            labels.when(() -> LabelExpression.validate("kvm && linux", job)).thenReturn(verdict);
            forms.when(FormValidation::ok).thenReturn(ok);
            when(job.hasPermission(Item.CONFIGURE)).thenReturn(true);

            assertThat(descriptor.doCheckAgents(job, "kvm && linux")).isSameAs(verdict);

            when(job.hasPermission(Item.CONFIGURE)).thenReturn(false);
            assertThat(descriptor.doCheckAgents(job, "kvm && linux")).as("no label facts without CONFIGURE")
                    .isSameAs(ok);
            labels.verify(() -> LabelExpression.validate("kvm && linux", job));
        }
    }

    @Test
    void shouldHaveCompactDefaults() {
        InspectImagesStep step = new InspectImagesStep(" out/*.qcow2 ");

        assertThat(step.getImages()).isEqualTo("out/*.qcow2");
        assertThat(step.getAgents()).isEmpty();
        assertThat(step.getPolicy()).isEmpty();
        assertThat(step.isCache()).isTrue();
        assertThat(step.getMaxParallel()).isEqualTo(1);
        assertThat(step.getBatchSize()).isEqualTo(4);
        assertThat(step.getTimeout()).isEqualTo(1800);
        assertThat(step.isFailOnError()).isTrue();
        assertThat(step.getQualityGates()).isNull();
    }

    @Test
    void shouldRefuseBadParameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InspectImagesStep(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new InspectImagesStep("/abs/*.raw"));
        InspectImagesStep step = new InspectImagesStep("*.raw");
        assertThatIllegalArgumentException().isThrownBy(() -> step.setBatchSize(0))
                .withMessageContaining("batchSize");
        assertThatIllegalArgumentException().isThrownBy(() -> step.setMaxParallel(65));
        assertThatIllegalArgumentException().isThrownBy(() -> step.setTimeout(0));
        assertThatIllegalArgumentException().isThrownBy(() -> step.setPolicy("../p.yaml"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ImageQualityGate(0, GateType.TOTAL_ERROR,
                QualityGateCriticality.NOTE));
    }

    @Test
    void shouldKeepSettersAndGates() {
        InspectImagesStep step = new InspectImagesStep("*.raw");
        step.setAgents(" kvm ");
        step.setPolicy("policy.yaml");
        step.setCache(false);
        step.setBatchSize(8);
        step.setTimeout(60);
        step.setFailOnError(false);
        step.setQualityGates(List.of(new ImageQualityGate(2, GateType.NEW_WARNING, QualityGateCriticality.NOTE)));

        assertThat(step.getAgents()).isEqualTo("kvm");
        assertThat(step.getPolicy()).isEqualTo("policy.yaml");
        assertThat(step.isCache()).isFalse();
        assertThat(step.getBatchSize()).isEqualTo(8);
        assertThat(step.getTimeout()).isEqualTo(60);
        assertThat(step.isFailOnError()).isFalse();
        assertThat(step.getQualityGates()).singleElement().satisfies(gate -> {
            assertThat(gate.getThreshold()).isEqualTo(2);
            assertThat(gate.getType()).isEqualTo(GateType.NEW_WARNING);
            assertThat(gate.getCriticality()).isEqualTo(QualityGateCriticality.NOTE);
            assertThat(gate.toSpec()).isEqualTo(new GateSpec(2, GateType.NEW_WARNING, Criticality.NOTE));
        });
    }

    @Test
    void shouldMapEveryCriticalityByName() {
        for (QualityGateCriticality criticality : QualityGateCriticality.values()) {
            assertThat(new ImageQualityGate(1, null, criticality).toSpec().criticality().name())
                    .isEqualTo(criticality.name());
        }
        assertThat(new ImageQualityGate(1, null, null).getCriticality()).isEqualTo(QualityGateCriticality.UNSTABLE);
    }

    @Test
    void shouldDescribeTheStep() {
        InspectImagesStep.DescriptorImpl descriptor = new InspectImagesStep.DescriptorImpl();

        assertThat(descriptor.getFunctionName()).isEqualTo("inspectImages");
        assertThat(descriptor.getDisplayName()).contains("guest-inspect");
        assertThat(new java.util.HashSet<Object>(descriptor.getRequiredContext())).containsExactlyInAnyOrder(Run.class, TaskListener.class,
                FilePath.class, FlowNode.class);
        assertThat(new InspectImagesStep("*.raw").start(mock(StepContext.class)))
                .isInstanceOf(InspectImagesStep.Execution.class);
    }
}
