package jenkins.tasks;

import java.util.Collection;

import hudson.model.Action;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/jenkins/tasks/SimpleBuildStep.java (jenkins-2.541.3): only the
 * nested {@code LastBuildAction}; upstream SimpleBuildStep extends BuildStep and declares perform(..), which the
 * plugin neither implements nor calls.
 */
public interface SimpleBuildStep {
    /** Mirror of {@code SimpleBuildStep.LastBuildAction}. */
    interface LastBuildAction extends Action {
        Collection<? extends Action> getProjectActions();
    }
}
