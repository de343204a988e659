package jenkins.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.PluginManager;
import hudson.model.Label;
import org.springframework.security.core.Authentication;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (jenkins-2.541.3): the members the plugin
 * uses. Upstream extends AbstractCIBase and implements many interfaces the plugin never needs; the mirror declares
 * neither.
 */
public class Jenkins {
    /** Not upstream's: keeps Java from adding a public no-argument constructor, which upstream does not have. */
    private Jenkins() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @NonNull
    public PluginManager getPluginManager() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @CheckForNull
    public Label getLabel(String expr) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static @NonNull Authentication getAuthentication2() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
