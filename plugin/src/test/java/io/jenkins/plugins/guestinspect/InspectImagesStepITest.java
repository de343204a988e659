package io.jenkins.plugins.guestinspect;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

import hudson.FilePath;
import hudson.model.Label;
import hudson.model.Result;
import hudson.slaves.DumbSlave;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step in a real Jenkins (JenkinsRule, JUnit 5): a Pipeline job on a labelled agent. Needs
 * jenkins-test-harness from repo.jenkins-ci.org, so the offline build (plugin-offline) leaves these tests out.
 */
@WithJenkins
class InspectImagesStepITest {
    /** Opens node('kvm') and writes an image that cannot be inspected (found out before any appliance launch). */
    private static final String JUNK_IMAGE = "node('kvm') {\n"
            + "  writeFile file: 'junk.qcow2', text: 'not an image'\n";

    @Test
    void shouldFailWhenNoImageMatches(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-images");
        job.setDefinition(new CpsFlowDefinition("node('kvm') { inspectImages 'out/*.qcow2' }", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("no file in the workspace matches 'out/*.qcow2'", run);
    }

    @Test
    void shouldRefuseAMalformedPolicyBeforeInspecting(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "bad-policy");
        job.setDefinition(new CpsFlowDefinition("node('kvm') {\n"
                + "  writeFile file: 'a.raw', text: 'not an image'\n"
                + "  writeFile file: 'policy.yaml', text: 'version: 1\\nrulez: []\\n'\n"
                + "  inspectImages images: '*.raw', policy: 'policy.yaml'\n"
                + "}", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("malformed policy", run);
        assertThat(run.getAction(ImageInspectionBuildAction.class)).isNull();
    }

    @Test
    void shouldPublishAFailedImageAndNeverBeGreen(final JenkinsRule j) throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "junk-image");
        job.setDefinition(new CpsFlowDefinition("node('kvm') {\n"
                + "  writeFile file: 'junk.qcow2', text: 'not an image'\n"
                + "  def r = inspectImages images: '*.qcow2', failOnError: false\n"
                + "  echo \"result=${r.result} images=${r.images} failures=${r.failures}\"\n"
                + "}", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("result=UNSTABLE images=1 failures=1", run);
        ImageInspectionBuildAction action = run.getAction(ImageInspectionBuildAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getSummary().getFailures()).isEqualTo(1);
        assertThat(action.getDetails().results()).hasSize(1);
        FilePath junit = agent.getWorkspaceFor(job).child(ImageInspection.JUNIT_FILE);
        assertThat(junit.exists()).isTrue();
        assertThat(Files.exists(run.getRootDir().toPath().resolve(ImageInspectionBuildAction.SUMMARY_FILE)))
                .isTrue();
    }

    @Test
    void shouldCompareWithThePreviousBuildThatHasAnInspection(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "two-builds");
        job.setDefinition(new CpsFlowDefinition(JUNK_IMAGE + "  def r = inspectImages images: '*.qcow2',"
                + " failOnError: false\n  echo \"reference=${r.referenceBuild.number}\"\n}", true));

        WorkflowRun first = j.buildAndAssertStatus(Result.UNSTABLE, job);
        WorkflowRun second = j.buildAndAssertStatus(Result.UNSTABLE, job);

        j.assertLogContains("no reference build", first);
        j.assertLogContains("reference=null", first);
        assertThat(first.getAction(ImageInspectionBuildAction.class).getSummary().getComparison()).isEmpty();
        j.assertLogContains("reference build two-builds #1 (the previous completed build with an image"
                + " inspection)", second);
        j.assertLogContains("reference=1", second);
        assertThat(second.getAction(ImageInspectionBuildAction.class).getSummary().getComparison())
                .hasValueSatisfying(comparison -> {
                    assertThat(comparison.getReference().getNumber()).isEqualTo(1);
                    assertThat(comparison.getReference().getUrl()).isEqualTo(first.getUrl());
                });
    }

    @Test
    void shouldCompareWithTheBuildDiscoverReferenceBuildRecorded(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob main = j.createProject(WorkflowJob.class, "main");
        main.setDefinition(new CpsFlowDefinition(JUNK_IMAGE
                + "  inspectImages images: '*.qcow2', failOnError: false\n}", true));
        WorkflowRun mainBuild = j.buildAndAssertStatus(Result.UNSTABLE, main);
        WorkflowJob feature = j.createProject(WorkflowJob.class, "feature");
        feature.setDefinition(new CpsFlowDefinition(JUNK_IMAGE + "  discoverReferenceBuild(referenceJob: 'main')\n"
                + "  inspectImages images: '*.qcow2', failOnError: false\n}", true));

        j.buildAndAssertStatus(Result.UNSTABLE, feature);
        WorkflowRun second = j.buildAndAssertStatus(Result.UNSTABLE, feature);

        j.assertLogContains("(recorded by discoverReferenceBuild)", second);
        assertThat(second.getAction(ImageInspectionBuildAction.class).getSummary().getComparison())
                .hasValueSatisfying(comparison -> {
                    assertThat(comparison.getReference().getUrl()).isEqualTo(mainBuild.getUrl());
                    assertThat(comparison.getReference().getDisplayName()).contains("main");
                });
    }

    @Test
    void shouldFailAsAToolFailureWhenNoNodeHasTheAgentsLabel(final JenkinsRule j) throws Exception {
        j.createOnlineSlave(Label.get("builder"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-such-label");
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  sh 'qemu-img create -f raw a.raw 1M'\n"
                + "  inspectImages images: '*.raw', agents: 'nosuchlabel'\n"
                + "}", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("no agent with label 'nosuchlabel' can inspect images", run);
        assertThat(run.getAction(ImageInspectionBuildAction.class).getSummary().getToolFailures()).isEqualTo(1);
        j.waitUntilNoActivity();
        assertThat(j.jenkins.getQueue().isEmpty()).as("no queue task is left behind").isTrue();
    }

    /**
     * Spreading through the queue: the images are built on a 'builder' agent, two 'kvm' agents inspect them in
     * batches of two (each takes one executor through the queue, gets the images shipped and inspects them), and
     * nothing is left in the queue or on the agents afterwards. Needs libguestfs on this machine and the test images
     * (-Dguestinspect.testImages=DIR).
     */
    @Test
    @EnabledIfSystemProperty(named = "guestinspect.testImages", matches = ".+")
    void shouldSpreadBatchesOverTheAgentsOfTheLabelThroughTheQueue(final JenkinsRule j) throws Exception {
        Path images = Path.of(System.getProperty("guestinspect.testImages"));
        DumbSlave builder = j.createOnlineSlave(Label.get("builder"));
        DumbSlave kvm1 = j.createOnlineSlave(Label.get("kvm"));
        DumbSlave kvm2 = j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "spread");
        FilePath workspace = builder.getWorkspaceFor(job);
        for (String name : new String[] {"alpine.qcow2", "clone-a.qcow2", "clone-b.qcow2", "fedora39.qcow2"}) {
            workspace.child("out/" + name).copyFrom(new FilePath(images.resolve(name).toFile()));
        }
        job.setDefinition(new CpsFlowDefinition("node('builder') {\n"
                + "  def r = inspectImages images: 'out/*.qcow2', agents: 'kvm', batchSize: 2, cache: false\n"
                + "  echo \"inspected=${r.images} failures=${r.failures}\"\n"
                + "}", true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("inspected=4 failures=0", run);
        j.assertLogContains("asked the build queue for", run);
        j.assertLogContains("joined the inspection", run);
        j.waitUntilNoActivity();
        assertThat(j.jenkins.getQueue().isEmpty()).isTrue();
        for (DumbSlave kvm : new DumbSlave[] {kvm1, kvm2}) {
            FilePath incoming = kvm.getRootPath().child("guest-inspect/incoming");
            assertThat(!incoming.exists() || incoming.list().isEmpty()).as("shipped copies deleted").isTrue();
        }
    }

    /**
     * A real inspection: needs libguestfs on this machine and the test images of scripts/make-test-images.sh
     * (-Dguestinspect.testImages=DIR).
     */
    @Test
    @EnabledIfSystemProperty(named = "guestinspect.testImages", matches = ".+")
    void shouldInspectRealImagesAndShowTrends(final JenkinsRule j) throws Exception {
        Path images = Path.of(System.getProperty("guestinspect.testImages"));
        DumbSlave agent = j.createOnlineSlave(Label.get("kvm"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "real");
        FilePath workspace = agent.getWorkspaceFor(job);
        workspace.mkdirs();
        try (var files = Files.list(images)) {
            for (Path image : files.filter(p -> p.toString().endsWith(".qcow2")).toList()) {
                workspace.child("images/" + image.getFileName()).copyFrom(new FilePath(image.toFile()));
            }
        }
        job.setDefinition(new CpsFlowDefinition("node('kvm') {\n"
                + "  def r = inspectImages images: 'images/*.qcow2', maxParallel: 2\n"
                + "  echo \"images=${r.images} os=${r.perImage[0].os}\"\n"
                + "}", true));

        WorkflowRun first = j.buildAndAssertSuccess(job);
        WorkflowRun second = j.buildAndAssertSuccess(job);

        j.assertLogContains("from the cache", second);
        ImageInspectionBuildAction action = second.getAction(ImageInspectionBuildAction.class);
        assertThat(action.getSummary().getCacheHits()).isPositive();
        // the same images again: compared with the first build, nothing changed and nothing is new
        j.assertLogContains("0 new, 0 fixed violation(s); packages: 0 added, 0 removed, 0 upgraded, 0 downgraded",
                second);
        assertThat(action.getSummary().getComparison()).hasValueSatisfying(comparison ->
                assertThat(comparison.getReference().getNumber()).isEqualTo(first.getNumber()));
        assertThat(action.getDetails().packageChanges()).isNotEmpty()
                .allSatisfy(changes -> assertThat(changes.changes()).isEmpty());
        ImageInspectionJobAction jobAction = job.getAction(ImageInspectionJobAction.class);
        assertThat(jobAction).isNotNull();
        assertThat(jobAction.isTrendVisible()).isTrue();
        assertThat(jobAction.getCacheTrend().getConfigurableBuildTrendModel("{}")).contains("Cache hits");
        assertThat(jobAction.getNewVsFixedTrend().getConfigurableBuildTrendModel("{}")).contains("Fixed");
    }
}
