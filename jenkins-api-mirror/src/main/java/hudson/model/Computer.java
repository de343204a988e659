package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Computer.java (jenkins-2.541.3): the members the plugin uses. Upstream implements AccessControlled, IComputer and more. */
public abstract class Computer extends Actionable {
    protected Computer(Node node) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public abstract @CheckForNull VirtualChannel getChannel();

    public @NonNull String getName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public Node getNode() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final boolean isOnline() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
