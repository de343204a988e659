package io.github.guestinspect.version;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Random versions that look like the ones in real package databases, and pairs of versions that are close to each
 * other (one edit apart), since the corner cases of an order (a tilde, a leading zero, a missing revision) only show
 * when the versions agree up to that point. Built from jqwik's {@link Random}, so a failing run replays from its seed.
 */
final class VersionGenerators {
    private static final List<String> DEBIAN_WORDS = List.of("dfsg", "ds", "git", "rc", "beta", "really", "ubuntu",
            "deb", "u", "build", "b", "Debian", "nmu", "bpo", "esm", "really", "a", "Z");
    private static final List<String> RPM_WORDS = List.of("el", "fc", "git", "rc", "beta", "pre", "p", "svn",
            "module", "a", "Z", "x", "alpha", "post");
    private static final String EDIT_CHARACTERS = "0123456789azAZ.~+-:^_\u00e9";

    private VersionGenerators() {
    }

    /** Versions as dpkg writes them, {@code [epoch:]upstream[-revision]}, some with characters dpkg warns about. */
    static String debian(final Random random) {
        StringBuilder version = new StringBuilder();
        boolean epoch = random.nextInt(4) == 0;
        if (epoch) {
            version.append(epoch(random)).append(':');
        }
        boolean revision = random.nextInt(3) > 0;
        String extra = (epoch ? ":" : "") + (revision ? "-" : "") + (random.nextInt(10) == 0 ? "_" : "");
        version.append(random.nextInt(20) == 0 ? "v" : "").append(segments(random, DEBIAN_WORDS, ".+~" + extra));
        if (revision) {
            version.append('-').append(segments(random, DEBIAN_WORDS, ".+~"));
        }
        return version.toString();
    }

    /** Versions as rpm writes them: {@code [epoch:]version[-release]}, with rpm's '~' and '^' and odd separators. */
    static String rpm(final Random random) {
        StringBuilder version = new StringBuilder();
        switch (random.nextInt(8)) {
            case 0 -> version.append(epoch(random)).append(':');
            case 1 -> version.append(':');
            default -> { }
        }
        version.append(segments(random, RPM_WORDS, "._+~^%/"));
        switch (random.nextInt(6)) {
            case 0, 1, 2 -> version.append('-').append(segments(random, RPM_WORDS, "._+~^"));
            case 3 -> version.append('-');
            default -> { }
        }
        return version.toString();
    }

    /** Versions as apk writes them: {@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}, some invalid. */
    static String apk(final Random random) {
        StringBuilder version = new StringBuilder(number(random));
        for (int i = random.nextInt(4); i > 0; i--) {
            version.append('.').append(number(random));
        }
        if (random.nextInt(6) == 0) {
            version.append((char) ('a' + random.nextInt(26)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            version.append('_').append(pick(random, List.of("alpha", "beta", "pre", "rc", "cvs", "svn", "git", "hg",
                    "p", "foo"))).append(random.nextBoolean() ? number(random) : "");
        }
        if (random.nextInt(8) == 0) {
            version.append('~').append(Long.toHexString(random.nextLong()), 0, 1 + random.nextInt(8));
        }
        if (random.nextBoolean()) {
            version.append("-r").append(random.nextInt(12));
        }
        return random.nextInt(15) == 0 ? edit(random, version.toString()) : version.toString();
    }

    /** Any text at all: control characters, NUL, surrogates, separators. */
    static Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789.:-~^+_ rAa\u0000\u0007\t\u00e9\u65e5\ud83d")
                        .ofMaxLength(12));
    }

    /** Versions of the scheme, or any text, or versions with one edit: the inputs every order must cope with. */
    static Arbitrary<String> versions(final VersionScheme scheme) {
        Function<Random, String> realistic = realistic(scheme);
        return Arbitraries.oneOf(
                Arbitraries.randomValue(realistic),
                Arbitraries.randomValue(random -> edit(random, realistic.apply(random))),
                anything());
    }

