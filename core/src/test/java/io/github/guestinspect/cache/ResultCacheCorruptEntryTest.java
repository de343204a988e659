package io.github.guestinspect.cache;

import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Damaged entries of every kind count as a miss: reported once with the entry's path, deleted, and replaced by the
 * next put.
 */
class ResultCacheCorruptEntryTest {
    private static final String KEY = ResultCache.key("sha256-tree64m:" + "0".repeat(64), "1", "qcow2");
    private static final InspectionResult RESULT = InspectionResults.sample("corrupt", 25);
    private static final InspectionResult REPLACEMENT = InspectionResults.sample("replacement", 2);

    @TempDir
    Path directory;

    private final List<String> warnings = new ArrayList<>();
    private ResultCache cache;
    private byte[] validEntry;

    @BeforeEach
    void encodeARealEntry() throws IOException {
        cache = new ResultCache(directory, warnings::add);
        validEntry = cache.encode(RESULT);
    }

    /** Writes the bytes where the key's entry lives, reads it back, and checks the damage was handled. */
    private void assertDamagedEntryIsReportedDeletedAndReplaced(final byte[] content) throws IOException {
        Path entry = cache.entry(KEY);
        Files.createDirectories(entry.getParent());
        Files.write(entry, content);
        warnings.clear();

        assertThat(cache.get(KEY)).isEmpty();

        assertThat(warnings).singleElement().asString().contains(entry.toString());
        assertThat(entry).doesNotExist();
        cache.put(KEY, REPLACEMENT);
        assertThat(cache.get(KEY)).contains(REPLACEMENT);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void shouldAcceptTheUndamagedEntryTheDamagedOnesAreMadeOf() throws Exception {
        Path entry = cache.entry(KEY);
        Files.createDirectories(entry.getParent());
        Files.write(entry, validEntry);

        assertThat(cache.get(KEY)).contains(RESULT);
        assertThat(warnings).isEmpty();
        assertThat(entry).exists();
    }

    @Test
    void shouldDeleteAnEmptyEntryAndReportItOnce() throws Exception {
        assertDamagedEntryIsReportedDeletedAndReplaced(new byte[0]);
    }

    @Test
    void shouldDeleteAnEntryWithATruncatedHeaderAndReportItOnce() throws Exception {
        for (int length = 1; length < ResultCache.HEADER_SIZE; length++) {
            assertDamagedEntryIsReportedDeletedAndReplaced(Arrays.copyOf(validEntry, length));
        }
    }

    @Test
    void shouldDeleteAnEntryWithTheWrongMagicAndReportItOnce() throws Exception {
        for (int position = 0; position < ResultCache.MAGIC.length; position++) {
            byte[] content = validEntry.clone();
            content[position] ^= 0x20; // "GINSPECT" -> "gINSPECT", ...
            assertDamagedEntryIsReportedDeletedAndReplaced(content);
        }
        byte[] foreign = validEntry.clone();
        System.arraycopy("PK\u0003\u0004JUNK".getBytes(StandardCharsets.ISO_8859_1), 0, foreign, 0, 8);
        assertDamagedEntryIsReportedDeletedAndReplaced(foreign);
    }

    @Test
    void shouldDeleteAnEntryOfAnotherSchemaVersionAndReportItOnceNamingTheVersion() throws Exception {
        for (int version : new int[] {0, ResultCache.SCHEMA_VERSION + 1, 99, -1, Integer.MAX_VALUE}) {
            byte[] content = validEntry.clone();
            ByteBuffer.wrap(content).putInt(ResultCache.MAGIC.length, version);

            assertDamagedEntryIsReportedDeletedAndReplaced(content);

            assertThat(warnings.get(0)).contains("schema version " + version);
        }
    }

    @Test
    void shouldDeleteAnEntryWithATruncatedPayloadAtEveryLengthAndReportItOnce() throws Exception {
        List<Integer> notReported = new ArrayList<>();
        for (int length = ResultCache.HEADER_SIZE; length < validEntry.length; length++) {
            try {
                assertDamagedEntryIsReportedDeletedAndReplaced(Arrays.copyOf(validEntry, length));
            }
            catch (AssertionError error) {
                notReported.add(length);
            }
        }

        assertThat(notReported).as("prefix lengths of a %d-byte entry not handled as damaged", validEntry.length)
                .isEmpty();
    }

    @Test
    void shouldDeleteAnEntryWithRandomBytesAfterAValidHeaderAndReportItOnce() throws Exception {
        Random random = new Random(20_240_601L);
        byte[] smileHeader = Arrays.copyOfRange(validEntry, ResultCache.HEADER_SIZE, ResultCache.HEADER_SIZE + 4);
        for (int sample = 0; sample < 200; sample++) {
            byte[] noise = new byte[1 + random.nextInt(2_000)];
            random.nextBytes(noise);
            byte[] content = ByteBuffer.allocate(ResultCache.HEADER_SIZE + smileHeader.length + noise.length)
                    .put(ResultCache.MAGIC).putInt(ResultCache.SCHEMA_VERSION)
                    .put(sample % 2 == 0 ? smileHeader : new byte[smileHeader.length]).put(noise).array();

            assertDamagedEntryIsReportedDeletedAndReplaced(content);
        }
    }

    @Test
    void shouldDeleteAnEntryWhosePayloadIsAnotherDocumentAndReportItOnce() throws Exception {
        byte[] otherDocument = ModelMapper.forFactory(new SmileFactory()).writeValueAsBytes(Map.of("something", "else"));
        byte[] content = ByteBuffer.allocate(ResultCache.HEADER_SIZE + otherDocument.length)
                .put(ResultCache.MAGIC).putInt(ResultCache.SCHEMA_VERSION).put(otherDocument).array();

        assertDamagedEntryIsReportedDeletedAndReplaced(content);
    }

    /**
     * Smile's end-of-content byte (0xFF) ends the stream even inside an object, and Jackson then looped forever over
     * the half-read object of an unknown property. Found by ResultCacheFuzzTest; its input is the fuzzer's.
     */
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a loop ignores interrupts
    void shouldDeleteAnEntryWhoseDocumentEndsInsideAnObjectWithoutHanging() throws Exception {
        byte[] input;
        try (InputStream corpus = getClass().getResourceAsStream(
                "ResultCacheFuzzTestInputs/decodeEntry/unclosed-unknown-property")) {
            input = corpus.readAllBytes();
        }
        byte[] payload = Arrays.copyOfRange(input, 1, input.length); // after the fuzz target's choice byte

        assertDamagedEntryIsReportedDeletedAndReplaced(ResultCacheFuzzTest.withValidHeader(payload));
    }

    @Test
    void shouldReportAnEntryThatIsADirectoryWithoutFailing() throws Exception {
        Path entry = cache.entry(KEY);
        Files.createDirectories(entry.resolve("inside"));

        assertThat(cache.get(KEY)).isEmpty();

        assertThat(warnings).singleElement().asString().contains(entry.toString());
        assertThatCode(() -> {
            try {
                cache.put(KEY, REPLACEMENT);
            }
            catch (IOException exception) {
                // storing over a directory may fail; the caller warns and goes on without the cache
            }
            cache.get(KEY);
        }).doesNotThrowAnyException();
    }
}
