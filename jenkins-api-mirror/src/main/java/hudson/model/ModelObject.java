package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/ModelObject.java (jenkins-2.541.3). */
public interface ModelObject {
    @CheckForNull
    String getDisplayName();
}
