package hudson.model;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/ResourceActivity.java (jenkins-2.541.3): the members the plugin uses. */
public interface ResourceActivity extends ModelObject {
    default ResourceList getResourceList() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
