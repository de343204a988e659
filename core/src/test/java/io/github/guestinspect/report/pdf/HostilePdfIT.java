package io.github.guestinspect.report.pdf;

import io.github.guestinspect.testing.HostileImages;
import io.github.guestinspect.testing.Poppler;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF report of a real inspection of hostile images ({@link HostileImages}): their text drawn as plain text. */
class HostilePdfIT {
    @Test
    void shouldDrawTheImagesTextVisiblyEscaped(@TempDir final Path directory) throws Exception {
        Poppler.require();
        HostileImages hostile = HostileImages.get();
        Path pdf = directory.resolve("hostile.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new PdfReport().write(hostile.reportData(), out);
        }

        String text = Poppler.text(pdf);
        HostileImages.assertHoldsNoSecret("the PDF report", text);

        // table cells wrap long text, so only pieces that fit on one line of a cell are looked for
        assertThat(text).contains("host<img src=x", "d=12>\\x1b[31m", "<script>window.pwned=1</script>x",
                "gi-ctl-\\x1b[31mred\\x07bell", "gi-bidi-\\u202eexe.txt\\u202c-x", "gi-nul-\\x00-x 5",
                "gi-latin1-\u00e9t\u00e9-x", "gi-line\\x0abreak");
        assertThat(text.codePoints()).noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isBetween(2, 20);
        }
    }
}
