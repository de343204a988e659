package jenkins.agents;

import hudson.FilePath;
import org.jenkinsci.remoting.RoleChecker;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentFileCallable.java (jenkins-2.541.3; since 2.485). */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
