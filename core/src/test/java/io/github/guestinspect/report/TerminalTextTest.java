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
    void shouldKeepPrintableTextUnchanged() {
        String text = "Debian GNU/Linux 12 (bookworm) ~ caf\u00e9 \u00a0 \u00ff \u65e5\u672c\u8a9e \ud83d\ude00 \\x1b";

        assertThat(TerminalText.safe(text)).isEqualTo(text);
    }

    @Test
    void shouldKeepAnEmptyText() {
        assertThat(TerminalText.safe("")).isEmpty();
    }

    @Property(tries = 1000)
    void shouldNeverLetAControlCharacterThrough(@ForAll final String text) {
        assertThat(TerminalText.safe(text).codePoints())
                .noneMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0);
    }

    @Property(tries = 1000)
    void shouldChangeNothingWithoutControlCharacters(@ForAll final String text) {
        String printable = text.codePoints().filter(c -> c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

        assertThat(TerminalText.safe(printable)).isEqualTo(printable);
    }

    @Property(tries = 1000)
    void shouldReplaceEachControlCharacterByExactlyFourCharacters(@ForAll final String text) {
        long controls = text.codePoints().filter(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0).count();

        assertThat(TerminalText.safe(text)).hasSize(text.length() + 3 * (int) controls);
    }
}
