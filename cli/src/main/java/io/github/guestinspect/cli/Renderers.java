package io.github.guestinspect.cli;

import io.github.guestinspect.cli.ReportOutputs.Format;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.html.HtmlReport;
import io.github.guestinspect.report.markdown.MarkdownReport;
import io.github.guestinspect.report.pdf.PdfReport;
import io.github.guestinspect.report.sbom.CycloneDxReport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The renderers of the human-facing reports and of the SBOMs: the one place that names their classes (core's
 * report.html, report.markdown, report.pdf and report.sbom), so tests can put stand-ins in their place.
 *
 * @param html     HTML
 * @param markdown Markdown
 * @param pdf      PDF
 * @param sbom     CycloneDX JSON, one per image
 */
record Renderers(Page html, Text markdown, Page pdf, Sbom sbom) {
    /** Writes a report of a run to a stream. */
    @FunctionalInterface
    interface Page {
        void write(ReportData data, OutputStream out) throws IOException;
    }

    /** Writes a report of a run as text. */
    @FunctionalInterface
    interface Text {
        void write(ReportData data, Writer out) throws IOException;
    }

    /** Writes the SBOM of one image. */
    @FunctionalInterface
    interface Sbom {
        void write(InspectionResult result, OutputStream out) throws IOException;
    }

    /** The renderers of guest-inspect, HTML and Markdown with their default templates. */
    static Renderers standard() {
        return new Renderers(new HtmlReport()::write, new MarkdownReport()::write, new PdfReport()::write,
                new CycloneDxReport()::write);
    }

    /**
     * These renderers with a user's template for HTML or Markdown (the formats that have templates).
     *
     * @throws IOException              when the template cannot be read
     * @throws IllegalArgumentException when it names a placeholder that does not exist, or the format has no
     *                                  templates
     */
    Renderers withTemplate(final Format format, final Path template) throws IOException {
        return switch (format) {
            case HTML -> new Renderers(new HtmlReport(template)::write, markdown, pdf, sbom);
            case MD -> new Renderers(html, new MarkdownReport(template)::write, pdf, sbom);
            case PDF, SBOM -> throw new IllegalArgumentException("the " + format + " format has no template");
        };
    }

    /** Whether the format is rendered through a template a user may replace. */
    static boolean hasTemplate(final Format format) {
        return format == Format.HTML || format == Format.MD;
    }

    /** The default template of a format that has one. */
    static String defaultTemplate(final Format format) {
        return format == Format.MD ? MarkdownReport.defaultTemplate() : HtmlReport.defaultTemplate();
    }
}
