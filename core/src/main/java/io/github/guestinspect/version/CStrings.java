package io.github.guestinspect.version;

/** The package managers compare C strings, so a NUL in a version ends it for them, and here too. */
final class CStrings {
    private CStrings() {
    }

    /** The text up to (without) the first NUL, or all of it. */
    static String untilNul(final String text) {
        int nul = text.indexOf('\0');
        return nul < 0 ? text : text.substring(0, nul);
    }
}
