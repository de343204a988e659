package io.github.guestinspect.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The guard and runner for tests that read PDFs with poppler-utils (pdftoppm, pdftotext). Under CI=true a missing
 * poppler fails the test loudly; a developer may skip such tests only by asking for it explicitly
 * (GUEST_INSPECT_SKIP_MISSING_TOOLS=true, never honoured under CI=true). scripts/setup.sh installs poppler-utils.
 */
public final class Poppler {
    private static final long TIMEOUT_SECONDS = 120;

    private Poppler() {
    }

    /** Fails (or, when explicitly allowed outside CI, skips) unless pdftoppm and pdftotext are installed. */
    public static void require() {
        if (onPath("pdftoppm") && onPath("pdftotext")) {
            return;
        }
        String message = "pdftoppm and pdftotext are required: apt-get install poppler-utils (scripts/setup.sh"
                + " installs it)";
        if (!"true".equals(System.getenv("CI")) && "true".equals(System.getenv("GUEST_INSPECT_SKIP_MISSING_TOOLS"))) {
            Assumptions.abort(message + " (skipped because GUEST_INSPECT_SKIP_MISSING_TOOLS=true)");
        }
        fail(message);
    }

    /** The text of the PDF (all pages, or from {@code first} to {@code last} when they are positive), as UTF-8. */
    public static String text(final Path pdf, final int first, final int last) {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        if (first > 0) {
            command.addAll(List.of("-f", Integer.toString(first), "-l", Integer.toString(last)));
        }
        command.addAll(List.of(pdf.toString(), "-"));
        return run(command);
    }

    public static String text(final Path pdf) {
        return text(pdf, 0, 0);
    }

    /** Renders the pages from {@code first} to {@code last} as PNG files in {@code directory}, sorted by page. */
    public static List<Path> png(final Path pdf, final Path directory, final int first, final int last,
                                 final int dpi) {
        run(List.of("pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", Integer.toString(first), "-l",
                Integer.toString(last), pdf.toString(), directory.resolve("page").toString()));
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("page-\\d+\\.png")).sorted().toList();
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String run(final List<String> command) {
        try {
            Path output = Files.createTempFile("poppler", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    fail(String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
                }
                return text;
            }
            finally {
                Files.deleteIfExists(output);
            }
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(exception);
        }
    }

    static boolean onPath(final String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
