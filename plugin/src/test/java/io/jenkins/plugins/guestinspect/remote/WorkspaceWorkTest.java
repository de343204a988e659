package io.jenkins.plugins.guestinspect.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ProbedImage;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The work where the workspace is, on a real workspace checked by the real qemu-img: blank raw images (two of them
 * identical), a text file named .qcow2, a VMDK descriptor with its extent, an image named twice, a link to an image
 * outside the workspace and a missing file; then the results stored in the workspace cache and served from it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WorkspaceWorkTest {
    private static final List<String> ASKED = List.of("out/a.raw", "out/link.qcow2", "out/b.raw", "out/notes.qcow2",
            "./out/a.raw", "out/b-copy.raw", "out/missing.raw", "out/disk.vmdk");

    @TempDir
    private Path base;
    private Path workspace;
    private Path secret;
    private final WorkspaceWork work = new WorkspaceWork();

    @BeforeEach
    void makeWorkspace() throws Exception {
        workspace = Files.createDirectories(base.toRealPath().resolve("workspace"));
        Path out = Files.createDirectories(workspace.resolve("out"));
        QemuImg.create(out.resolve("a.raw"), "raw", "1M");
        QemuImg.create(out.resolve("b.raw"), "raw", "2M");
        QemuImg.create(out.resolve("b-copy.raw"), "raw", "2M");
        Files.writeString(out.resolve("notes.qcow2"), "not a disk image\n");
        QemuImg.create(out.resolve("disk.vmdk"), "vmdk", "1M", "-o", "subformat=monolithicFlat");
        secret = QemuImg.create(Files.createDirectories(base.resolve("outside")).resolve("secret.qcow2"), "qcow2",
                "1M").toRealPath();
        Files.createSymbolicLink(out.resolve("link.qcow2"), secret);
    }

    private String at(final String relative) {
        return workspace.resolve(relative).normalize().toString();
    }

    private List<String> at(final String... relative) {
        return List.of(relative).stream().map(this::at).toList();
    }

    private PreparedImages prepare(final boolean cache) throws Exception {
        return work.prepare(workspace, new PrepareRequest(ASKED, cache, List.of()), "agent-1");
    }

    @Test
    void shouldCheckEveryImageOnceAndRefuseTheLinkOutOfTheWorkspaceWithoutReadingIt() throws Exception {
        PreparedImages prepared = prepare(false);

        assertThat(prepared.workspace()).isEqualTo(workspace.toString());
        assertThat(prepared.host()).isEqualTo("agent-1");
        assertThat(prepared.order()).as("in the order asked for, the image named twice once").isEqualTo(at(
                "out/a.raw", "out/link.qcow2", "out/b.raw", "out/notes.qcow2", "out/b-copy.raw", "out/missing.raw",
                "out/disk.vmdk"));
        assertThat(prepared.refused()).containsOnlyKeys(at("out/link.qcow2"));
        assertThat(prepared.refused().get(at("out/link.qcow2")).failure()).hasValue(new Failure(FailureKind.REFUSED,
                at("out/link.qcow2") + ": refused, it is a link to " + secret + ", outside the workspace"));
        assertThat(prepared.lookups().entries()).as("the link was neither hashed nor looked up")
                .extracting(CacheLookups.Entry::absolute).isEqualTo(at("out/a.raw", "out/b.raw",
                        "out/notes.qcow2", "out/b-copy.raw", "out/missing.raw", "out/disk.vmdk"));
        assertThat(prepared.lookups().entries()).as("the cache is off").allSatisfy(entry ->
                assertThat(entry.key()).isEmpty());
        assertThat(prepared.probed()).as("nor checked by qemu-img").extracting(image -> image.path().toString())
                .isEqualTo(at("out/a.raw", "out/b.raw", "out/b-copy.raw", "out/disk.vmdk"));
        assertRejectedAreTheTextFileAndTheMissingOne(prepared);
        assertThat(prepared.companions()).containsExactly(entry(at("out/disk.vmdk"), List.of("disk-flat.vmdk")));
        assertThat(prepared.warnings()).isEmpty();
        assertThat(workspace.resolve(".guest-inspect")).doesNotExist();
    }

    private void assertRejectedAreTheTextFileAndTheMissingOne(final PreparedImages prepared) {
        assertThat(prepared.rejected()).containsOnlyKeys(at("out/notes.qcow2", "out/missing.raw"));
        assertThat(prepared.rejected().get(at("out/notes.qcow2")).failure().orElseThrow().kind())
                .isEqualTo(FailureKind.NOT_A_DISK_IMAGE);
        assertThat(prepared.rejected().get(at("out/missing.raw")).failure().orElseThrow().kind())
                .isEqualTo(FailureKind.MISSING);
    }

    @Test
    void shouldInspectIdenticalImagesOnceAndServeStoredResultsFromTheWorkspaceCache() throws Exception {
        PreparedImages first = prepare(true);

        assertThat(first.lookups().hits()).isEmpty();
        assertThat(first.lookups().toInspect()).as("b-copy.raw has b.raw's content").extracting(Path::toString)
                .isEqualTo(at("out/a.raw", "out/b.raw", "out/notes.qcow2", "out/missing.raw", "out/disk.vmdk"));
        assertThat(first.probed()).extracting(image -> image.path().toString())
                .isEqualTo(at("out/a.raw", "out/b.raw", "out/disk.vmdk"));
        assertRejectedAreTheTextFileAndTheMissingOne(first);

        Map<String, InspectionResult> scheduled = new HashMap<>();
        for (ProbedImage image : first.probed()) {
            scheduled.put(image.path().toString(), Fixtures.debian(image.path().toString(), false, "bash"));
        }
        List<InspectionResult> batch = List.copyOf(scheduled.values());
        StoreRequest stored = StoreRequest.decode(StoreRequest.batch(first.lookups(), batch).encode());
        assertThat(stored.lookups().entries()).as("the batch's entries only").hasSize(3);
        assertThat(work.store(workspace, stored, List.of())).isEmpty();
        assertThat(work.store(workspace, StoreRequest.runOver(first.lookups(), List.of()), List.of())).isEmpty();

        PreparedImages second = prepare(true);

        assertThat(second.lookups().hits()).extracting(result -> result.image().path())
                .isEqualTo(at("out/a.raw", "out/b.raw", "out/b-copy.raw", "out/disk.vmdk"));
        assertThat(second.probed()).as("nothing left for an appliance").isEmpty();
        assertRejectedAreTheTextFileAndTheMissingOne(second);
        List<InspectionResult> report = second.report(second.complete(Map.of(), ProgressListener.none()));
        assertThat(report).extracting(result -> result.image().path()).containsExactly("out/a.raw",
                "out/link.qcow2", "out/b.raw", "out/notes.qcow2", "out/b-copy.raw", "out/missing.raw",
                "out/disk.vmdk");
        assertThat(report).extracting(result -> result.cache().hit())
                .containsExactly(true, false, true, false, true, false, true);
        assertThat(workspace.resolve(WorkspaceWork.CACHE_DIRECTORY)).isDirectory();
    }
}
