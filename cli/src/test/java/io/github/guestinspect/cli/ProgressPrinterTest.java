package io.github.guestinspect.cli;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Timings;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {
    private static InspectionResult failed(final String path, final String message, final long millis) {
        return InspectionResult.failed(new ImageFile(path, path, 1), Optional.empty(),
                new Failure(FailureKind.CORRUPT, message), new Timings(0, 0, 0, 0, 0, 0, millis), "test");
    }

    private static String print(final boolean live, final boolean together, final List<InspectionResult> results) {
        StringWriter text = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(text), live);
        printer.started(results.size());
        if (together) {
            printer.finishedAll(results);
        }
        else {
            results.forEach(printer::finished);
        }
        return text.toString();
    }

    @Test
    void shouldPrintOneLinePerImageWithItsTimeAndEscapedFailure() {
        String log = print(false, false, List.of(failed("a.qcow2", "bad\u001b[31m header", 1249),
                failed("b\u202e.qcow2", "short", 50)));

        assertThat(log.lines()).containsExactly("guest-inspect: inspecting 2 image(s)",
                "[1/2] a.qcow2 FAILED (1.2 s): bad\\x1b[31m header", "[2/2] b\\u202e.qcow2 FAILED (0.1 s): short");
    }

    @Test
    void shouldPrintABurstOfResultsAsTheSameLinesAsOneByOne() {
        List<InspectionResult> results = List.of(failed("one.qcow2", "x", 0), failed("two.qcow2", "y", 949),
                failed("three.qcow2", "z", 950));

        assertThat(print(false, true, results)).isEqualTo(print(false, false, results));
    }

    @Test
    void shouldEndALiveBurstWithOneBarThatCountsEveryImage() {
        String live = print(true, true, List.of(failed("one.qcow2", "x", 0), failed("two.qcow2", "y", 0)));

        assertThat(live).contains("\r\033[2K[1/2] one.qcow2 FAILED (0.0 s): x\n\r\033[2K[2/2] two.qcow2")
                .endsWith("2/2 done, 2 failed, ETA 0 s");
    }

    @Test
    void shouldRoundSecondsExactlyAsPercentPointOneF() {
        Random random = new Random(7);
        long[] edges = {0, 49, 50, 51, 149, 150, 949, 950, 999, 1000, 59_950, 99_999_950, 9_999_999_999_999L,
                10_000_000_000_000L, Long.MAX_VALUE, -1, -50, -51};
        for (long millis : edges) {
            assertSecondsAsFormatted(millis);
        }
        for (long millis = 0; millis < 200_000; millis++) {
            assertSecondsAsFormatted(millis);
        }
        for (int i = 0; i < 100_000; i++) {
            assertSecondsAsFormatted((long) (random.nextDouble() * 1e13));
        }
    }

    private static void assertSecondsAsFormatted(final long millis) {
        StringBuilder seconds = new StringBuilder();
        ProgressPrinter.appendSeconds(seconds, millis);
        assertThat(seconds.toString()).as("%d ms", millis)
                .isEqualTo(String.format(Locale.ROOT, "%.1f", millis / 1000.0));
    }
}
