package org.jenkinsci.remoting;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleSensitive.java (remoting 3355.v388858a_47b_33). */
public interface RoleSensitive {
    void checkRoles(RoleChecker checker) throws SecurityException;
}
