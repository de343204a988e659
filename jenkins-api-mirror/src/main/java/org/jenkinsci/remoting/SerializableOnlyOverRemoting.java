package org.jenkinsci.remoting;

import java.io.Serializable;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/SerializableOnlyOverRemoting.java (remoting 3352.v17a_fb_4b_2773f, as core 2.541.3 bundles it). */
public interface SerializableOnlyOverRemoting extends Serializable {
}
