package hudson.model;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/AbstractDescribableImpl.java (jenkins-2.541.3; still
 * the base of workflow's Step). Empty as upstream since 2.505: {@code getDescriptor()} is Describable's default.
 */
@Deprecated(since = "2.505")
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
