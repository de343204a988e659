package io.github.guestinspect.report;

/**
 * Makes untrusted text safe for a terminal (and for a CI console shown in a browser): control characters (escape
 * sequences, line breaks) are shown as {@code \xNN}, not obeyed; the invisible characters that reorder or break a
 * line (bidirectional overrides, embeddings, isolates and marks; line and paragraph separators) as a backslash, u and
 * four hex digits, so a package name cannot make the rest of its line read backwards.
 */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(final String text) {
        if (isSafe(text)) { // the common case (a path, a status): nothing to escape, nothing to copy
            return text;
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isControl(c)) {
                safe.append(String.format("\\x%02x", c));
            }
            else if (isInvisibleLayout(c)) {
                safe.append(String.format("\\u%04x", c));
            }
            else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /** True when no character needs escaping (neither test matches a surrogate, so chars are code points here). */
    private static boolean isSafe(final String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || isInvisibleLayout(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text on one printable line, as the console shows it, for the reports that draw text (Markdown, PDF):
     * {@link #safe}, unpaired surrogates as U+FFFD, stripped. A line break or tab in a name from the image shows as
     * {@code \x0a} or {@code \x09}, so "a\nb" never reads as "a b".
     */
    public static String oneLine(final String text) {
        return safe(UnicodeText.wellFormed(text)).strip();
    }

    /** C0 and C1 controls and DEL. */
    static boolean isControl(final int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0;
    }

    /** Bidirectional formatting characters (Unicode's Bidi_Control) and the line and paragraph separators. */
    static boolean isInvisibleLayout(final int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029;
    }
}
