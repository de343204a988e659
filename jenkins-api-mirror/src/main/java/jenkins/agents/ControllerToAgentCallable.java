package jenkins.agents;

import hudson.remoting.Callable;
import org.jenkinsci.remoting.RoleChecker;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentCallable.java (jenkins-2.541.3): the members the plugin uses. */
public interface ControllerToAgentCallable<V, T extends Throwable> extends Callable<V, T> {
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
