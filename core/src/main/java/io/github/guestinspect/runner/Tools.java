package io.github.guestinspect.runner;

import java.io.IOException;

/** Small facts about starting external programs. */
final class Tools {
    private Tools() {
    }

    /** True when starting a program failed because it does not exist (ProcessBuilder reports error=2). */
    static boolean isNotFound(final IOException exception) {
        String message = String.valueOf(exception.getMessage());
        return message.contains("error=2,") || message.contains("No such file or directory");
    }
}
