package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java (jenkins-2.541.3): the members the plugin uses. */
public interface AccessControlled {
    @NonNull
    ACL getACL();

    default void checkPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    default boolean hasPermission(@NonNull Permission permission) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
