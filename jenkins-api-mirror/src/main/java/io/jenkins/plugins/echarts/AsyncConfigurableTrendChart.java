package io.jenkins.plugins.echarts;

import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * Mirror of jenkinsci/echarts-api-plugin src/main/java/io/jenkins/plugins/echarts/AsyncConfigurableTrendChart.java
 * (6.0.0-1247.vf3e35a_c1813f, the version bom-2.541.x pins; same in 6.0.0-1287.vfd24c22a_3d00).
 */
public interface AsyncConfigurableTrendChart {
    @JavaScriptMethod
    String getConfigurableBuildTrendModel(String configuration);

    boolean isTrendVisible();
}
