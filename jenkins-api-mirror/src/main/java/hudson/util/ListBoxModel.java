package hudson.util;

import java.util.ArrayList;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java (jenkins-2.541.3): the members the
 * plugin uses. Upstream also implements {@code org.kohsuke.stapler.HttpResponse} (left out).
 */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    /** Mirror of {@code ListBoxModel.Option}. */
    public static final class Option {
        public Option(@NonNull String name, @NonNull String value) {
            throw new UnsupportedOperationException("compile-time mirror");
        }
    }
}
