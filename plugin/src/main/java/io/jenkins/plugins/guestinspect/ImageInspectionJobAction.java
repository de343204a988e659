package io.jenkins.plugins.guestinspect;

import java.util.stream.StreamSupport;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import io.jenkins.plugins.echarts.TrendChartJobAction;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.TrendCharts;
import io.jenkins.plugins.guestinspect.analysis.TrendCharts.Chart;

/**
 * The job's image inspection: a link to the latest build's results and five trend charts on the job page
 * ({@code floatingBox.jelly}): violations by severity (the action's own chart), new vs fixed violations, cache hit
 * ratio, time per phase and images. Shares its URL name with {@link ImageInspectionBuildAction}, as echarts-api's
 * history requires.
 */
public class ImageInspectionJobAction extends TrendChartJobAction<ImageInspectionBuildAction> {
    private final TrendCharts charts = new TrendCharts();

    public ImageInspectionJobAction(final Job<?, ?> owner) {
        super(owner, ImageInspectionBuildAction.class);
    }

    @NonNull
    @Override
    public String getUrlName() {
        return ImageInspectionBuildAction.URL_NAME;
    }

    @Override
    public String getDisplayName() {
        return "Image inspection";
    }

    @Override
    public String getIconFileName() {
        return ImageInspectionBuildAction.ICON;
    }

    @Override
    protected LinesChartModel createChartModel(final String configuration) {
        return model(Chart.VIOLATIONS, configuration);
    }

    LinesChartModel model(final Chart chart, final String configuration) {
        Iterable<? extends BuildResult<ImageInspectionBuildAction>> history = createBuildHistory();
        Iterable<BuildResult<InspectionSummary>> summaries = () -> StreamSupport.stream(history.spliterator(), false)
                .map(result -> new BuildResult<>(result.getBuild(), result.getResult().getSummary())).iterator();
        return charts.create(chart, configuration, summaries);
    }

    String modelJson(final Chart chart, final String configuration) {
        return charts.toJson(model(chart, configuration));
    }

    public JobTrendChart getNewVsFixedTrend() {
        return new JobTrendChart(this, Chart.NEW_VS_FIXED);
    }

    public JobTrendChart getCacheTrend() {
        return new JobTrendChart(this, Chart.CACHE);
    }

    public JobTrendChart getPhaseTrend() {
        return new JobTrendChart(this, Chart.PHASES);
    }

    public JobTrendChart getImageTrend() {
        return new JobTrendChart(this, Chart.IMAGES);
    }
}
