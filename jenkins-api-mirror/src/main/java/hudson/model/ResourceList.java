package hudson.model;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/ResourceList.java (jenkins-2.541.3): the members the plugin uses. */
public final class ResourceList {
    public static final ResourceList EMPTY = new ResourceList();
}
