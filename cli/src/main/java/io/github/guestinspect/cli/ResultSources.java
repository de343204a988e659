package io.github.guestinspect.cli;

import io.github.guestinspect.history.HistoryStore;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.JsonReport;
import io.github.guestinspect.report.TerminalText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads saved results: a JSON report written by {@code inspect --format json -o}, or a run of the history. */
final class ResultSources {
    private ResultSources() {
    }

    /** Why a source could not be loaded: a usage error, the message names the source. */
    static final class SourceException extends Exception {
        private static final long serialVersionUID = 1L;

        SourceException(final String message) {
            super(message);
        }
    }

    /** Reads a JSON report. */
    static List<InspectionResult> readReport(final Path file) throws SourceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException exception) {
            throw new SourceException("cannot read " + TerminalText.safe(file.toString()) + " ("
                    + TerminalText.safe(String.valueOf(exception.getMessage())) + ")");
        }
        try {
            return new JsonReport().read(bytes);
        }
        catch (IOException | RuntimeException exception) {
            String message = String.valueOf(exception.getMessage()).lines().findFirst().orElse("");
            throw new SourceException(TerminalText.safe(file.toString())
                    + " is not a guest-inspect JSON report (" + TerminalText.safe(message) + ")");
        }
    }

    /**
     * The results a command-line argument names: an existing file is read as a JSON report, anything else is looked
     * up as a run id (or label) in the history.
     */
    static List<InspectionResult> load(final String argument, final HistoryStore history) throws SourceException {
        Optional<Path> file = asFile(argument);
        if (file.isPresent()) {
            return readReport(file.get());
        }
        Optional<List<InspectionResult>> results = history.results(argument);
        if (results.isPresent()) {
            return results.get();
        }
        String shown = TerminalText.safe(argument);
        if (history.find(argument).isPresent()) {
            throw new SourceException("run " + shown + " is in the history " + history.directory()
                    + " but its results are no longer kept (only the newest runs keep them)");
        }
        throw new SourceException(shown + " is neither a JSON report file nor a run in the history "
                + history.directory() + " (guest-inspect history lists the runs)");
    }

    private static Optional<Path> asFile(final String argument) {
        try {
            Path path = Path.of(argument);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        }
        catch (InvalidPathException exception) {
            return Optional.empty();
        }
    }
}
