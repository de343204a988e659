package io.jenkins.plugins.util;

import java.io.Serializable;

import hudson.model.AbstractDescribableImpl;

/**
 * Mirror of jenkinsci/plugin-util-api-plugin src/main/java/io/jenkins/plugins/util/QualityGate.java
 * (6.1192.v30fe6e2837ff, the version bom-2.541.x pins): the class and its nested {@link QualityGateCriticality}, which
 * the plugin uses as the vocabulary of its own gates (the remote-API classes and the descriptor are left out).
 */
@SuppressWarnings("deprecation")
public abstract class QualityGate extends AbstractDescribableImpl<QualityGate> implements Serializable {
    private static final long serialVersionUID = 1L;

    protected QualityGate() {
    }

    public final void setCriticality(final QualityGateCriticality criticality) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public abstract String getName();

    public final double getThreshold() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final QualityGateCriticality getCriticality() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final QualityGateStatus getStatus() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    /** Mirror of {@code QualityGate.QualityGateCriticality}: the constants, in upstream order. */
    public enum QualityGateCriticality {
        /** The stage will be marked with a warning. */
        NOTE,
        /** The stage and the build will be marked as unstable. */
        UNSTABLE,
        /** The stage will be marked as failed. */
        ERROR,
        /** The stage and the build will be marked as failed. */
        FAILURE;

        public QualityGateStatus getStatus() {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }
}
