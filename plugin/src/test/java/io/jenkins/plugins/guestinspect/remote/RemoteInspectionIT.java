package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.guestinspect.batch.Agent;
import io.github.guestinspect.batch.AgentLostException;
import io.github.guestinspect.batch.AgentScheduler;
import io.github.guestinspect.batch.AgentScheduler.ScheduledRun;
import io.github.guestinspect.batch.AgentSource;
import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.batch.TimingHints;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import io.github.guestinspect.runner.BatchOutcome;
import io.github.guestinspect.runner.GuestfishException;
import io.github.guestinspect.runner.ProbedImage;
import io.github.guestinspect.runner.ToolMissingException;
import io.github.guestinspect.testing.Libguestfs;
import io.github.guestinspect.testing.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step's data path end to end with real qemu-img and real libguestfs, without Jenkins: what the workspace's node
 * does (hash, workspace cache, qemu-img checks), core's scheduler over an agent whose every batch crosses as the
 * bytes the channel carries ({@link BatchRequest} to {@link BatchWork} to {@link BatchReply}), the results completed
 * and stored back into the workspace cache, and a second run served from it. One appliance launch.
 */
class RemoteInspectionIT {
    private static final List<String> IMAGES = List.of("alpine.qcow2", "clone-a.qcow2", "clone-b.qcow2",
            "fedora39.qcow2");

    @TempDir
    static Path workspace;

    private static TestImages images;
    private static final List<List<String>> BATCHES = new CopyOnWriteArrayList<>();
    private static List<InspectionResult> first;
    private static List<InspectionResult> second;
    private static PreparedImages secondPrepared;

    @BeforeAll
    static void inspectTwiceThroughTheBytesTheChannelCarries() throws IOException, InterruptedException {
        Libguestfs.require();
        images = TestImages.get();
        Files.createDirectories(workspace.resolve("out"));
        for (String image : IMAGES) {
            Files.copy(images.path(image), workspace.resolve("out").resolve(image));
        }
        Files.writeString(workspace.resolve("out/notes.qcow2"), "not a disk image\n");
        List<String> asked = new java.util.ArrayList<>(IMAGES.stream().map(image -> "out/" + image).toList());
        asked.add("out/notes.qcow2");
        first = run(asked);
        secondPrepared = prepare(asked);
        second = run(asked);
    }

    private static PreparedImages prepare(final List<String> asked) throws IOException, InterruptedException {
        return PreparedImages.decode(new WorkspaceWork().prepare(workspace, new PrepareRequest(asked, true,
                List.of("/etc/hostname")), "workspace-node").encode());
    }

    private static List<InspectionResult> run(final List<String> asked) throws IOException, InterruptedException {
        PreparedImages prepared = prepare(asked);
        ScheduledRun scheduled = new AgentScheduler(AgentSource.of(List.of(new ChannelAgent())), 4,
                TimingHints.none(), System.err::println).run(prepared.probed(), ProgressListener.none());
        Map<String, InspectionResult> inspected = new HashMap<>();
        for (int i = 0; i < prepared.probed().size(); i++) {
            inspected.put(prepared.probed().get(i).path().toString(), scheduled.results().get(i));
        }
        new WorkspaceWork().store(workspace, StoreRequest.decode(StoreRequest.runOver(prepared.lookups(),
                scheduled.results()).encode()), List.of("/etc/hostname"));
        return prepared.report(prepared.complete(inspected, ProgressListener.none()));
    }

    /** An agent as NodeAgent is, minus the channel: each batch is encoded, run by BatchWork, decoded. */
    private static final class ChannelAgent implements Agent {
        @Override
        public String name() {
            return "kvm-1";
        }

        @Override
        public int slots() {
            return 1;
        }

        @Override
        public BatchOutcome inspect(final List<ProbedImage> batch)
                throws AgentLostException, ToolMissingException, GuestfishException, InterruptedException {
            BATCHES.add(batch.stream().map(image -> image.path().getFileName().toString()).toList());
            try {
                byte[] request = new BatchRequest(batch, 900, List.of("/etc/hostname")).encode();
                byte[] reply = new BatchWork().run(BatchRequest.decode(request), System.err::println).encode();
                return BatchReply.decode(reply).outcomeOrThrow();
            }
            catch (IOException exception) {
                throw new AgentLostException(exception.getMessage(), exception);
            }
        }
    }

    @Test
    void shouldInspectTheImagesInOneApplianceAndRejectTheTextFileWhereTheWorkspaceIs() {
        assertThat(BATCHES).as("the text file never reaches an agent").singleElement()
                .satisfies(batch -> assertThat(batch).containsExactlyInAnyOrderElementsOf(IMAGES));
        assertThat(first).extracting(result -> result.image().path()).containsExactly("out/alpine.qcow2",
                "out/clone-a.qcow2", "out/clone-b.qcow2", "out/fedora39.qcow2", "out/notes.qcow2");
        assertThat(first.get(4).failure().orElseThrow().kind()).isEqualTo(FailureKind.NOT_A_DISK_IMAGE);
        assertThat(first.get(4).failure().orElseThrow().message()).contains("notes.qcow2");
    }

    @Test
    void shouldFindWhatTheManifestSaysInEveryImage() {
        for (int i = 0; i < IMAGES.size(); i++) {
            JsonNode entry = images.entry(IMAGES.get(i));
            InspectionResult result = first.get(i);
            assertThat(result.status()).as(IMAGES.get(i)).isEqualTo(Status.valueOf(entry.path("status").asText()));
            assertThat(result.operatingSystems()).extracting(OperatingSystem::distro).as(IMAGES.get(i))
                    .containsExactlyElementsOf(entry.path("os").findValuesAsText("distro"));
            assertThat(result.operatingSystems()).extracting(OperatingSystem::hostname).as(IMAGES.get(i))
                    .containsExactlyElementsOf(entry.path("os").findValuesAsText("hostname"));
            assertThat(result.cache().hit()).isFalse();
        }
    }

    @Test
    void shouldServeTheSecondRunFromTheWorkspaceCacheWithoutAnAppliance() {
        assertThat(BATCHES).hasSize(1);
        assertThat(secondPrepared.probed()).as("nothing to inspect").isEmpty();
        assertThat(secondPrepared.rejected()).as("only the text file is checked again, and rejected again")
                .containsOnlyKeys(workspace.toAbsolutePath().resolve("out/notes.qcow2").toString());
        assertThat(second.subList(0, 4)).allSatisfy(result -> assertThat(result.cache().hit()).isTrue());
        assertThat(second.subList(0, 4)).extracting(InspectionResult::operatingSystems)
                .isEqualTo(first.subList(0, 4).stream().map(InspectionResult::operatingSystems).toList());
        assertThat(workspace.resolve(WorkspaceWork.CACHE_DIRECTORY)).isDirectory();
    }
}
