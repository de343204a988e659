package io.github.guestinspect.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SizesTest {
    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
            "1048576, 1048576", "500B, 500", "2KiB, 2048", "2KB, 2000", "2k, 2000", "500MB, 500000000",
            "500MiB, 524288000", "2GiB, 2147483648", "2gib, 2147483648", "1.5GiB, 1610612736", "1TB, 1000000000000",
            "' 3 MiB ', 3145728"
    })
    void shouldReadSizesWithDecimalAndBinaryUnits(final String text, final long bytes) {
        assertThat(Sizes.parseBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GiB", "-1GiB", "2PiB", "2 GiBs", "1e9", "two"})
    void shouldRefuseWhatIsNotASizeWithExamples(final String text) {
        assertThatThrownBy(() -> Sizes.parseBytes(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a size: '" + text + "'").hasMessageContaining("2GiB");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"30s, PT30S", "30m, PT30M", "12h, PT12H", "7d, PT168H", "2w, PT336H", "7D, PT168H", "' 1 d', PT24H"})
    void shouldReadAgesInSecondsToWeeks(final String text, final Duration age) {
        assertThat(Sizes.parseAge(text)).isEqualTo(age);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "d", "7y", "1.5d", "-1d"})
    void shouldRefuseWhatIsNotAnAgeWithExamples(final String text) {
        assertThatThrownBy(() -> Sizes.parseAge(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an age: '" + text + "'").hasMessageContaining("7d");
    }

    @Test
    void shouldShowSizesInBinaryUnitsForPeople() {
        assertThat(Sizes.human(0)).isEqualTo("0 B");
        assertThat(Sizes.human(1023)).isEqualTo("1023 B");
        assertThat(Sizes.human(1024)).isEqualTo("1.0 KiB");
        assertThat(Sizes.human(1_610_612_736L)).isEqualTo("1.5 GiB");
        assertThat(Sizes.human(5L << 50)).isEqualTo("5120.0 TiB"); // nothing larger than TiB
    }
}
