package io.github.guestinspect.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes untrusted text into HTML. Two contexts only: text and double-quoted attribute values (one escaping serves
 * both), and JSON inside a {@code <script type="application/json">} element, where nothing can end the element
 * or start a comment because {@code <}, {@code >} and {@code &} never appear literally.
 */
final class HtmlText {
    static final char REPLACEMENT = '\uFFFD';

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlText() {
    }

    /**
     * The text escaped for element content and for a double-quoted attribute value: {@code & < > " '} as character
     * references; tab and line breaks as the console shows them ({@code \x09}, {@code \x0a}, {@code \x0d}: a page
     * would show them as spaces, so a file named "a\nb" would read as "a b"); other C0 controls, DEL, C1 controls,
     * lone surrogates and noncharacters U+FFFE/U+FFFF become U+FFFD, so what the page shows is what the image held,
     * visibly.
     */
    static String escape(final String text) {
        StringBuilder html = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\t' -> "\\x09";
                case '\n' -> "\\x0a";
                case '\r' -> "\\x0d";
                default -> null;
            };
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (replacement == null && !pair && !allowed(c)) {
                replacement = String.valueOf(REPLACEMENT);
            }
            if (replacement != null && html == null) {
                html = new StringBuilder(length + 16).append(text, 0, i);
            }
            if (html != null) {
                if (replacement != null) {
                    html.append(replacement);
                }
                else {
                    html.append(c);
                    if (pair) {
                        html.append(text.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return html == null ? text : html.toString();
    }

    /** The text with the characters {@link #escape} replaces by U+FFFD replaced, for JSON strings shown in pages. */
    static String clean(final String text) {
        StringBuilder clean = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < length
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean keep = pair || allowed(c);
            if (!keep && clean == null) {
                clean = new StringBuilder(length).append(text, 0, i);
            }
            if (clean != null) {
                clean.append(keep ? c : REPLACEMENT);
                if (pair) {
                    clean.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return clean == null ? text : clean.toString();
    }

    private static boolean allowed(final char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        return !(c >= 0x7F && c <= 0x9F) && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }

    /**
     * The value as JSON that may stand between {@code <script type="application/json">} and {@code </script>}:
     * {@code < > &} and U+2028/U+2029 are written as {@code \}{@code u} escapes. These characters only ever occur
     * inside JSON strings, where the escapes mean the same characters, so {@code JSON.parse} gives back the value.
     * Strings in the value must already be {@link #clean}.
     */
    static String json(final Object value) {
        StringWriter json = new StringWriter();
        try {
            writeJson(value, json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }

    /** {@link #json} written to a writer as it is made (the writer is flushed, not closed). */
    static void writeJson(final Object value, final Writer out) throws IOException {
        try {
            JSON.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(new ScriptSafe(out), value);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report data as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes JSON through, with the characters that could end the script element or a JS line as escapes. */
    private static final class ScriptSafe extends FilterWriter {
        ScriptSafe(final Writer out) {
            super(out);
        }

        @Override
        public void write(final int c) throws IOException {
            switch (c) {
                case '<' -> out.write("\\u003c");
                case '>' -> out.write("\\u003e");
                case '&' -> out.write("\\u0026");
                case '\u2028' -> out.write("\\u2028");
                case '\u2029' -> out.write("\\u2029");
                default -> out.write(c);
            }
        }

        @Override
        public void write(final char[] buffer, final int offset, final int length) throws IOException {
            int start = offset;
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    out.write(buffer, start, i - start);
                    write(c);
                    start = i + 1;
                }
            }
            out.write(buffer, start, offset + length - start);
        }

        @Override
        public void write(final String text, final int offset, final int length) throws IOException {
            write(text.toCharArray(), offset, length);
        }

        @Override
        public void close() throws IOException {
            flush(); // the page goes on after the data
        }
    }
}
