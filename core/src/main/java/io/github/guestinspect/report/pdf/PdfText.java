package io.github.guestinspect.report.pdf;

import io.github.guestinspect.report.TerminalText;

/**
 * Untrusted text made printable on one line as on a terminal: unpaired surrogates U+FFFD, controls (line breaks and
 * tabs among them) and bidirectional overrides visible escapes ({@code \x0a}, {@code \u202e}). What the font cannot
 * draw is the font's business ({@link PdfFonts#printable}).
 */
final class PdfText {
    /** Longest text, in code points, any one place of the report shows. */
    static final int LIMIT = 400;

    private PdfText() {
    }

    static String visible(final String text) {
        return TerminalText.oneLine(shorten(text, LIMIT));
    }

    /** The text cut to at most {@code limit} code points, ending in an ellipsis when it was cut. */
    static String shorten(final String text, final int limit) {
        if (text.length() <= limit || text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "\u2026";
    }
}
