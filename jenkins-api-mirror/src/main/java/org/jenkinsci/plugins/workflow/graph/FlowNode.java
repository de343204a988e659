package org.jenkinsci.plugins.workflow.graph;

import java.io.IOException;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;

/**
 * Mirror of jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/graph/FlowNode.java
 * (1413.v2ff1a_5e720fa_): the members the plugin uses.
 */
public abstract class FlowNode extends Actionable implements Saveable {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private FlowNode() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final <T extends Action> T getPersistentAction(@NonNull Class<T> type) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
