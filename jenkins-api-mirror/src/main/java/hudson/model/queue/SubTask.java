package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.ResourceActivity;
import java.io.IOException;
import jenkins.model.queue.ITask;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/queue/SubTask.java (jenkins-2.541.3): the members the plugin uses. */
public interface SubTask extends ResourceActivity, ITask {
    default Label getAssignedLabel() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Deprecated
    default Node getLastBuiltOn() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    default long getEstimatedDuration() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    Queue.Executable createExecutable() throws IOException;

    default @NonNull Queue.Task getOwnerTask() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    default @CheckForNull Queue.Executable getOwnerExecutable() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    default Object getSameNodeConstraint() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    default String getUrl() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
