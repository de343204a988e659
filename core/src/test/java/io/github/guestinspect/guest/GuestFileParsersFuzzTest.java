package io.github.guestinspect.guest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.testing.FuzzInput;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for the parsers of files read out of images, which are untrusted. Contract of each: any bytes give a
 * result (malformed records are skipped), never an exception, and the result keeps the invariants reports and the
 * policy rely on. Corpus: src/test/resources/io/github/guestinspect/guest/GuestFileParsersFuzzTestInputs/METHOD.
 */
class GuestFileParsersFuzzTest {
    /** /var/lib/dpkg/status, the whole input. */
    @FuzzTest
    void dpkgStatus(final byte[] data) {
        List<InstalledPackage> packages = new DpkgStatusParser().parse(data);

        assertThat(packages).isSortedAccordingTo(Comparator.comparing(InstalledPackage::name)
                .thenComparing(InstalledPackage::architecture));
        assertThat(packages).allSatisfy(pkg -> {
            assertThat(pkg.name()).isNotEmpty();
            assertThat(pkg.epoch()).isNotNegative();
        });
    }

    /** /lib/apk/db/installed, the whole input. */
    @FuzzTest
    void apkDatabase(final byte[] data) {
        List<InstalledPackage> packages = new ApkDatabaseParser().parse(data);

        assertThat(packages).isSortedAccordingTo(Comparator.comparing(InstalledPackage::name));
        assertThat(packages).allSatisfy(pkg -> {
            assertThat(pkg.name()).isNotEmpty();
            assertThat(pkg.release()).matches("[0-9]*");
        });
    }

    /** One rpm header blob of the sqlite Packages table, the whole input. */
    @FuzzTest
    void rpmHeader(final byte[] data) {
        RpmDatabaseParser.parseHeader(data).ifPresent(pkg -> {
            assertThat(pkg.name()).isNotEmpty();
            assertThat(pkg.epoch()).isNotNegative();
        });
    }

    /** os-release ('0'), fstab ('1') or shadow ('2'), chosen by the first byte. */
    @FuzzTest
    void etcFile(final byte[] data) {
        byte[] content = FuzzInput.afterChoice(data);
        switch (FuzzInput.choice(data, 3)) {
            case 0 -> assertThat(OsRelease.parse(content).fields())
                    .allSatisfy((key, value) -> assertThat(key).matches("[A-Z0-9_]+"));
            case 1 -> assertThat(FstabEntry.parse(content)).allSatisfy(entry -> {
                assertThat(entry.spec()).isNotEmpty();
                assertThat(entry.mountpoint()).isNotEmpty();
                assertThat(entry.type()).isNotEmpty();
            });
            default -> {
                ShadowFile shadow = ShadowFile.parse(content);
                assertThat(shadow.withPassword()).allSatisfy(name -> assertThat(name).isNotEmpty());
                assertThat(shadow.withEmptyPassword()).allSatisfy(name -> assertThat(name).isNotEmpty());
            }
        }
    }
}
