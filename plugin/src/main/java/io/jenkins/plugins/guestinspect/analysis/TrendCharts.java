package io.jenkins.plugins.guestinspect.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
import io.github.guestinspect.report.figures.Phase;

/**
 * The job page's trend charts, built from the build summaries with echarts-build-trends' model classes (the ones
 * echarts-api renders), and their JSON (plain Jackson, not the deprecated JacksonFacade).
 */
public final class TrendCharts {
    private final ObjectMapper json = new ObjectMapper();

    /** The charts. */
    public enum Chart {
        /** Active violations by severity, stacked; builds without a policy are left out. */
        VIOLATIONS("Policy violations", StackedMode.STACKED, FilledMode.FILLED, InspectionSummary::isPolicyUsed,
                List.of(line("error", "Error", Palette.RED, s -> s.getErrors()),
                        line("warning", "Warning", Palette.ORANGE, s -> s.getWarnings()),
                        line("info", "Info", Palette.BLUE, s -> s.getInfos()))),
        /** New and fixed violations against each build's reference; builds without a reference are left out. */
        NEW_VS_FIXED("New vs fixed violations", StackedMode.SEPARATE_LINES, FilledMode.LINES,
                s -> s.getComparison().isPresent(), List.of(
                line("new", "New", Palette.RED, s -> compared(s, ComparisonSummary::getNewViolations)),
                line("fixed", "Fixed", Palette.GREEN, s -> compared(s, ComparisonSummary::getFixedViolations)))),
        /** Share of images served from the cache, in percent. */
        CACHE("Cache hit ratio (%)", StackedMode.SEPARATE_LINES, FilledMode.LINES, s -> true, List.of(
                line("hits", "Cache hits %", Palette.GREEN, s -> Math.round(s.getCacheHitRatio() * 1000) / 10.0))),
        /** Seconds per phase, summed over the images, stacked: core's phases, labels and colours. */
        PHASES("Time per phase (s)", StackedMode.STACKED, FilledMode.FILLED, s -> true, Phase.trended().stream()
                .map(phase -> new Series(phase.name(), phase.label(), phase.color(),
                        s -> seconds(phase.millis(s.getTrendPoint())))).toList()),
        /** Images, those inspected (not served from the cache) and those that failed. */
        IMAGES("Images", StackedMode.SEPARATE_LINES, FilledMode.LINES, s -> true, List.of(
                line("images", "Images", Palette.BLUE, s -> s.getImageCount()),
                line("inspected", "Inspected", Palette.TEAL, s -> s.getTrendPoint().cacheMisses()),
                line("failed", "Failed", Palette.RED, s -> s.getFailures())));

        private final String title;
        private final StackedMode stacked;
        private final FilledMode filled;
        private final Predicate<InspectionSummary> applies;
        private final List<Series> series;

        Chart(final String title, final StackedMode stacked, final FilledMode filled,
              final Predicate<InspectionSummary> applies, final List<Series> series) {
            this.title = title;
            this.stacked = stacked;
            this.filled = filled;
            this.applies = applies;
            this.series = series;
        }

        public String title() {
            return title;
        }

        List<Series> series() {
            return series;
        }
    }

    /** One line of a chart; {@code color} as #RRGGBB. */
    record Series(String id, String name, String color, Function<InspectionSummary, Number> value) {
    }

    private static Series line(final String id, final String name, final Palette color,
                               final Function<InspectionSummary, Number> value) {
        return new Series(id, name, color.getNormal(), value);
    }

    private static int compared(final InspectionSummary summary,
                                final Function<ComparisonSummary, SeverityCounts> counts) {
        return summary.getComparison().map(counts).map(SeverityCounts::getTotal).orElse(0);
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
            LineSeries line = new LineSeries(series.name(), series.color(), chart.stacked, chart.filled);
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
            if (!chart.applies.test(current)) {
                return values; // echarts-build-trends leaves a build without values out of the chart
            }
            for (Series series : chart.series()) {
                values.put(series.id(), series.value().apply(current).doubleValue());
            }
            return values;
        }
    }
}
