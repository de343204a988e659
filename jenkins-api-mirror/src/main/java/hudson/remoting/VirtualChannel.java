package hudson.remoting;

import java.io.IOException;

/**
 * Mirror of jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java (remoting 3352.v17a_fb_4b_2773f, as core 2.541.3 bundles it);
 * only the members the plugin could use.
 */
public interface VirtualChannel {
    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    void close() throws IOException;
}
