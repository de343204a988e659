package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Descriptor.java (jenkins-2.541.3): the members the
 * plugin uses. The protected constructor does nothing here (upstream infers the described class), so that
 * descriptors can be created in unit tests.
 */
public abstract class Descriptor<T extends Describable<T>> implements Saveable {
    protected Descriptor() {
    }

    protected Descriptor(Class<? extends T> clazz) {
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void load() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
