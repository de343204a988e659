package io.github.guestinspect.report.markdown;

import io.github.guestinspect.report.TerminalText;

/**
 * Makes untrusted text inert in GitHub- and GitLab-flavoured Markdown: it renders as the same characters, on one
 * line, and never as markup, HTML, a link, an image, a table cell boundary, a mention or math.
 */
final class MarkdownText {
    /** Longest cell text, in code points, before it is shortened with an ellipsis. */
    static final int CELL_LIMIT = 120;

    private MarkdownText() {
    }

    /**
     * Text for a table cell, heading or list item: stripped; control characters (line breaks and tabs among them),
     * bidirectional overrides and unpaired surrogates become visible escapes ({@code \x0a}, {@code \u202e}); Markdown
     * punctuation that could start markup ({@code \ ` * _ [ ] | ~ $ #}, and a leading list marker) is
     * backslash-escaped; {@code < > &} become entities; {@code @} is followed by a zero-width space so that no one is mentioned (as
     * Dependabot does).
     */
    static String inline(final String text) {
        return escape(visible(text), false);
    }

    /**
     * {@link #inline} for text that may start a line (the title, where a template puts it): a leading list marker
     * ({@code -}, {@code +}, {@code 1.}) or setext underline ({@code =}) is escaped too.
     */
    static String lineStart(final String text) {
        return escape(visible(text), true);
    }

    /** {@link #inline} of the text shortened to {@link #CELL_LIMIT} code points. */
    static String cell(final String text) {
        return inline(shorten(text, CELL_LIMIT));
    }

    /** The text cut to at most {@code limit} code points, ending in an ellipsis when it was cut. */
    static String shorten(final String text, final int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, limit - 1)) + "\u2026";
    }

    /** One line of printable text: everything invisible, line-breaking or reordering as an escape. */
    static String visible(final String text) {
        return TerminalText.oneLine(text);
    }

    private static String escape(final String text, final boolean lineStart) {
        StringBuilder safe = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '&' -> safe.append("&amp;");
                case '@' -> safe.append("@&#8203;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$', '#' -> safe.append('\\').append(c);
                case '-', '+', '=' -> {
                    // a list marker or setext underline only at the start
                    if (lineStart && i == 0) {
                        safe.append('\\');
                    }
                    safe.append(c);
                }
                case '.', ')' -> {
                    // "1." and "1)" start an ordered list only after leading digits
                    if (lineStart && i > 0 && isAllDigits(text, i)) {
                        safe.append('\\');
                    }
                    safe.append(c);
                }
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }

    private static boolean isAllDigits(final String text, final int end) {
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
