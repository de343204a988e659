package io.github.guestinspect.report;

/** Makes untrusted text well-formed UTF-16, so every encoder can write it: a lone surrogate becomes U+FFFD. */
final class UnicodeText {
    static final char REPLACEMENT = '\uFFFD';

    private UnicodeText() {
    }

    /** The text with each unpaired surrogate replaced by U+FFFD; pairs and everything else unchanged. */
    static String wellFormed(final String text) {
        int length = text.length();
        StringBuilder safe = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (safe != null) {
                    safe.append(c).append(text.charAt(i + 1));
                }
                i++;
            }
            else if (Character.isSurrogate(c)) {
                if (safe == null) {
                    safe = new StringBuilder(length).append(text, 0, i);
                }
                safe.append(REPLACEMENT);
            }
            else if (safe != null) {
                safe.append(c);
            }
        }
        return safe == null ? text : safe.toString();
    }
}
