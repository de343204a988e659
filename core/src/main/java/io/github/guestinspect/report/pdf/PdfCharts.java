package io.github.guestinspect.report.pdf;

import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.report.figures.Phase;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's charts, drawn as vector paths (rectangles and lines), never as images. */
final class PdfCharts {
    private static final float LABEL_WIDTH = 120;
    private static final float VALUE_WIDTH = 44;
    private static final float BAR_HEIGHT = 10;
    private static final float ROW = 16;
    private static final float AXIS = 16;
    private static final float LEGEND = 30;

    private PdfCharts() {
    }

    /**
     * One horizontal bar per image, stacked from its phases in phase order, with the total at its end; a legend
     * above, an axis in seconds below. Rows run on over pages (the axis and legend repeat).
     */
    static void phases(final PdfCanvas canvas, final List<InspectionResult> results) throws IOException {
        double max = 0;
        for (InspectionResult result : results) {
            max = Math.max(max, Phase.total(result) / 1000.0);
        }
        Scale scale = Scale.of(max);
        float plotLeft = PdfCanvas.LEFT + LABEL_WIDTH;
        float plotWidth = PdfCanvas.WIDTH - LABEL_WIDTH - VALUE_WIDTH;

        List<Phase> phases = List.of(Phase.values());
        int index = 0;
        while (index < results.size()) {
            canvas.ensure(LEGEND + ROW * Math.min(3, results.size() - index) + AXIS + 8);
            legend(canvas, phases.stream().map(p -> new Entry(p.label(), Phase.rgb(p.color()), false)).toList());
            float top = canvas.y();
            int rows = Math.max(1, Math.min(results.size() - index,
                    (int) Math.floor((top - AXIS - PdfCanvas.BOTTOM) / ROW)));
            grid(canvas, scale, plotLeft, plotWidth, top, top - rows * ROW);
            for (int row = 0; row < rows; row++) {
                InspectionResult result = results.get(index++);
                float centre = canvas.y() - ROW / 2;
                canvas.fittedText(canvas.clean(result.image().fileName()), PdfCanvas.LEFT, centre - 3,
                        LABEL_WIDTH - 8, 8, false, PdfCanvas.TEXT);
                float x = plotLeft;
                for (Phase phase : phases) {
                    float width = scale.length(Math.max(0, phase.millis(result)) / 1000.0, plotWidth);
                    canvas.box(x, centre - BAR_HEIGHT / 2, width, BAR_HEIGHT, Phase.rgb(phase.color()));
                    x += width;
                }
                canvas.text(seconds(Phase.total(result)), x + 4, centre - 3, 7.5f, false, PdfCanvas.MUTED);
                canvas.down(ROW);
            }
            axis(canvas, scale, plotLeft, plotWidth);
            if (index < results.size()) {
                canvas.newPage();
            }
        }
    }

    /** Vertical grid lines behind a block of bars, the zero line darker. */
    private static void grid(final PdfCanvas canvas, final Scale scale, final float left, final float width,
                             final float top, final float bottom) throws IOException {
        for (int tick = scale.ticks(); tick >= 0; tick--) {
            float x = left + width * tick / scale.ticks();
            canvas.line(x, top, x, bottom, tick == 0 ? PdfCanvas.MUTED : PdfCanvas.RULE, tick == 0 ? 0.6f : 0.4f);
        }
    }

    /** The seconds axis under a block of bars. */
    private static void axis(final PdfCanvas canvas, final Scale scale, final float left, final float width)
            throws IOException {
        float bottom = canvas.y();
        for (int tick = 0; tick <= scale.ticks(); tick++) {
            float x = left + width * tick / scale.ticks();
            String label = scale.label(tick);
            canvas.text(label, x - canvas.textWidth(label, 7, false) / 2, bottom - 9, 7, false, PdfCanvas.MUTED);
        }
        String unit = "seconds";
        canvas.text(unit, left + width + 12, bottom - 9, 7, false, PdfCanvas.MUTED);
        canvas.down(AXIS + 2);
    }

    /**
     * A line chart of the runs: wall time (dark, thicker) and each trended phase summed over the images, seconds
     * on the y axis, run labels on the x axis (thinned out when crowded).
     */
    static void trend(final PdfCanvas canvas, final List<TrendPoint> points) throws IOException {
        List<Phase> phases = Phase.trended();
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("wall time", Phase.rgb(Phase.WALL_COLOR), true));
        phases.forEach(p -> entries.add(new Entry(p.label() + " (all images)", Phase.rgb(p.color()), true)));
        float height = 170;
        canvas.ensure(LEGEND + 12 + height + 24);
        legend(canvas, entries);

        double max = 0;
        for (TrendPoint point : points) {
            max = Math.max(max, Math.max(0, point.wallMillis()) / 1000.0);
            for (Phase phase : phases) {
                max = Math.max(max, Math.max(0, phase.millis(point)) / 1000.0);
            }
        }
        Scale scale = Scale.of(max);
        float left = PdfCanvas.LEFT + 34;
        float right = PdfCanvas.RIGHT - 8;
        float top = canvas.y() - 6;
        float bottom = top - height;
        float width = right - left;

