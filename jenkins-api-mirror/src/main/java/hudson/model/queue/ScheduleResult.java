package hudson.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Queue.Item;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/queue/ScheduleResult.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class ScheduleResult {
    public boolean isCreated() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isRefused() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public @CheckForNull Item getItem() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final boolean isAccepted() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
