package io.jenkins.plugins.util;

import hudson.model.Result;

/** Mirror of jenkinsci/plugin-util-api-plugin src/main/java/io/jenkins/plugins/util/QualityGateStatus.java (6.1192.v30fe6e2837ff, the version bom-2.541.x pins). */
public enum QualityGateStatus {
    INACTIVE, PASSED, NOTE, WARNING, ERROR, FAILED;

    public String getIconClass() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getDescription() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isSuccessful() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public Result getResult() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public boolean isWorseThan(final QualityGateStatus other) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
