package io.github.guestinspect.runner;

import io.github.guestinspect.testing.RequiredTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link GuestfishSession#quote(byte[])} and the line limit, checked against guestfish's own parser (echo and a
 * failing command need no appliance).
 */
class GuestfishQuoteTest {
    private static final String SPECIAL = "\"\\' $`#!;|&*?{}~-nx01";
    private static final List<String> TRICKY = List.of("", "plain", "/etc/os-release", "with space",
            "  leading and trailing  ", "double\"quote", "\"", "\"\"", "single'quote", "back\\slash", "\\",
            "\\\\", "ends with backslash\\", "\\\"", "\\n is not a newline", "\\x41\\101", "dollar $HOME `id`",
            "semicolon; echo pwned", "# not a comment", "!not a shell", "-not an option",
            "caf\u00e9 \u65e5\u672c \ud83d\ude00", "tab\u00a0nbsp", "line\u2028separator",
            "/mnt/my disk/file \"name\".txt");

    @Test
    void shouldWrapInDoubleQuotes() {
        assertThat(GuestfishSession.quote("")).isEqualTo("\"\"");
        assertThat(GuestfishSession.quote("/etc/fstab")).isEqualTo("\"/etc/fstab\"");
        assertThat(GuestfishSession.quote("a b")).isEqualTo("\"a b\"");
    }

    @Test
    void shouldEscapeQuotesAndBackslashes() {
        assertThat(GuestfishSession.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
        assertThat(GuestfishSession.quote("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(GuestfishSession.quote("\\\"")).isEqualTo("\"\\\\\\\"\"");
    }

    @Test
    void shouldSendEveryByteThatIsNotPrintableAsciiAsAHexEscape() {
        assertThat(GuestfishSession.quote("caf\u00e9 $HOME `id` ; # '")).isEqualTo("\"caf\\xc3\\xa9 $HOME `id` ; # '\"");
        assertThat(GuestfishSession.quote("a\nb\rc\td\u001b[31m\u007f")).isEqualTo(
                "\"a\\x0ab\\x0dc\\x09d\\x1b[31m\\x7f\"");
        assertThat(GuestfishSession.quote(new byte[] {'\u00e9' - 256, 't', '\u00e9' - 256})).isEqualTo("\"\\xe9t\\xe9\"");
    }

    @ParameterizedTest(name = "control character U+{0} becomes a printable escape")
    @ValueSource(ints = {0x01, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f})
    void shouldNeverWriteAControlCharacter(final int control) {
        String quoted = GuestfishSession.quote("/tmp/evil" + (char) control + "name");

        assertThat(quoted.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    @Test
    void shouldRefuseANulByteWhichNoNameHolds() {
        assertThatIllegalArgumentException().isThrownBy(() -> GuestfishSession.quote("a\u0000b"))
                .withMessageContaining("NUL");
    }

    @Test
    void shouldKeepANewlineFromStartingANewCommand() {
        assertThat(GuestfishSession.quote("x\"\n!rm -rf /\n")).isEqualTo("\"x\\\"\\x0a!rm -rf /\\x0a\"");
    }

    @Test
    void shouldBeReadBackByGuestfishUnchanged() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");
        List<byte[]> arguments = new ArrayList<>(TRICKY.stream().map(text -> text.getBytes(StandardCharsets.UTF_8))
                .toList());
        arguments.add(new byte[] {'g', 'i', '\u00e9' - 256, 't', '\u00e9' - 256}); // Latin-1: not UTF-8
        arguments.add(new byte[] {(byte) 0x9b, '3', '1', 'm', (byte) 0xff, (byte) 0xfe});

        assertThat(echoThroughGuestfish(arguments)).isEqualTo(expectedEcho(arguments));
    }

    @Test
    void shouldBeReadBackByGuestfishUnchangedForRandomBytes() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");
        Random random = new Random(1234);
        List<byte[]> arguments = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            byte[] argument = new byte[random.nextInt(40)];
            for (int b = 0; b < argument.length; b++) {
                argument[b] = switch (random.nextInt(3)) {
                    case 0 -> (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                    case 1 -> (byte) (1 + random.nextInt(0x1f)); // controls, line breaks among them
                    default -> (byte) (1 + random.nextInt(255)); // any byte but NUL
                };
            }
            arguments.add(argument);
        }

        assertThat(echoThroughGuestfish(arguments)).isEqualTo(expectedEcho(arguments));
    }

    @Test
    void shouldFitTheLongestLineThatGuestfishReadsAsOneAndNoLonger() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");
        byte[] longest = "x".repeat(GuestfishSession.MAX_LINE - "-echo \"\"".length()).getBytes(StandardCharsets.UTF_8);
        byte[] tooLong = "x".repeat(longest.length + 1).getBytes(StandardCharsets.UTF_8);

        assertThat(GuestfishSession.fits("echo", longest)).isTrue();
        assertThat(GuestfishSession.fits("echo", tooLong)).isFalse();
        // guestfish itself: the longest line is one command, so the failing command after it is on input line 2;
        // one byte more and its newline becomes a line of its own, so every later line number is off by one
        assertThat(errorLineAfter(longest)).isEqualTo(2);
        assertThat(errorLineAfter(tooLong)).isEqualTo(3);
    }

    /** Sends "-echo ARGUMENT" and then a command that fails, and returns the input line guestfish blames. */
    private static int errorLineAfter(final byte[] argument) throws IOException, InterruptedException {
        String script = "-echo " + GuestfishSession.quote(argument) + "\n-lstatns /x\n";
        String stderr = new String(runGuestfish(script.getBytes(StandardCharsets.US_ASCII)).stderr(),
                StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("\\*stdin\\*:(\\d+): ").matcher(stderr);
        assertThat(matcher.find()).as("an error line in %s", stderr).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** What echo prints for each argument: its bytes and a newline. */
    private static byte[] expectedEcho(final List<byte[]> arguments) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (byte[] argument : arguments) {
            expected.writeBytes(argument);
            expected.write('\n');
        }
        return expected.toByteArray();
    }

    /** Feeds "echo ARGUMENT" lines to guestfish (no appliance is launched for echo) and returns what it printed. */
    private static byte[] echoThroughGuestfish(final List<byte[]> arguments) throws IOException, InterruptedException {
        StringBuilder commands = new StringBuilder();
        for (byte[] argument : arguments) {
            commands.append("echo ").append(GuestfishSession.quote(argument)).append('\n');
        }
        Output output = runGuestfish(commands.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(output.exitCode()).as("guestfish exit code, stderr: %s", new String(output.stderr(),
                StandardCharsets.UTF_8)).isZero();
        assertThat(output.stderr()).as("guestfish errors").isEmpty();
        return output.stdout();
    }

    private static Output runGuestfish(final byte[] script) throws IOException, InterruptedException {
        Path input = Files.createTempFile("guestfish-quote", ".script");
        Path stderr = Files.createTempFile("guestfish-quote", ".stderr");
        try {
            Files.write(input, script);
            ProcessBuilder builder = new ProcessBuilder("guestfish", "--no-progress-bars")
                    .redirectInput(input.toFile()).redirectError(stderr.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            byte[] stdout = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("guestfish finished").isTrue();
            return new Output(process.exitValue(), stdout, Files.readAllBytes(stderr));
        }
        finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(stderr);
        }
    }

    private record Output(int exitCode, byte[] stdout, byte[] stderr) {
    }
}
