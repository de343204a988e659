package hudson.model;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java (jenkins-2.541.3;
 * {@code @Deprecated(since = "2.505")} upstream, still the base of workflow's Step).
 */
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
