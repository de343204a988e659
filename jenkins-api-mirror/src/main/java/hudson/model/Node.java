package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.FilePath;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Node.java (jenkins-2.541.3): the members the plugin uses. Upstream extends AbstractModelObject and implements ReconfigurableDescribable,
 * ExtensionPoint, AccessControlled, OnMaster and PersistenceRoot, which the plugin never needs.
 */
public abstract class Node {
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public abstract String getNodeName();

    @CheckForNull
    public final Computer toComputer() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public abstract String getLabelString();

    public abstract @CheckForNull FilePath getRootPath();
}
