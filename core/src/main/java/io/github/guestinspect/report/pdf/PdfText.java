package io.github.guestinspect.report.pdf;

import io.github.guestinspect.report.TerminalText;

/**
 * Untrusted text made printable on one line: line breaks and tabs become spaces, unpaired surrogates U+FFFD, and
 * controls and bidirectional overrides visible escapes ({@code \x1b}, {@code \u202e}) as on a terminal. What the font cannot
 * draw is the font's business ({@link PdfFonts#printable}).
 */
final class PdfText {
    /** Longest text, in code points, any one place of the report shows. */
    static final int LIMIT = 400;

    private PdfText() {
    }

    static String visible(final String text) {
        String limited = shorten(text, LIMIT);
        StringBuilder line = new StringBuilder(limited.length());
        int length = limited.length();
        for (int i = 0; i < length; i++) {
            char c = limited.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(limited.charAt(i + 1))) {
                line.append(c).append(limited.charAt(++i));
            }
            else if (Character.isSurrogate(c)) {
                line.append('\uFFFD');
            }
            else if (c == '\r' || c == '\n' || c == '\t' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                line.append(' ');
            }
            else {
                line.append(c);
            }
        }
        return TerminalText.safe(line.toString().strip());
    }

    /** The text cut to at most {@code limit} code points, ending in an ellipsis when it was cut. */
    static String shorten(final String text, final int limit) {
        if (text.length() <= limit || text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "\u2026";
    }
}
