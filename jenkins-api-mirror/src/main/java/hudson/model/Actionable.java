package hudson.model;

import java.util.List;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Actionable.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class Actionable {
    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public <T extends Action> List<T> getActions(Class<T> type) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean removeActions(@NonNull Class<? extends Action> clazz) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
