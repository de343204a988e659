package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ExtensionPoint;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Queue.BuildableItem;
import hudson.model.Queue.Task;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/queue/QueueTaskDispatcher.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class QueueTaskDispatcher implements ExtensionPoint {
    @Deprecated
    public @CheckForNull CauseOfBlockage canTake(Node node, Task task) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public @CheckForNull CauseOfBlockage canTake(Node node, BuildableItem item) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public @CheckForNull CauseOfBlockage canRun(Queue.Item item) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
