package io.github.guestinspect.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human sizes and ages for the command line: "2GiB", "500MB", "7d", "12h". */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(i?)B?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhdw])", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "KMGT";

    private Sizes() {
    }

    static long parseBytes(final String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (examples: 500MB, 2GiB, 1048576)");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2).toUpperCase(Locale.ROOT);
        int base = matcher.group(3).isEmpty() && !unit.isEmpty() ? 1000 : 1024;
        int power = unit.isEmpty() ? 0 : UNITS.indexOf(unit) + 1;
        return (long) (value * Math.pow(base, power));
    }

    static Duration parseAge(final String text) {
        Matcher matcher = AGE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an age: '" + text + "' (examples: 7d, 12h, 30m, 2w)");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        };
    }

    static String human(final long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (int) (Math.log(bytes) / Math.log(1024));
        unit = Math.min(unit, UNITS.length());
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), UNITS.charAt(unit - 1));
    }
}
