package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/MasterToSlaveFileCallable.java (jenkins-2.541.3). */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
    private static final long serialVersionUID = 1L;
}
