package io.github.guestinspect.files;

import io.github.guestinspect.runner.RunOwner;
import io.github.guestinspect.testing.FullDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole files or none, and the removal of exactly what killed writers left. */
class AtomicFileTest {
    private static final RunOwner CURRENT = RunOwner.current();

    @TempDir
    Path directory;

    @Test
    void shouldWriteTheWholeFileWithTheUsualPermissionsAndLeaveNoTemporaryFile() throws IOException {
        Path target = directory.resolve("sub/report.json");

        AtomicFile.write(target, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, out -> out.write("{\"a\": 2}".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("{\"a\": 2}");
        Path plain = Files.createFile(directory.resolve("sub/plain"));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void shouldLeaveTheTargetAsItWasWhenWritingFailsAndNameTheTarget() throws IOException {
        Path target = Files.writeString(directory.resolve("entry"), "old");

        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("the renderer failed");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": the renderer failed");

        assertThat(target).hasContent("old");
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void shouldFailOnAFullDiskNamingTheFileAndLeaveNothingBehind() throws Exception {
        try (FullDisk disk = FullDisk.mount(directory.resolve("disk"))) {
            Path target = disk.path().resolve("reports/report.json");
            AtomicFile.write(target, "{\"old\": true}".getBytes(StandardCharsets.UTF_8));
            disk.fill();

            assertThatThrownBy(() -> AtomicFile.write(target, new byte[64 * 1024]))
                    .isInstanceOf(IOException.class)
                    .hasMessage("cannot write " + target + ": No space left on device");

            assertThat(target).hasContent("{\"old\": true}");
            assertThat(temporaryFiles()).isEmpty();
        }
    }

    @Test
    void shouldDeleteTheTemporaryFilesOfDeadWritersAndOldOnesButNoLiveWritersFreshFile() throws IOException {
        RunOwner dead = new RunOwner(CURRENT.host(), CURRENT.pid(), CURRENT.startMillis() - 3_600_000);
        String otherHost = CURRENT.host().equals("12345678") ? "87654321" : "12345678";
        Path ofDeadWriter = temporary(dead.token(), Instant.now());
        Path ofLiveWriter = temporary(CURRENT.token(), Instant.now());
        Path ofOtherHost = temporary(otherHost + ".1.1", Instant.now());
        Path unnamed = temporary("17", Instant.now());
        Path oldOfOtherHost = temporary(otherHost + ".2.2", Instant.now().minus(Duration.ofHours(2)));
        Path oldUnnamed = temporary("18", Instant.now().minus(Duration.ofMinutes(61)));
        Path entry = Files.writeString(directory.resolve("entry.gic"), "x");
        Path hidden = Files.writeString(directory.resolve(".guest-inspect-notes"), "x");

        int deleted = AtomicFile.deleteAbandoned(directory);

        assertThat(deleted).isEqualTo(3);
        assertThat(ofDeadWriter).doesNotExist();
        assertThat(oldOfOtherHost).doesNotExist();
        assertThat(oldUnnamed).doesNotExist();
        assertThat(ofLiveWriter).exists();
        assertThat(ofOtherHost).exists();
        assertThat(unnamed).exists();
        assertThat(entry).exists();
        assertThat(hidden).exists();
        assertThat(AtomicFile.deleteAbandoned(directory.resolve("missing"))).isZero();
    }

    private Path temporary(final String owner, final Instant modified) throws IOException {
        Path file = Files.writeString(directory.resolve(".guest-inspect-" + owner + "-abc.tmp"), "half");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        assertThat(AtomicFile.isTemporary(file.getFileName().toString())).isTrue();
        return file;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> AtomicFile.isTemporary(file.getFileName().toString())).toList();
        }
    }
}
