package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.github.guestinspect.batch.AgentSource;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import org.springframework.security.core.Authentication;

/**
 * Where a step's appliances run. Without a label: on the node that holds the workspace, {@code maxParallel} at once
 * (the build holds that node's executor already). With a label: on executors the build queue grants for it, one
 * slot each, at most {@code maxParallel} per node, plus the workspace's node directly when it has the label.
 */
public final class AgentSources {
    /** Below each node's root: a directory per agent for the images shipped to it, deleted when it is done. */
    static final String INCOMING = "guest-inspect/incoming";

    private AgentSources() {
    }

    /**
     * What the adapter needs of the controller itself: the singletons, which the step facade reaches (and unit
     * tests replace with mocks).
     */
    public interface Controller {
        /** The label of an expression ({@code Jenkins.get().getLabel}); null when it is not one. */
        @CheckForNull
        Label label(String expression);

        /** Who runs the step ({@code Jenkins.getAuthentication2()}, on the step's thread): its queue tasks run so. */
        Authentication authentication();

        /** The build queue ({@code Queue.getInstance()}). */
        Queue queue();

        /** The controller's timer for background checks ({@code jenkins.util.Timer.get()}). */
        ScheduledExecutorService timer();
    }

    /**
     * @param jenkins        the controller
     * @param label          the label expression; empty for the workspace's node alone
     * @param maxParallel    appliances at once per node
     * @param workspace      the workspace
     * @param run            the build (queue tasks show as part of it)
     * @param listener       the build log
     * @param prepared       what the workspace's node found
     * @param timeoutSeconds the limit per appliance
     * @param fileQueries    the policy's paths and globs
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    public static AgentSource forStep(final Controller jenkins, final String label, final int maxParallel,
                                      final FilePath workspace, final Run<?, ?> run, final TaskListener listener,
                                      final PreparedImages prepared, final long timeoutSeconds,
                                      final List<String> fileQueries) throws IOException {
        NodeAgent.Batches batches = new NodeAgent.Batches(prepared, timeoutSeconds, fileQueries, listener);
        Optional<Node> workspaceNode = Optional.ofNullable(workspace.toComputer()).map(Computer::getNode);
        String workspaceName = workspaceNode.map(Node::getNodeName).orElse("");
        NodeAgent local = new NodeAgent(QueueAgentSource.displayName(workspaceName), maxParallel, workspace,
                new ImageShipping(workspace, null), batches);
        if (label.isBlank()) {
            return AgentSource.of(List.of(local));
        }
        Label wanted = jenkins.label(label);
        if (wanted == null) {
            throw new IOException("'" + label + "' is not a label expression");
        }
        Authentication authentication = jenkins.authentication();
        Optional<QueueAgentSource.Direct> direct = workspaceNode.filter(wanted::matches)
                .map(node -> new QueueAgentSource.Direct(local, workspaceName));
        return new QueueAgentSource(new JenkinsSlotQueue(wanted, jenkins.queue()),
                (slots, number) -> new SlotTask(slots, wanted, run, authentication, number),
                (grant, name) -> new NodeAgent(name, 1, grant.root(), new ImageShipping(workspace,
                        grant.root().child(INCOMING).child(UUID.randomUUID().toString())), batches),
                direct, maxParallel, label, listener.getLogger(), ticker(jenkins.timer()));
    }

    /** Wall-clock time, and checks on the controller's timer until the lease stops them. */
    static QueueAgentSource.Ticker ticker(final ScheduledExecutorService timer) {
        return new QueueAgentSource.Ticker() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public Runnable every(final Duration period, final Runnable check) {
                ScheduledFuture<?> checks = timer.scheduleWithFixedDelay(check, period.toMillis(),
                        period.toMillis(), TimeUnit.MILLISECONDS);
                return () -> checks.cancel(false);
            }
        };
    }
}
