package io.jenkins.plugins.guestinspect;

import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.jenkins.plugins.guestinspect.analysis.TrendCharts.Chart;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One more trend chart of the job page: echarts-api's {@code <c:trend-chart it=...>} binds it (st:bind) and calls
 * {@link #getConfigurableBuildTrendModel(String)}, and reads {@code it.urlName} for the click-through links.
 */
public class JobTrendChart implements AsyncConfigurableTrendChart {
    private final ImageInspectionJobAction action;
    private final Chart chart;

    JobTrendChart(final ImageInspectionJobAction action, final Chart chart) {
        this.action = action;
        this.chart = chart;
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(final String configuration) {
        return action.modelJson(chart, configuration);
    }

    @Override
    public boolean isTrendVisible() {
        return action.isTrendVisible();
    }

    public String getUrlName() {
        return action.getUrlName();
    }

    public String getTitle() {
        return chart.title();
    }
}
