package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/PluginManager.java (jenkins-2.541.3): the members the plugin
 * uses. Upstream extends AbstractModelObject and implements OnMaster, StaplerOverridable and StaplerProxy; the
 * mirror declares none of them.
 */
public abstract class PluginManager {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private PluginManager() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public PluginWrapper getPlugin(String shortName) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
