package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.ScheduleResult;
import hudson.model.queue.SubTask;
import hudson.security.ACL;
import jenkins.console.WithConsoleUrl;
import jenkins.model.FullyNamedModelObject;
import jenkins.model.queue.AsynchronousExecution;
import org.springframework.security.core.Authentication;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Queue.java (jenkins-2.541.3): the members the plugin uses. Upstream extends ResourceController and implements Saveable, which the plugin
 * never needs; the mirror declares neither. The nested types keep upstream's abstract and default members exactly.
 */
public class Queue {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private Queue() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static Queue getInstance() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public ScheduleResult schedule2(Task p, int quietPeriod, Action... actions) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean cancel(Task p) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public Item getItem(Task t) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    /** Upstream: a task that is not persisted across restarts. */
    public interface TransientTask extends Task {
    }

    public interface Task extends FullyNamedModelObject, SubTask {
        @Deprecated
        default boolean isBuildBlocked() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @Deprecated
        default String getWhyBlocked() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @CheckForNull
        default CauseOfBlockage getCauseOfBlockage() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        String getName();

        default String getAffinityKey() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        default void checkAbortPermission() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @Override
        String getUrl();

        default boolean isConcurrentBuild() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        default java.util.Collection<? extends SubTask> getSubTasks() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        default @NonNull Authentication getDefaultAuthentication2() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        default @NonNull Authentication getDefaultAuthentication2(Queue.Item item) {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }

    public interface Executable extends Runnable, WithConsoleUrl {
        @NonNull
        SubTask getParent();

        default @CheckForNull Executable getParentExecutable() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @Override
        void run() throws AsynchronousExecution;

        default long getEstimatedDuration() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @Override
        default String getConsoleUrl() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        @Override
        String toString();
    }

    /** Upstream extends Actionable and implements QueueItem; its constructors are not for plugins. */
    public abstract static class Item extends Actionable {
        @NonNull
        public final Task task;

        Item() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        public long getId() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        /** Upstream overrides QueueItem's, which the mirror leaves out. */
        @NonNull
        public Task getTask() {
            throw new UnsupportedOperationException("compile-time mirror");
        }

        public final String getWhy() {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }

    public abstract static class NotWaitingItem extends Item {
        NotWaitingItem() {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }

    public static final class BuildableItem extends NotWaitingItem {
        private BuildableItem() {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }

    public static final class WaitingItem extends Item {
        private WaitingItem() {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }
}
