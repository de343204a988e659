package hudson.security;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (jenkins-2.541.3): the members the plugin uses. Only the type. */
public final class Permission {
    private Permission() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
