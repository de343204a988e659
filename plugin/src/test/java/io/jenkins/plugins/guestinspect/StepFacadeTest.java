package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedConstruction;
import org.mockito.MockedStatic;

import hudson.AbortException;
import hudson.FilePath;
import hudson.PluginManager;
import hudson.PluginWrapper;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.forensics.reference.ReferenceBuild;
import io.jenkins.plugins.guestinspect.agents.AgentSources;
import io.jenkins.plugins.guestinspect.agents.PrepareInWorkspace;
import io.jenkins.plugins.guestinspect.agents.StoreInWorkspace;
import io.jenkins.plugins.guestinspect.analysis.BuildLink;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;
import io.jenkins.plugins.guestinspect.analysis.Reference;
import io.jenkins.plugins.guestinspect.analysis.Verdict.Outcome;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;
import io.jenkins.plugins.guestinspect.remote.PrepareRequest;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import io.jenkins.plugins.guestinspect.remote.StoreRequest;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class StepFacadeTest {
    private final StepContext context = mock(StepContext.class);
    private final FilePath workspace = mock(FilePath.class);
    private final Run<?, ?> run = mock(Run.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

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
        when(policy.read()).thenAnswer(invocation -> new ByteArrayInputStream("version: 1 and more".getBytes(
                StandardCharsets.UTF_8)));
        when(junit.getParent()).thenReturn(directory);
        when(junit.getRemote()).thenReturn("/ws/guest-inspect/junit.xml");
        StepFacade facade = new StepFacade(context);

        assertThat(facade.readWorkspaceFile("policy.yaml", 10)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("version: 1"));
        assertThat(facade.readWorkspaceFile("absent.yaml", 10)).isEmpty();
        assertThat(facade.writeWorkspaceFile("guest-inspect/junit.xml", new byte[] {1}))
                .isEqualTo("/ws/guest-inspect/junit.xml");
        verify(directory).mkdirs();
        verify(junit).copyFrom(any(ByteArrayInputStream.class));
    }

    @Test
    void shouldPrepareAndStoreWhereTheWorkspaceIs() throws Exception {
        when(context.get(FilePath.class)).thenReturn(workspace);
        PreparedImages prepared = new PreparedImages("/ws", "agent-1", List.of("/ws/a.qcow2"), Map.of(),
                io.github.guestinspect.cache.CacheLookups.uncached(List.of(Path.of("/ws/a.qcow2"))), List.of(),
                Map.of(), Map.of(), List.of("memo is read-only"), 3);
        when(workspace.act(any(PrepareInWorkspace.class))).thenReturn(prepared.encode());
        when(workspace.act(any(StoreInWorkspace.class))).thenReturn(new java.util.ArrayList<>(List.of("full")));
        StepFacade facade = new StepFacade(context);

        assertThat(facade.prepare(new PrepareRequest(List.of("a.qcow2"), true, List.of()))).isEqualTo(prepared);
        assertThat(facade.store(StoreRequest.batch(prepared.lookups(), List.of(Fixtures.debian("/ws/a.qcow2",
                false, "bash"))), List.of())).containsExactly("full");
    }

    @Test
    void shouldWorsenTheBuildResultOnly() throws Exception {
        mockRun();
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
    void shouldTakeThePreviousCompletedBuildWithAnInspectionAsReference(@TempDir final Path folders)
            throws Exception {
        Run<?, ?> current = mockRun();
        Run previous = mock(Run.class);
        Run older = inspected(folders, 7);
        when(current.getPreviousCompletedBuild()).thenReturn(previous);
        when(previous.getPreviousCompletedBuild()).thenReturn(older);

        Optional<Reference> reference = facade(false).referenceBuild();

        assertThat(reference).hasValueSatisfying(found -> {
            assertThat(found.build()).isEqualTo(new BuildLink(7, "images #7", "job/images/7/"));
            assertThat(found.origin()).isEqualTo("the previous completed build with an image inspection");
            assertThat(found.details().violations()).extracting(ViolationRow::ruleId).containsExactly("no-telnet");
        });
        verify(current, never()).getAction(ReferenceBuild.class);
    }

    @Test
    void shouldPreferTheBuildDiscoverReferenceBuildRecorded(@TempDir final Path folders) throws Exception {
        Run<?, ?> current = mockRun();
        Run main = inspected(folders, 12);
        recordReference(current, Optional.of(main));

        assertThat(facade(true).referenceBuild()).hasValueSatisfying(found -> {
            assertThat(found.build().getNumber()).isEqualTo(12);
            assertThat(found.origin()).isEqualTo("recorded by discoverReferenceBuild");
        });
        verify(current, never()).getPreviousCompletedBuild();
    }

    @Test
    void shouldGoBackFromTheRecordedBuildToTheClosestOneWithAnInspection(@TempDir final Path folders)
            throws Exception {
        Run<?, ?> current = mockRun();
        Run recorded = mock(Run.class);
        when(recorded.getFullDisplayName()).thenReturn("images » main #12");
        Run older = inspected(folders, 11);
        when(recorded.getPreviousCompletedBuild()).thenReturn(older);
        recordReference(current, Optional.of(recorded));

        assertThat(facade(true).referenceBuild()).hasValueSatisfying(found -> {
            assertThat(found.build().getNumber()).isEqualTo(11);
            assertThat(found.origin()).contains("before images » main #12, which discoverReferenceBuild recorded");
        });
    }

    @Test
    void shouldHaveNoReferenceWhenNothingFromTheRecordedBuildBackHasAnInspection() throws Exception {
        Run<?, ?> current = mockRun();
        Run recorded = mock(Run.class);
        when(recorded.getFullDisplayName()).thenReturn("images » main #12");
        recordReference(current, Optional.of(recorded));

        assertThat(facade(true).referenceBuild()).isEmpty();
        assertThat(log()).contains("discoverReferenceBuild recorded images » main #12, but neither it nor an"
                + " earlier build of its job has an image inspection");
    }

    @Test
    void shouldFallBackToThePreviousBuildWhenDiscoverReferenceBuildFoundNoneOrItWasDeleted(
            @TempDir final Path folders) throws Exception {
        Run<?, ?> current = mockRun();
        Run previous = inspected(folders, 4);
        when(current.getPreviousCompletedBuild()).thenReturn(previous);
        ReferenceBuild none = mock(ReferenceBuild.class);
        when(current.getAction(ReferenceBuild.class)).thenReturn(none);

        assertThat(facade(true).referenceBuild()).hasValueSatisfying(found ->
                assertThat(found.build().getNumber()).isEqualTo(4));
        assertThat(log()).contains("discoverReferenceBuild found no reference build");

        ReferenceBuild deleted = recordReference(current, Optional.empty());
        when(deleted.getReferenceBuildId()).thenReturn("images#3");

        assertThat(facade(true).referenceBuild()).hasValueSatisfying(found ->
                assertThat(found.build().getNumber()).isEqualTo(4));
        assertThat(log()).contains("the reference build images#3 that discoverReferenceBuild recorded no longer"
                + " exists");
    }

    @Test
    void shouldHaveNoReferenceForTheFirstInspection() throws Exception {
        mockRun();

        assertThat(facade(true).referenceBuild()).isEmpty();
    }

    @Test
    void shouldCompareWithNoneWhenTheReferenceDetailsCannotBeRead(@TempDir final Path folders) throws Exception {
        Run<?, ?> current = mockRun();
        Run previous = inspected(folders, 5);
        Files.write(folders.resolve("5").resolve(DetailsStore.FILE_NAME), new byte[] {1, 2, 3});
        when(current.getPreviousCompletedBuild()).thenReturn(previous);

        assertThat(facade(false).referenceBuild()).isEmpty();
        assertThat(log()).contains("cannot read the image inspection details of the reference build images #5");
    }

    @Test
    void shouldAskThePluginManagerWhetherForensicsIsActive() {
        Jenkins jenkins = mock(Jenkins.class);
        PluginManager plugins = mock(PluginManager.class);
        PluginWrapper forensics = mock(PluginWrapper.class);
        when(jenkins.getPluginManager()).thenReturn(plugins);
        try (MockedStatic<Jenkins> singleton = mockStatic(Jenkins.class)) {
            singleton.when(Jenkins::get).thenReturn(jenkins);

            assertThat(StepFacade.isForensicsActive()).isFalse();

            when(plugins.getPlugin("forensics-api")).thenReturn(forensics);
            assertThat(StepFacade.isForensicsActive()).isFalse();

            when(forensics.isActive()).thenReturn(true);
            assertThat(StepFacade.isForensicsActive()).isTrue();
        }
    }

    @Test
    void shouldLinkThisBuild() throws Exception {
        Run<?, ?> current = mockRun();
        when(current.getNumber()).thenReturn(42);
        when(current.getFullDisplayName()).thenReturn("images #42");
        when(current.getUrl()).thenReturn("job/images/42/");

        assertThat(new StepFacade(context).currentBuild()).isEqualTo(new BuildLink(42, "images #42",
                "job/images/42/"));
    }

    @Test
    void shouldAttachTheSummaryAction() throws Exception {
        mockRun();

        new StepFacade(context).attachSummary(io.jenkins.plugins.guestinspect.analysis.InspectionSummary.empty());

        ArgumentCaptor<ImageInspectionBuildAction> action = ArgumentCaptor.forClass(ImageInspectionBuildAction.class);
        verify(run).addOrReplaceAction(action.capture());
        assertThat(action.getValue().getOwner()).isSameAs(run);
        assertThat(action.getValue().getUrlName()).isEqualTo("guest-inspect");
    }

    private Run<?, ?> mockRun() throws Exception {
        when(context.get(Run.class)).thenReturn(run);
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(context.get(TaskListener.class)).thenReturn(listener);
        return run;
    }

    private StepFacade facade(final boolean forensicsActive) {
        return new StepFacade(context, () -> forensicsActive, mock(AgentSources.Controller.class));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** A build with an image inspection whose details (one violation) are in its folder. */
    @SuppressWarnings("rawtypes")
    private static Run inspected(final Path folders, final int number) throws Exception {
        Run build = mock(Run.class);
        when(build.getAction(ImageInspectionBuildAction.class)).thenReturn(mock(ImageInspectionBuildAction.class));
        when(build.getNumber()).thenReturn(number);
        when(build.getFullDisplayName()).thenReturn("images #" + number);
        when(build.getUrl()).thenReturn("job/images/" + number + "/");
        File folder = folders.resolve(String.valueOf(number)).toFile();
        when(build.getRootDir()).thenReturn(folder);
        new DetailsStore().write(folder.toPath(), Fixtures.details(List.of(), List.of(Fixtures.row("a.qcow2",
                "no-telnet", "error", "telnetd"))));
        return build;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static ReferenceBuild recordReference(final Run<?, ?> current, final Optional<Run> reference) {
        ReferenceBuild action = mock(ReferenceBuild.class);
        when(action.hasReferenceBuild()).thenReturn(true);
        when(action.getReferenceBuild()).thenReturn((Optional) reference);
        when(current.getAction(ReferenceBuild.class)).thenReturn(action);
        return action;
    }

    private static FilePath file(final String remote) {
        FilePath file = mock(FilePath.class);
        when(file.getRemote()).thenReturn(remote);
        return file;
    }
}