    /** Pairs for the oracle: a third independent, two thirds one edit apart (where orders disagree if they do). */
    static Arbitrary<VersionPair> pairs(final Function<Random, String> versions) {
        return Arbitraries.randomValue(random -> {
            String left = versions.apply(random);
            String right = random.nextInt(3) == 0 ? versions.apply(random) : edit(random, left);
            return random.nextBoolean() ? new VersionPair(left, right) : new VersionPair(right, left);
        });
    }

    /** Several versions derived from each other by edits, so that many of them are close: for transitivity. */
    static Arbitrary<List<String>> family(final VersionScheme scheme, final int size) {
        Function<Random, String> realistic = realistic(scheme);
        return Arbitraries.randomValue(random -> {
            List<String> family = new ArrayList<>();
            family.add(realistic.apply(random));
            while (family.size() < size) {
                String parent = family.get(random.nextInt(family.size()));
                family.add(random.nextInt(6) == 0 ? realistic.apply(random) : edit(random, parent));
            }
            return List.copyOf(family);
        });
    }

    static Function<Random, String> realistic(final VersionScheme scheme) {
        return switch (scheme) {
            case DEB -> VersionGenerators::debian;
            case RPM -> VersionGenerators::rpm;
            case APK -> VersionGenerators::apk;
        };
    }

    /** One small change: a character inserted, replaced or removed, a part appended, a number bumped or zero-padded. */
    static String edit(final Random random, final String version) {
        int at = random.nextInt(version.length() + 1);
        String inserted = String.valueOf(EDIT_CHARACTERS.charAt(random.nextInt(EDIT_CHARACTERS.length())));
        return switch (random.nextInt(8)) {
            case 0 -> version.substring(0, at) + inserted + version.substring(at);
            case 1 -> at < version.length() ? version.substring(0, at) + inserted + version.substring(at + 1) : version;
            case 2 -> at < version.length() ? version.substring(0, at) + version.substring(at + 1) : version + "0";
            case 3 -> version + pick(random, List.of("~", "~rc1", ".0", "+b1", "-0", "-1", "^git1", "_p1", "-r0",
                    "a", "_rc1", "~1", ".", "0"));
            case 4 -> bumpNumber(random, version);
            case 5 -> version.substring(0, at) + "0" + version.substring(at);
            case 6 -> version.replaceFirst("^\\d+:", "");
            default -> at > 0 ? version.substring(0, at) : version;
        };
    }

    private static String bumpNumber(final Random random, final String version) {
        for (int i = version.length() - 1; i >= 0; i--) {
            char c = version.charAt(i);
            if (c >= '0' && c <= '8' && random.nextBoolean()) {
                return version.substring(0, i) + (char) (c + 1) + version.substring(i + 1);
            }
        }
        return version;
    }

    private static String segments(final Random random, final List<String> words, final String separators) {
        StringBuilder text = new StringBuilder(number(random));
        for (int i = random.nextInt(5); i > 0; i--) {
            if (random.nextInt(3) > 0) {
                text.append(separators.charAt(random.nextInt(separators.length())));
            }
            text.append(random.nextInt(3) == 0 ? pick(random, words) : number(random));
        }
        return text.toString();
    }

    /** Mostly short numbers; sometimes zero-padded, or longer than a long (dates, timestamps, hashes). */
    private static String number(final Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "0" + random.nextInt(10);
            case 1 -> "2023071" + random.nextInt(10) + (random.nextBoolean() ? "123456789012" : "");
            case 2 -> "0";
            default -> String.valueOf(random.nextInt(random.nextBoolean() ? 10 : 200));
        };
    }

    private static String epoch(final Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "0";
            case 1 -> "0" + random.nextInt(3);
            case 2 -> String.valueOf(2_147_483_647 - random.nextInt(2));
            default -> String.valueOf(1 + random.nextInt(3));
        };
    }

    private static String pick(final Random random, final List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
