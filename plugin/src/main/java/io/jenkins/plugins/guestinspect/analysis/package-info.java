/**
 * The Jenkins-free half of the plugin: summaries, quality gates, trend chart models, the agent payload and the
 * build-folder store. Nothing here may touch Jenkins, Stapler or Pipeline types (PluginArchitectureTest checks it),
 * so all of it is unit-tested without Jenkins.
 */
package io.jenkins.plugins.guestinspect.analysis;
