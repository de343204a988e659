package io.github.guestinspect.guest;

import io.github.guestinspect.model.InstalledPackage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

class ApkDatabaseParserTest {
    /** Two records as apk writes them, including the fields the parser must ignore. */
    private static final String INSTALLED = """
            C:Q1A0lVGVzN8uS6NSl1kL1V0+3kSzg=
            P:musl
            V:1.2.4_git20230717-r4
            A:x86_64
            S:383152
            I:622592
            T:the musl c library (libc) implementation
            U:https://musl.libc.org/
            L:MIT
            o:musl
            m:Natanael Copa <ncopa@alpinelinux.org>
            t:1700000000
            c:e3d1e8b9bb4f5e0a1fbd5f2dc7e6b8f3b4a5c6d7
            p:so:libc.musl-x86_64.so.1=1
            F:lib
            R:ld-musl-x86_64.so.1
            a:0:0:755
            Z:Q1xxxxxxxxxxxxxxxxxxxxxxxxxxxx=

            C:Q1B0lVGVzN8uS6NSl1kL1V0+3kSzg=
            P:busybox
            V:1.36.1-r15
            A:aarch64
            T:Size optimized toolbox
            """;

    private final ApkDatabaseParser parser = new ApkDatabaseParser();

    private List<InstalledPackage> parse(final String content) {
        return parser.parse(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String record(final String version) {
        return "P:pkg\nV:" + version + "\nA:x86_64\n\n";
    }

    @Test
    void shouldReadNameVersionReleaseAndArchitecture() {
        assertThat(parse(INSTALLED)).containsExactly(
                new InstalledPackage("busybox", 0, "1.36.1", "15", "aarch64"),
                new InstalledPackage("musl", 0, "1.2.4_git20230717", "4", "x86_64"));
    }

    @ParameterizedTest(name = "{0} -> version {1}, release \"{2}\"")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "1.2.4_git20230717-r4 | 1.2.4_git20230717 | 4",
            "3.1.4-r0             | 3.1.4             | 0",
            "2.40-r12             | 2.40              | 12",
            "1.0_rc2-r10          | 1.0_rc2           | 10",
            "1.0                  | 1.0               | ''",
            "2.0-rc1              | 2.0-rc1           | ''",
            "2.0-rc1-r3           | 2.0-rc1           | 3",
            "1.0-r                | 1.0-r             | ''",
            "1.0-r1a              | 1.0-r1a           | ''",
            "-r5                  | -r5               | ''",
            "''                   | ''                | ''"
    })
    void shouldSplitTheReleaseOnlyFromATrailingRevision(final String full, final String version,
                                                        final String release) {
        List<InstalledPackage> packages = parse(record(full));

        assertThat(packages).singleElement().satisfies(installed -> {
            assertThat(installed.epoch()).isZero();
            assertThat(installed.version()).isEqualTo(version);
            assertThat(installed.release()).isEqualTo(release);
            assertThat(installed.version() + (installed.release().isEmpty() ? "" : "-r" + installed.release()))
                    .as("no character of apk's version is lost").isEqualTo(full);
        });
    }

    @Test
    void shouldCountTheLastRecordWithoutTrailingBlankLine() {
        assertThat(parse("P:first\nV:1-r1\n\nP:last\nV:2-r2\nA:armv7")).extracting(InstalledPackage::name,
                InstalledPackage::architecture).containsExactly(
                tuple("first", ""),
                tuple("last", "armv7"));
    }

    @Test
    void shouldCountTheLastRecordWithoutAnyLineEnd() {
        assertThat(parse("P:only\nV:1.0-r0")).containsExactly(new InstalledPackage("only", 0, "1.0", "0", ""));
    }

    @Test
    void shouldNotLetFieldsLeakIntoTheNextRecord() {
        List<InstalledPackage> packages = parse("P:alpha\nV:1.0-r1\nA:x86_64\n\nP:beta\n\n");

        assertThat(packages).containsExactly(
                new InstalledPackage("alpha", 0, "1.0", "1", "x86_64"),
                new InstalledPackage("beta", 0, "", "", ""));
    }

    @Test
    void shouldSkipRecordsWithoutName() {
        assertThat(parse("V:1.0-r1\nA:x86_64\n\n\n\nP:\nV:2\n\n")).isEmpty();
    }

    @Test
    void shouldNotMistakeLowerCaseFieldsForNameOrVersion() {
        assertThat(parse("P:openssl\np:so:libssl.so.3=3\nV:3.1.4-r5\nv:9.9-r9\na:0:0:755\nA:x86_64\n"))
                .containsExactly(new InstalledPackage("openssl", 0, "3.1.4", "5", "x86_64"));
    }

    @Test
    void shouldReadCrlfLineEndings() {
        assertThat(parse(INSTALLED.replace("\n", "\r\n"))).extracting(InstalledPackage::fullVersion)
                .containsExactly("1.36.1-15", "1.2.4_git20230717-4");
    }

    @Test
    void shouldNotFailOnInvalidUtf8() {
        byte[] content = {'P', ':', 'x', (byte) 0xff, (byte) 0xfe, '\n', 'V', ':', '1', '-', 'r', '2', '\n'};

        assertThat(parser.parse(content)).singleElement().satisfies(installed -> {
            assertThat(installed.name()).startsWith("x").hasSize(3);
            assertThat(installed.release()).isEqualTo("2");
        });
    }

    @Test
    void shouldNotFailOnArbitraryBinaryContent() {
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);

        assertThatCode(() -> parser.parse(garbage)).doesNotThrowAnyException();
    }
}
