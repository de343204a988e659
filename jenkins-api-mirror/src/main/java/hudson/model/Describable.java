package hudson.model;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Describable.java (jenkins-2.541.3; default method since 2.505). */
public interface Describable<T extends Describable<T>> {
    default Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
