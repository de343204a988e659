package hudson.model;

import java.io.PrintStream;

import edu.umd.cs.findbugs.annotations.NonNull;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/TaskListener.java (jenkins-2.541.3): the members the plugin uses. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    @NonNull
    PrintStream getLogger();
}
