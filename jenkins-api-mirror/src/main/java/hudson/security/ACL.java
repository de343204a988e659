package hudson.security;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java (jenkins-2.541.3): the members the plugin uses. Only the type: the plugin hands a job's ACL on. */
public abstract class ACL {
}
