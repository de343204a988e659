package io.jenkins.plugins.guestinspect.remote;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.batch.ProgressListener;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.runner.ProbedImage;
import io.jenkins.plugins.guestinspect.analysis.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the workspace's node found before the run: it crosses the channel as Smile, completes every image's result
 * from the scheduled ones (hits, rejections, twins) and reports them as the user named them.
 */
class PreparedImagesTest {
    private static final String WORKSPACE = "/ws/job 1";

    private final List<InspectionResult> heard = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void finished(final InspectionResult result) {
            heard.add(result);
        }
    };

    private static String at(final String relative) {
        return WORKSPACE + "/" + relative;
    }

    /** An image's result under its absolute path, as the workspace's node and the agents name it. */
    private static InspectionResult debian(final String relative) {
        return Fixtures.debian(at(relative), false, "bash");
    }

    private static InspectionResult failed(final String relative, final FailureKind kind) {
        return Fixtures.failed(at(relative), kind);
    }

    private static CacheLookups.Entry miss(final String relative, final Optional<String> key) {
        String path = at(relative);
        return new CacheLookups.Entry(path, path, key, key.map(k -> "sha256:" + k), 7, 1,
                new ImageFile(path, Path.of(path).getFileName().toString(), 1024), Optional.empty());
    }

    private static CacheLookups.Entry hit(final String relative) {
        String path = at(relative);
        InspectionResult cached = Fixtures.debian(path, true, "bash");
        return new CacheLookups.Entry(path, path, Optional.of("k-" + relative), Optional.of("sha256:h"), 7, 1,
                cached.image(), Optional.of(cached));
    }

    private static ProbedImage probed(final String relative) {
        String path = at(relative);
        return new ProbedImage(Path.of(path), new ImageFile(path, Path.of(path).getFileName().toString(), 1024),
                new DiskInfo(DiskFormat.QCOW2, 1 << 20, Optional.empty()), 3);
    }

    /**
     * Asked for (in this order): a missing image, a link out of the workspace, a cache hit, an image and its twin,
     * a rejected file, an image that bypasses the cache and a VMDK with its extent.
     */
    private static PreparedImages prepared() {
        CacheLookups lookups = new CacheLookups(List.of(miss("out/missing.raw", Optional.empty()),
                hit("out/cached.qcow2"), miss("out/b.qcow2", Optional.of("kb")),
                miss("out/b-copy.qcow2", Optional.of("kb")), miss("out/junk.qcow2", Optional.of("kj")),
                miss("out/unhashed.raw", Optional.empty()), miss("out/disk.vmdk", Optional.of("kd"))));
        return new PreparedImages(WORKSPACE, "agent-1", List.of(at("out/missing.raw"), at("out/link.qcow2"),
                at("out/cached.qcow2"), at("out/b.qcow2"), at("out/b-copy.qcow2"), at("out/junk.qcow2"),
                at("out/unhashed.raw"), at("out/disk.vmdk")),
                Map.of(at("out/link.qcow2"), failed("out/link.qcow2", FailureKind.REFUSED)), lookups,
                List.of(probed("out/b.qcow2"), probed("out/unhashed.raw"), probed("out/disk.vmdk")),
                Map.of(at("out/missing.raw"), failed("out/missing.raw", FailureKind.MISSING),
                        at("out/junk.qcow2"), failed("out/junk.qcow2", FailureKind.NOT_A_DISK_IMAGE)),
                Map.of(at("out/disk.vmdk"), List.of("disk-flat.vmdk")), List.of("removed 1 temporary file"), 42);
    }

    private static Map<String, InspectionResult> scheduled() {
        return Map.of(at("out/b.qcow2"), debian("out/b.qcow2"), at("out/unhashed.raw"), debian("out/unhashed.raw"),
                at("out/disk.vmdk"), debian("out/disk.vmdk"));
    }

    @Test
    void shouldComeBackFromSmileEqualWithItsProbedImagesAndTheirPaths() throws Exception {
        PreparedImages prepared = prepared();

        PreparedImages decoded = PreparedImages.decode(prepared.encode());

        assertThat(decoded).isEqualTo(prepared);
        assertThat(decoded.probed()).extracting(ProbedImage::path).containsExactly(Path.of(at("out/b.qcow2")),
                Path.of(at("out/unhashed.raw")), Path.of(at("out/disk.vmdk")));
        assertThat(decoded.lookups().hits()).singleElement().satisfies(hit ->
                assertThat(hit.cache().hit()).isTrue());
        assertThat(decoded.companionsOf(decoded.probed().get(2))).containsExactly("disk-flat.vmdk");
        assertThat(decoded.companionsOf(decoded.probed().get(0))).isEmpty();
    }

    @Test
    void shouldCompleteEveryLookedUpImageWithItsHitRejectionScheduledResultOrTwin() {
        PreparedImages prepared = prepared();

        List<InspectionResult> completed = prepared.complete(scheduled(), listener);

        assertThat(completed).extracting(result -> result.image().path()).containsExactly(at("out/missing.raw"),
                at("out/cached.qcow2"), at("out/b.qcow2"), at("out/b-copy.qcow2"), at("out/junk.qcow2"),
                at("out/unhashed.raw"), at("out/disk.vmdk"));
        assertThat(completed.get(0).failure()).hasValueSatisfying(failure ->
                assertThat(failure.kind()).isEqualTo(FailureKind.MISSING));
        assertThat(completed.get(1).cache().hit()).as("served from the cache").isTrue();
        assertThat(completed.get(2).contentHash()).as("the inspected image gets its cache facts")
                .isEqualTo("sha256:kb");
        assertThat(completed.get(3).operatingSystems()).as("the twin has the result of the image inspected for it")
                .isEqualTo(completed.get(2).operatingSystems());
        assertThat(completed.get(4).failure()).hasValueSatisfying(failure ->
                assertThat(failure.kind()).isEqualTo(FailureKind.NOT_A_DISK_IMAGE));
        assertThat(completed.get(5).contentHash()).as("bypassed the cache: no hash").isEqualTo("sha256:x");
        assertThat(heard).as("only the twin was not inspected, so the listener hears of it")
                .extracting(result -> result.image().path()).containsExactly(at("out/b-copy.qcow2"));
    }

    @Test
    void shouldRefuseToCompleteWhenAProbedImageHasNoResult() {
        Map<String, InspectionResult> withoutTheVmdk = Map.of(at("out/b.qcow2"), debian("out/b.qcow2"),
                at("out/unhashed.raw"), debian("out/unhashed.raw"));

        assertThatThrownBy(() -> prepared().complete(withoutTheVmdk, listener))
                .isInstanceOf(IllegalStateException.class).hasMessage("no result for " + at("out/disk.vmdk"));
    }

    @Test
    void shouldReportInTheOrderAskedForWithRefusedLinksAndWorkspaceRelativeNames() {
        PreparedImages prepared = prepared();

        List<InspectionResult> completed = prepared.complete(scheduled(), listener);

        List<InspectionResult> report = prepared.report(completed);

        assertThat(report).extracting(result -> result.image().path()).containsExactly("out/missing.raw",
                "out/link.qcow2", "out/cached.qcow2", "out/b.qcow2", "out/b-copy.qcow2", "out/junk.qcow2",
                "out/unhashed.raw", "out/disk.vmdk");
        assertThat(report.get(1).failure()).hasValueSatisfying(failure ->
                assertThat(failure.kind()).isEqualTo(FailureKind.REFUSED));
        assertThat(report.get(4)).as("nothing but the path changes").isEqualTo(completed.get(3)
                .withImage(new ImageFile("out/b-copy.qcow2", "b-copy.qcow2", 1024)));
    }

    @Test
    void shouldTurnWorkspacePathsAbsoluteAndBackWithOrWithoutATrailingSlash() {
        for (String workspace : List.of("/ws/job 1", "/ws/job 1/")) {
            PreparedImages prepared = new PreparedImages(workspace, "", List.of(), Map.of(),
                    new CacheLookups(List.of()), List.of(), Map.of(), Map.of(), List.of(), 0);

            assertThat(prepared.absolute("out/a.qcow2")).isEqualTo("/ws/job 1/out/a.qcow2");
            assertThat(prepared.relative("/ws/job 1/out/a.qcow2")).isEqualTo("out/a.qcow2");
            assertThat(prepared.relative("/ws/job 10/a.qcow2")).as("a sibling with the same prefix is outside")
                    .isEqualTo("/ws/job 10/a.qcow2");
            assertThat(prepared.relative("/elsewhere/a.qcow2")).isEqualTo("/elsewhere/a.qcow2");
        }
    }
}
