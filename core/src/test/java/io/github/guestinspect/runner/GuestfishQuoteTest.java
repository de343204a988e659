package io.github.guestinspect.runner;

import io.github.guestinspect.testing.RequiredTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link GuestfishSession#quote(String)}, checked against guestfish's own parser where guestfish is installed. */
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
    void shouldKeepOtherCharactersAsTheyAre() {
        String text = "caf\u00e9 \u65e5\u672c $HOME `id` ; # ' \u00a0";

        assertThat(GuestfishSession.quote(text)).isEqualTo("\"" + text + "\"");
    }

    @ParameterizedTest(name = "control character U+{0} is rejected")
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b, 0x1f, 0x7f})
    void shouldRejectControlCharacters(final int control) {
        String argument = "/tmp/evil" + (char) control + "name";

        assertThatIllegalArgumentException().isThrownBy(() -> GuestfishSession.quote(argument))
                .withMessageContaining("control character")
                .satisfies(exception -> assertThat(exception.getMessage())
                        .doesNotContain(String.valueOf((char) control)));
    }

    @Test
    void shouldRejectANewlineThatWouldStartANewCommand() {
        assertThatIllegalArgumentException().isThrownBy(() -> GuestfishSession.quote("x\"\n!rm -rf /\n"));
    }

    @Test
    void shouldBeReadBackByGuestfishUnchanged() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");

        assertThat(echoThroughGuestfish(TRICKY)).containsExactlyElementsOf(TRICKY);
    }

    @Test
    void shouldBeReadBackByGuestfishUnchangedForRandomPrintableText() throws IOException, InterruptedException {
        RequiredTools.require("apt-get install libguestfs-tools", "guestfish");
        Random random = new Random(1234);
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder argument = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                argument.append(switch (random.nextInt(4)) {
                    case 0 -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
                    case 1 -> (char) (' ' + random.nextInt('~' - ' ' + 1));
                    case 2 -> (char) (0xa0 + random.nextInt(0x250 - 0xa0));
                    default -> (char) (0x4e00 + random.nextInt(0x100));
                });
            }
            arguments.add(argument.toString());
        }

        assertThat(echoThroughGuestfish(arguments)).containsExactlyElementsOf(arguments);
    }

    /** Feeds "echo ARGUMENT" lines to guestfish (no appliance is launched for echo) and returns what it printed. */
    private static List<String> echoThroughGuestfish(final List<String> arguments)
            throws IOException, InterruptedException {
        StringBuilder commands = new StringBuilder();
        for (String argument : arguments) {
            commands.append("echo ").append(GuestfishSession.quote(argument)).append('\n');
        }
        Path script = Files.createTempFile("guestfish-quote", ".script");
        Path stderr = Files.createTempFile("guestfish-quote", ".stderr");
        try {
            Files.writeString(script, commands, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("guestfish", "--no-progress-bars")
                    .redirectInput(script.toFile()).redirectError(stderr.toFile());
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("guestfish finished").isTrue();
            assertThat(process.exitValue()).as("guestfish exit code, stderr: %s", Files.readString(stderr)).isZero();
            assertThat(Files.readString(stderr)).as("guestfish errors").isEmpty();
            List<String> lines = List.of(new String(output, StandardCharsets.UTF_8).split("\n", -1));
            assertThat(lines).as("one line per echo, then the final newline").hasSize(arguments.size() + 1);
            assertThat(lines.get(arguments.size())).isEmpty();
            return lines.subList(0, arguments.size());
        }
        finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(stderr);
        }
    }

}
