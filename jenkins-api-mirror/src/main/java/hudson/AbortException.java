package hudson;

import java.io.IOException;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/AbortException.java (jenkins-2.541.3). Like upstream it is
 * a plain exception: the constructors pass the message on.
 */
public class AbortException extends IOException {
    private static final long serialVersionUID = 1L;

    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