        for (int tick = 0; tick <= scale.ticks(); tick++) {
            float y = bottom + height * tick / scale.ticks();
            canvas.line(left, y, right, y, tick == 0 ? PdfCanvas.MUTED : PdfCanvas.RULE, tick == 0 ? 0.6f : 0.4f);
            String label = scale.label(tick);
            canvas.text(label, left - 4 - canvas.textWidth(label, 7, false), y - 2.5f, 7, false, PdfCanvas.MUTED);
        }

        int n = points.size();
        float step = n > 1 ? width / (n - 1) : 0;
        int every = Math.max(1, (int) Math.ceil(n / (width / 46)));
        for (int i = 0; i < n; i++) {
            float x = left + i * step;
            canvas.line(x, bottom, x, bottom - 2.5f, PdfCanvas.MUTED, 0.5f);
            if (i % every == 0 || i == n - 1 && (n - 1) % every >= every / 2) {
                String label = canvas.fit(canvas.clean(points.get(i).label()), Math.max(20, step * every - 4), 7,
                        false);
                float labelWidth = canvas.textWidth(label, 7, false);
                float labelX = Math.min(Math.max(x - labelWidth / 2, left - 10), right + 6 - labelWidth);
                canvas.text(label, labelX, bottom - 11, 7, false, PdfCanvas.MUTED);
            }
        }

        PDPageContentStream stream = canvas.stream();
        stream.setLineJoinStyle(1);
        stream.setLineCapStyle(1);
        for (int series = phases.size(); series >= 0; series--) {
            boolean wall = series == 0;
            Phase phase = wall ? null : phases.get(series - 1);
            float[] color = wall ? Phase.rgb(Phase.WALL_COLOR) : Phase.rgb(phase.color());
            stream.setStrokingColor(color[0], color[1], color[2]);
            stream.setLineWidth(wall ? 2f : 1.2f);
            for (int i = 0; i < n; i++) {
                TrendPoint point = points.get(i);
                double value = Math.max(0, wall ? point.wallMillis() : phase.millis(point)) / 1000.0;
                float x = left + i * step;
                float y = bottom + scale.length(value, height);
                if (i == 0) {
                    stream.moveTo(x, y);
                }
                else {
                    stream.lineTo(x, y);
                }
            }
            stream.stroke();
            for (int i = 0; i < n && n <= 40; i++) {
                TrendPoint point = points.get(i);
                double value = Math.max(0, wall ? point.wallMillis() : phase.millis(point)) / 1000.0;
                canvas.dot(left + i * step, bottom + scale.length(value, height), wall ? 2.2f : 1.6f, color);
            }
        }
        canvas.down(6 + height + 20);
    }

    record Entry(String label, float[] color, boolean line) {
    }

    /** A row (or rows) of coloured keys with labels. */
    private static void legend(final PdfCanvas canvas, final List<Entry> entries) throws IOException {
        float x = PdfCanvas.LEFT;
        canvas.down(12);
        for (Entry entry : entries) {
            String label = canvas.clean(entry.label());
            float width = 12 + canvas.textWidth(label, 7.5f, false) + 12;
            if (x + width > PdfCanvas.RIGHT) {
                x = PdfCanvas.LEFT;
                canvas.down(11);
            }
            float centre = canvas.y() + 2.5f;
            if (entry.line()) {
                canvas.line(x, centre, x + 9, centre, entry.color(), 2f);
            }
            else {
                canvas.box(x, centre - 3.5f, 8, 7, entry.color());
            }
            canvas.text(label, x + 12, canvas.y(), 7.5f, false, PdfCanvas.TEXT);
            x += width;
        }
        canvas.down(6);
    }

    static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%.1f s", Math.max(0, millis) / 1000.0);
    }

    /** A linear axis from 0 with a "nice" step (1, 2 or 5 times a power of ten). */
    record Scale(double step, int ticks) {
        static Scale of(final double max) {
            if (!(max > 0) || Double.isInfinite(max)) {
                return new Scale(1, 1);
            }
            double raw = max / 6;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
            int ticks = (int) Math.max(1, Math.min(50, Math.ceil(max / step - 1e-9)));
            return new Scale(step, ticks);
        }

        double max() {
            return step * ticks;
        }

        float length(final double value, final float full) {
            double share = value / max();
            if (!Double.isFinite(share)) {
                return 0;
            }
            return (float) (Math.min(1, Math.max(0, share)) * full);
        }

        String label(final int tick) {
            double value = step * tick;
            if (value >= 1e6) {
                return String.format(Locale.ROOT, "%.2g", value);
            }
            return step >= 1 ? String.format(Locale.ROOT, "%.0f", value)
                    : String.format(Locale.ROOT, "%." + (int) Math.ceil(-Math.log10(step)) + "f", value);
        }
    }
}
