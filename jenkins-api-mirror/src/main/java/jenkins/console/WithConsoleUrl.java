package jenkins.console;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/console/WithConsoleUrl.java (jenkins-2.541.3): the members the plugin uses. */
public interface WithConsoleUrl {
    @CheckForNull
    String getConsoleUrl();
}
