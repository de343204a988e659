package io.github.guestinspect.report.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages of an A4 document and a cursor running down them: text that wraps, tables whose rows never split and whose
 * header repeats on every page, and room for charts. Every string drawn goes through {@link PdfText#visible} and
 * {@link PdfFonts#printable} first.
 */
final class PdfCanvas implements AutoCloseable {
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN = 42;
    static final float FOOTER = 28;
    static final float LEFT = MARGIN;
    static final float RIGHT = PAGE.getWidth() - MARGIN;
    static final float WIDTH = RIGHT - LEFT;
    static final float TOP = PAGE.getHeight() - MARGIN;
    static final float BOTTOM = MARGIN + FOOTER;

    static final float[] TEXT = rgb("#1F2328");
    static final float[] MUTED = rgb("#59636E");
    static final float[] RULE = rgb("#D0D7DE");
    static final float[] HEADER_FILL = rgb("#EAEEF2");
    static final float[] STRIPE_FILL = rgb("#F6F8FA");
    static final float[] ACCENT = rgb("#0969DA");

    private final PDDocument document;
    final PdfFonts fonts;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream stream;
    private float y;

    PdfCanvas(final PDDocument document, final boolean embedFont) throws IOException {
        this.document = document;
        this.fonts = PdfFonts.load(document, embedFont);
        newPage();
    }

    static float[] rgb(final String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new float[] {(value >> 16 & 0xff) / 255f, (value >> 8 & 0xff) / 255f, (value & 0xff) / 255f};
    }

    // ---- pages and the cursor

    float y() {
        return y;
    }

    void down(final float distance) {
        y -= distance;
    }

    /** Starts a new page when less than {@code height} is left on this one. */
    void ensure(final float height) throws IOException {
        if (y - height < BOTTOM && y < TOP) {
            newPage();
        }
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        pages.add(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    PDPageContentStream stream() {
        return stream;
    }

    /** Writes "left text" and "Page n of m" at the foot of every page. */
    void footers(final String left) throws IOException {
        stream.close();
        stream = null;
        int number = 0;
        for (PDPage page : pages) {
            number++;
            try (PDPageContentStream footer = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream = footer;
                line(LEFT, MARGIN + 10, RIGHT, MARGIN + 10, RULE, 0.5f);
                text(left, LEFT, MARGIN, 7.5f, false, MUTED);
                String right = "Page " + number + " of " + pages.size();
                text(right, RIGHT - textWidth(right, 7.5f, false), MARGIN, 7.5f, false, MUTED);
                stream = null; // the body's stream is closed: nothing may draw after the footers
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    // ---- text

    /** Untrusted or not: the text as the fonts will draw it. */
    String clean(final String text) {
        return fonts.printable(PdfText.visible(text));
    }

    float textWidth(final String clean, final float size, final boolean bold) {
        return fonts.width(bold, clean, size);
    }

    /** Draws already-clean text with its baseline at (x, y). */
    void text(final String clean, final float x, final float baseline, final float size, final boolean bold,
              final float[] color) throws IOException {
        if (clean.isEmpty()) {
            return;
        }
        PDFont font = bold ? fonts.bold : fonts.regular;
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(color[0], color[1], color[2]);
        if (bold && fonts.syntheticBold) {
            stream.setStrokingColor(color[0], color[1], color[2]);
            stream.setLineWidth(size * 0.035f);
            stream.setRenderingMode(RenderingMode.FILL_STROKE);
        }
        stream.newLineAtOffset(x, baseline);
        stream.showText(clean);
        if (bold && fonts.syntheticBold) {
            stream.setRenderingMode(RenderingMode.FILL);
        }
        stream.endText();
    }

    /** Draws clean text shortened with an ellipsis to fit the width. */
    void fittedText(final String clean, final float x, final float baseline, final float width, final float size,
                    final boolean bold, final float[] color) throws IOException {
        text(fit(clean, width, size, bold), x, baseline, size, bold, color);
    }

    String fit(final String clean, final float width, final float size, final boolean bold) {
        if (textWidth(clean, size, bold) <= width) {
            return clean;
        }
        String ellipsis = fonts.printable("\u2026");
        float limit = width * 1000f / size - fonts.width(bold, ellipsis, 1000f);
        float units = 0;
        int end = 0;
        while (end < clean.length()) {
            int codePoint = clean.codePointAt(end);
            float advance = fonts.advance(bold, codePoint);
            if (units + advance > limit) {
                break;
            }
            units += advance;
            end += Character.charCount(codePoint);
        }
        return limit <= 0 ? "" : clean.substring(0, end) + ellipsis;
    }

    /** Clean text broken into lines no wider than {@code width}, words kept whole where they fit. */
    List<String> wrap(final String clean, final float width, final float size, final boolean bold) {
        float limit = width * 1000f / size;
        float space = fonts.advance(bold, ' ');
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float lineUnits = 0;
        for (String word : clean.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            float wordUnits = fonts.width(bold, word, 1000f);
            if (!line.isEmpty() && lineUnits + space + wordUnits <= limit) {
                line.append(' ').append(word);
                lineUnits += space + wordUnits;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineUnits = 0;
            }
            if (wordUnits <= limit) {
                line.append(word);
                lineUnits = wordUnits;
                continue;
            }
            // a word wider than the line is broken between characters
            for (int i = 0; i < word.length(); ) {
                int codePoint = word.codePointAt(i);
                float advance = fonts.advance(bold, codePoint);
                if (!line.isEmpty() && lineUnits + advance > limit) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineUnits = 0;
                }
                line.appendCodePoint(codePoint);
                lineUnits += advance;
                i += Character.charCount(codePoint);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A paragraph of untrusted text, wrapped, moving the cursor down. */
    void paragraph(final String text, final float size, final float[] color) throws IOException {
        float leading = size * 1.35f;
        for (String line : wrap(clean(text), WIDTH, size, false)) {
            ensure(leading);
            down(leading);
            text(line, LEFT, y + size * 0.3f, size, false, color);
        }
    }

    /** A section heading with a rule under it, kept on the page with at least {@code keep} points after it. */
    void heading(final String text, final float keep) throws IOException {
        ensure(34 + keep);
        if (y < TOP) {
            down(14);
        }
        down(16);
        text(clean(text), LEFT, y, 13, true, TEXT);
        down(6);
        line(LEFT, y, RIGHT, y, RULE, 0.75f);
        down(8);
    }

    /** A smaller heading (an image in the violation list). */
    void subheading(final String text, final float keep) throws IOException {
        ensure(22 + keep);
        down(16);
        fittedText(clean(text), LEFT, y, WIDTH, 10, true, TEXT);
        down(6);
    }

    // ---- shapes

    void line(final float x1, final float y1, final float x2, final float y2, final float[] color, final float width)
            throws IOException {
        stream.setStrokingColor(color[0], color[1], color[2]);
        stream.setLineWidth(width);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
    }

    void box(final float x, final float bottom, final float width, final float height, final float[] color)
            throws IOException {
        if (!(width > 0) || !(height > 0)) {
            return;
        }
        stream.setNonStrokingColor(color[0], color[1], color[2]);
        stream.addRect(x, bottom, width, height);
        stream.fill();
    }

    void dot(final float x, final float centre, final float radius, final float[] color) throws IOException {
        float k = 0.5523f * radius;
        stream.setNonStrokingColor(color[0], color[1], color[2]);
        stream.moveTo(x + radius, centre);
        stream.curveTo(x + radius, centre + k, x + k, centre + radius, x, centre + radius);
        stream.curveTo(x - k, centre + radius, x - radius, centre + k, x - radius, centre);
        stream.curveTo(x - radius, centre - k, x - k, centre - radius, x, centre - radius);
        stream.curveTo(x + k, centre - radius, x + radius, centre - k, x + radius, centre);
        stream.fill();
    }

    // ---- tables

    /** A table cell: untrusted text, optionally bold, right-aligned, or with a coloured dot before it. */
    record Cell(String text, boolean bold, boolean right, float[] dot) {
        static Cell of(final String text) {
            return new Cell(text, false, false, null);
        }

        static Cell number(final String text) {
            return new Cell(text, false, true, null);
        }

        static Cell marked(final String text, final float[] dot) {
            return new Cell(text, false, false, dot);
        }
    }

    /**
     * A table over the whole width: {@code widths} are shares of it, rows wrap up to {@code maxLines} lines per
     * cell (the rest shortened with an ellipsis), rows stripe, and a row that does not fit starts a new page under
     * a repeated header.
     */
    void table(final List<String> header, final float[] widths, final List<List<Cell>> rows, final int maxLines)
            throws IOException {
        float size = 8;
        float leading = size * 1.3f;
        float padding = 3.5f;
        float total = 0;
        for (float width : widths) {
            total += width;
        }
        float[] columns = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            columns[i] = WIDTH * widths[i] / total;
        }
        List<String> headerText = header.stream().map(this::clean).toList();
        boolean[] rightAligned = new boolean[columns.length];
        if (!rows.isEmpty()) {
            for (int c = 0; c < columns.length && c < rows.get(0).size(); c++) {
                rightAligned[c] = rows.get(0).get(c).right();
            }
        }
        float headerHeight = leading + 2 * padding;
        List<List<List<String>>> laidOut = new ArrayList<>();
        List<Float> heights = new ArrayList<>();
        for (List<Cell> row : rows) {
            List<List<String>> cellLines = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < columns.length; c++) {
                Cell cell = c < row.size() ? row.get(c) : Cell.of("");
                float inner = columns[c] - 2 * padding - (cell.dot() == null ? 0 : 9);
                List<String> wrapped = wrap(clean(cell.text()), inner, size, cell.bold());
                if (wrapped.size() > maxLines) {
                    List<String> cut = new ArrayList<>(wrapped.subList(0, maxLines));
                    cut.set(maxLines - 1, fit(cut.get(maxLines - 1) + fonts.printable("\u2026"), inner, size,
                            cell.bold()));
                    wrapped = cut;
                }
                cellLines.add(wrapped);
                lines = Math.max(lines, wrapped.size());
            }
            laidOut.add(cellLines);
            heights.add(lines * leading + 2 * padding);
        }
        ensure(headerHeight + (heights.isEmpty() ? 0 : heights.get(0)));
        drawHeader(headerText, rightAligned, columns, headerHeight, size, padding);
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            List<List<String>> cellLines = laidOut.get(r);
            float height = heights.get(r);
            if (y - height < BOTTOM) {
                newPage();
                drawHeader(headerText, rightAligned, columns, headerHeight, size, padding);
            }
            if (r % 2 != 0) {
                box(LEFT, y - height, WIDTH, height, STRIPE_FILL);
            }
            float x = LEFT;
            for (int c = 0; c < columns.length; c++) {
                Cell cell = c < row.size() ? row.get(c) : Cell.of("");
                float textX = x + padding;
                if (cell.dot() != null) {
                    dot(textX + 3, y - padding - leading / 2 + 0.5f, 2.8f, cell.dot());
                    textX += 9;
                }
                float baseline = y - padding - size;
                for (String line : cellLines.get(c)) {
                    float lineX = cell.right() ? x + columns[c] - padding - textWidth(line, size, cell.bold())
                            : textX;
                    text(line, lineX, baseline, size, cell.bold(), TEXT);
                    baseline -= leading;
                }
                x += columns[c];
            }
            down(height);
            line(LEFT, y, RIGHT, y, RULE, 0.4f);
        }
        down(4);
    }

    private void drawHeader(final List<String> header, final boolean[] rightAligned, final float[] columns,
                            final float height, final float size, final float padding) throws IOException {
        box(LEFT, y - height, WIDTH, height, HEADER_FILL);
        float x = LEFT;
        for (int c = 0; c < columns.length; c++) {
            String label = fit(c < header.size() ? header.get(c) : "", columns[c] - 2 * padding, size, true);
            float labelX = rightAligned[c] ? x + columns[c] - padding - textWidth(label, size, true) : x + padding;
            text(label, labelX, y - padding - size, size, true, TEXT);
            x += columns[c];
        }
        down(height);
        line(LEFT, y, RIGHT, y, RULE, 0.6f);
    }
}
