package io.github.guestinspect.cache;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cache keys: only 64 lowercase hex digits name an entry, and every such entry lies inside the cache directory. */
class ResultCacheKeyTest {
    private static final Path DIRECTORY = Path.of("/var/cache/guest-inspect/../guest-inspect/./cache");
    private static final String HEX = "0123456789abcdef";

    private final ResultCache cache = new ResultCache(DIRECTORY, warning -> {
        throw new AssertionError("no warning expected: " + warning);
    });

    @Provide
    Arbitrary<String> validKeys() {
        return Arbitraries.strings().withChars(HEX).ofLength(64);
    }

    /** Strings close to keys: hex digits mixed with uppercase, separators, dots, controls and non-ASCII digits. */
    @Provide
    Arbitrary<String> nearKeys() {
        Arbitrary<Character> characters = Arbitraries.frequency(
                Tuple.of(40, 'a'), Tuple.of(40, '7'), Tuple.of(3, 'A'),
                Tuple.of(3, 'g'), Tuple.of(3, '/'), Tuple.of(3, '.'),
                Tuple.of(2, '\\'), Tuple.of(2, '\u0000'), Tuple.of(2, '\n'),
                Tuple.of(1, '\u0660'), Tuple.of(1, '\uFF41'), Tuple.of(1, ' '));
        return characters.list().ofMinSize(60).ofMaxSize(68).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }

    private static boolean isKey(final String text) {
        if (text.length() != 64) {
            return false;
        }
        for (char character : text.toCharArray()) {
            if (HEX.indexOf(character) < 0) {
                return false;
            }
        }
        return true;
    }

    @Property
    void shouldResolveEveryValidKeyInsideTheCacheDirectory(@ForAll("validKeys") final String key) {
        Path entry = cache.entry(key);

        assertThat(entry.normalize()).startsWithRaw(DIRECTORY.normalize());
        assertThat(entry.getFileName()).hasToString(key + ".gic");
        assertThat(entry.getParent().getFileName()).hasToString(key.substring(0, 2));
    }

    @Property(tries = 2000)
    void shouldRefuseEveryStringThatIsNotExactly64LowercaseHexDigits(@ForAll("nearKeys") final String text) {
        Assume.that(!isKey(text));

        assertThatThrownBy(() -> cache.entry(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.put(text, InspectionResults.sample("refused", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void shouldRefuseKeysThatWouldLeaveTheDirectoryOrAreMalformed() {
        String valid = "0123456789abcdef".repeat(4);
        List<String> refused = List.of("", "../x", "/etc/passwd", "../" + valid.substring(3), valid.substring(1),
                valid + "0", valid.toUpperCase(java.util.Locale.ROOT), "A" + valid.substring(1),
                valid.substring(1) + "\u0000", valid + "\n", valid.substring(0, 32) + "\n" + valid.substring(33),
                valid.substring(0, 63) + "/", valid.substring(0, 62) + "..", "\u0000".repeat(64));

        for (String key : refused) {
            assertThatThrownBy(() -> cache.entry(key)).as("key %s", key.replace("\u0000", "\\0").replace("\n", "\\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .message().doesNotContain("\u0000").doesNotContain("\n");
        }
        assertThat(cache.entry(valid).normalize()).startsWithRaw(DIRECTORY.normalize());
    }

    @Example
    void shouldMakeDeterministicKeysOf64LowercaseHexDigits() {
        String key = ResultCache.key("sha256-tree64m:" + "1".repeat(64), "1", "qcow2");

        assertThat(key).isEqualTo(ResultCache.key("sha256-tree64m:" + "1".repeat(64), "1", "qcow2"))
                .hasSize(64).matches("[0-9a-f]{64}");
        assertThat(cache.entry(key)).isNotNull();
    }

    @Property(tries = 500)
    void shouldMakeAValidKeyOfAnyInputs(@ForAll("anyText") final String hash, @ForAll("anyText") final String reader,
                                        @ForAll("anyText") final String format) {
        String key = ResultCache.key(hash, reader, format);

        assertThat(isKey(key)).as(key).isTrue();
        assertThat(ResultCache.key(hash, reader, format)).isEqualTo(key);
    }

    @Provide
    Arbitrary<String> anyText() {
        return InspectionResults.text();
    }

    /** The inputs a key is made of never contain a line break: hash strings, version numbers, format names. */
    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("0123456789abcdef:-.").ofMinLength(0).ofMaxLength(8),
                Arbitraries.of("", "-", "qcow2", "raw", "1", "2", "sha256-tree64m:" + "a".repeat(64)),
                InspectionResults.text().filter(text -> text.indexOf('\n') < 0));
    }

    @Property(tries = 2000)
    void shouldMakeDifferentKeysWhenAnyInputDiffers(@ForAll("fields") final String hash,
                                                    @ForAll("fields") final String reader,
                                                    @ForAll("fields") final String format,
                                                    @ForAll("fields") final String otherHash,
                                                    @ForAll("fields") final String otherReader,
                                                    @ForAll("fields") final String otherFormat) {
        String key = ResultCache.key(hash, reader, format);

        assertThat(ResultCache.key(otherHash, reader, format).equals(key)).isEqualTo(otherHash.equals(hash));
        assertThat(ResultCache.key(hash, otherReader, format).equals(key)).isEqualTo(otherReader.equals(reader));
        assertThat(ResultCache.key(hash, reader, otherFormat).equals(key)).isEqualTo(otherFormat.equals(format));
    }

    @Example
    void shouldNotConfuseInputsThatOnlyMoveALineBreakFromOneFieldToAnother() {
        assertThat(ResultCache.key("x\nhash", "v", "qcow2")).isNotEqualTo(ResultCache.key("hash", "v\nx", "qcow2"));
        assertThat(ResultCache.key("hash", "v", "qcow2\nx")).isNotEqualTo(ResultCache.key("hash\nqcow2", "v", "x"));
    }

    @Example
    void shouldMakeDifferentKeysForInputsThatOnlyDifferInOneCharacter() {
        String hash = "sha256-tree64m:" + "a".repeat(64);
        String key = ResultCache.key(hash, "1", "qcow2");

        assertThat(ResultCache.key(hash.replaceFirst("a$", "b"), "1", "qcow2")).isNotEqualTo(key);
        assertThat(ResultCache.key(hash, "2", "qcow2")).isNotEqualTo(key);
        assertThat(ResultCache.key(hash, "1", "raw")).isNotEqualTo(key);
        assertThat(ResultCache.key(hash, "1", "-")).isNotEqualTo(key);
        assertThat(ResultCache.key(hash, "1", "")).isNotEqualTo(key);
        assertThat(ResultCache.key(hash, "", "qcow2")).isNotEqualTo(ResultCache.key("", hash, "qcow2"));
        assertThat(ResultCache.key(hash, "1", "qcow2")).isNotEqualTo(ResultCache.key(hash, "1qcow2", ""));
    }
}
