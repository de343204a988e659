package io.github.guestinspect.report;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTextTest {
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(ints = {0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1B, 0x1F, 0xFFFE, 0xFFFF})
    void shouldReplaceEveryCharacterXmlCannotCarry(final int codePoint) {
        assertThat(XmlText.allowed("a" + (char) codePoint + "b")).isEqualTo("a\uFFFDb");
    }

    @Test
    void shouldReplaceUnpairedSurrogatesButKeepPairs() {
        assertThat(XmlText.allowed("\uD800x\uDC00\uD83D\uDE00\uDE00\uD83D")).isEqualTo("\uFFFDx\uFFFD\uD83D\uDE00"
                + "\uFFFD\uFFFD");
        assertThat(XmlText.allowed("end\uD83D")).isEqualTo("end\uFFFD");
    }

    @Test
    void shouldKeepTabsLineBreaksMarkupAndOtherControlsXmlAllows() {
        String text = "<a href=\"x\">&amp;</a>\t\n\u007f\u0085\u009f\u00a0\u2028\uE000\uFFFD caf\u00e9 \uDBFF\uDFFF";

        assertThat(XmlText.allowed(text)).isSameAs(text);
    }

    @Test
    void shouldWriteLineBreaksInContentAsAParserReadsThem() {
        assertThat(XmlText.content("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
    }

    @Test
    void shouldWriteLineBreaksAndTabsInAttributesAsSpacesAsAParserReadsThem() {
        assertThat(XmlText.attribute("a\r\nb\rc\nd\te\u0001")).isEqualTo("a b c d e\uFFFD");
    }

    @Property(tries = 1000)
    void shouldLeaveOnlyCharactersXmlAllows(@ForAll("anyText") final String text) {
        String allowed = XmlText.allowed(text);

        assertThat(allowed).hasSameSizeAs(text);
        assertThat(allowed.codePoints()).allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF);
    }

    @Property(tries = 1000)
    void shouldChangeOnlyWhatItReplaces(@ForAll("anyText") final String text) {
        String allowed = XmlText.allowed(text);

        for (int i = 0; i < text.length(); i++) {
            if (allowed.charAt(i) != text.charAt(i)) {
                assertThat(allowed.charAt(i)).isEqualTo('\uFFFD');
            }
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }
}
