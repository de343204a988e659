package io.github.guestinspect.runner;

import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what guestfish printed during one sync into each command's output and error. Standard output holds each
 * command's output followed by a line with the session's marker; standard error holds an error line
 * ({@code *stdin*:LINE: message}) for every failed command, other lines (warnings) and finally the marker. Output
 * lines may carry text from the image (a filesystem label), so nothing here trusts their content; the marker is
 * random per session, so the image cannot forge one.
 */
final class ReplyReader {
    /**
     * An error for an input line. A number longer than an int's is no line of ours; the message may hold any
     * character (a path from the image with U+2028 in it), so '.' must match line separators too.
     */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\*stdin\\*:(\\d{1,9}): (.*)$", Pattern.DOTALL);

    /** The lines of one stream; throws when the stream ends (guestfish died) before the marker came. */
    @FunctionalInterface
    interface Lines {
        String next() throws GuestfishException;
    }

    private ReplyReader() {
    }

    /**
     * Reads the output of every call, then the errors up to the marker on standard error.
     *
     * @throws GuestfishException when a stream ends before its marker
     */
    static Replies read(final List<Pending> calls, final String marker, final Lines stdout, final Lines stderr)
            throws GuestfishException {
        List<List<String>> outputs = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            List<String> output = new ArrayList<>();
            for (String text = stdout.next(); !marker.equals(text); text = stdout.next()) {
                output.add(text);
            }
            outputs.add(output);
        }
        Map<Integer, String> errors = new HashMap<>();
        for (String text = stderr.next(); !marker.equals(text); text = stderr.next()) {
            Matcher matcher = ERROR_LINE.matcher(text);
            if (matcher.matches()) {
                errors.merge(Integer.parseInt(matcher.group(1)), matcher.group(2), (a, b) -> a + "; " + b);
            }
        }
        return new Replies(List.copyOf(calls), outputs, errors);
    }
}
