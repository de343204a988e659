package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Blank disk images made by the real qemu-img, as a workspace holds them. A missing qemu-img fails the test (on CI
 * and everywhere else): the checks it stands for cannot be faked.
 */
final class QemuImg {
    private QemuImg() {
    }

    /** Creates a blank image; {@code options} go before the file name ({@code -o subformat=monolithicFlat}). */
    static Path create(final Path image, final String format, final String size, final String... options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", format));
        command.addAll(List.of(options));
        command.addAll(List.of(image.toString(), size));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (IOException exception) {
            return fail("qemu-img is required: apt-get install qemu-utils (scripts/setup.sh installs it); "
                    + exception.getMessage());
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("qemu-img create " + image + " finished").isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8)).isZero();
        return image;
    }
}
