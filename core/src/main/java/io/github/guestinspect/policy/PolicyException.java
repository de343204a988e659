package io.github.guestinspect.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy file that cannot be used, with the file, line and column and what was expected. Messages quote values
 * from the file; a quoted value is cut to {@value #MAX_QUOTED} characters and the message to {@value #MAX_MESSAGE},
 * so a megabyte-long key or id does not become a megabyte-long error.
 */
public final class PolicyException extends Exception {
    static final int MAX_QUOTED = 100;
    static final int MAX_MESSAGE = 1000;
    private static final long serialVersionUID = 1L;
    private static final Pattern LONG_QUOTED = Pattern.compile("'([^']{" + (MAX_QUOTED + 1) + ",})'");

    private final int line;
    private final int column;

    PolicyException(final String message, final int line, final int column, final Throwable cause) {
        super(bounded(message), cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line, 0 when the problem is not at one place (the file is missing). */
    public int getLine() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int getColumn() {
        return column;
    }

    static String bounded(final String message) {
        Matcher quoted = LONG_QUOTED.matcher(message);
        StringBuilder shortened = new StringBuilder();
        while (quoted.find()) {
            String value = quoted.group(1);
            quoted.appendReplacement(shortened, Matcher.quoteReplacement("'" + cut(value, MAX_QUOTED) + "'"));
        }
        quoted.appendTail(shortened);
        return cut(shortened.toString(), MAX_MESSAGE);
    }

    /** The text cut to its first {@code limit} code points, saying how much was left out. */
    private static String cut(final String text, final int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int end = text.offsetByCodePoints(0, limit);
        return text.substring(0, end) + "... (" + text.codePointCount(end, text.length()) + " more characters)";
    }
}
