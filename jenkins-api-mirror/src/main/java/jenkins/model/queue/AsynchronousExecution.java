package jenkins.model.queue;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/model/queue/AsynchronousExecution.java (jenkins-2.541.3): the members the plugin uses. */
public abstract class AsynchronousExecution extends RuntimeException {
    protected AsynchronousExecution() {
    }
}
