package hudson.remoting;

import java.io.Serializable;

/** Mirror of jenkinsci/remoting src/main/java/hudson/remoting/SerializableOnlyOverRemoting.java (remoting 3355.v388858a_47b_33). */
public interface SerializableOnlyOverRemoting extends Serializable {
}
