package hudson.util;

import java.io.IOException;

/**
 * Mirror of jenkinsci/jenkins core/src/main/java/hudson/util/FormValidation.java (jenkins-2.541.3): the members the
 * plugin uses. Upstream also implements {@code org.kohsuke.stapler.HttpResponse} (left out: nothing here renders).
 */
public abstract class FormValidation extends IOException {
    private static final long serialVersionUID = 1L;

    public final Kind kind;

    private FormValidation() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public enum Kind {
        OK, WARNING, ERROR
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation error(String format, Object... args) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public static FormValidation validateIntegerInRange(String value, int lower, int upper) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
