package hudson.model;

import java.io.IOException;

/** Mirror of jenkinsci/jenkins core/src/main/java/hudson/model/Saveable.java (jenkins-2.541.3). */
public interface Saveable {
    void save() throws IOException;
}
