package io.github.guestinspect.report;

/**
 * Makes untrusted text writable as XML 1.0. XML escaping (of {@code < & > "}) is the writer's job; this is about
 * the characters XML 1.0 cannot carry at all, escaped or not: C0 controls other than tab, line feed and carriage
 * return, unpaired surrogates and U+FFFE/U+FFFF. Each becomes U+FFFD, so a package name from an image can never
 * make a report unreadable.
 */
final class XmlText {
    private XmlText() {
    }

    /** Text for element content: forbidden characters replaced, line breaks as a parser would read them ("\n"). */
    static String content(final String text) {
        return allowed(text).replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Text for an attribute value: forbidden characters replaced, and tab and line breaks as spaces, which is what
     * an XML parser normalises them to anyway (the writer does not escape them), so the file says what is read.
     */
    static String attribute(final String text) {
        return allowed(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
    }

    /** The text with every character XML 1.0 does not allow replaced by U+FFFD. */
    static String allowed(final String text) {
        String wellFormed = UnicodeText.wellFormed(text);
        StringBuilder safe = null;
        for (int i = 0; i < wellFormed.length(); i++) {
            char c = wellFormed.charAt(i);
            boolean allowed = c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r';
            if (!allowed && safe == null) {
                safe = new StringBuilder(wellFormed.length()).append(wellFormed, 0, i);
            }
            if (safe != null) {
                safe.append(allowed ? c : UnicodeText.REPLACEMENT);
            }
        }
        return safe == null ? wellFormed : safe.toString();
    }
}
