package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.slaves.Cloud;
import java.util.Set;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Label.java (jenkins-2.541.3): the members the plugin uses. Upstream implements Comparable and ModelObjectWithChildren. */
public abstract class Label extends Actionable {
    protected Label(@NonNull String name) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final String getName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public abstract String getExpression();

    public final boolean matches(Node n) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public Set<Node> getNodes() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public Set<Cloud> getClouds() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isEmpty() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
