package io.jenkins.plugins.util;

import java.io.Serializable;
import java.util.Collection;
import java.util.Optional;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Action;
import hudson.model.Run;
import jenkins.model.RunAction2;
import jenkins.tasks.SimpleBuildStep.LastBuildAction;

/**
 * Mirror of jenkinsci/plugin-util-api-plugin src/main/java/io/jenkins/plugins/util/BuildAction.java
 * (6.1192.v30fe6e2837ff, the version bom-2.541.x pins). Upstream's constructor writes the result with
 * {@code createXmlStream()} to {@code <build>/<getBuildResultBaseName()>}; the mirror only keeps owner and result,
 * and {@link #getOwner()}/{@link #getResult()} return them, so that actions can be used in unit tests.
 */
public abstract class BuildAction<T> implements LastBuildAction, RunAction2, Serializable {
    private static final long serialVersionUID = 1L;

    private transient Run<?, ?> owner;
    private final transient T result;

    protected BuildAction(final Run<?, ?> owner, final T result) {
        this.owner = owner;
        this.result = result;
    }

    public BuildAction(final Run<?, ?> owner, final T result, final boolean canSerialize) {
        this.owner = owner;
        this.result = result;
    }

    protected abstract AbstractXmlStream<T> createXmlStream();

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public void onAttached(final Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(final Run<?, ?> r) {
        owner = r;
    }

    protected Object readResolve() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    protected abstract JobAction<? extends BuildAction<T>> createProjectAction();

    public T getResult() {
        return result;
    }

    protected abstract String getBuildResultBaseName();

    public static <T extends BuildAction<?>> Optional<T> getBuildActionFromHistoryStartingFrom(
            @CheckForNull final Run<?, ?> baseline, final Class<T> buildActionClass) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
