package io.jenkins.plugins.util;

import java.util.Optional;

import hudson.model.Action;
import hudson.model.Job;

/**
 * Mirror of jenkinsci/plugin-util-api-plugin src/main/java/io/jenkins/plugins/util/JobAction.java
 * (6.1192.v30fe6e2837ff, the version bom-2.541.x pins). {@code doIndex(StaplerRequest2, StaplerResponse2)} is left out
 * (Stapler calls it; the plugin does not). The constructor keeps its arguments and the getters return them.
 */
public abstract class JobAction<T extends BuildAction<?>> implements Action {
    private final Job<?, ?> owner;
    private final Class<T> buildActionClass;

    protected JobAction(final Job<?, ?> owner, final Class<T> buildActionClass) {
        this.owner = owner;
        this.buildActionClass = buildActionClass;
    }

    public Job<?, ?> getOwner() {
        return owner;
    }

    protected Class<T> getBuildActionClass() {
        return buildActionClass;
    }

    public Optional<T> getLatestAction() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
