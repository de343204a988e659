package jenkins.model;

import java.util.Collection;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.Action;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/model/TransientActionFactory.java (jenkins-2.541.3). */
public abstract class TransientActionFactory<T> implements ExtensionPoint {
    public abstract Class<T> type();

    @NonNull
    public abstract Collection<? extends Action> createFor(@NonNull T target);
}
