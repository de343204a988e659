package io.github.guestinspect.report.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fonts of one PDF document.
 *
 * <p>The choice: Liberation Sans Regular, the TrueType font (SIL Open Font License) that ships inside the pdfbox jar
 * itself ({@code org/apache/pdfbox/resources/ttf/}) for PDFBox's own font substitution, embedded as a subset. It
 * needs no font on the machine and no further dependency, and covers Latin, Greek, Cyrillic and the usual symbols;
 * the standard 14 fonts would cover only WinAnsi (western Latin). Headings are the same font drawn filled and
 * stroked (a synthetic bold), as only the regular face ships; glyph substitution is off (see
 * {@link #withoutGlyphSubstitution}). Should the resource ever be missing, the report falls
 * back to the standard 14 Helvetica and Helvetica-Bold. Either way a character the font cannot draw (CJK, emoji,
 * ...) is drawn as '?', so no text can make the report fail.
 */
final class PdfFonts {
    static final String EMBEDDED_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    /** The font resource as bytes, read once; empty when it is missing or unreadable. */
    private static final Optional<byte[]> FONT_BYTES = readFont();

    final PDFont regular;
    final PDFont bold;
    /** True when bold is the regular font drawn with a stroke (synthetic bold). */
    final boolean syntheticBold;
    private final Map<Integer, Boolean> drawable = new HashMap<>();
    private final Map<Integer, Float> regularAdvance = new HashMap<>();
    private final Map<Integer, Float> boldAdvance = new HashMap<>();

    private PdfFonts(final PDFont regular, final PDFont bold, final boolean syntheticBold) {
        this.regular = regular;
        this.bold = bold;
        this.syntheticBold = syntheticBold;
    }

    /** The embedded Liberation Sans when it can be had, else the standard 14 Helvetica. */
    static PdfFonts load(final PDDocument document, final boolean embed) {
        if (embed && FONT_BYTES.isPresent()) {
            try {
                PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES.get()), true);
                return new PdfFonts(font, font, true);
            }
            catch (IOException | RuntimeException unusable) {
                // fall through to the standard 14 fonts
            }
        }
        return new PdfFonts(new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), false);
    }

    private static Optional<byte[]> readFont() {
        try (InputStream input = PDFont.class.getResourceAsStream(EMBEDDED_FONT)) {
            return input == null ? Optional.empty() : Optional.of(withoutGlyphSubstitution(input.readAllBytes()));
        }
        catch (IOException | RuntimeException exception) {
            return Optional.empty();
        }
    }

    /**
     * The font with its GSUB table renamed (to "GSUX", an unknown table every reader skips). PDFBox 3 runs glyph
     * substitution on every string shown in a font that has one, compiling regular expressions each time: that made
     * a twenty-page report take ten seconds. Latin, Greek and Cyrillic need no substitution, and without ligatures
     * the text extracts letter for letter.
     */
    static byte[] withoutGlyphSubstitution(final byte[] font) {
        ByteBuffer buffer = ByteBuffer.wrap(font);
        int tables = Short.toUnsignedInt(buffer.getShort(4));
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (record + 4 > font.length) {
                break;
            }
            if (font[record] == 'G' && font[record + 1] == 'S' && font[record + 2] == 'U' && font[record + 3] == 'B') {
                font[record + 3] = 'X';
            }
        }
        return font;
    }

    /** The text with every character the fonts cannot draw replaced by '?'. */
    String printable(final String text) {
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (canDraw(c)) {
                printable.appendCodePoint(c);
            }
            else {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private boolean canDraw(final int codePoint) {
        return drawable.computeIfAbsent(codePoint, c -> {
            String character = new String(Character.toChars(c));
            try {
                regular.encode(character);
                if (bold != regular) {
                    bold.encode(character);
                }
                return regular.getStringWidth(character) >= 0;
            }
            catch (IOException | RuntimeException notInFont) {
                return false;
            }
        });
    }

    /** The width of printable text in points (the sum of its characters' advances; PDFBox does not kern). */
    float width(final boolean inBold, final String printable, final float size) {
        float units = 0;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            units += advance(inBold, codePoint);
            i += Character.charCount(codePoint);
        }
        return units / 1000f * size;
    }

    /** The advance of one printable character in font units (1000 per em). */
    float advance(final boolean inBold, final int codePoint) {
        PDFont font = inBold ? bold : regular;
        return (inBold ? boldAdvance : regularAdvance).computeIfAbsent(codePoint, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            }
            catch (IOException | RuntimeException exception) {
                return 600f;
            }
        });
    }
}
