package io.github.guestinspect.report;

/** Makes untrusted text safe for a terminal: control characters (escape sequences) are shown, not obeyed. */
public final class TerminalText {
    private TerminalText() {
    }

    public static String safe(final String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                safe.append(String.format("\\x%02x", c));
            }
            else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }
}
