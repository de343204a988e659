package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size written for people: {@code 20GiB}, {@code 4GB}, {@code 512MiB}, {@code 1048576}.
 *
 * @param text  as written
 * @param bytes the value
 */
public record ByteSize(String text, long bytes) {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?)(i?)B?");
    private static final String UNITS = "KMGTP";

    @JsonCreator
    public static ByteSize parse(final String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 20GiB, 4GB, 512MiB, 1048576)");
        }
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        int base = matcher.group(3).isEmpty() ? 1000 : 1024;
        int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit) + 1;
        return new ByteSize(text, (long) (Double.parseDouble(matcher.group(1)) * Math.pow(base, power)));
    }

    @JsonValue
    @Override
    public String text() {
        return text;
    }
}
