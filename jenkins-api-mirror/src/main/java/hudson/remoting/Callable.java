package hudson.remoting;

import java.io.Serializable;

import org.jenkinsci.remoting.RoleSensitive;

/** Mirror of jenkinsci/remoting src/main/java/hudson/remoting/Callable.java (remoting 3352.v17a_fb_4b_2773f, as core 2.541.3 bundles it). */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
