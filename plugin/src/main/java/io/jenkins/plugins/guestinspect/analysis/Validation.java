package io.jenkins.plugins.guestinspect.analysis;

import java.util.Optional;

/** The checks behind the step's form validation and its constructor/setters: an error message, or none. */
public final class Validation {
    public static final int MAX_PARALLEL = 64;
    public static final int MAX_BATCH = 64;
    public static final int MAX_TIMEOUT = 24 * 3600;

    private Validation() {
    }

    public static Optional<String> images(final String glob) {
        if (glob == null || glob.isBlank()) {
            return Optional.of("Give an Ant glob of the images, such as 'out/**/*.qcow2'.");
        }
        if (glob.startsWith("/") || glob.matches("^[A-Za-z]:.*")) {
            return Optional.of("The glob is relative to the workspace; absolute paths are not allowed.");
        }
        if (glob.contains("..")) {
            return Optional.of("The glob must stay inside the workspace ('..' is not allowed).");
        }
        return Optional.empty();
    }

    public static Optional<String> policy(final String policy) {
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        if (policy.startsWith("/") || policy.contains("..")) {
            return Optional.of("The policy file is relative to the workspace, without '..'.");
        }
        return Optional.empty();
    }

    public static Optional<String> range(final String name, final String value, final int max) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1 || number > max) {
                return Optional.of(name + " must be between 1 and " + max + ".");
            }
            return Optional.empty();
        }
        catch (NumberFormatException exception) {
            return Optional.of(name + " must be a whole number.");
        }
    }

    /** For setters: the value, or an IllegalArgumentException with the message. */
    public static int checked(final String name, final int value, final int max) {
        range(name, Integer.toString(value), max).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        return value;
    }
}
