package hudson;

import hudson.model.ModelObject;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/PluginWrapper.java (jenkins-2.541.3): the members the plugin
 * uses and those its interfaces require.
 */
public class PluginWrapper implements Comparable<PluginWrapper>, ModelObject {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private PluginWrapper() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    /** True when the plugin is enabled for this session. */
    public boolean isActive() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public int compareTo(final PluginWrapper other) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
