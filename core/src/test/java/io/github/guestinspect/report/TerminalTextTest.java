package io.github.guestinspect.report;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {
    @Test
    void shouldShowAnsiEscapeSequencesInsteadOfObeyingThem() {
        assertThat(TerminalText.safe("\u001b[31mred\u001b[0m")).isEqualTo("\\x1b[31mred\\x1b[0m");
        assertThat(TerminalText.safe("\u001b]0;pwned\u0007")).isEqualTo("\\x1b]0;pwned\\x07");
    }

    @Test
    void shouldShowLineBreaksSoAValueCannotForgeReportLines() {
        assertThat(TerminalText.safe("ubuntu\nStatus: OK")).isEqualTo("ubuntu\\x0aStatus: OK");
        assertThat(TerminalText.safe("a\r\nb")).isEqualTo("a\\x0d\\x0ab");
    }

    @ParameterizedTest(name = "U+{0} -> {1}")
    @CsvSource({
            "0000, \\x00",
            "0007, \\x07",
            "0008, \\x08",
            "0009, \\x09",
            "000b, \\x0b",
            "001f, \\x1f",
            "007f, \\x7f",
            "0080, \\x80",
            "009b, \\x9b",
            "009f, \\x9f"
    })
    void shouldShowEveryControlCharacterAsHex(final String codePoint, final String shown) {
        String control = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TerminalText.safe("<" + control + ">")).isEqualTo("<" + shown + ">");
    }

    @Test
    void shouldShowCharactersThatReorderOrBreakALine() {
        assertThat(TerminalText.safe("gi-\u202eexe.txt\u202c")).isEqualTo("gi-\\u202eexe.txt\\u202c");
        assertThat(TerminalText.safe("\u2066a\u2069\u200e\u200f\u061c")).isEqualTo(
                "\\u2066a\\u2069\\u200e\\u200f\\u061c");
        assertThat(TerminalText.safe("4.0\u2028line\u2029")).isEqualTo("4.0\\u2028line\\u2029");
    }

    @Test
    void shouldKeepPrintableTextUnchanged() {
        String text = "Debian GNU/Linux 12 (bookworm) ~ caf\u00e9 \u00a0 \u00ff \u65e5\u672c\u8a9e \ud83d\ude00 \\x1b";

        assertThat(TerminalText.safe(text)).isEqualTo(text);
    }

    @Test
    void shouldKeepAnEmptyText() {
        assertThat(TerminalText.safe("")).isEmpty();
    }

    private static boolean control(final int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0;
    }

    private static boolean layout(final int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x2028 || c == 0x2029;
    }

    @Property(tries = 1000)
    void shouldNeverLetAControlOrLayoutCharacterThrough(@ForAll final String text) {
        assertThat(TerminalText.safe(text).codePoints()).noneMatch(c -> control(c) || layout(c));
    }

    @Property(tries = 1000)
    void shouldChangeNothingWithoutControlOrLayoutCharacters(@ForAll final String text) {
        String printable = text.codePoints().filter(c -> !control(c) && !layout(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(TerminalText.safe(printable)).isEqualTo(printable);
    }

    @Property(tries = 1000)
    void shouldReplaceEachControlByFourAndEachLayoutCharacterBySixCharacters(@ForAll final String text) {
        long controls = text.codePoints().filter(TerminalTextTest::control).count();
        long layouts = text.codePoints().filter(TerminalTextTest::layout).count();

        assertThat(TerminalText.safe(text)).hasSize(text.length() + 3 * (int) controls + 5 * (int) layouts);
    }
}
