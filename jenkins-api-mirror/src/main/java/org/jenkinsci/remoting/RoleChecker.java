package org.jenkinsci.remoting;

import java.util.Collection;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java (remoting 3355.v388858a_47b_33). */
public abstract class RoleChecker {
    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
