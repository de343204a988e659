package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Executor.java (jenkins-2.541.3): the members the plugin uses. Upstream extends Thread and implements ModelObject and IExecutor, which the
 * plugin never needs.
 */
public class Executor {
    private Executor() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public @NonNull Computer getOwner() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static @CheckForNull Executor currentExecutor() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
