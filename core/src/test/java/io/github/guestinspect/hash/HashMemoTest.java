package io.github.guestinspect.hash;

import io.github.guestinspect.hash.HashMemo.Hashed;
import io.github.guestinspect.model.ModelMapper;
import io.github.guestinspect.testing.FullDisk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memo from file identity to content hash: an unchanged file is not read again, and every change of identity
 * (size, mtime, ctime, inode) means hashing again; a damaged memo only costs a re-hash.
 */
class HashMemoTest {
    @TempDir
    Path directory;

    private Path memoDirectory;
    private Path image;
    private HashMemo memo;

    @BeforeEach
    void createImage() throws IOException {
        memoDirectory = directory.resolve("memo");
        image = directory.resolve("disk.raw");
        Files.write(image, "first content of the disk".getBytes(StandardCharsets.US_ASCII));
        memo = new HashMemo(memoDirectory, new ContentHasher(2));
    }

    private Path memoFile() throws IOException {
        return memoDirectory.resolve(FileIdentity.of(image).memoName());
    }

    @Test
    void shouldHashAFileOnceAndServeTheUnchangedFileFromTheMemo() throws Exception {
        Hashed first = memo.hash(image);
        Hashed second = memo.hash(image);

        assertThat(first.memoised()).isFalse();
        assertThat(first.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
        assertThat(second.memoised()).isTrue();
        assertThat(second.hash()).isEqualTo(first.hash());
        assertThat(new HashMemo(memoDirectory, new ContentHasher(1)).hash(image).memoised())
                .as("another run with the same memo directory").isTrue();
    }

    @Test
    void shouldNotReadTheFileOnAMemoHit() throws Exception {
        FileIdentity identity = FileIdentity.of(image);
        String planted = ContentHasher.ALGORITHM + ":" + "f".repeat(64);
        Files.createDirectories(memoDirectory);
        ModelMapper.json().writeValue(memoFile().toFile(), new HashMemo.Entry(identity, planted));

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isTrue();
        assertThat(hashed.hash()).as("the planted hash proves the content was not read").isEqualTo(planted);
    }

    @Test
    void shouldServeAMemoEntryWithFieldsItDoesNotKnow() throws Exception {
        String hash = memo.hash(image).hash();
        FileIdentity identity = FileIdentity.of(image);
        Files.writeString(memoFile(), "{\"written\": \"later\", \"identity\": {\"device\": " + identity.device()
                + ", \"inode\": " + identity.inode() + ", \"size\": " + identity.size() + ", \"mtimeNanos\": "
                + identity.mtimeNanos() + ", \"ctimeNanos\": " + identity.ctimeNanos() + ", \"extra\": [1]},"
                + " \"hash\": \"" + hash + "\"}", StandardCharsets.UTF_8);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isTrue();
        assertThat(hashed.hash()).isEqualTo(hash);
        assertThat(hashed.size()).isEqualTo(identity.size());
    }

    /**
     * Waits, without sleeping, until the filesystem stamps a change later than the file's ctime: kernels without
     * fine-grained timestamps give every change within one clock tick the same ctime.
     */
    private void awaitFilesystemClockPast(final Path file) throws IOException {
        long ctime = FileIdentity.of(file).ctimeNanos();
        Path probe = Files.write(directory.resolve("clock-probe"), new byte[0]);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (FileIdentity.of(probe).ctimeNanos() <= ctime) {
            assertThat(System.nanoTime()).as("the filesystem clock advanced within 10 s").isLessThan(deadline);
            Files.setLastModifiedTime(probe, FileTime.fromMillis(0));
        }
    }

    @Test
    void shouldMissWhenTheContentIsReplacedWithTheSameSizeAndTheMtimeIsRestored() throws Exception {
        Hashed before = memo.hash(image);
        awaitFilesystemClockPast(image);
        FileTime mtime = Files.getLastModifiedTime(image);
        long ctimeBefore = FileIdentity.of(image).ctimeNanos();
        try (RandomAccessFile access = new RandomAccessFile(image.toFile(), "rw")) {
            access.write("FIRST".getBytes(StandardCharsets.US_ASCII)); // same size, other bytes
        }
        Files.setLastModifiedTime(image, mtime);
        FileIdentity after = FileIdentity.of(image);
        assertThat(after.mtimeNanos()).isEqualTo(mtime.to(java.util.concurrent.TimeUnit.NANOSECONDS));
        assertThat(after.ctimeNanos()).as("the write and the utimes call move ctime").isNotEqualTo(ctimeBefore);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isNotEqualTo(before.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
    }

    @Test
    void shouldMissWhenTheSizeChanges() throws Exception {
        Hashed before = memo.hash(image);
        FileTime mtime = Files.getLastModifiedTime(image);
        Files.write(image, "!".getBytes(StandardCharsets.US_ASCII), java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(image, mtime);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isNotEqualTo(before.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
    }

    @Test
    void shouldMissWhenOnlyTheMtimeChangesAndFindTheSameHash() throws Exception {
        Hashed before = memo.hash(image);
        Files.setLastModifiedTime(image, FileTime.fromMillis(Files.getLastModifiedTime(image).toMillis() - 60_000));

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(before.hash());
        assertThat(memo.hash(image).memoised()).isTrue();
    }

    @Test
    void shouldMissWhenTheFileIsReplacedByAnotherInodeWithTheSameContentSizeAndMtime() throws Exception {
        FileTime mtime = FileTime.fromMillis(1_700_000_000_000L); // whole milliseconds survive every copy
        Files.setLastModifiedTime(image, mtime);
        Hashed before = memo.hash(image);
        FileIdentity original = FileIdentity.of(image);
        Path copy = directory.resolve("copy.tmp");
        Files.copy(image, copy);
        Files.setLastModifiedTime(copy, mtime);
        Files.move(copy, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        FileIdentity replaced = FileIdentity.of(image);
        assertThat(replaced.inode()).isNotEqualTo(original.inode());
        assertThat(replaced.size()).isEqualTo(original.size());
        assertThat(replaced.mtimeNanos()).isEqualTo(original.mtimeNanos());

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(before.hash());
    }

    @Test
    void shouldMissWhenAnotherFileTakesOverTheMemoNameOfTheInode() throws Exception {
        memo.hash(image);
        FileIdentity identity = FileIdentity.of(image);
        String stale = ContentHasher.ALGORITHM + ":" + "0".repeat(64);
        FileIdentity other = new FileIdentity(identity.device(), identity.inode(), identity.size(),
                identity.mtimeNanos(), identity.ctimeNanos() - 1);
        ModelMapper.json().writeValue(memoFile().toFile(), new HashMemo.Entry(other, stale));

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "not json at all", "[]", "{}", "42", "\"text\"", "{\"identity\":{}}",
            "{\"hash\":\"sha256-tree64m:00\"}", "{\"identity\":null,\"hash\":null}", "\u0000\u0001\u0002",
            "{\"identity\":{\"device\":\"1\",\"inode\":2,\"size\":3,\"mtimeNanos\":4,\"ctimeNanos\":5},\"hash\":7}",
            "{\"identity\":{\"device\":1,\"inode\":2,\"size\":3,\"mtimeNanos\":4,\"ctimeNanos\":99999999999999999999},"
                    + "\"hash\":\"sha256-tree64m:00\"}", "{\"identity\":{\"device\":1", "[{\"identity\":{}}]"})
    void shouldRehashWhenTheMemoEntryIsDamaged(final String damage) throws Exception {
        String expected = memo.hash(image).hash();
        Files.writeString(memoFile(), damage, StandardCharsets.UTF_8);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(expected);
        assertThat(memo.hash(image).memoised()).as("the damaged memo was overwritten").isTrue();
    }

    @Test
    void shouldRehashWhenTheMemoEntryIsTheJsonLiteralNull() throws Exception {
        String expected = memo.hash(image).hash();
        Files.writeString(memoFile(), "null", StandardCharsets.UTF_8);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(expected);
    }

    @Test
    void shouldRehashWhenTheMemoOfTheRightIdentityHasNoHash() throws Exception {
        FileIdentity identity = FileIdentity.of(image);
        Files.createDirectories(memoDirectory);
        com.fasterxml.jackson.databind.node.ObjectNode entry = ModelMapper.json().createObjectNode();
        entry.set("identity", ModelMapper.json().valueToTree(identity));
        entry.putNull("hash");
        ModelMapper.json().writeValue(memoFile().toFile(), entry);

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
    }

    @Test
    void shouldRehashWhenTheMemoHoldsAHashOfAnotherAlgorithm() throws Exception {
        FileIdentity identity = FileIdentity.of(image);
        Files.createDirectories(memoDirectory);
        ModelMapper.json().writeValue(memoFile().toFile(), new HashMemo.Entry(identity, "md5:0123"));

        Hashed hashed = memo.hash(image);

        assertThat(hashed.memoised()).isFalse();
        assertThat(hashed.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
    }

    @Test
    void shouldLeaveNoTemporaryFilesInTheMemoDirectory() throws Exception {
        memo.hash(image);
        Files.setLastModifiedTime(image, FileTime.fromMillis(0));
        memo.hash(image);

        try (Stream<Path> files = Files.list(memoDirectory)) {
            assertThat(files.map(file -> file.getFileName().toString()).toList())
                    .containsExactly(FileIdentity.of(image).memoName());
        }
    }

    @Test
    void shouldStillHashOnAFullDiskAndSayOnceThatTheMemoCannotBeWritten() throws Exception {
        List<String> warnings = new ArrayList<>();
        Path other = Files.writeString(directory.resolve("other.raw"), "other content");
        try (FullDisk disk = FullDisk.mount(directory.resolve("disk"))) {
            HashMemo full = new HashMemo(disk.path().resolve("memo"), new ContentHasher(2), warnings::add);
            disk.fill();

            Hashed first = full.hash(image);
            Hashed second = full.hash(other);

            assertThat(first.hash()).isEqualTo(ContentHasherTest.referenceHash(image));
            assertThat(second.hash()).isEqualTo(ContentHasherTest.referenceHash(other));
            assertThat(warnings).singleElement().asString().startsWith("cannot remember content hashes in "
                    + disk.path().resolve("memo")).contains("No space left on device")
                    .endsWith("unchanged images will be read again next time");
            try (Stream<Path> files = Files.list(disk.path().resolve("memo"))) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void shouldNameMemoFilesOnlyWithDigitsAndADash() {
        FileIdentity identity = new FileIdentity(-1, Long.MIN_VALUE, 0, 0, 0);

        assertThat(identity.memoName()).matches("[0-9]+-[0-9]+").isEqualTo("18446744073709551615-9223372036854775808");
    }
}
