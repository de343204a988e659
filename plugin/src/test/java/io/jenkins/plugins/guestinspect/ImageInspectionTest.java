package io.jenkins.plugins.guestinspect;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import hudson.AbortException;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentSource;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.DriveOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import io.jenkins.plugins.guestinspect.analysis.BuildDetails;
import io.jenkins.plugins.guestinspect.analysis.BuildLink;
import io.jenkins.plugins.guestinspect.analysis.DetailsStore;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;
import io.jenkins.plugins.guestinspect.analysis.GateType;
import io.jenkins.plugins.guestinspect.analysis.InspectionSummary;
import io.jenkins.plugins.guestinspect.analysis.Reference;
import io.jenkins.plugins.guestinspect.analysis.Verdict.Outcome;
import io.jenkins.plugins.guestinspect.analysis.ViolationRow;
import io.jenkins.plugins.guestinspect.analysis.ViolationState;
import io.jenkins.plugins.guestinspect.remote.PrepareRequest;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;
import io.jenkins.plugins.guestinspect.remote.StoreRequest;
import io.jenkins.plugins.util.QualityGate.QualityGateCriticality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ImageInspectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final StepFacade jenkins = mock(StepFacade.class);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    @TempDir
    private Path build;

    @BeforeEach
    void setUp() throws Exception {
        when(jenkins.logger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(jenkins.buildDirectory()).thenReturn(build);
        when(jenkins.referenceBuild()).thenReturn(Optional.empty());
        when(jenkins.currentBuild()).thenReturn(new BuildLink(2, "images #2", "job/images/2/"));
        when(jenkins.writeWorkspaceFile(anyString(), any())).thenReturn("/ws/guest-inspect/junit.xml");
    }

    @Test
    void shouldInspectEvaluateAndFailTheBuildOnPolicyErrorsByDefault() throws Exception {
        when(jenkins.findImages("out/*.qcow2")).thenReturn(List.of("out/a.qcow2", "out/b.qcow2"));
        policy("policy.yaml", Fixtures.POLICY);
        inspect(Fixtures.debian("out/a.qcow2", false, "telnetd"), Fixtures.debian("out/b.qcow2", true, "bash"));
        InspectImagesStep step = new InspectImagesStep("out/*.qcow2");
        step.setPolicy("policy.yaml");
        step.setMaxParallel(2);

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        ArgumentCaptor<PrepareRequest> request = ArgumentCaptor.forClass(PrepareRequest.class);
        verify(jenkins).prepare(request.capture());
        assertThat(request.getValue().images()).containsExactly("out/a.qcow2", "out/b.qcow2");
        assertThat(request.getValue().cache()).isTrue();
        assertThat(request.getValue().fileQueries()).isEmpty();
        verify(jenkins).agents(eq(""), eq(2), any(), eq(1800L), eq(List.of()));
        assertThat(batches).as("the one cache miss, in one appliance").containsExactly(List.of("/ws/out/a.qcow2"));
        ArgumentCaptor<StoreRequest> stored = ArgumentCaptor.forClass(StoreRequest.class);
        verify(jenkins, times(2)).store(stored.capture(), eq(List.of()));
        assertThat(stored.getAllValues().get(0).inspected()).as("the batch, as soon as it was back")
                .extracting(result -> result.image().path()).containsExactly("/ws/out/a.qcow2");
        assertThat(stored.getAllValues().get(0).lookups().entries()).extracting(CacheLookups.Entry::given)
                .containsExactly("/ws/out/a.qcow2");
        assertThat(stored.getAllValues().get(1)).as("the end of the run: nothing left, the run's figures")
                .satisfies(end -> assertThat(end.inspected()).isEmpty())
                .satisfies(end -> assertThat(end.lookups().entries()).hasSize(2))
                .satisfies(end -> assertThat(end.runOver()).isTrue());

        ArgumentCaptor<byte[]> junit = ArgumentCaptor.forClass(byte[].class);
        verify(jenkins).writeWorkspaceFile(eq("guest-inspect/junit.xml"), junit.capture());
        assertThat(new String(junit.getValue(), StandardCharsets.UTF_8)).contains("no-telnet")
                .contains("<failure");

        ArgumentCaptor<InspectionSummary> summary = ArgumentCaptor.forClass(InspectionSummary.class);
        verify(jenkins).attachSummary(summary.capture());
        assertThat(summary.getValue().getErrors()).isEqualTo(1);
        assertThat(summary.getValue().getFailedGates()).singleElement().satisfies(gate ->
                assertThat(gate.getMessage()).contains("Total error violations >= 1 (FAILURE)")
                        .contains("out/a.qcow2").contains("rule no-telnet"));
        assertThat(new DetailsStore().read(build).violations()).hasSize(1);

        verify(jenkins).setBuildResult(Outcome.FAILURE);
        verify(jenkins).markStage(eq(Outcome.FAILURE), contains("rule no-telnet"));
        assertThat(returned).containsEntry("result", "FAILURE").containsEntry("images", 2)
                .containsEntry("cacheHits", 1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("2 image(s) match 'out/*.qcow2', policy"
                + " policy.yaml (2 rules), cache on, inspecting on the workspace's node")
                .contains("[1/2] out/b.qcow2: Debian GNU/Linux 12 (bookworm), 1 packages (cache hit)")
                .contains("[2/2] out/a.qcow2: Debian GNU/Linux 12 (bookworm), 1 packages")
                .contains("JUnit XML: /ws/guest-inspect/junit.xml");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perImage = (List<Map<String, Object>>) returned.get("perImage");
        assertThat(perImage).extracting(image -> image.get("path")).containsExactly("out/a.qcow2", "out/b.qcow2");
    }

    @Test
    void shouldApplyConfiguredGates() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        policy("p.yaml", Fixtures.POLICY);
        inspect(Fixtures.debian("a.qcow2", false, "nano"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setPolicy("p.yaml");
        step.setQualityGates(List.of(new ImageQualityGate(1, GateType.TOTAL_WARNING,
                QualityGateCriticality.UNSTABLE), new ImageQualityGate(1, GateType.NEW_ERROR,
                QualityGateCriticality.FAILURE)));

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
        verify(jenkins).markStage(eq(Outcome.UNSTABLE), contains("rule no-nano"));
        assertThat(returned).containsEntry("result", "UNSTABLE");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("New error violations >= 1 (FAILURE): SKIPPED");
    }

    @Test
    void shouldClassifyViolationsAndListPackageChangesAgainstTheReferenceBuild() throws Exception {
        InspectionResult before = Fixtures.debianWith("a.qcow2", "telnetd=0.17-41", "openssl=3.0.11-1");
        BuildDetails reference = Fixtures.details(List.of(before), List.of(
                Fixtures.row("a.qcow2", "no-telnet", "error", "telnetd 0.17-41", "telnetd")));
        when(jenkins.referenceBuild()).thenReturn(Optional.of(new Reference(new BuildLink(1, "images #1",
                "job/images/1/"), "the previous completed build with an image inspection", reference)));
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        policy("p.yaml", Fixtures.POLICY);
        inspect(Fixtures.debianWith("a.qcow2", "telnetd=0.17-42", "openssl=3.0.13-1", "nano=7.2-1"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setPolicy("p.yaml");
        step.setQualityGates(List.of(new ImageQualityGate(1, GateType.NEW_ERROR, QualityGateCriticality.FAILURE),
                new ImageQualityGate(1, GateType.NEW_WARNING, QualityGateCriticality.UNSTABLE)));

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
        verify(jenkins).markStage(eq(Outcome.UNSTABLE), contains("rule no-nano"));
        assertThat(returned).containsEntry("result", "UNSTABLE")
                .containsEntry("newViolations", Map.of("error", 0, "warning", 1, "info", 0))
                .containsEntry("packageChanges", Map.of("added", 1, "removed", 0, "upgraded", 2, "downgraded", 0));
        BuildDetails stored = new DetailsStore().read(build);
        assertThat(stored.violations()).extracting(ViolationRow::ruleId, ViolationRow::state).containsExactly(
                tuple("no-telnet", ViolationState.OUTSTANDING), tuple("no-nano", ViolationState.NEW));
        assertThat(stored.packageChangesOf("a.qcow2")).hasSize(3);
        ArgumentCaptor<InspectionSummary> summary = ArgumentCaptor.forClass(InspectionSummary.class);
        verify(jenkins).attachSummary(summary.capture());
        assertThat(summary.getValue().getComparison()).hasValueSatisfying(comparison ->
                assertThat(comparison.getReference().getNumber()).isEqualTo(1));
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("reference build images #1 (the previous completed"
                + " build with an image inspection): 1 new, 0 fixed violation(s); packages: 1 added, 0 removed,"
                + " 2 upgraded, 0 downgraded").contains("New error violations >= 1 (FAILURE): PASSED");
    }

    @Test
    void shouldSayThatThereIsNoReferenceBuild() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"));

        Map<String, Object> returned = new ImageInspection(jenkins, new InspectImagesStep("*.qcow2"), CLOCK).run();

        assertThat(returned).containsEntry("referenceBuild", Map.of());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("no reference build");
    }

    @Test
    void shouldPublishEverythingAndThenFailWhenLibguestfsCannotRun() throws Exception {
        when(jenkins.findImages("*.raw")).thenReturn(List.of("a.raw"));
        inspect(Fixtures.failed("a.raw", FailureKind.TOOL_FAILURE));

        assertThatThrownBy(() -> new ImageInspection(jenkins, new InspectImagesStep("*.raw"), CLOCK).run())
                .isInstanceOf(AbortException.class).hasMessageContaining("1 image(s) could not be inspected")
                .hasMessageContaining("libguestfs");

        verify(jenkins).attachSummary(any());
        verify(jenkins).setBuildResult(Outcome.FAILURE);
        verify(jenkins).writeWorkspaceFile(eq("guest-inspect/junit.xml"), any());
    }

    @Test
    void shouldBeUnstableInsteadOfFailingWhenFailOnErrorIsOff() throws Exception {
        when(jenkins.findImages("*.raw")).thenReturn(List.of("a.raw"));
        inspect(Fixtures.failed("a.raw", FailureKind.CORRUPT));
        InspectImagesStep step = new InspectImagesStep("*.raw");
        step.setFailOnError(false);

        assertThat(new ImageInspection(jenkins, step, CLOCK).run()).containsEntry("result", "UNSTABLE");
        verify(jenkins).setBuildResult(Outcome.UNSTABLE);
    }

    @Test
    void shouldFailFastWithoutImages() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of());

        assertThatThrownBy(() -> new ImageInspection(jenkins, new InspectImagesStep("*.qcow2"), CLOCK).run())
                .isInstanceOf(AbortException.class).hasMessageContaining("no file in the workspace matches");
        verify(jenkins, never()).prepare(any());
    }

    @Test
    void shouldFailFastOnAMissingOrMalformedPolicy() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        when(jenkins.readWorkspaceFile(eq("missing.yaml"), anyInt())).thenReturn(Optional.empty());
        policy("bad.yaml", "version: 1\nrulez: []\n");
        InspectImagesStep missing = new InspectImagesStep("*.qcow2");
        missing.setPolicy("missing.yaml");
        InspectImagesStep bad = new InspectImagesStep("*.qcow2");
        bad.setPolicy("bad.yaml");

        assertThatThrownBy(() -> new ImageInspection(jenkins, missing, CLOCK).run())
                .hasMessageContaining("'missing.yaml' is not in the workspace");
        assertThatThrownBy(() -> new ImageInspection(jenkins, bad, CLOCK).run())
                .hasMessageContaining("malformed policy").hasMessageContaining("rulez");
        verify(jenkins, never()).prepare(any());
    }

    @Test
    void shouldSpreadOverTheAgentsOfTheLabelAndStartWithTheImageTheReferenceBuildFoundSlowest() throws Exception {
        InspectionResult fastBefore = Fixtures.debian("a.qcow2", false, "bash").withTimings(
                new io.github.guestinspect.model.Timings(0, 0, 0, 0, 0, 0, 1_000));
        InspectionResult slowBefore = Fixtures.debian("b.qcow2", false, "bash").withTimings(
                new io.github.guestinspect.model.Timings(0, 0, 0, 0, 0, 0, 90_000));
        when(jenkins.referenceBuild()).thenReturn(Optional.of(new Reference(new BuildLink(1, "images #1",
                "job/images/1/"), "the previous completed build with an image inspection",
                Fixtures.details(List.of(fastBefore, slowBefore), List.of()))));
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2", "b.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"), Fixtures.debian("b.qcow2", false, "bash"));
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setAgents("kvm && linux");
        step.setBatchSize(1);
        step.setCache(false);

        assertThat(new ImageInspection(jenkins, step, CLOCK).run()).containsEntry("result", "SUCCESS");

        verify(jenkins).agents(eq("kvm && linux"), eq(1), any(), anyLong(), any());
        assertThat(batches).containsExactly(List.of("/ws/b.qcow2"), List.of("/ws/a.qcow2"));
        verify(jenkins, never()).store(any(), any());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("cache off, inspecting on agents with label"
                + " 'kvm && linux'");
    }

    @Test
    void shouldReportImagesRejectedWhereTheWorkspaceIsWithoutShippingThem() throws Exception {
        when(jenkins.findImages("*")).thenReturn(List.of("a.qcow2", "junk.raw"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"), Fixtures.failed("junk.raw", FailureKind.CORRUPT));
        InspectImagesStep step = new InspectImagesStep("*");
        step.setFailOnError(false);

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        assertThat(batches).containsExactly(List.of("/ws/a.qcow2"));
        assertThat(returned).containsEntry("failures", 1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("junk.raw: FAILED: junk.raw: libguestfs could not"
                + " launch");
    }

    @Test
    void shouldStoreTheFirstBatchInTheWorkspaceCacheBeforeTheSecondRunsAndKeepItWhenTheBuildIsAborted()
            throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2", "b.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"), Fixtures.debian("b.qcow2", false, "bash"));
        List<String> events = new CopyOnWriteArrayList<>();
        when(jenkins.store(any(), any())).thenAnswer(call -> {
            StoreRequest request = call.getArgument(0);
            events.add("store " + request.inspected().stream().map(result -> result.image().path()).toList());
            return List.of();
        });
        Thread stepThread = Thread.currentThread();
        fault = (number, batch) -> {
            events.add("inspect " + batch);
            if (number == 2) {
                stepThread.interrupt(); // the build is aborted while the second appliance runs
                new CountDownLatch(1).await(); // until the scheduler interrupts this call
            }
        };
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setBatchSize(1);

        assertThatThrownBy(() -> new ImageInspection(jenkins, step, CLOCK).run())
                .isInstanceOf(InterruptedException.class);
        Thread.interrupted();

        assertThat(events).containsExactly("inspect [/ws/a.qcow2]", "store [/ws/a.qcow2]", "inspect [/ws/b.qcow2]");
        verify(jenkins, never()).attachSummary(any());
    }

    @Test
    void shouldWarnNamingTheImagesOfABatchThatCannotBeStoredGoOnAndStoreThemWhenTheRunIsOver() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2", "b.qcow2", "c.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"), Fixtures.debian("b.qcow2", false, "bash"),
                Fixtures.debian("c.qcow2", false, "bash"));
        List<StoreRequest> stored = new CopyOnWriteArrayList<>();
        when(jenkins.store(any(), any())).thenAnswer(call -> {
            stored.add(call.getArgument(0));
            if (stored.size() == 1) {
                throw new java.io.IOException("channel to the workspace's node is closed");
            }
            return List.of("cache at /ws/.guest-inspect/cache: an entry was damaged");
        });
        fault = (number, batch) -> {
            if (number == 3) {
                throw new GuestfishException("timed out after 1800 s", true);
            }
        };
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setBatchSize(1);
        step.setFailOnError(false);

        Map<String, Object> returned = new ImageInspection(jenkins, step, CLOCK).run();

        assertThat(returned).containsEntry("failures", 1);
        assertThat(stored).as("two batches, then the end of the run; the timed-out batch has nothing to keep")
                .extracting(request -> request.inspected().stream().map(result -> result.image().path()).toList())
                .containsExactly(List.of(batches.get(0).get(0)), List.of(batches.get(1).get(0)),
                        List.of(batches.get(0).get(0)));
        assertThat(stored).extracting(StoreRequest::runOver).containsExactly(false, false, true);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[guest-inspect] warning: cannot store the results"
                + " of " + batches.get(0).get(0).substring("/ws/".length()) + " in the workspace cache (channel to"
                + " the workspace's node is closed); trying again when the run is over")
                .contains("[guest-inspect] warning: cache at /ws/.guest-inspect/cache: an entry was damaged")
                .contains("FAILED");
    }

    @Test
    void shouldPublishTheRunWhenTheWorkspaceCacheCannotBeReachedAtAll() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"));
        when(jenkins.store(any(), any())).thenThrow(new java.io.IOException("the workspace's node is offline"));

        Map<String, Object> returned = new ImageInspection(jenkins, new InspectImagesStep("*.qcow2"), CLOCK).run();

        assertThat(returned).containsEntry("result", "SUCCESS").containsEntry("failures", 0);
        verify(jenkins).attachSummary(any());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[guest-inspect] warning: cannot store the results"
                + " of a.qcow2 in the workspace cache (the workspace's node is offline); trying again when the run is"
                + " over").contains("[guest-inspect] warning: cannot store in the workspace cache the results of"
                + " a.qcow2 (the workspace's node is offline)");
    }

    @Test
    void shouldStopAtOnceWhenTheBuildIsAbortedWhileABatchIsStored() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2", "b.qcow2"));
        inspect(Fixtures.debian("a.qcow2", false, "bash"), Fixtures.debian("b.qcow2", false, "bash"));
        when(jenkins.store(any(), any())).thenThrow(new InterruptedException());
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setBatchSize(1);

        assertThatThrownBy(() -> new ImageInspection(jenkins, step, CLOCK).run())
                .isInstanceOf(InterruptedException.class);
        Thread.interrupted();

        assertThat(batches).as("no batch after the aborted store").hasSize(1);
        verify(jenkins).store(any(), any());
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("[guest-inspect] warning: the results of a.qcow2"
                + " are not stored in the workspace cache: the build was interrupted");
    }

    private void policy(final String name, final String text) throws Exception {
        when(jenkins.readWorkspaceFile(eq(name), anyInt())).thenReturn(Optional.of(text.getBytes(
                StandardCharsets.UTF_8)));
    }

    @Test
    void shouldReadNoMoreOfThePolicyThanALargestPolicyAndRefuseALargerOne() throws Exception {
        when(jenkins.findImages("*.qcow2")).thenReturn(List.of("a.qcow2"));
        policy("huge.yaml", "#".repeat(1 << 20) + "\n");
        InspectImagesStep step = new InspectImagesStep("*.qcow2");
        step.setPolicy("huge.yaml");

        assertThatThrownBy(() -> new ImageInspection(jenkins, step, CLOCK).run())
                .hasMessageContaining("malformed policy: huge.yaml: a policy may be at most 1048576 bytes");
        verify(jenkins).readWorkspaceFile("huge.yaml", (1 << 20) + 1);
        verify(jenkins, never()).prepare(any());
    }

    /** The appliance batches the fake agent ran, each as its list of (absolute) image paths. */
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    /** What the fake agent does first with each batch (the batch's number from 1, its paths). */
    private BatchFault fault = (number, batch) -> {
    };

    @FunctionalInterface
    private interface BatchFault {
        void before(int number, List<String> batch) throws GuestfishException, InterruptedException;
    }

    /**
     * Sets the facade up as a run that finds {@code results}: cache hits come from the workspace cache, failures
     * other than tool failures are rejected by the checks where the workspace is, the rest go to one agent that
     * finds each image's operating systems (or has no libguestfs, for a tool failure).
     */
    private void inspect(final InspectionResult... results) throws Exception {
        List<String> order = new ArrayList<>();
        List<CacheLookups.Entry> entries = new ArrayList<>();
        List<ProbedImage> probed = new ArrayList<>();
        Map<String, InspectionResult> rejected = new LinkedHashMap<>();
        Map<String, InspectionResult> found = new HashMap<>();
        for (InspectionResult result : results) {
            String path = "/ws/" + result.image().path();
            ImageFile file = new ImageFile(path, result.image().fileName(), result.image().fileSize());
            order.add(path);
            InspectionResult absolute = result.withImage(file);
            entries.add(new CacheLookups.Entry(path, path, Optional.empty(), Optional.empty(), 0, 0, file,
                    result.cache().hit() ? Optional.of(absolute) : Optional.empty()));
            if (result.cache().hit()) {
                continue;
            }
            if (result.isFailed() && result.failure().orElseThrow().kind() != FailureKind.TOOL_FAILURE) {
                rejected.put(path, absolute);
            }
            else {
                probed.add(new ProbedImage(Path.of(path), file, new DiskInfo(DiskFormat.QCOW2, 1 << 20,
                        Optional.empty()), 1));
                found.put(path, absolute);
            }
        }
        when(jenkins.prepare(any())).thenReturn(new PreparedImages("/ws", "agent-1", order, Map.of(),
                new CacheLookups(entries), probed, rejected, Map.of(), List.of(), 5));
        Agent agent = new Agent() {
            @Override
            public String name() {
                return "agent-1";
            }

            @Override
            public int slots() {
                return 1;
            }

            @Override
            public BatchOutcome inspect(final List<ProbedImage> batch)
                    throws ToolMissingException, GuestfishException, InterruptedException {
                batches.add(batch.stream().map(image -> image.path().toString()).toList());
                fault.before(batches.size(), batches.get(batches.size() - 1));
                List<DriveOutcome> drives = new ArrayList<>();
                for (ProbedImage image : batch) {
                    InspectionResult result = found.get(image.path().toString());
                    if (result.isFailed()) {
                        throw new ToolMissingException("guestfish (libguestfs)");
                    }
                    drives.add(new DriveOutcome(result.operatingSystems(), Optional.empty(), 5, 5));
                }
                return new BatchOutcome(drives, 20, "1.48.6");
            }
        };
        when(jenkins.agents(anyString(), anyInt(), any(), anyLong(), any()))
                .thenReturn(AgentSource.of(List.of(agent)));
        when(jenkins.store(any(), any())).thenReturn(List.of());
    }
}
