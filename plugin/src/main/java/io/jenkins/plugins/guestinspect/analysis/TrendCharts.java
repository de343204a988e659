package io.jenkins.plugins.guestinspect.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.Palette;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LineSeries.FilledMode;
import edu.hm.hafner.echarts.line.LineSeries.StackedMode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.hm.hafner.echarts.line.LinesDataSet;
import edu.hm.hafner.echarts.line.SeriesBuilder;

/**
 * The job page's trend charts, built from the build summaries with echarts-build-trends' model classes (the ones
 * echarts-api renders), and their JSON (plain Jackson, not the deprecated JacksonFacade).
 */
public final class TrendCharts {
    private final ObjectMapper json = new ObjectMapper();

    /** The charts. */
    public enum Chart {
        /** Active violations by severity, stacked. */
        VIOLATIONS("Policy violations", StackedMode.STACKED, FilledMode.FILLED, List.of(
                line("error", "Error", Palette.RED, s -> s.getErrors()),
                line("warning", "Warning", Palette.ORANGE, s -> s.getWarnings()),
                line("info", "Info", Palette.BLUE, s -> s.getInfos()))),
        /** Share of images served from the cache, in percent. */
        CACHE("Cache hit ratio (%)", StackedMode.SEPARATE_LINES, FilledMode.LINES, List.of(
                line("hits", "Cache hits %", Palette.GREEN, s -> Math.round(s.getCacheHitRatio() * 1000) / 10.0))),
        /** Seconds per phase, summed over the images, stacked. */
        PHASES("Time per phase (s)", StackedMode.STACKED, FilledMode.FILLED, List.of(
                line("hash", "Hashing", Palette.TEAL, s -> seconds(s.getHashMillis())),
                line("launch", "Appliance launch", Palette.INDIGO, s -> seconds(s.getLaunchMillis())),
                line("os", "OS inspection", Palette.PURPLE, s -> seconds(s.getOsMillis())),
                line("packages", "Package listing", Palette.BROWN, s -> seconds(s.getPackageMillis())))),
        /** Images inspected and images that failed. */
        IMAGES("Images", StackedMode.SEPARATE_LINES, FilledMode.LINES, List.of(
                line("images", "Images", Palette.BLUE, s -> s.getImageCount()),
                line("failed", "Failed", Palette.RED, s -> s.getFailures())));

        private final String title;
        private final StackedMode stacked;
        private final FilledMode filled;
        private final List<Series> series;

        Chart(final String title, final StackedMode stacked, final FilledMode filled, final List<Series> series) {
            this.title = title;
            this.stacked = stacked;
            this.filled = filled;
            this.series = series;
        }

        public String title() {
            return title;
        }

        List<Series> series() {
            return series;
        }
    }

    /** One line of a chart. */
    record Series(String id, String name, Palette color, Function<InspectionSummary, Number> value) {
    }

    private static Series line(final String id, final String name, final Palette color,
                                 final Function<InspectionSummary, Number> value) {
        return new Series(id, name, color, value);
    }

    private static double seconds(final long millis) {
        return Math.round(millis / 100.0) / 10.0;
    }

    /**
     * The model of a chart.
     *
     * @param configuration the JSON the chart's configuration dialog stores (build count, axis type); blank or
     *                      invalid JSON means the defaults
     * @param history       the builds, newest first, as echarts-api hands them over
     */
    public LinesChartModel create(final Chart chart, final String configuration,
                                  final Iterable<? extends BuildResult<InspectionSummary>> history) {
        LinesDataSet dataSet = new ChartBuilder(chart).createDataSet(configuration(configuration), history);
        LinesChartModel model = new LinesChartModel(dataSet);
        if (chart == Chart.CACHE || chart == Chart.PHASES) {
            model.useContinuousRangeAxis();
        }
        for (Series series : chart.series()) {
            LineSeries line = new LineSeries(series.name(), series.color().getNormal(), chart.stacked, chart.filled);
            if (dataSet.containsSeries(series.id())) {
                line.addAll(dataSet.getSeries(series.id()));
            }
            model.addSeries(line);
        }
        return model;
    }

    public String toJson(final LinesChartModel model) {
        try {
            return json.writeValueAsString(model);
        }
        catch (JsonProcessingException exception) {
            throw new IllegalStateException("cannot write the chart model: " + exception.getMessage(), exception);
        }
    }

    static ChartModelConfiguration configuration(final String configuration) {
        if (configuration == null || configuration.isBlank()) {
            return new ChartModelConfiguration();
        }
        try {
            return ChartModelConfiguration.fromJson(configuration);
        }
        catch (RuntimeException exception) {
            return new ChartModelConfiguration();
        }
    }

    /** Computes one chart's values per build. */
    private static final class ChartBuilder extends SeriesBuilder<InspectionSummary> {
        private final Chart chart;

        ChartBuilder(final Chart chart) {
            super();
            this.chart = chart;
        }

        @Override
        protected Map<String, Double> computeSeries(final InspectionSummary current) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Series series : chart.series()) {
                values.put(series.id(), series.value().apply(current).doubleValue());
            }
            return values;
        }
    }
}
