package org.jenkinsci.plugins.workflow.actions;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Result;

/**
 * Mirror of jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/WarningAction.java
 * (1413.v2ff1a_5e720fa_).
 */
public class WarningAction implements PersistentAction {
    public WarningAction(@NonNull Result result) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public WarningAction withMessage(String message) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public Result getResult() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getMessage() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getIconFileName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getUrlName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
