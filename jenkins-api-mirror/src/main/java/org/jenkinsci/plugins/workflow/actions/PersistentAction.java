package org.jenkinsci.plugins.workflow.actions;

import hudson.model.Action;

/** Mirror of jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/actions/PersistentAction.java (1413.v2ff1a_5e720fa_). */
public interface PersistentAction extends Action {
}
