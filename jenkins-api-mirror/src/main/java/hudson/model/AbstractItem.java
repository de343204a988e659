package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractItem.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class AbstractItem extends Actionable implements Item {
    /** Not upstream's (which takes an ItemGroup): for Job only; no public no-argument constructor, as upstream. */
    AbstractItem() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final String getFullName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public final String getUrl() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
