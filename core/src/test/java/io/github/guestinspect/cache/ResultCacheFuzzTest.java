package io.github.guestinspect.cache;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.testing.Allocations;
import io.github.guestinspect.testing.FuzzInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz target for the cache's entry decoder. Contract: any bytes decode to a result or fail with
 * {@link CacheEntryException} (which makes the cache delete the entry and inspect again), never another exception or
 * error, and decoding allocates memory in proportion to the entry, not to lengths the entry declares. A decoded
 * result encodes and decodes to itself. Corpus: src/test/resources/io/github/guestinspect/cache/ResultCacheFuzzTestInputs.
 */
class ResultCacheFuzzTest {
    /** What decoding a small entry may allocate (the mapper's own buffers), plus this much per byte of entry. */
    private static final long BASE_ALLOCATION = 32L << 20;
    private static final long ALLOCATION_PER_BYTE = 256;

    private final ResultCache cache = new ResultCache(Path.of("unused"), warning -> { });

    /**
     * '0': the rest is a Smile payload behind a valid header (magic, schema, checksum), so the fuzzer reaches the
     * Smile decoder and the model's constructors; '1': the rest is the whole entry file, header included.
     */
    @FuzzTest
    void decodeEntry(final byte[] data) {
        byte[] rest = FuzzInput.afterChoice(data);
        byte[] entry = FuzzInput.choice(data, 2) == 0 ? withValidHeader(rest) : rest;

        Allocations.assertBelow(BASE_ALLOCATION + ALLOCATION_PER_BYTE * entry.length, () -> decode(entry));
    }

    /** Decodes, holding the decoder to its contract. */
    private void decode(final byte[] entry) {
        try {
            InspectionResult result = cache.decode(entry);

            assertThat(cache.decode(cache.encode(result))).isEqualTo(result);
        }
        catch (CacheEntryException exception) {
            assertThat(exception.getMessage()).isNotBlank();
        }
        catch (IOException exception) {
            throw new UncheckedIOException("a decoded result cannot be encoded again", exception);
        }
    }

    static byte[] withValidHeader(final byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(ResultCache.HEADER_SIZE + payload.length).put(ResultCache.MAGIC)
                .putInt(ResultCache.SCHEMA_VERSION).putInt((int) crc.getValue()).put(payload).array();
    }
}
