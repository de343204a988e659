package hudson.model.queue;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/queue/CauseOfBlockage.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class CauseOfBlockage {
    public abstract String getShortDescription();

    public boolean isFatal() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
