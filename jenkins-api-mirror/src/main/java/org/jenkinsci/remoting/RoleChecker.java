package org.jenkinsci.remoting;

import java.util.Collection;

/** Mirror of jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java (remoting 3352.v17a_fb_4b_2773f, as core 2.541.3 bundles it). */
public abstract class RoleChecker {
    public abstract void check(RoleSensitive subject, Collection<Role> expected) throws SecurityException;
}
