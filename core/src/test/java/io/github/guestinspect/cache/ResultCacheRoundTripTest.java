package io.github.guestinspect.cache;

import io.github.guestinspect.model.Failure;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every result the model can hold comes back from the cache exactly as it went in. */
class ResultCacheRoundTripTest {
    private static Path directory;
    private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();

    @BeforeContainer
    static void createDirectory() throws IOException {
        directory = Files.createTempDirectory("result-cache-round-trip");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static ResultCache cache() {
        return new ResultCache(directory, WARNINGS::add);
    }

    @Provide
    Arbitrary<InspectionResult> results() {
        return InspectionResults.results();
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    }

    @Property(tries = 200)
    void shouldDecodeExactlyWhatWasEncoded(@ForAll("results") final InspectionResult result) throws Exception {
        ResultCache cache = cache();

        byte[] encoded = cache.encode(result);

        assertThat(cache.decode(encoded)).isEqualTo(result);
    }

    @Property(tries = 100)
    void shouldGetExactlyWhatWasPut(@ForAll("results") final InspectionResult result,
                                    @ForAll("keys") final String key) throws Exception {
        ResultCache cache = cache();

        cache.put(key, result);

        assertThat(cache.get(key)).contains(result);
        assertThat(WARNINGS).isEmpty();
    }

    @Property(tries = 30)
    void shouldKeepTheLastResultPutUnderAKey(@ForAll("results") final InspectionResult first,
                                             @ForAll("results") final InspectionResult second,
                                             @ForAll("keys") final String key) throws Exception {
        ResultCache cache = cache();

        cache.put(key, first);
        cache.put(key, second);

        assertThat(cache.get(key)).contains(second);
    }

    @Example
    void shouldRoundTripEveryStatusAndFailureKindTheConstructorAllows() throws Exception {
        ResultCache cache = cache();
        InspectionResult base = InspectionResults.sample("every-status", 3);
        List<InspectionResult> combinations = new ArrayList<>();
        combinations.add(base);
        combinations.add(new InspectionResult(base.image(), base.disk(), "", Status.NO_OS_FOUND, Optional.empty(),
                List.of(), base.timings(), base.cache(), base.libguestfsVersion(), base.toolVersion()));
        for (FailureKind kind : FailureKind.values()) {
            combinations.add(new InspectionResult(base.image(), Optional.empty(), "", Status.FAILED,
                    Optional.of(new Failure(kind, "<b>" + kind + "</b>\u0000\n")), List.of(), base.timings(),
                    base.cache(), "", base.toolVersion()));
        }

        for (InspectionResult result : combinations) {
            assertThat(cache.decode(cache.encode(result))).isEqualTo(result);
        }
        assertThat(combinations).extracting(InspectionResult::status).containsOnly(Status.values());
    }

    @Example
    void shouldRefuseTheCombinationsOfStatusAndFailureTheModelForbids() {
        InspectionResult base = InspectionResults.sample("forbidden", 0);

        assertThatThrownBy(() -> new InspectionResult(base.image(), base.disk(), "", Status.FAILED, Optional.empty(),
                List.of(), base.timings(), base.cache(), "", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InspectionResult(base.image(), base.disk(), "", Status.INSPECTED,
                Optional.of(new Failure(FailureKind.CORRUPT, "x")), List.of(), base.timings(), base.cache(), "", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void shouldStartEveryEntryWithTheMagicAndTheSchemaVersion() throws Exception {
        byte[] encoded = cache().encode(InspectionResults.sample("header", 1));

        assertThat(new String(encoded, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GINSPECT");
        assertThat(java.nio.ByteBuffer.wrap(encoded, 8, 4).getInt()).isEqualTo(ResultCache.SCHEMA_VERSION);
        assertThat(encoded.length).isGreaterThan(ResultCache.HEADER_SIZE);
    }
}
