package hudson.slaves;

import hudson.model.Actionable;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/slaves/Cloud.java (jenkins-2.541.3): the members the plugin uses. Only the type: the plugin asks a label whether any cloud can provision for it.
 * Upstream implements ExtensionPoint, Describable and AccessControlled.
 */
public abstract class Cloud extends Actionable {
    protected Cloud(String name) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
