package org.jenkinsci.remoting;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/Role.java (remoting 3352.v17a_fb_4b_2773f, as core 2.541.3 bundles it). */
public final class Role {
    public Role(String name) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
