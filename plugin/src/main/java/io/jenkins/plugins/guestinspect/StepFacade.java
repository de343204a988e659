package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.guestinspect.analysis.AgentRequest;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.Verdict;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The plugin's only door to Jenkins while the step runs: the step context, the workspace, the build and the flow
 * node. {@link ImageInspection} talks to Jenkins only through this class, so its unit tests mock it; this class is
 * tested with mocked {@code StepContext}, {@code Run}, {@code FilePath}, {@code TaskListener} and {@code FlowNode}.
 */
public class StepFacade {
    private final StepContext context;

    public StepFacade(final StepContext context) {
        this.context = context;
    }

    public PrintStream logger() throws IOException, InterruptedException {
        return listener().getLogger();
    }

    private TaskListener listener() throws IOException, InterruptedException {
        return required(TaskListener.class);
    }

    private Run<?, ?> run() throws IOException, InterruptedException {
        return required(Run.class);
    }

    private FilePath workspace() throws IOException, InterruptedException {
        return required(FilePath.class);
    }

    private <T> T required(final Class<T> type) throws IOException, InterruptedException {
        T value = context.get(type);
        if (value == null) {
            throw new AbortException("inspectImages needs a " + type.getSimpleName()
                    + " here; run it inside node { } (or a Declarative stage with an agent)");
        }
        return value;
    }

    /** The files the Ant glob matches below the workspace, as paths relative to it ('/'-separated), sorted. */
    public List<String> findImages(final String glob) throws IOException, InterruptedException {
        FilePath workspace = workspace();
        String base = workspace.getRemote().replace('\\', '/');
        List<String> images = new ArrayList<>();
        for (FilePath image : workspace.list(glob)) {
            String remote = image.getRemote().replace('\\', '/');
            images.add(remote.startsWith(base + "/") ? remote.substring(base.length() + 1) : remote);
        }
        images.sort(null);
        return images;
    }

    /** A workspace file's text, empty when it does not exist. */
    public Optional<String> readWorkspaceFile(final String relative) throws IOException, InterruptedException {
        FilePath file = workspace().child(relative);
        if (!file.exists()) {
            return Optional.empty();
        }
        return Optional.of(file.readToString());
    }

    /** Writes a file below the workspace (creating its directory); returns its path on the node. */
    public String writeWorkspaceFile(final String relative, final byte[] content)
            throws IOException, InterruptedException {
        FilePath file = workspace().child(relative);
        FilePath parent = file.getParent();
        if (parent != null) {
            parent.mkdirs();
        }
        file.copyFrom(new ByteArrayInputStream(content));
        return file.getRemote();
    }

    /** Runs the inspection on the node that holds the workspace; the reply comes back as Smile bytes. */
    public byte[] inspectInWorkspace(final AgentRequest request) throws IOException, InterruptedException {
        return workspace().act(new InspectOnAgent(request, listener()));
    }

    /** The build's own folder, where the details are kept. */
    public Path buildDirectory() throws IOException, InterruptedException {
        return run().getRootDir().toPath();
    }

    /** Attaches (or replaces) the build's image inspection action; it writes the summary into the build folder. */
    public void attachSummary(final InspectionSummary summary) throws IOException, InterruptedException {
        Run<?, ?> run = run();
        run.addOrReplaceAction(new ImageInspectionBuildAction(run, summary));
    }

    /**
     * The violations of the closest earlier build with an image inspection: the reference for NEW and DELTA
     * gates. Empty when there is none.
     */
    public Optional<List<ViolationRow>> referenceViolations() throws IOException, InterruptedException {
        for (Run<?, ?> build = run().getPreviousBuild(); build != null; build = build.getPreviousBuild()) {
            if (build.getAction(ImageInspectionBuildAction.class) != null) {
                BuildDetails details = new DetailsStore().read(build.getRootDir().toPath());
                return Optional.of(details.violations());
            }
        }
        return Optional.empty();
    }

    /** Worsens the build result (never improves it); SUCCESS changes nothing. */
    public void setBuildResult(final Verdict.Outcome outcome) throws IOException, InterruptedException {
        if (outcome != Verdict.Outcome.SUCCESS) {
            run().setResult(result(outcome));
        }
    }

    /** Marks the stage (the flow node of this step) as Pipeline's stage view and Blue Ocean show it. */
    public void markStage(final Verdict.Outcome outcome, final String message)
            throws IOException, InterruptedException {
        if (outcome == Verdict.Outcome.SUCCESS) {
            return;
        }
        FlowNode node = context.get(FlowNode.class);
        if (node != null) {
            node.addOrReplaceAction(new WarningAction(result(outcome)).withMessage(message));
        }
    }

    static Result result(final Verdict.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> Result.SUCCESS;
            case UNSTABLE -> Result.UNSTABLE;
            case FAILURE -> Result.FAILURE;
        };
    }
}
