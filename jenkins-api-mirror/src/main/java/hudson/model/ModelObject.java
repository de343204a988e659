package hudson.model;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/ModelObject.java (jenkins-2.541.3). */
public interface ModelObject {
    String getDisplayName();
}
