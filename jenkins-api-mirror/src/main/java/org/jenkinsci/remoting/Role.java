package org.jenkinsci.remoting;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/Role.java (remoting 3355.v388858a_47b_33). */
public final class Role {
    public Role(String name) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
