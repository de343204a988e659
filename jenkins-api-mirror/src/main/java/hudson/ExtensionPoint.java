package hudson;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/ExtensionPoint.java (jenkins-2.541.3); marker interface. */
public interface ExtensionPoint {
}
