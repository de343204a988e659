package io.jenkins.plugins.guestinspect.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.github.guestinspect.history.TrendPoint;
import io.github.guestinspect.report.figures.Phase;
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
    void shouldLeaveBuildsWithoutPolicyOutOfTheViolationChart() {
        List<BuildResult<InspectionSummary>> history = List.of(
                new BuildResult<>(new Build(3, "#3", 0), summary(2, 2, 0, 1500, false, Optional.empty())),
                new BuildResult<>(new Build(2, "#2", 0), summary(1, 2, 1, 1500, true, Optional.empty())));

        assertThat(charts.create(Chart.VIOLATIONS, "", history).getDomainAxisLabels()).containsExactly("#2");
    }

    @Test
    void shouldChartNewAgainstFixedForBuildsWithAReference() {
        LinesChartModel model = charts.create(Chart.NEW_VS_FIXED, "", history());

        assertThat(model.getDomainAxisLabels()).containsExactly("#2");
        assertThat(model.getSeries()).extracting(LineSeries::getName).containsExactly("New", "Fixed");
        assertThat(model.getSeries().get(0).getData()).containsExactly(1.0);
        assertThat(model.getSeries().get(1).getData()).containsExactly(3.0);
    }

    @Test
    void shouldChartCacheRatioPhasesAndImages() {
        assertThat(charts.create(Chart.CACHE, "{}", history()).getSeries().get(0).getData())
                .containsExactly(0.0, 50.0);
        LinesChartModel phases = charts.create(Chart.PHASES, null, history());
        assertThat(phases.getSeries()).extracting(LineSeries::getName)
                .containsExactlyElementsOf(Phase.trended().stream().map(Phase::label).toList());
        assertThat(phases.getSeries()).extracting(LineSeries::getItemStyle).extracting(style -> style.getColor())
                .containsExactlyElementsOf(Phase.trended().stream().map(Phase::color).toList());
        assertThat(phases.getSeries().get(Phase.trended().indexOf(Phase.LAUNCH)).getData())
                .containsExactly(2.0, 1.5);
        LinesChartModel images = charts.create(Chart.IMAGES, "not json", history());
        assertThat(images.getSeries()).extracting(LineSeries::getName)
                .containsExactly("Images", "Inspected", "Failed");
        assertThat(images.getSeries().get(1).getData()).containsExactly(2.0, 0.0);
        assertThat(images.getSeries().get(2).getData()).containsExactly(0.0, 1.0);
    }

    @Test
    void shouldWriteJsonEchartsReads() {
        String json = charts.toJson(charts.create(Chart.VIOLATIONS, "", history()));

        assertThat(json).contains("\"domainAxisLabels\":[\"#1\",\"#2\"]").contains("\"name\":\"Error\"")
                .contains("\"buildNumbers\":[1,2]");
    }

    /** Newest first, as echarts-api's history iterator hands the builds over. */
    private static List<BuildResult<InspectionSummary>> history() {
        ComparisonSummary comparison = new ComparisonSummary(new BuildLink(1, "#1", "job/x/1/"), "test",
                new SeverityCounts(1, 0, 0), new SeverityCounts(2, 1, 0), new PackageChangeCounts(0, 0, 0, 0));
        return List.of(new BuildResult<>(new Build(2, "#2", 0), summary(1, 2, 1, 1500, true,
                        Optional.of(comparison))),
                new BuildResult<>(new Build(1, "#1", 0), summary(3, 2, 0, 2000, true, Optional.empty())));
    }

    /** {@code hitsAndFailures} images come from the cache and as many fail; the others are inspected. */
    private static InspectionSummary summary(final int errors, final int images, final int hitsAndFailures,
                                             final long launch, final boolean policy,
                                             final Optional<ComparisonSummary> comparison) {
        List<ImageSummary> list = java.util.stream.IntStream.range(0, images).mapToObj(i -> new ImageSummary(
                "i" + i, "INSPECTED", "", "", "", "", "", "", 0, false, 0, new SeverityCounts(0, 0, 0), 0, 0,
                Optional.empty()))
                .toList();
        TrendPoint point = new TrendPoint("#", Instant.EPOCH, images, hitsAndFailures,
                images - 2 * hitsAndFailures, hitsAndFailures, 0, 100, 0, launch, 0, 0, 0,
                policy ? java.util.Map.of("error", errors, "warning", 1, "info", 0) : java.util.Map.of());
        return new InspectionSummary("", list, RunFigures.of(point), 0, 0, 0, policy, comparison, List.of());
    }
}
