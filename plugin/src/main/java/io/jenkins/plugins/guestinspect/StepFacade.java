package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

import hudson.AbortException;
import hudson.FilePath;
import hudson.PluginWrapper;
import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.guestinspect.batch.AgentSource;
import io.jenkins.plugins.forensics.reference.ReferenceBuild;
import io.jenkins.plugins.guestinspect.agents.AgentSources;
import io.jenkins.plugins.guestinspect.agents.PrepareInWorkspace;
import io.jenkins.plugins.guestinspect.agents.StoreInWorkspace;
import io.jenkins.plugins.guestinspect.analysis.BuildLink;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.Reference;
import io.jenkins.plugins.guestinspect.analysis.Verdict;
import io.jenkins.plugins.guestinspect.remote.PrepareRequest;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import io.jenkins.plugins.guestinspect.remote.StoreRequest;
import jenkins.model.Jenkins;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.springframework.security.core.Authentication;

/**
 * The plugin's only door to Jenkins while the step runs: the step context, the workspace, the build and the flow
 * node, and the reference build (the only class that touches the optional forensics-api plugin).
 * {@link ImageInspection} talks to Jenkins only through this class, so its unit tests mock it; this class is
 * tested with mocked {@code StepContext}, {@code Run}, {@code FilePath}, {@code TaskListener}, {@code FlowNode} and
 * forensics-api's {@code ReferenceBuild}.
 */
public class StepFacade {
    /** The optional plugin whose {@code discoverReferenceBuild} step records a reference build. */
    static final String FORENSICS_PLUGIN = "forensics-api";
    private static final String PREFIX = "[guest-inspect] ";

    private final StepContext context;
    private final BooleanSupplier forensicsActive;
    private final AgentSources.Controller controller;

    public StepFacade(final StepContext context) {
        this(context, StepFacade::isForensicsActive, new Singletons());
    }

