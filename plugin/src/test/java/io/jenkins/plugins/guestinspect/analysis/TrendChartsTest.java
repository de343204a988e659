package io.jenkins.plugins.guestinspect.analysis;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.jenkins.plugins.guestinspect.analysis.TrendCharts.Chart;

import static org.assertj.core.api.Assertions.assertThat;

class TrendChartsTest {
    private final TrendCharts charts = new TrendCharts();

    @Test
    void shouldStackViolationsBySeverityOldestBuildFirst() {
        LinesChartModel model = charts.create(Chart.VIOLATIONS, "", history());

        assertThat(model.getDomainAxisLabels()).containsExactly("#1", "#2");
        assertThat(model.getSeries()).extracting(LineSeries::getName).containsExactly("Error", "Warning", "Info");
        assertThat(model.getSeries().get(0).getData()).containsExactly(3.0, 1.0);
        assertThat(model.getSeries().get(0).getStack()).isNotNull();
    }

    @Test
    void shouldChartCacheRatioPhasesAndImages() {
        assertThat(charts.create(Chart.CACHE, "{}", history()).getSeries().get(0).getData())
                .containsExactly(0.0, 50.0);
        LinesChartModel phases = charts.create(Chart.PHASES, null, history());
        assertThat(phases.getSeries()).extracting(LineSeries::getName)
                .containsExactly("Hashing", "Appliance launch", "OS inspection", "Package listing");
        assertThat(phases.getSeries().get(1).getData()).containsExactly(2.0, 1.5);
        assertThat(charts.create(Chart.IMAGES, "not json", history()).getSeries().get(1).getData())
                .containsExactly(0.0, 1.0);
    }

    @Test
    void shouldWriteJsonEchartsReads() {
        String json = charts.toJson(charts.create(Chart.VIOLATIONS, "", history()));

        assertThat(json).contains("\"domainAxisLabels\":[\"#1\",\"#2\"]").contains("\"name\":\"Error\"")
                .contains("\"buildNumbers\":[1,2]");
    }

    /** Newest first, as echarts-api's history iterator hands the builds over. */
    private static List<BuildResult<InspectionSummary>> history() {
        return List.of(new BuildResult<>(new Build(2, "#2", 0), summary(1, 2, 1, 1500)),
                new BuildResult<>(new Build(1, "#1", 0), summary(3, 2, 0, 2000)));
    }

    private static InspectionSummary summary(final int errors, final int images, final int hitsAndFailures,
                                             final long launch) {
        List<ImageSummary> list = java.util.stream.IntStream.range(0, images).mapToObj(i -> new ImageSummary(
                "i" + i, "INSPECTED", "", "", "", "", "", "", 0, false, 0, 0, 0, 0)).toList();
        return new InspectionSummary("", list, hitsAndFailures, hitsAndFailures, 0, errors, 1, 0, 0, 0, 100, launch,
                0, 0, true, Optional.<List<GateOutcome>>empty().orElse(List.of()));
    }
}
