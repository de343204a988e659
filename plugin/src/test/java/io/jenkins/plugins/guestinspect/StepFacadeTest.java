package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedConstruction;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;
import io.jenkins.plugins.guestinspect.analysis.Verdict.Outcome;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StepFacadeTest {
    private final StepContext context = mock(StepContext.class);
    private final FilePath workspace = mock(FilePath.class);
    private final Run<?, ?> run = mock(Run.class);

    @Test
    void shouldListImagesRelativeToTheWorkspace() throws Exception {
        when(context.get(FilePath.class)).thenReturn(workspace);
        when(workspace.getRemote()).thenReturn("/agent/ws");
        FilePath b = file("/agent/ws/out/b.qcow2");
        FilePath a = file("/agent/ws/out/a.qcow2");
        when(workspace.list("out/*.qcow2")).thenReturn(new FilePath[] {b, a});

        assertThat(new StepFacade(context).findImages("out/*.qcow2")).containsExactly("out/a.qcow2", "out/b.qcow2");
    }

    @Test
    void shouldTellWhereTheStepMustRunWhenThereIsNoWorkspace() {
        assertThatThrownBy(() -> new StepFacade(context).findImages("*.raw")).isInstanceOf(AbortException.class)
                .hasMessageContaining("FilePath").hasMessageContaining("node");
    }

    @Test
    void shouldReadAndWriteWorkspaceFiles() throws Exception {
        when(context.get(FilePath.class)).thenReturn(workspace);
        FilePath policy = mock(FilePath.class);
        FilePath missing = mock(FilePath.class);
        FilePath junit = mock(FilePath.class);
        FilePath directory = mock(FilePath.class);
        when(workspace.child("policy.yaml")).thenReturn(policy);
        when(workspace.child("absent.yaml")).thenReturn(missing);
        when(workspace.child("guest-inspect/junit.xml")).thenReturn(junit);
        when(policy.exists()).thenReturn(true);
        when(policy.readToString()).thenReturn("version: 1");
        when(junit.getParent()).thenReturn(directory);
        when(junit.getRemote()).thenReturn("/ws/guest-inspect/junit.xml");
        StepFacade facade = new StepFacade(context);

        assertThat(facade.readWorkspaceFile("policy.yaml")).hasValue("version: 1");
        assertThat(facade.readWorkspaceFile("absent.yaml")).isEmpty();
        assertThat(facade.writeWorkspaceFile("guest-inspect/junit.xml", new byte[] {1}))
                .isEqualTo("/ws/guest-inspect/junit.xml");
        verify(directory).mkdirs();
        verify(junit).copyFrom(any(ByteArrayInputStream.class));
    }

    @Test
    void shouldRunTheCallableWhereTheWorkspaceIs() throws Exception {
        TaskListener listener = mock(TaskListener.class);
        when(context.get(FilePath.class)).thenReturn(workspace);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(workspace.act(any(InspectOnAgent.class))).thenReturn(new byte[] {7});

        assertThat(new StepFacade(context).inspectInWorkspace(new io.jenkins.plugins.guestinspect.analysis
                .AgentRequest(List.of("a.qcow2"), 1, 1, 1, true, List.of()))).containsExactly(7);
    }

    @Test
    void shouldWorsenTheBuildResultOnly() throws Exception {
        when(context.get(Run.class)).thenReturn(mockRun());
        StepFacade facade = new StepFacade(context);

        facade.setBuildResult(Outcome.SUCCESS);
        verify(run, never()).setResult(any());

        facade.setBuildResult(Outcome.UNSTABLE);
        verify(run).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldMarkTheStageWithAWarningAction() throws Exception {
        FlowNode node = mock(FlowNode.class);
        when(context.get(FlowNode.class)).thenReturn(node);
        try (MockedConstruction<WarningAction> actions = mockConstruction(WarningAction.class,
                (action, construction) -> {
                    assertThat(List.<Object>copyOf(construction.arguments())).containsExactly(Result.FAILURE);
                    when(action.withMessage("gate failed")).thenReturn(action);
                })) {
            new StepFacade(context).markStage(Outcome.FAILURE, "gate failed");
            new StepFacade(context).markStage(Outcome.SUCCESS, "nothing");

            assertThat(actions.constructed()).hasSize(1);
            verify(node).addOrReplaceAction(actions.constructed().get(0));
        }
    }

    @Test
    void shouldLogToTheBuildLog() throws Exception {
        TaskListener listener = mock(TaskListener.class);
        PrintStream logger = new PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        when(listener.getLogger()).thenReturn(logger);
        when(context.get(TaskListener.class)).thenReturn(listener);

        assertThat(new StepFacade(context).logger()).isSameAs(logger);
    }

    @Test
    void shouldFindTheReferenceViolationsInTheClosestEarlierInspection(@TempDir final Path folders)
            throws Exception {
        Run<?, ?> current = mockRun();
        Run previous = mock(Run.class);
        Run older = mock(Run.class);
        when(context.get(Run.class)).thenReturn(current);
        when(current.getPreviousBuild()).thenReturn(previous);
        when(previous.getPreviousBuild()).thenReturn(older);
        when(older.getAction(ImageInspectionBuildAction.class)).thenReturn(mock(ImageInspectionBuildAction.class));
        File olderFolder = folders.resolve("7").toFile();
        when(older.getRootDir()).thenReturn(olderFolder);
        new DetailsStore().write(olderFolder.toPath(), new BuildDetails(List.of(), List.of(Fixtures.row("a.qcow2",
                "no-telnet", "error", "telnetd")), List.of()));

        assertThat(new StepFacade(context).referenceViolations()).hasValueSatisfying(rows ->
                assertThat(rows).extracting(r -> r.ruleId()).containsExactly("no-telnet"));
    }

    @Test
    void shouldHaveNoReferenceForTheFirstInspection() throws Exception {
        when(context.get(Run.class)).thenReturn(mockRun());

        assertThat(new StepFacade(context).referenceViolations()).isEmpty();
    }

    @Test
    void shouldAttachTheSummaryAction() throws Exception {
        when(context.get(Run.class)).thenReturn(mockRun());

        new StepFacade(context).attachSummary(io.jenkins.plugins.guestinspect.analysis.InspectionSummary.empty());

        ArgumentCaptor<ImageInspectionBuildAction> action = ArgumentCaptor.forClass(ImageInspectionBuildAction.class);
        verify(run).addOrReplaceAction(action.capture());
        assertThat(action.getValue().getOwner()).isSameAs(run);
        assertThat(action.getValue().getUrlName()).isEqualTo("guest-inspect");
    }

    private Run<?, ?> mockRun() {
        return run;
    }

    private static FilePath file(final String remote) {
        FilePath file = mock(FilePath.class);
        when(file.getRemote()).thenReturn(remote);
        return file;
    }
}