    /**
     * @param forensicsActive whether forensics-api is installed and active: its classes may only be touched then
     * @param controller      the controller's singletons the agents adapter needs
     */
    StepFacade(final StepContext context, final BooleanSupplier forensicsActive,
               final AgentSources.Controller controller) {
        this.context = context;
        this.forensicsActive = forensicsActive;
        this.controller = controller;
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

    /**
     * A workspace file's first bytes (at most {@code limit}, so a huge file costs no more than that), empty when it
     * does not exist.
     */
    public Optional<byte[]> readWorkspaceFile(final String relative, final int limit)
            throws IOException, InterruptedException {
        FilePath file = workspace().child(relative);
        if (!file.exists()) {
            return Optional.empty();
        }
        if (file.isDirectory()) {
            throw new AbortException("inspectImages: '" + relative + "' is a directory, not a file");
        }
        try (InputStream in = file.read()) {
            return Optional.of(in.readNBytes(limit));
        }
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

    /**
     * On the node that holds the workspace: hashes the images, serves what the workspace cache has, and checks the
     * rest with qemu-img.
     */
    public PreparedImages prepare(final PrepareRequest request) throws IOException, InterruptedException {
        return PreparedImages.decode(workspace().act(new PrepareInWorkspace(request)));
    }

    /**
     * On the node that holds the workspace: stores a batch's results in the workspace cache (at the end of the run,
     * what is left, and the run's hits and misses); returns what the cache warned about.
     */
    public List<String> store(final StoreRequest request, final List<String> fileQueries)
            throws IOException, InterruptedException {
        return workspace().act(new StoreInWorkspace(request, fileQueries));
    }

    /**
     * Where the appliances run: the workspace's node, or (with a label) executors the build queue grants for it.
     *
     * @param label       the step's {@code agents}; empty for the workspace's node
     * @param maxParallel appliances at once per node
     */
    public AgentSource agents(final String label, final int maxParallel, final PreparedImages prepared,
                              final long timeoutSeconds, final List<String> fileQueries)
            throws IOException, InterruptedException {
        return AgentSources.forStep(controller, label, maxParallel, workspace(), run(), listener(), prepared,
                timeoutSeconds, fileQueries);
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

    /** This build, as pages link to it. */
    public BuildLink currentBuild() throws IOException, InterruptedException {
        return link(run());
    }

    /**
     * The build this one is compared with, and what it found (read from its build folder now): the build that
     * {@code discoverReferenceBuild} (forensics-api, when installed) recorded, or the closest build before it with
     * an image inspection; without a recorded one, the previous completed build with an image inspection. Empty
     * when there is none, or when its details cannot be read (the log says why).
     */
    public Optional<Reference> referenceBuild() throws IOException, InterruptedException {
        Run<?, ?> run = run();
        PrintStream log = logger();
        Optional<Run<?, ?>> recorded = forensicsActive.getAsBoolean() ? Forensics.recordedReference(run, log)
                : Optional.empty();
        Optional<Run<?, ?>> found;
        String origin;
        if (recorded.isPresent()) {
            Run<?, ?> start = recorded.get();
            found = closestWithInspection(start);
            origin = found.filter(build -> build == start).isPresent() ? "recorded by discoverReferenceBuild"
                    : "the closest build with an image inspection before " + start.getFullDisplayName()
                    + ", which discoverReferenceBuild recorded";
            if (found.isEmpty()) {
                log.println(PREFIX + "discoverReferenceBuild recorded " + start.getFullDisplayName()
                        + ", but neither it nor an earlier build of its job has an image inspection");
            }
        }
        else {
            found = closestWithInspection(run.getPreviousCompletedBuild());
            origin = "the previous completed build with an image inspection";
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Run<?, ?> reference = found.get();
        try {
            return Optional.of(new Reference(link(reference), origin,
                    new DetailsStore().read(reference.getRootDir().toPath())));
        }
        catch (IOException exception) {
            log.println(PREFIX + "warning: cannot read the image inspection details of the reference build "
                    + reference.getFullDisplayName() + " (" + exception.getMessage() + "); comparing with none");
            return Optional.empty();
        }
    }

    private static Optional<Run<?, ?>> closestWithInspection(final Run<?, ?> start) {
        for (Run<?, ?> build = start; build != null; build = build.getPreviousCompletedBuild()) {
            if (build.getAction(ImageInspectionBuildAction.class) != null) {
                return Optional.of(build);
            }
        }
        return Optional.empty();
    }

    private static BuildLink link(final Run<?, ?> build) {
        return new BuildLink(build.getNumber(), build.getFullDisplayName(), build.getUrl());
    }

    /** Whether the optional forensics-api plugin is installed and enabled. */
    static boolean isForensicsActive() {
        PluginWrapper plugin = Jenkins.get().getPluginManager().getPlugin(FORENSICS_PLUGIN);
        return plugin != null && plugin.isActive();
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

    /** The controller's singletons, for the agents adapter: the only place they are looked up while a step runs. */
    private static final class Singletons implements AgentSources.Controller {
        @Override
        public Label label(final String expression) {
            return Jenkins.get().getLabel(expression);
        }

        @Override
        public Authentication authentication() {
            return Jenkins.getAuthentication2();
        }

        @Override
        public Queue queue() {
            return Queue.getInstance();
        }

        @Override
        public ScheduledExecutorService timer() {
            return Timer.get();
        }
    }

    /**
     * The only code that touches forensics-api, an optional dependency: its classes exist only when that plugin is
     * installed, and this class is loaded only after {@link #isForensicsActive()} said so.
     */
    private static final class Forensics {
        private Forensics() {
        }

        static Optional<Run<?, ?>> recordedReference(final Run<?, ?> run, final PrintStream log) {
            ReferenceBuild action = run.getAction(ReferenceBuild.class);
            if (action == null) {
                return Optional.empty();
            }
            if (!action.hasReferenceBuild()) {
                log.println(PREFIX + "discoverReferenceBuild found no reference build; using the previous completed"
                        + " build with an image inspection");
                return Optional.empty();
            }
            Optional<Run<?, ?>> reference = action.getReferenceBuild();
            if (reference.isEmpty()) {
                log.println(PREFIX + "the reference build " + action.getReferenceBuildId() + " that"
                        + " discoverReferenceBuild recorded no longer exists; using the previous completed build"
                        + " with an image inspection");
            }
            return reference;
        }
    }
}
