package io.github.guestinspect.report.pdf;

import io.github.guestinspect.report.ReportData;
import io.github.guestinspect.report.samples.ReportSamples;
import io.github.guestinspect.testing.Poppler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportTest {
    @Test
    void shouldShowViolationsAndHostnamesAsText(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(), ReportSamples.realistic(), directory.resolve("report.pdf"));

        String text = Poppler.text(pdf);

        assertThat(text).contains("guest-inspect report \u2014 images #42");
        assertThat(text).contains("db-01.example.internal").contains("web-01");
        assertThat(text).contains("telnetd 0.17-44").contains("no-telnet: Telnet servers must not")
                .contains("openssl 3.0.11-1~deb12u2").contains("openssl >= 3.0.13");
        assertThat(text).contains("Rocky Linux 9.3 (Blue").contains("qemu-img check: 3 errors were found");
        assertThat(text).contains("Where the time went").contains("Trend").contains("Policy violations")
                .contains("Changes since the previous run").contains("vendor image, replaced");
        assertThat(text).contains("Page 1 of 3").contains("Page 3 of 3");
    }

    @Test
    void shouldDrawTheChartsOnTheFirstPage(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(), ReportSamples.realistic(), directory.resolve("report.pdf"));

        List<Path> pages = Poppler.png(pdf, directory, 1, 1, 72);

        assertThat(pages).hasSize(1);
        BufferedImage page = ImageIO.read(pages.get(0).toFile());
        assertThat(page.getWidth()).isBetween(594, 597);
        assertThat(page.getHeight()).isBetween(841, 843);
        // the stacked bars: every phase colour covers a good many pixels
        assertThat(pixels(page, 0x4E79A7)).as("hashing blue").isGreaterThan(150);
        assertThat(pixels(page, 0xF28E2B)).as("launch orange").isGreaterThan(150);
        assertThat(pixels(page, 0x59A14F)).as("OS inspection green").isGreaterThan(150);
        assertThat(pixels(page, 0xE15759)).as("package listing red").isGreaterThan(150);
        Files.createDirectories(Path.of("target", "report-samples"));
        Files.copy(pages.get(0), Path.of("target", "report-samples", "sample-page-1.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldDrawVectorsAndEmbedAUnicodeFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes(new PdfReport(), ReportSamples.realistic()))) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                assertThat(resources.getXObjectNames()).as("images or forms on a page").isEmpty();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.getName()).endsWith("+LiberationSans");
                    assertThat(font.isEmbedded()).isTrue();
                }
            }
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("guest-inspect report \u2014 images #42");
        }
    }

    @Test
    void shouldDrawHostileTextAsPlainText(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(), ReportSamples.hostile("host\u202Eevil\u0007"), directory.resolve("h.pdf"));

        String text = Poppler.text(pdf);

        assertThat(text).contains("<script>alert(1)</script>").contains("\"><img src=x onerror=alert(1)>");
        assertThat(text).contains("\\u202eevil\\x07").doesNotContain("\u202E");
        assertThat(text).contains("x\\x01y\\x1b[31mz").contains("lone?surrogate");
        assertThat(text).as("Cyrillic is in the font, CJK and emoji are not").contains("? \u043F\u0430\u043A\u0435\u0442 ? \u00FC");
        assertThat(text).as("line breaks shown, not collapsed into spaces").contains("line\\x0abreak\\x0d\\x0arow");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
    }

    @Property(tries = 60)
    void shouldNeverFailOnAnyText(@ForAll("texts") final String text) throws IOException {
        byte[] pdf = bytes(new PdfReport(), ReportSamples.hostile(text));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0400', '\u04FF').ofMinLength(300).ofMaxLength(2000),
                Arbitraries.strings().withChars("abc \u00A0\u200B\u0301").ofMaxLength(600),
                Arbitraries.of(ReportSamples.HOSTILE));
    }

    @Test
    void shouldRunOnOverPagesWithTheTableHeaderOnEach(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(), ReportSamples.large(60, 400, 30), directory.resolve("large.pdf"));

        int pages;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            pages = document.getNumberOfPages();
        }
        assertThat(pages).isGreaterThan(10);
        // pdftotext ends every page with a form feed
        List<String> texts = List.of(Poppler.text(pdf).split("\f"));
        assertThat(texts.get(pages - 1)).contains("Page " + pages + " of " + pages);
        int headers = 0;
        for (int page = 1; page <= pages; page++) {
            String text = texts.get(page - 1);
            assertThat(text).contains("Page " + page + " of " + pages);
            if (text.contains("package-29 1.29-1")) {
                assertThat(text).as("page %d", page).contains("Finding");
                headers++;
            }
        }
        assertThat(headers).isGreaterThan(2);
        assertThat(String.join("", texts)).contains("\u2026 and 100 more changes.").contains("image-059.qcow2");
    }

    @Test
    void shouldEmbedTheFontWithoutGlyphSubstitution() throws IOException {
        byte[] font;
        try (var input = PdfFonts.class.getResourceAsStream(PdfFonts.EMBEDDED_FONT)) {
            font = input.readAllBytes();
        }
        assertThat(tags(font)).contains("GSUB", "cmap", "glyf");

        List<String> tags = tags(PdfFonts.withoutGlyphSubstitution(font.clone()));

        assertThat(tags).doesNotContain("GSUB").contains("GSUX", "cmap", "glyf");
    }

    private static List<String> tags(final byte[] font) {
        int tables = (font[4] & 0xff) << 8 | font[5] & 0xff;
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            tags.add(new String(font, 12 + 16 * i, 4, java.nio.charset.StandardCharsets.US_ASCII));
        }
        return tags;
    }

    @Test
    void shouldFallBackToTheStandardFontsWithQuestionMarks(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(false), ReportSamples.hostile("caf\u00E9 \u043F\u0430\u043A\u0435\u0442"),
                directory.resolve("standard.pdf"));

        assertThat(Poppler.text(pdf)).contains("caf\u00E9 ?????").contains("<script>alert(1)</script>");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDResources resources = document.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name).getName());
            }
            assertThat(fonts).containsExactlyInAnyOrder("Helvetica", "Helvetica-Bold");
        }
    }

    @Test
    void shouldSaySoWhenThereIsNothingToShow(@TempDir final Path directory) throws IOException {
        Poppler.require();
        Path pdf = write(new PdfReport(), new ReportData("", ReportSamples.GENERATED, List.of(), Optional.empty(),
                List.of(), List.of()), directory.resolve("empty.pdf"));

        String text = Poppler.text(pdf);
        assertThat(text).contains("0 images").contains("No images were inspected.").contains("Page 1 of 1");
    }

    private static Path write(final PdfReport report, final ReportData data, final Path file) throws IOException {
        Files.write(file, bytes(report, data));
        return file;
    }

    private static byte[] bytes(final PdfReport report, final ReportData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            report.write(data, out);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        byte[] pdf = out.toByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return pdf;
    }

    /** Pixels within a small distance of the colour (anti-aliasing aside). */
    private static int pixels(final BufferedImage image, final int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int dr = Math.abs((pixel >> 16 & 0xff) - (rgb >> 16 & 0xff));
                int dg = Math.abs((pixel >> 8 & 0xff) - (rgb >> 8 & 0xff));
                int db = Math.abs((pixel & 0xff) - (rgb & 0xff));
                if (dr + dg + db < 24) {
                    count++;
                }
            }
        }
        return count;
    }
}
