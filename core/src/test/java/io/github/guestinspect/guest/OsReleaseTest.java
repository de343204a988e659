package io.github.guestinspect.guest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OsReleaseTest {
    private static OsRelease parse(final String content) {
        return OsRelease.parse(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadARealOsReleaseFile() {
        OsRelease release = parse("""
                PRETTY_NAME="Ubuntu 22.04.4 LTS"
                NAME="Ubuntu"
                VERSION_ID="22.04"
                VERSION="22.04.4 LTS (Jammy Jellyfish)"
                VERSION_CODENAME=jammy
                ID=ubuntu
                ID_LIKE=debian
                HOME_URL="https://www.ubuntu.com/"
                UBUNTU_CODENAME=jammy
                """);

        assertThat(release.get("PRETTY_NAME")).contains("Ubuntu 22.04.4 LTS");
        assertThat(release.get("VERSION_ID")).contains("22.04");
        assertThat(release.get("VERSION")).contains("22.04.4 LTS (Jammy Jellyfish)");
        assertThat(release.get("ID")).contains("ubuntu");
        assertThat(release.get("ID_LIKE")).contains("debian");
        assertThat(release.get("HOME_URL")).contains("https://www.ubuntu.com/");
        assertThat(release.fields()).hasSize(9);
    }

    @Test
    void shouldRemoveSingleQuotesAndKeepTheirContentLiterally() {
        OsRelease release = parse("VERSION='12 (bookworm)'\nNAME='a\\\"b $HOME'\n");

        assertThat(release.get("VERSION")).contains("12 (bookworm)");
        assertThat(release.get("NAME")).contains("a\\\"b $HOME");
    }

    @Test
    void shouldResolveShellEscapesInDoubleQuotes() {
        OsRelease release = parse("PRETTY_NAME=\"say \\\"hi\\\" \\\\ \\$HOME \\`cmd\\`\"\n");

        assertThat(release.get("PRETTY_NAME")).contains("say \"hi\" \\ $HOME `cmd`");
    }

    @Test
    void shouldKeepBackslashesThatEscapeNothingInDoubleQuotes() {
        assertThat(parse("NAME=\"C:\\new\\tab\"").get("NAME")).contains("C:\\new\\tab");
    }

    @Test
    void shouldResolveAnEscapedBackslashOnlyOnce() {
        assertThat(parse("NAME=\"a\\\\\\\\b\"").get("NAME")).as("two escaped backslashes").contains("a\\\\b");
        assertThat(parse("NAME=\"a\\\\$b\"").get("NAME")).as("escaped backslash, then a plain dollar")
                .contains("a\\$b");
    }

    @Test
    void shouldKeepUnquotedValuesAsTheyAre() {
        OsRelease release = parse("ID=fedora\nHOME_URL=https://example.org/?a=b&c=d\nANSI_COLOR=0;38;2;60;110;180\n");

        assertThat(release.get("ID")).contains("fedora");
        assertThat(release.get("HOME_URL")).as("only the first '=' separates").contains("https://example.org/?a=b&c=d");
        assertThat(release.get("ANSI_COLOR")).contains("0;38;2;60;110;180");
    }

    @Test
    void shouldSkipCommentsAndBlankLines() {
        OsRelease release = parse("# ID=evil\n\n   # VERSION_ID=666\nID=alpine\n\t\n#NAME=\"x\"\n");

        assertThat(release.fields()).containsExactly(Map.entry("ID", "alpine"));
    }

    @ParameterizedTest(name = "malformed line \"{0}\" is skipped")
    @ValueSource(strings = {"id=lower", "NO_ASSIGNMENT", "=value", "ID = spaced", "ID =x", "export ID=x",
            "ID-DASH=x", "ID.DOT=x", "Name=Mixed", "\"ID\"=x"})
    void shouldSkipMalformedLines(final String line) {
        OsRelease release = parse(line + "\nVERSION_ID=1\n");

        assertThat(release.fields()).containsExactly(Map.entry("VERSION_ID", "1"));
    }

    @Test
    void shouldTolerateWhitespaceAroundALine() {
        OsRelease release = parse("   ID=debian   \n\tVERSION_ID=\"12\"\t\n");

        assertThat(release.get("ID")).contains("debian");
        assertThat(release.get("VERSION_ID")).contains("12");
    }

    @Test
    void shouldKeepUnbalancedQuotesVerbatim() {
        OsRelease release = parse("NAME=\"Fedora\nVERSION='39\"\nID=\"\nVARIANT='\n");

        assertThat(release.get("NAME")).contains("\"Fedora");
        assertThat(release.get("VERSION")).contains("'39\"");
        assertThat(release.get("ID")).contains("\"");
        assertThat(release.get("VARIANT")).contains("'");
    }

    @Test
    void shouldTreatEmptyValuesAsAbsent() {
        OsRelease release = parse("VERSION_ID=\nVARIANT=\"\"\nBUILD_ID=''\n");

        assertThat(release.fields()).containsOnlyKeys("VERSION_ID", "VARIANT", "BUILD_ID");
        assertThat(release.get("VERSION_ID")).isEmpty();
        assertThat(release.get("VARIANT")).isEmpty();
        assertThat(release.get("BUILD_ID")).isEmpty();
        assertThat(release.get("MISSING")).isEmpty();
    }

    @Test
    void shouldLetTheLastAssignmentWin() {
        assertThat(parse("ID=first\nID=second\n").get("ID")).contains("second");
    }

    @Test
    void shouldReadCrlfLineEndings() {
        OsRelease release = parse("ID=\"rhel\"\r\nVERSION_ID=\"9.3\"\r\n");

        assertThat(release.get("ID")).contains("rhel");
        assertThat(release.get("VERSION_ID")).contains("9.3");
    }

    @Test
    void shouldNotFailOnInvalidUtf8() {
        byte[] content = {'N', 'A', 'M', 'E', '=', '"', 'x', (byte) 0xff, '"', '\n', 'I', 'D', '=', 'y', '\n'};

        OsRelease release = OsRelease.parse(content);

        assertThat(release.get("NAME")).contains("x\u00ff");
        assertThat(release.get("ID")).contains("y");
    }

    @Test
    void shouldNotBeChangeableAfterParsing() {
        OsRelease release = parse("ID=arch\n");

        assertThatThrownBy(() -> release.fields().put("ID", "other")).isInstanceOf(UnsupportedOperationException.class);
    }
}
