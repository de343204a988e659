package io.github.guestinspect.batch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class ImageFinderTest {
    @TempDir
    Path base;

    private ImageFinder finder;

    @BeforeEach
    void createImages() throws IOException {
        finder = new ImageFinder(base);
        for (String file : List.of("images/b.qcow2", "images/a.raw", "images/e.img", "images/f.vhdx", "images/g.vhd",
                "images/h.qcow", "images/UPPER.QCOW2", "images/notes.txt", "images/disk.qcow2.bak", "images/README",
                "images/sub/c.vmdk", "images/sub/deeper/d.vdi", "images/sub/deeper/x.qcow2", "images/sub/skip.iso",
                "top.qcow2", "other/y.vmdk")) {
            Path path = base.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        Files.createDirectories(base.resolve("images/directory.qcow2")); // a directory, however it is named
        Files.createDirectories(base.resolve("empty"));
    }

    private List<Path> find(final String... arguments) throws IOException {
        return finder.find(List.of(arguments));
    }

    private static List<Path> paths(final String... paths) {
        return Stream.of(paths).map(Path::of).toList();
    }

    @Test
    void shouldKeepAFileAsGivenEvenIfItIsMissing() throws IOException {
        assertThat(find("missing.qcow2")).containsExactly(Path.of("missing.qcow2"));
        assertThat(find("no/such/dir/disk.raw")).containsExactly(Path.of("no/such/dir/disk.raw"));
    }

    @Test
    void shouldKeepAnExistingFileAsGivenWhateverItsName() throws IOException {
        assertThat(find("top.qcow2", "images/notes.txt")).containsExactly(Path.of("top.qcow2"),
                Path.of("images/notes.txt"));
    }

    @Test
    void shouldExpandADirectoryToTheImagesBelowIt() throws IOException {
        List<Path> found = find("images");

        assertThat(found).containsExactlyInAnyOrderElementsOf(paths("images/a.raw", "images/b.qcow2",
                "images/e.img", "images/f.vhdx", "images/g.vhd", "images/h.qcow", "images/UPPER.QCOW2",
                "images/sub/c.vmdk", "images/sub/deeper/d.vdi", "images/sub/deeper/x.qcow2"));
        assertThat(found).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void shouldFindALinkToAnImageButNotDescendIntoALinkToADirectory() throws IOException {
        Path links = Files.createDirectories(base.resolve("links"));
        Files.createSymbolicLink(links.resolve("linked.qcow2"), base.resolve("top.qcow2"));
        Files.createSymbolicLink(links.resolve("dangling.qcow2"), base.resolve("missing.qcow2"));
        Files.createSymbolicLink(links.resolve("other"), base.resolve("other"));
        Files.createSymbolicLink(links.resolve("folder.qcow2"), base.resolve("images/directory.qcow2"));

        assertThat(find("links")).containsExactly(Path.of("links/linked.qcow2"));
        assertThat(find("links/*.qcow2")).containsExactly(Path.of("links/linked.qcow2"));
        assertThatIOException().isThrownBy(() -> find("links/**.vmdk")).withMessage("no file matches links/**.vmdk");
    }

    @Test
    void shouldExpandADirectoryGivenWithTrailingSlashOrAbsolutePath() throws IOException {
        assertThat(find("images/sub/")).containsExactly(paths("images/sub/c.vmdk", "images/sub/deeper/d.vdi",
                "images/sub/deeper/x.qcow2").toArray(Path[]::new));
        assertThat(find(base.resolve("images/sub/deeper").toString())).containsExactly(
                base.resolve("images/sub/deeper/d.vdi"), base.resolve("images/sub/deeper/x.qcow2"));
    }

    @Test
    void shouldNameADirectoryWithoutImages() {
        assertThatIOException().isThrownBy(() -> find("top.qcow2", "empty")).withMessage("no disk image below the"
                + " directory empty (looked for .qcow2, .qcow, .raw, .img, .vmdk, .vdi, .vhdx, .vhd)");
    }

    @Test
    void shouldKeepTheOrderOfTheArguments() throws IOException {
        assertThat(find("top.qcow2", "other", "missing.raw")).containsExactly(Path.of("top.qcow2"),
                Path.of("other/y.vmdk"), Path.of("missing.raw"));
    }

    @Test
    void shouldMatchASingleDirectoryLevelWithStar() throws IOException {
        assertThat(find("images/*.qcow2")).containsExactly(Path.of("images/b.qcow2"));
    }

    @Test
    void shouldMatchEveryLevelWithDoubleStar() throws IOException {
        assertThat(find("images/**.qcow2")).containsExactly(paths("images/b.qcow2", "images/sub/deeper/x.qcow2")
                .toArray(Path[]::new));
        assertThat(find("**.vmdk")).containsExactly(Path.of("images/sub/c.vmdk"), Path.of("other/y.vmdk"));
    }

    @Test
    void shouldMatchNestedDirectoriesWithDoubleStarSlash() throws IOException {
        assertThat(find("images/**/*.qcow2")).contains(Path.of("images/sub/deeper/x.qcow2"));
    }

    @Test
    void shouldSupportQuestionMarksClassesAndAlternatives() throws IOException {
        assertThat(find("images/?.qcow2")).containsExactly(Path.of("images/b.qcow2"));
        assertThat(find("images/[ab].*")).containsExactly(Path.of("images/a.raw"), Path.of("images/b.qcow2"));
        assertThat(find("images/*.{raw,img}")).containsExactly(Path.of("images/a.raw"), Path.of("images/e.img"));
    }

    @Test
    void shouldMatchFilesNotDirectories() throws IOException {
        assertThat(find("images/*")).doesNotContain(Path.of("images/directory.qcow2"), Path.of("images/sub"))
                .contains(Path.of("images/notes.txt"), Path.of("images/README"));
    }

    @Test
    void shouldSortGlobMatches() throws IOException {
        assertThat(find("images/**")).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(14);
    }

    @Test
    void shouldMatchWildcardsInTheFirstPathElement() throws IOException {
        assertThat(find("*.qcow2")).containsExactly(Path.of("top.qcow2"));
    }

    @Test
    void shouldReturnAbsolutePathsForAnAbsolutePattern() throws IOException {
        assertThat(find(base + "/images/*.raw")).containsExactly(base.resolve("images/a.raw"));
    }

    @Test
    void shouldNameAPatternThatMatchesNothing() {
        assertThatIOException().isThrownBy(() -> find("images/*.vhdx.gz")).withMessageContaining("images/*.vhdx.gz");
    }

    @Test
    void shouldNameAPatternBelowAMissingDirectory() {
        assertThatIOException().isThrownBy(() -> find("top.qcow2", "nowhere/*.qcow2"))
                .withMessageContaining("nowhere/*.qcow2");
    }

    @Test
    void shouldNotTreatAFileAsTheDirectoryOfAPattern() {
        assertThatIOException().isThrownBy(() -> find("top.qcow2/*")).withMessageContaining("top.qcow2/*");
    }

    @Test
    void shouldReturnNothingForNoArguments() throws IOException {
        assertThat(find()).isEmpty();
    }
}
