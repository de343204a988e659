package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/PluginManager.java (jenkins-2.541.3): the members the plugin
 * uses. Upstream extends AbstractModelObject and implements OnMaster, StaplerOverridable and StaplerProxy; the
 * mirror declares none of them.
 */
public abstract class PluginManager {
    @CheckForNull
    public PluginWrapper getPlugin(String shortName) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
