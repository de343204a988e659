package io.github.guestinspect.guest;

import io.github.guestinspect.model.InstalledPackage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import static io.github.guestinspect.guest.RpmHeaderBuilder.ARCH;
import static io.github.guestinspect.guest.RpmHeaderBuilder.EPOCH;
import static io.github.guestinspect.guest.RpmHeaderBuilder.NAME;
import static io.github.guestinspect.guest.RpmHeaderBuilder.RELEASE;
import static io.github.guestinspect.guest.RpmHeaderBuilder.TYPE_I18NSTRING;
import static io.github.guestinspect.guest.RpmHeaderBuilder.TYPE_INT32;
import static io.github.guestinspect.guest.RpmHeaderBuilder.TYPE_STRING;
import static io.github.guestinspect.guest.RpmHeaderBuilder.VERSION;
import static io.github.guestinspect.guest.RpmHeaderBuilder.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** {@link RpmDatabaseParser#parseHeader(byte[])} on hand-made and hostile header blobs. */
class RpmHeaderParsingTest {
    private static final int SUMMARY = 1004;

    private static RpmHeaderBuilder complete() {
        return header().string(NAME, "openssl-libs").int32(EPOCH, 1).string(VERSION, "3.0.7")
                .string(RELEASE, "27.el9").string(ARCH, "x86_64");
    }

    @Test
    void shouldReadNameEpochVersionReleaseAndArch() {
        assertThat(RpmDatabaseParser.parseHeader(complete().build()))
                .contains(new InstalledPackage("openssl-libs", 1, "3.0.7", "27.el9", "x86_64"));
    }

    @Test
    void shouldFindEntriesInAnyOrderAndIgnoreOtherTags() {
        byte[] blob = header().text(SUMMARY, TYPE_I18NSTRING, "Summary: not a name").string(ARCH, "noarch")
                .string(RELEASE, "1").string(VERSION, "2").string(NAME, "tzdata").int32(1009, 123_456).build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).contains(new InstalledPackage("tzdata", 0, "2", "1", "noarch"));
    }

    @Test
    void shouldAcceptI18nStringsForTheWantedTags() {
        byte[] blob = header().text(NAME, TYPE_I18NSTRING, "glibc").text(VERSION, TYPE_I18NSTRING, "2.34").build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).contains(new InstalledPackage("glibc", 0, "2.34", "", ""));
    }

    @Test
    void shouldIgnoreWantedTagsOfTheWrongType() {
        byte[] blob = header().string(NAME, "bash").int32(VERSION, 5).text(EPOCH, TYPE_STRING, "9").build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).contains(new InstalledPackage("bash", 0, "", "", ""));
    }

    @Test
    void shouldTreatNegativeEpochAsNone() {
        byte[] blob = header().string(NAME, "odd").int32(EPOCH, -5).build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).map(InstalledPackage::epoch).contains(0);
    }

    @Test
    void shouldKeepNonAsciiStrings() {
        byte[] blob = header().string(NAME, "caf\u00e9-\u65e5\u672c").string(VERSION, "1").build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).map(InstalledPackage::name).contains("caf\u00e9-\u65e5\u672c");
    }

    @Test
    void shouldReturnEmptyWithoutName() {
        assertThat(RpmDatabaseParser.parseHeader(header().string(VERSION, "1").string(RELEASE, "2").build()))
                .isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(header().string(NAME, "").string(VERSION, "1").build())).isEmpty();
    }

    @Test
    void shouldReturnEmptyForBlobsShorterThanThePreamble() {
        for (int length = 0; length < 8; length++) {
            assertThat(RpmDatabaseParser.parseHeader(new byte[length])).as("%d bytes", length).isEmpty();
        }
    }

    @Test
    void shouldReturnEmptyForImpossibleCounts() {
        assertThat(RpmDatabaseParser.parseHeader(complete().entryCount(0).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().entryCount(-1).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().entryCount(Integer.MIN_VALUE).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().entryCount(Integer.MAX_VALUE).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().entryCount(6).build())).as("more entries than written")
                .isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().dataLength(-1).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().dataLength(Integer.MIN_VALUE).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().dataLength(Integer.MAX_VALUE).build())).isEmpty();
        assertThat(RpmDatabaseParser.parseHeader(complete().dataLength(10_000).build())).isEmpty();
    }

    @Test
    void shouldSkipEntriesWithOffsetsOutsideTheDataStore() {
        RpmHeaderBuilder builder = header().string(NAME, "real").string(VERSION, "1.0");
        int end = builder.dataSize();
        byte[] blob = builder.entry(NAME, TYPE_STRING, -1).entry(RELEASE, TYPE_STRING, end)
                .entry(ARCH, TYPE_STRING, Integer.MAX_VALUE).entry(EPOCH, TYPE_INT32, Integer.MIN_VALUE)
                .entry(EPOCH, TYPE_INT32, end).build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).contains(new InstalledPackage("real", 0, "1.0", "", ""));
    }

    @Test
    void shouldReturnEmptyWhenTheOnlyNameIsOutOfBounds() {
        byte[] blob = header().string(VERSION, "1.0").entry(NAME, TYPE_STRING, -16).build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).isEmpty();
    }

    @Test
    void shouldNotReadAStringPastTheEndOfTheDataStore() {
        RpmHeaderBuilder builder = header();
        int offset = builder.dataSize();
        byte[] blob = builder.entry(NAME, TYPE_STRING, offset).data((byte) 'a', (byte) 'b', (byte) 'c')
                .trailing((byte) 'X', (byte) 'Y', (byte) 'Z', (byte) 0).build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).map(InstalledPackage::name).contains("abc");
    }

    @Test
    void shouldIgnoreAnEpochThatDoesNotFitInTheDataStore() {
        RpmHeaderBuilder builder = header().string(NAME, "n");
        int offset = builder.dataSize();
        byte[] blob = builder.entry(EPOCH, TYPE_INT32, offset).data((byte) 0, (byte) 7).trailing((byte) 0, (byte) 9)
                .build();

        assertThat(RpmDatabaseParser.parseHeader(blob)).contains(new InstalledPackage("n", 0, "", "", ""));
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnRandomBytes(@ForAll @Size(max = 300) final byte[] blob) {
        assertThatCode(() -> RpmDatabaseParser.parseHeader(blob)).doesNotThrowAnyException();
    }

    @Property(tries = 2000)
    void shouldNeverThrowOnRandomPreambles(@ForAll final int entries, @ForAll final int dataLength,
                                           @ForAll @Size(max = 200) final byte[] rest) {
        byte[] blob = new byte[8 + rest.length];
        ByteBuffer.wrap(blob).putInt(entries).putInt(dataLength).put(rest);

        assertThatCode(() -> RpmDatabaseParser.parseHeader(blob)).doesNotThrowAnyException();
    }

    /** Well-formed preamble, so every index entry is actually looked at, with hostile tags, types and offsets. */
    @Property(tries = 3000)
    void shouldNeverThrowOnHostileIndexEntries(@ForAll("hostileHeaders") final byte[] blob) {
        Optional<InstalledPackage> parsed = RpmDatabaseParser.parseHeader(blob);

        parsed.ifPresent(installed -> {
            assertThat(installed.name()).isNotEmpty();
            assertThat(installed.epoch()).isNotNegative();
        });
    }

    @Provide
    Arbitrary<byte[]> hostileHeaders() {
        Arbitrary<Integer> tags = Arbitraries.oneOf(Arbitraries.of(NAME, VERSION, RELEASE, EPOCH, ARCH),
                Arbitraries.integers());
        Arbitrary<Integer> types = Arbitraries.oneOf(Arbitraries.of(TYPE_INT32, TYPE_STRING, TYPE_I18NSTRING),
                Arbitraries.integers().between(-1, 20));
        Arbitrary<Integer> offsets = Arbitraries.oneOf(Arbitraries.integers().between(-8, 64), Arbitraries.integers());
        Arbitrary<int[]> entry = Combinators.combine(tags, types, offsets).as((tag, type, offset) ->
                new int[] {tag, type, offset});
        Arbitrary<List<int[]>> entries = entry.list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(entries, data).as((index, store) -> {
            RpmHeaderBuilder builder = header().data(store);
            index.forEach(field -> builder.entry(field[0], field[1], field[2]));
            return builder.build();
        });
    }
}
