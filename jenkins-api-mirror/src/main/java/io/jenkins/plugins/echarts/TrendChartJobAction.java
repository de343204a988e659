package io.jenkins.plugins.echarts;

import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Job;
import io.jenkins.plugins.util.BuildAction;
import io.jenkins.plugins.util.JobAction;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * Mirror of jenkinsci/echarts-api-plugin src/main/java/io/jenkins/plugins/echarts/TrendChartJobAction.java
 * (6.0.0-1247.vf3e35a_c1813f; same in 6.0.0-1287.vfd24c22a_3d00). The model classes (edu.hm.hafner.echarts) are
 * the real ones from edu.hm.hafner:echarts-build-trends, which echarts-api unpacks into its own jar.
 */
public abstract class TrendChartJobAction<T extends BuildAction<?>> extends JobAction<T>
        implements AsyncConfigurableTrendChart {
    @NonNull
    @Override
    public abstract String getUrlName();

    protected TrendChartJobAction(final Job<?, ?> owner, final Class<T> buildActionClass) {
        super(owner, buildActionClass);
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(final String configuration) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    protected abstract LinesChartModel createChartModel(String configuration);

    @Override
    public boolean isTrendVisible() {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    protected Iterable<? extends BuildResult<T>> createBuildHistory() {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
