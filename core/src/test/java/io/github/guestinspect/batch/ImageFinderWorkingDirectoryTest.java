package io.github.guestinspect.batch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@link ImageFinder} with the empty path as base, as the command line creates it: paths stay relative to the
 * working directory. The images live in a fresh directory below target/ (the working directory of the tests).
 */
class ImageFinderWorkingDirectoryTest {
    private final ImageFinder finder = new ImageFinder(Path.of(""));
    private Path directory;

    @BeforeEach
    void createImages() throws IOException {
        directory = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "image-finder-");
        assertThat(directory).isRelative();
        Files.createDirectories(directory.resolve("nested"));
        Files.writeString(directory.resolve("one.qcow2"), "1");
        Files.writeString(directory.resolve("nested/two.qcow2"), "2");
        Files.writeString(directory.resolve("nested/three.txt"), "3");
    }

    @AfterEach
    void deleteImages() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void shouldExpandGlobsRelativeToTheWorkingDirectory() throws IOException {
        assertThat(finder.find(List.of(directory + "/*.qcow2"))).containsExactly(directory.resolve("one.qcow2"));
        assertThat(finder.find(List.of(directory + "/**.qcow2"))).containsExactly(
                directory.resolve("nested/two.qcow2"), directory.resolve("one.qcow2"));
    }

    @Test
    void shouldExpandDirectoriesRelativeToTheWorkingDirectory() throws IOException {
        assertThat(finder.find(List.of(directory.toString()))).containsExactly(
                directory.resolve("nested/two.qcow2"), directory.resolve("one.qcow2"));
    }

    @Test
    void shouldMatchAWildcardInTheFirstElementOfARelativePattern() throws IOException {
        assertThat(finder.find(List.of("targe?/" + directory.getFileName() + "/*.qcow2")))
                .containsExactly(directory.resolve("one.qcow2"));
    }

    @Test
    void shouldNameAPatternThatMatchesNothing() {
        String pattern = directory + "/*.vdi";

        assertThatIOException().isThrownBy(() -> finder.find(List.of(pattern))).withMessageContaining(pattern);
    }
}
