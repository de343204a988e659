package hudson.remoting;

import java.io.IOException;

/**
 * Mirror of jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java (remoting 3355.v388858a_47b_33);
 * only the members the plugin could use.
 */
public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    void close() throws IOException;
}
