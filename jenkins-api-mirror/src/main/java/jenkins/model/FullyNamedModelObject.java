package jenkins.model;

import hudson.model.ModelObject;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/model/FullyNamedModelObject.java (jenkins-2.541.3): the members the plugin uses. */
public interface FullyNamedModelObject extends ModelObject {
    String getFullDisplayName();
}
