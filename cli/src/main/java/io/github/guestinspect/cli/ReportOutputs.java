package io.github.guestinspect.cli;

import io.github.guestinspect.files.AtomicFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.TerminalText;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the human-facing reports (HTML, Markdown, PDF) and the per-image SBOMs, each file atomically. File names
 * made from image names are sanitised, so no image name (untrusted: it may come from a saved report) can make a
 * report land outside its directory.
 */
final class ReportOutputs {
    static final String HTML_FILE = "report.html";
    static final String MARKDOWN_FILE = "report.md";
    static final String PDF_FILE = "report.pdf";
    static final String SBOM_DIRECTORY = "sbom";
    static final String SBOM_SUFFIX = ".cdx.json";
    private static final int MAX_NAME_LENGTH = 100;

    private final PrintWriter err;
    private final Renderers renderers;

    ReportOutputs(final PrintWriter err) {
        this(err, Renderers.standard());
    }

    ReportOutputs(final PrintWriter err, final Renderers renderers) {
        this.err = err;
        this.renderers = renderers;
    }

    /**
     * These outputs with the user's template for HTML or Markdown.
     *
     * @throws IOException              when the template cannot be read
     * @throws IllegalArgumentException when it names a placeholder that does not exist
     */
    ReportOutputs withTemplate(final Format format, final Path template) throws IOException {
        return new ReportOutputs(err, renderers.withTemplate(format, template));
    }

    /** The report formats. */
    enum Format {
        HTML, MD, PDF, SBOM;

        /** The file name in a report directory (SBOMs: one per image under sbom/). */
        String fileName() {
            return switch (this) {
                case HTML -> HTML_FILE;
                case MD -> MARKDOWN_FILE;
                case PDF -> PDF_FILE;
                case SBOM -> SBOM_DIRECTORY;
            };
        }

        /** The format a file name implies: .html/.htm, .md/.markdown, .pdf, .json (CycloneDX JSON). */
        static Optional<Format> fromFileName(final String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                return Optional.of(HTML);
            }
            if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
                return Optional.of(MD);
            }
            if (lower.endsWith(".pdf")) {
                return Optional.of(PDF);
            }
            if (lower.endsWith(".json")) {
                return Optional.of(SBOM);
            }
            return Optional.empty();
        }
    }

    /**
     * Writes {@code report.html}, {@code report.md}, {@code report.pdf} and {@code sbom/NAME.cdx.json} per image
     * into a directory; SBOMs of images no longer in the run are removed from {@code sbom/}.
     *
     * @return the files written
     */
    List<Path> writeDirectory(final Path directory, final ReportData data) throws IOException {
        Files.createDirectories(directory);
        AtomicFile.deleteAbandoned(directory);
        AtomicFile.deleteAbandoned(directory.resolve(SBOM_DIRECTORY));
        List<Path> written = new ArrayList<>();
        for (Format format : List.of(Format.HTML, Format.MD, Format.PDF)) {
            Path target = directory.resolve(format.fileName());
            write(format, target, data);
            written.add(target);
        }
        written.addAll(writeSboms(directory.resolve(SBOM_DIRECTORY), data.results(), true));
        return written;
    }

    /** Writes one human-facing report (HTML, Markdown or PDF) to a file. */
    void write(final Format format, final Path file, final ReportData data) throws IOException {
        switch (format) {
            case HTML -> AtomicFile.write(file, out -> renderers.html().write(data, out));
            case MD -> AtomicFile.write(file, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                renderers.markdown().write(data, writer);
                writer.flush();
            });
            case PDF -> AtomicFile.write(file, out -> renderers.pdf().write(data, out));
            case SBOM -> throw new IllegalArgumentException("SBOMs are written per image: writeSboms");
        }
    }

    /** Writes one CycloneDX SBOM to a file. */
    void writeSbom(final Path file, final InspectionResult result) throws IOException {
        AtomicFile.write(file, out -> renderers.sbom().write(result, out));
    }

    /**
     * Writes one SBOM per inspected image into a folder, named after the image ({@link #sbomNames}). Images that
     * could not be inspected get none: nothing is known about their components.
     *
     * @param removeStale also delete {@code *.cdx.json} files in the folder that this run did not write
     * @return the files written
     */
    List<Path> writeSboms(final Path folder, final List<InspectionResult> results, final boolean removeStale)
            throws IOException {
        Files.createDirectories(folder);
        List<InspectionResult> inspected = results.stream().filter(result -> result.status() != Status.FAILED)
                .toList();
        results.stream().filter(result -> result.status() == Status.FAILED).forEach(result -> err.println(
                "guest-inspect: no SBOM for " + TerminalText.safe(result.image().path())
                        + ": it could not be inspected"));
        List<Named> names = sbomNames(inspected);
        Path root = folder.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        for (Named named : names) {
            Path file = folder.resolve(named.fileName());
            if (!root.equals(file.toAbsolutePath().normalize().getParent())) { // cannot happen: names are sanitised
                throw new IllegalStateException("SBOM name leaves " + root + ": " + named.fileName());
            }
            writeSbom(file, named.result());
            written.add(file);
        }
        if (removeStale) {
            Set<String> keep = new HashSet<>(names.stream().map(Named::fileName).toList());
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SBOM_SUFFIX)) {
                for (Path file : files) {
                    if (!keep.contains(file.getFileName().toString()) && Files.isRegularFile(file)) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        return written;
    }

    /**
     * The SBOM file name of each result, in order: {@code NAME.cdx.json} with NAME the image's file name sanitised
     * ({@link #safeName}); a name taken already (ignoring case, for case-insensitive file systems) gets "-2", "-3"...
     */
    static List<Named> sbomNames(final List<InspectionResult> results) {
        Set<String> taken = new HashSet<>();
        List<Named> names = new ArrayList<>();
        for (InspectionResult result : results) {
            String fileName = lastElement(result.image().fileName()).isBlank() ? result.image().path()
                    : result.image().fileName();
            String base = safeName(fileName);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.add(new Named(result, name + SBOM_SUFFIX));
        }
        return names;
    }

    /** A result and the file name of its SBOM. */
    record Named(InspectionResult result, String fileName) {
    }

    private static String lastElement(final String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /**
     * A file name made from an untrusted name: its last path element (after '/' or '\'), every character outside
     * {@code [A-Za-z0-9._-]} replaced by '_', runs of dots collapsed to one (no ".."), no leading dot or dash (no
     * hidden files, nothing that looks like an option), at most 100 characters; "image" when nothing is left.
     */
    static String safeName(final String name) {
        String last = lastElement(name);
        StringBuilder safe = new StringBuilder();
        last.codePoints().forEach(c -> {
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            char next = allowed ? (char) c : '_';
            if (next == '.' && safe.length() > 0 && safe.charAt(safe.length() - 1) == '.') {
                return;
            }
            safe.append(next);
        });
        while (safe.length() > 0 && (safe.charAt(0) == '.' || safe.charAt(0) == '-')) {
            safe.deleteCharAt(0);
        }
        if (safe.length() > MAX_NAME_LENGTH) {
            safe.setLength(MAX_NAME_LENGTH);
        }
        while (safe.length() > 0 && safe.charAt(safe.length() - 1) == '.') {
            safe.setLength(safe.length() - 1);
        }
        return safe.length() == 0 ? "image" : safe.toString();
    }
}
