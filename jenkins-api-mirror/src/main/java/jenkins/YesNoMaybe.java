package jenkins;

/** Mirror of jenkinsci/jenkins core/src/main/java/jenkins/YesNoMaybe.java (jenkins-2.541.3). */
public enum YesNoMaybe {
    YES, NO, MAYBE
}
