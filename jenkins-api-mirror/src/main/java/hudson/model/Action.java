package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Action.java (jenkins-2.541.3). The default methods
 * added in 2.568 (getDescription, getGroup, ...) are not part of 2.541.3.
 */
public interface Action extends ModelObject {
    @CheckForNull
    String getIconFileName();

    @Override
    @CheckForNull
    String getDisplayName();

    @CheckForNull
    String getUrlName();
}
