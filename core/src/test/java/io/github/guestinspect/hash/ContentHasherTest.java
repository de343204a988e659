package io.github.guestinspect.hash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tree hash against an independent computation from its documented definition: SHA-256 over the file length
 * (8 bytes, big-endian) followed by the SHA-256 digests of the 64 MiB chunks in order. A 0-byte file counts as one
 * empty chunk (the definition leaves this open; the implementation hashes it so).
 */
class ContentHasherTest {
    private static final long MIB = 1L << 20;
    private static final long CHUNK = 64 * MIB;

    @TempDir
    Path directory;

    /** The reference: one plain SHA-256 stream per chunk, read with ordinary streams. */
    static String referenceHash(final Path file) throws Exception {
        long size = Files.size(file);
        long chunks = Math.max(1, (size + CHUNK - 1) / CHUNK);
        MessageDigest root = MessageDigest.getInstance("SHA-256");
        root.update(ByteBuffer.allocate(8).putLong(size).array());
        byte[] buffer = new byte[(int) MIB];
        try (InputStream input = Files.newInputStream(file)) {
            for (long chunk = 0; chunk < chunks; chunk++) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long remaining = Math.min(CHUNK, size - chunk * CHUNK);
                while (remaining > 0) {
                    int read = input.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    assertThat(read).isPositive();
                    digest.update(buffer, 0, read);
                    remaining -= read;
                }
                root.update(digest.digest());
            }
            assertThat(input.read()).isEqualTo(-1);
        }
        return "sha256-tree64m:" + HexFormat.of().formatHex(root.digest());
    }

    /** A sparse file of that size with a few bytes written: at the start, around chunk borders and at the end. */
    private Path sparseFile(final String name, final long size) throws IOException {
        Path file = directory.resolve(name);
        try (RandomAccessFile access = new RandomAccessFile(file.toFile(), "rw")) {
            access.setLength(size);
            for (long position : new long[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK - 1, 2 * CHUNK, size - 1}) {
                if (position >= 0 && position < size) {
                    access.seek(position);
                    access.write((int) (position * 31 + 7));
                }
            }
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 1024 * 1024 + 3, 64 * 1024 * 1024 - 1, 64 * 1024 * 1024, 64 * 1024 * 1024 + 1,
            128 * 1024 * 1024, 150 * 1024 * 1024 + 12_345})
    void shouldMatchTheDocumentedTreeHashWithOneAndWithFourThreads(final long size) throws Exception {
        Path file = sparseFile("image-" + size + ".raw", size);
        String expected = referenceHash(file);

        assertThat(new ContentHasher(1).hash(file)).isEqualTo(expected);
        assertThat(new ContentHasher(4).hash(file)).isEqualTo(expected);
    }

    @Test
    void shouldHashAnEmptyFileAsTheLengthZeroAndTheDigestOfNothing() throws Exception {
        Path file = Files.createFile(directory.resolve("empty.raw"));
        MessageDigest root = MessageDigest.getInstance("SHA-256");
        root.update(new byte[8]);
        root.update(MessageDigest.getInstance("SHA-256").digest());

        assertThat(new ContentHasher(3).hash(file))
                .isEqualTo("sha256-tree64m:" + HexFormat.of().formatHex(root.digest()));
    }

    @Test
    void shouldHashAFileOfRandomContentLikeTheReference() throws Exception {
        Path file = directory.resolve("random.raw");
        byte[] content = new byte[(int) (3 * MIB + 17)];
        new java.util.Random(42).nextBytes(content);
        Files.write(file, content);

        assertThat(new ContentHasher(2).hash(file)).isEqualTo(referenceHash(file)).matches("sha256-tree64m:[0-9a-f]{64}");
    }

    @Test
    void shouldGiveDifferentHashesWhenOneByteOrOnlyTheLengthDiffers() throws Exception {
        Path zeros = sparseFile("zeros.raw", CHUNK + 10);
        Path longer = directory.resolve("longer.raw");
        Files.copy(zeros, longer);
        try (RandomAccessFile access = new RandomAccessFile(longer.toFile(), "rw")) {
            access.setLength(CHUNK + 11); // one more zero byte
        }
        Path changed = directory.resolve("changed.raw");
        Files.copy(zeros, changed);
        try (RandomAccessFile access = new RandomAccessFile(changed.toFile(), "rw")) {
            access.seek(CHUNK + 5);
            access.write(1);
        }
        ContentHasher hasher = new ContentHasher(2);

        assertThat(hasher.hash(longer)).isNotEqualTo(hasher.hash(zeros));
        assertThat(hasher.hash(changed)).isNotEqualTo(hasher.hash(zeros));
    }

    @Test
    void shouldRefuseLessThanOneThread() {
        assertThatThrownBy(() -> new ContentHasher(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThat(ContentHasher.allCores()).isNotNull();
    }

    @Test
    void shouldFailWithAnIoExceptionForAMissingFile() {
        assertThatThrownBy(() -> new ContentHasher(2).hash(directory.resolve("missing.raw")))
                .isInstanceOf(IOException.class);
    }
}
