package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Mirror of jenkinsci/workflow-step-api-plugin src/main/java/org/jenkinsci/plugins/workflow/steps/StepExecution.java
 * (724.v538c2362b_dfb_, the version bom-2.541.x pins). As upstream, the constructor keeps the context and
 * {@link #getContext()} returns it, so that executions can be driven in unit tests; every other body throws.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StepContext context;

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    @NonNull
    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void onResume() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public String getStatus() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
