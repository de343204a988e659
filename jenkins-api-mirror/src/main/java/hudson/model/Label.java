package hudson.model;

import hudson.slaves.Cloud;
import java.util.Set;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Label.java (jenkins-2.541.3): the members the plugin uses. Upstream implements Comparable and ModelObjectWithChildren. */
public abstract class Label extends Actionable {
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
