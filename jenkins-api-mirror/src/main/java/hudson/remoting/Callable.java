package hudson.remoting;

import java.io.Serializable;

import org.jenkinsci.remoting.RoleSensitive;

/** Mirror of jenkinsci/remoting src/main/java/hudson/remoting/Callable.java (remoting 3355.v388858a_47b_33). */
public interface Callable<V, T extends Throwable> extends Serializable, RoleSensitive {
    V call() throws T;
}
