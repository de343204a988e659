package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import hudson.FilePath;
import io.github.guestinspect.cache.CacheLookups;
import io.github.guestinspect.model.DiskFormat;
import io.github.guestinspect.model.DiskInfo;
import io.github.guestinspect.model.ImageFile;
import io.github.guestinspect.runner.ProbedImage;
import io.jenkins.plugins.guestinspect.remote.PreparedImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Putting a batch's images where an agent can open them, on mocked file paths over an in-memory tree: nothing moves
 * on the workspace's node; elsewhere each image goes once into the agent's own directory through a temporary name,
 * its size checked, with the files a VMDK needs beside it, and all of it goes when the agent is done.
 */
class ImageShippingTest {
    private static final String INCOMING = "/agent/guest-inspect/incoming/u1";

    private final FakeFiles files = new FakeFiles().file("/ws/out/a.qcow2", 1024).file("/ws/out/b.qcow2", 2048)
            .file("/ws/vm/disk.vmdk", 512).file("/ws/vm/disk-flat.vmdk", 1 << 20);
    private final FilePath workspace = files.path("/ws");

    static ProbedImage image(final String path, final long size) {
        return new ProbedImage(Path.of(path), new ImageFile(path.substring("/ws/".length()),
                Path.of(path).getFileName().toString(), size), new DiskInfo(DiskFormat.QCOW2, 1 << 30,
                Optional.empty()), 4);
    }

    /** What the workspace's node found, as far as shipping needs it: the files each image needs beside it. */
    static PreparedImages prepared(final Map<String, List<String>> companions) {
        return new PreparedImages("/ws", "controller", List.of(), Map.of(), new CacheLookups(List.of()), List.of(),
                Map.of(), companions, List.of(), 0);
    }

    private ImageShipping remote() {
        return new ImageShipping(workspace, files.path(INCOMING));
    }

    @Test
    void shouldUseTheImagesWhereTheyAreOnTheWorkspacesNode() throws Exception {
        List<ProbedImage> batch = List.of(image("/ws/out/a.qcow2", 1024));
        ImageShipping local = new ImageShipping(workspace, null);

        assertThat(local.isLocal()).isTrue();
        assertThat(local.place(batch, prepared(Map.of()))).isSameAs(batch);
        local.clean();
        verifyNoInteractions(workspace);
    }

    @Test
    void shouldCopyEachImageThroughATemporaryNameIntoTheAgentsDirectory() throws Exception {
        ProbedImage image = image("/ws/out/a.qcow2", 1024);

        List<ProbedImage> there = remote().place(List.of(image), prepared(Map.of()));

        assertThat(there).singleElement().satisfies(copy -> {
            assertThat(copy.path()).isEqualTo(Path.of(INCOMING + "/0/a.qcow2"));
            assertThat(copy.file()).as("still named as the user named it").isEqualTo(image.file());
            assertThat(copy.disk()).as("never probed again").isEqualTo(image.disk());
            assertThat(copy.probeMillis()).isEqualTo(image.probeMillis());
        });
        FilePath partial = files.path(INCOMING + "/0/a.qcow2.part");
        InOrder order = inOrder(files.path(INCOMING + "/0"), files.path("/ws/out/a.qcow2"), partial);
        order.verify(files.path(INCOMING + "/0")).mkdirs();
        order.verify(files.path("/ws/out/a.qcow2")).copyTo(partial);
        order.verify(partial).renameTo(files.path(INCOMING + "/0/a.qcow2"));
        assertThat(files.files()).contains(INCOMING + "/0/a.qcow2").doesNotContain(INCOMING + "/0/a.qcow2.part");
    }

    @Test
    void shouldFailNamingBothPathsWhenTheCopyIsShort() {
        files.file("/ws/out/a.qcow2", 1000); // cut short while it was copied

        assertThatThrownBy(() -> remote().place(List.of(image("/ws/out/a.qcow2", 1024)), prepared(Map.of())))
                .isInstanceOf(IOException.class).hasMessage("copying /ws/out/a.qcow2 to " + INCOMING
                        + "/0/a.qcow2 gave 1000 bytes instead of 1024");
        assertThat(files.files()).doesNotContain(INCOMING + "/0/a.qcow2");
    }

    @Test
    void shouldCopyTheFilesAVmdkNeedsBesideIt() throws Exception {
        ProbedImage descriptor = image("/ws/vm/disk.vmdk", 512);

        List<ProbedImage> there = remote().place(List.of(descriptor), prepared(Map.of("/ws/vm/disk.vmdk",
                List.of("disk-flat.vmdk"))));

        assertThat(there).singleElement().extracting(ProbedImage::path)
                .isEqualTo(Path.of(INCOMING + "/0/disk.vmdk"));
        verify(files.path(INCOMING + "/0/disk-flat.vmdk.part")).renameTo(files.path(INCOMING
                + "/0/disk-flat.vmdk"));
        assertThat(files.files()).contains(INCOMING + "/0/disk.vmdk", INCOMING + "/0/disk-flat.vmdk")
                .noneMatch(file -> file.endsWith(".part"));
    }

    @Test
    void shouldShipAnImageOnlyOnceAcrossBatches() throws Exception {
        ImageShipping shipping = remote();
        ProbedImage a = image("/ws/out/a.qcow2", 1024);

        List<ProbedImage> first = shipping.place(List.of(a), prepared(Map.of()));
        List<ProbedImage> second = shipping.place(List.of(image("/ws/out/b.qcow2", 2048), a), prepared(Map.of()));

        verify(files.path("/ws/out/a.qcow2")).copyTo(files.path(INCOMING + "/0/a.qcow2.part"));
        verify(files.path("/ws/out/b.qcow2")).copyTo(files.path(INCOMING + "/1/b.qcow2.part"));
        assertThat(second).extracting(ProbedImage::path).containsExactly(Path.of(INCOMING + "/1/b.qcow2"),
                first.get(0).path());
    }

    @Test
    void shouldDeleteTheAgentsDirectoryWhenCleaning() throws Exception {
        ImageShipping shipping = remote();
        shipping.place(List.of(image("/ws/out/a.qcow2", 1024)), prepared(Map.of()));

        shipping.clean();

        verify(files.path(INCOMING)).deleteRecursive();
        assertThat(files.files()).noneMatch(file -> file.startsWith(INCOMING));
        verify(files.path("/ws/out/a.qcow2"), never()).deleteRecursive();
        assertThat(files.files()).contains("/ws/out/a.qcow2");
    }
}
