package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/jenkins/util/Timer.java (jenkins-2.541.3): the members the plugin
 * uses.
 */
public class Timer {
    private Timer() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public static synchronized ScheduledExecutorService get() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
