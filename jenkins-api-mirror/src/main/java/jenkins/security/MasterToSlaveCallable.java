package jenkins.security;

import jenkins.agents.ControllerToAgentCallable;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/security/MasterToSlaveCallable.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class MasterToSlaveCallable<V, T extends Throwable> implements ControllerToAgentCallable<V, T> {
    private static final long serialVersionUID = 1L;
}
