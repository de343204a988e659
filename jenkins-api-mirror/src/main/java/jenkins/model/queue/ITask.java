package jenkins.model.queue;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import jenkins.model.FullyNamedModelObject;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/model/queue/ITask.java (jenkins-2.541.3): the members the plugin uses. */
public interface ITask extends FullyNamedModelObject {
    default boolean hasAbortPermission() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    default boolean hasReadPermission() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    default String getFullDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    String getUrl();
}
