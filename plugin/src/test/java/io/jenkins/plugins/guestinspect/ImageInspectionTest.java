package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import hudson.AbortException;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.jenkins.plugins.guestinspect.analysis.AgentReply;
import io.jenkins.plugins.guestinspect.analysis.AgentRequest;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.BuildLink;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;
import io.jenkins.plugins.guestinspect.analysis.GateType;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.Reference;
import io.jenkins.plugins.guestinspect.analysis.Verdict.Outcome;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;
import io.jenkins.plugins.guestinspect.analysis.ViolationState;
import io.jenkins.plugins.util.QualityGate.QualityGateCriticality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ImageInspectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final StepFacade jenkins = mock(StepFacade.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    @TempDir
    private Path build;

    @BeforeEach
    void setUp() throws Exception {
        when(jenkins.logger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(jenkins.buildDirectory()).thenReturn(build);
        when(jenkins.referenceBuild()).thenReturn(Optional.empty());
        when(jenkins.currentBuild()).thenReturn(new BuildLink(2, "images #2", "job/images/2/"));
        when(jenkins.writeWorkspaceFile(anyString(), any())).thenReturn("/ws/guest-inspect/junit.xml");
    }

    @Test
    void shouldInspectEvaluateAndFailTheBuildOnPolicyErrorsByDefault() throws Exception {
        when(jenkins.findImages("out/*.qcow2")).thenReturn(List.of("out/a.qcow2", "out/b.qcow2"));
        when(jenkins.readWorkspaceFile("policy.yaml")).thenReturn(Optional.of(Fixtures.POLICY));
        reply(Fixtures.debian("out/a.qcow2", false, "telnetd"), Fixtures.debian("out/b.qcow2", true, "bash"));
        InspectImagesStep step = new InspectImagesStep("out/*.qcow2");
        step.setPolicy("policy.yaml");
        step.setMaxParallel(2);

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        ArgumentCaptor<AgentRequest> request = ArgumentCaptor.forClass(AgentRequest.class);
        verify(jenkins).inspectInWorkspace(request.capture());
        assertThat(request.getValue().images()).containsExactly("out/a.qcow2", "out/b.qcow2");
        assertThat(request.getValue().jobs()).isEqualTo(2);
        assertThat(request.getValue().batchSize()).isEqualTo(4);
        assertThat(request.getValue().timeoutSeconds()).isEqualTo(1800);

        ArgumentCaptor<byte[]> junit = ArgumentCaptor.forClass(byte[].class);
        verify(jenkins).writeWorkspaceFile(eq("guest-inspect/junit.xml"), junit.capture());
        assertThat(new String(junit.getValue(), StandardCharsets.UTF_8)).contains("no-telnet")
                .contains("<failure");

        ArgumentCaptor<InspectionSummary> summary = ArgumentCaptor.forClass(InspectionSummary.class);
        verify(jenkins).attachSummary(summary.capture());
        assertThat(summary.getValue().getErrors()).isEqualTo(1);
        assertThat(summary.getValue().getFailedGates()).singleElement().satisfies(gate ->
                assertThat(gate.getMessage()).contains("Total error violations >= 1 (FAILURE)")
                        .contains("out/a.qcow2").contains("rule no-telnet"));
        assertThat(new DetailsStore().read(build).violations()).hasSize(1);

        verify(jenkins).setBuildResult(Outcome.FAILURE);
        verify(jenkins).markStage(eq(Outcome.FAILURE), contains("rule no-telnet"));
        assertThat(returned).containsEntry("result", "FAILURE").containsEntry("images", 2)
                .containsEntry("cacheHits", 1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("2 image(s) match 'out/*.qcow2', policy"
                + " policy.yaml (2 rules), cache on").contains("JUnit XML: /ws/guest-inspect/junit.xml");
    }

    @Test
    void shouldApplyConfiguredGates() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        when(jenkins.readWorkspaceFile("p.yaml")).thenReturn(Optional.of(Fixtures.POLICY));
        reply(Fixtures.debian("a.qcow2", false, "nano"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setPolicy("p.yaml");
        step.setQualityGates(List.of(new ImageQualityGate(1, GateType.TOTAL_WARNING,
                QualityGateCriticality.UNSTABLE), new ImageQualityGate(1, GateType.NEW_ERROR,
                QualityGateCriticality.FAILURE)));

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
        verify(jenkins).markStage(eq(Outcome.UNSTABLE), contains("rule no-nano"));
        assertThat(returned).containsEntry("result", "UNSTABLE");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("New error violations >= 1 (FAILURE): SKIPPED");
    }

    @Test
    void shouldClassifyViolationsAndListPackageChangesAgainstTheReferenceBuild() throws Exception {
        InspectionResult before = Fixtures.debianWith("a.qcow2", "telnetd=0.17-41", "openssl=3.0.11-1");
        BuildDetails reference = Fixtures.details(List.of(before), List.of(
                Fixtures.row("a.qcow2", "no-telnet", "error", "telnetd 0.17-41", "telnetd")));
        when(jenkins.referenceBuild()).thenReturn(Optional.of(new Reference(new BuildLink(1, "images #1",
                "job/images/1/"), "the previous completed build with an image inspection", reference)));
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        when(jenkins.readWorkspaceFile("p.yaml")).thenReturn(Optional.of(Fixtures.POLICY));
        reply(Fixtures.debianWith("a.qcow2", "telnetd=0.17-42", "openssl=3.0.13-1", "nano=7.2-1"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setPolicy("p.yaml");
        step.setQualityGates(List.of(new ImageQualityGate(1, GateType.NEW_ERROR, QualityGateCriticality.FAILURE),
                new ImageQualityGate(1, GateType.NEW_WARNING, QualityGateCriticality.UNSTABLE)));

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
        verify(jenkins).markStage(eq(Outcome.UNSTABLE), contains("rule no-nano"));
        assertThat(returned).containsEntry("result", "UNSTABLE")
                .containsEntry("newViolations", Map.of("error", 0, "warning", 1, "info", 0))
                .containsEntry("packageChanges", Map.of("added", 1, "removed", 0, "upgraded", 2, "downgraded", 0));
        BuildDetails stored = new DetailsStore().read(build);
        assertThat(stored.violations()).extracting(ViolationRow::ruleId, ViolationRow::state).containsExactly(
                tuple("no-telnet", ViolationState.OUTSTANDING), tuple("no-nano", ViolationState.NEW));
        assertThat(stored.packageChangesOf("a.qcow2")).hasSize(3);
        ArgumentCaptor<InspectionSummary> summary = ArgumentCaptor.forClass(InspectionSummary.class);
        verify(jenkins).attachSummary(summary.capture());
        assertThat(summary.getValue().getComparison()).hasValueSatisfying(comparison ->
                assertThat(comparison.getReference().getNumber()).isEqualTo(1));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("reference build images #1 (the previous completed"
                + " build with an image inspection): 1 new, 0 fixed violation(s); packages: 1 added, 0 removed,"
                + " 2 upgraded, 0 downgraded").contains("New error violations >= 1 (FAILURE): PASSED");
    }

    @Test
    void shouldSayThatThereIsNoReferenceBuild() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        reply(Fixtures.debian("a.qcow2", false, "bash"));

        Map<String, Object> returned = new ImageInspection(jenkins, new InspectImagesStep("*.qcow2"), CLOCK).run();

        assertThat(returned).containsEntry("referenceBuild", Map.of());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no reference build");
    }

    @Test
    void shouldPublishEverythingAndThenFailWhenLibguestfsCannotRun() throws Exception {
        when(jenkins.findImages("*.raw")).thenReturn(List.of("a.raw"));
        reply(Fixtures.failed("a.raw", FailureKind.TOOL_FAILURE));

        assertThatThrownBy(() -> new ImageInspection(jenkins, new InspectImagesStep("*.raw"), CLOCK).run())
                .isInstanceOf(AbortException.class).hasMessageContaining("1 image(s) could not be inspected")
                .hasMessageContaining("libguestfs");

        verify(jenkins).attachSummary(any());
        verify(jenkins).setBuildResult(Outcome.FAILURE);
        verify(jenkins).writeWorkspaceFile(eq("guest-inspect/junit.xml"), any());
    }

    @Test
    void shouldBeUnstableInsteadOfFailingWhenFailOnErrorIsOff() throws Exception {
        when(jenkins.findImages("*.raw")).thenReturn(List.of("a.raw"));
        reply(Fixtures.failed("a.raw", FailureKind.CORRUPT));
        InspectImagesStep step = new InspectImagesStep("*.raw");
        step.setFailOnError(false);

        assertThat(new ImageInspection(jenkins, step, CLOCK).run()).containsEntry("result", "UNSTABLE");
        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
    }

    @Test
    void shouldFailFastWithoutImages() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of());

        assertThatThrownBy(() -> new ImageInspection(jenkins, new InspectImagesStep("*.qcow2"), CLOCK).run())
                .isInstanceOf(AbortException.class).hasMessageContaining("no file in the workspace matches");
        verify(jenkins, never()).inspectInWorkspace(any());
    }

    @Test
    void shouldFailFastOnAMissingOrMalformedPolicy() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        when(jenkins.readWorkspaceFile("missing.yaml")).thenReturn(Optional.empty());
        when(jenkins.readWorkspaceFile("bad.yaml")).thenReturn(Optional.of("version: 1\nrulez: []\n"));
        InspectImagesStep missing = new InspectImagesStep("*.qcow2");
        missing.setPolicy("missing.yaml");
        InspectImagesStep bad = new InspectImagesStep("*.qcow2");
        bad.setPolicy("bad.yaml");

        assertThatThrownBy(() -> new ImageInspection(jenkins, missing, CLOCK).run())
                .hasMessageContaining("'missing.yaml' is not in the workspace");
        assertThatThrownBy(() -> new ImageInspection(jenkins, bad, CLOCK).run())
                .hasMessageContaining("malformed policy").hasMessageContaining("rulez");
        verify(jenkins, never()).inspectInWorkspace(any());
    }

    @Test
    void shouldSayThatAgentsAreNotSpreadYet() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        reply(Fixtures.debian("a.qcow2", false, "bash"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setAgents("kvm && linux");

        assertThat(new ImageInspection(jenkins, step, CLOCK).run()).containsEntry("result", "SUCCESS");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("agents: 'kvm && linux' is not used yet");
        verify(jenkins).setBuildResult(Outcome.SUCCESS);
    }

    private void reply(final InspectionResult... results) throws Exception {
        when(jenkins.inspectInWorkspace(any())).thenReturn(new AgentReply("agent-1", List.of(results), List.of(),
                1234).encode());
    }
}
