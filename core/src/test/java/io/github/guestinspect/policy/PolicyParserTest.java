package io.github.guestinspect.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A malformed policy is rejected with the file, line, column and what was expected; hostile ones (huge, deep, alias
 * bombs, binary) in bounded time and memory.
 */
class PolicyParserTest {
    private final PolicyParser parser = new PolicyParser();

    @TempDir
    Path directory;

    private PolicyException error(final String yaml) {
        try {
            parser.parse("p.yaml", yaml);
        }
        catch (PolicyException exception) {
            return exception;
        }
        throw new AssertionError("the policy was accepted:\n" + yaml);
    }

    @Test
    void shouldReadEveryKeyOfTheDocumentedShape() throws Exception {
        Policy policy = parser.parse(Path.of("../examples/image-policy.yaml"));

        assertThat(policy.rules()).extracting(Rule::id).containsExactly("no-telnet-server", "openssl-patched",
                "supported-os", "golden-image-hygiene", "size");
        Rule forbid = policy.rules().get(0);
        assertThat(forbid.severity()).isEqualTo(Severity.ERROR);
        assertThat(forbid.forbid().orElseThrow().packages()).extracting(PackageMatcher::describe)
                .containsExactly("telnetd", "rsh-*", "openssl < 3.0.11-1");
        assertThat(policy.rules().get(1).except()).singleElement()
                .satisfies(waiver -> assertThat(waiver.until()).hasToString("2027-03-31"));
        assertThat(policy.rules().get(4).image().orElseThrow().maxVirtualSize().orElseThrow().bytes())
                .isEqualTo(20L << 30);
        assertThat(policy.fileQueries()).contains("/etc/machine-id", "/etc/ssh/ssh_host_*_key");
    }

    @Test
    void shouldNameAnUnknownKeyWithItsPositionAndTheKnownKeys() {
        PolicyException exception = error("""
                version: 1
                rules:
                  - id: a
                    severity: error
                    forbidd:
                      packages: [telnetd]
                """);

        assertThat(exception.getMessage()).isEqualTo("p.yaml:5:5: unknown key 'forbidd' in rules[0] (expected one"
                + " of: accounts, description, except, files, forbid, id, image, os, require, severity)");
        assertThat(exception.getLine()).isEqualTo(5);
        assertThat(exception.getColumn()).isEqualTo(5);
    }

    @Test
    void shouldRejectAnUnknownSeverity() {
        assertThat(error("""
                version: 1
                rules:
                  - id: a
                    severity: critical
                    os: [{distro: debian}]
                """).getMessage()).startsWith("p.yaml:4:15: unknown severity 'critical' (expected error, warning"
                + " or info)");
    }

    @Test
    void shouldRejectABadVersionConstraintWithItsPlace() {
        assertThat(error("""
                version: 1
                rules:
                  - id: a
                    severity: error
                    forbid:
                      packages: [{name: openssl, version: "=> 3.0"}]
                """).getMessage()).startsWith("p.yaml:6:").contains("bad version constraint")
                .contains("rules[0].forbid.packages[0]");
    }

    @Test
    void shouldRejectMissingKeysDuplicateIdsAndEmptyRules() {
        assertThat(error("rules: []\n").getMessage()).contains("missing key 'version'");
        assertThat(error("""
                version: 1
                rules:
                  - id: a
                    severity: error
                    os: [{distro: debian}]
                  - id: a
                    severity: error
                    os: [{distro: debian}]
                """).getMessage()).contains("rule id 'a' is used twice");
        assertThat(error("""
                version: 1
                rules:
                  - {id: a, severity: error}
                """).getMessage()).contains("rule 'a' checks nothing");
    }

    @Test
    void shouldNameAKeyGivenTwiceAtItsSecondPlace() {
        PolicyException waiver = error("""
                version: 1
                rules:
                  - id: a
                    severity: error
                    os: [{distro: debian}]
                    except:
                      - {image: "legacy-*", until: 2027-03-31, reason: old, until: 2027-06-30}
                """);
        PolicyException severity = error("""
                version: 1
                rules:
                  - id: a
                    severity: error
                    severity: warning
                    os: [{distro: debian}]
                """);

        assertThat(waiver.getMessage()).startsWith("p.yaml:7:").contains("key 'until' is given twice");
        assertThat(waiver.getColumn()).isPositive();
        assertThat(severity.getMessage()).startsWith("p.yaml:5:").contains("key 'severity' is given twice");
    }

    @Test
    void shouldRejectAnotherPolicyVersionAndBrokenYaml() {
        assertThat(error("version: 2\nrules: []\n").getMessage()).contains("policy version 2 is not supported");
        assertThat(error("version: 1\nrules: [\n").getMessage()).startsWith("p.yaml:").contains("not valid YAML");
        assertThat(error("").getMessage()).contains("the policy is empty");
    }

    @Test
    void shouldRejectFileRulesThatLeaveTheRoot() {
        assertThat(error("""
                version: 1
                rules:
                  - id: a
                    severity: warning
                    files: [{path: "/etc/../../x", must: not-exist}]
                """).getMessage()).contains("must be an absolute path without '..'");
        assertThat(error("""
                version: 1
                rules:
                  - id: a
                    severity: warning
                    files: [{path: /a, glob: "/b*", must: exist}]
                """).getMessage()).contains("exactly one of 'path' and 'glob'");
    }

    @Test
    void shouldRejectAGlobWhoseClassHoldsASlash() {
        PolicyException exception = error("""
                version: 1
                rules:
                  - id: a
                    severity: warning
                    files: [{glob: "/etc/ssh[/]x", must: not-exist}]
                """);

        assertThat(exception.getMessage()).startsWith("p.yaml:5:").contains("'/' inside '[...]'");
    }

    @Test
    void shouldRejectAWildcardInALiteralPath() {
        for (String path : List.of("/etc/a[b", "/etc/*.conf", "/root/.?sh_history")) {
            assertThat(error("""
                    version: 1
                    rules:
                      - id: a
                        severity: warning
                        files: [{path: "%s", must: exist}]
                    """.formatted(path)).getMessage()).contains("write it as 'glob'");
        }
    }

    @Test
    void shouldRefuseAMissingOrHugeFile() throws Exception {
        Path huge = directory.resolve("huge.yaml");
        Files.write(huge, new byte[(int) PolicyParser.MAX_SIZE + 1]);
        Path sparse = directory.resolve("sparse.yaml");
        try (RandomAccessFile file = new RandomAccessFile(sparse.toFile(), "rw")) {
            file.setLength(40L << 20); // tens of MB: refused by its size, never read
        }

        assertThatThrownBy(() -> parser.parse(directory.resolve("none.yaml"))).hasMessageContaining("none.yaml")
                .hasMessageContaining("no such policy file");
        assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining("at most " + PolicyParser.MAX_SIZE);
        assertThatThrownBy(() -> parser.parse(sparse)).hasMessage(sparse + ": a policy may be at most "
                + PolicyParser.MAX_SIZE + " bytes, this one has " + (40L << 20));
        assertThatThrownBy(() -> parser.parse("workspace/p.yaml", "#".repeat(3 << 20))).hasMessage(
                "workspace/p.yaml: a policy may be at most " + PolicyParser.MAX_SIZE + " bytes, this one has "
                        + (3 << 20) + " characters");
    }

    @Test
    void shouldReadNoMoreThanTheLimitFromAStreamAndRefuseADirectory() {
        assertThatThrownBy(() -> parser.parse(Path.of("/dev/zero"))).hasMessage("/dev/zero: a policy may be at most "
                + PolicyParser.MAX_SIZE + " bytes, this one has more");
        assertThatThrownBy(() -> parser.parse(directory)).hasMessage(directory + ": is a directory, not a policy file");
    }

    @Test
    void shouldRefuseBinaryGarbageAndTextThatIsNotUtf8AtTheFirstBadByte() throws Exception {
        byte[] garbage = new byte[200_000];
        new Random(7).nextBytes(garbage);
        garbage[150] = 0;
        Path binary = Files.write(directory.resolve("binary.yaml"), garbage);
        Path latin1 = Files.write(directory.resolve("latin1.yaml"),
                "version: 1\nrules:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        PolicyException notText = catchThrowableOfType(PolicyException.class, () -> parser.parse(binary));
        assertThat(notText.getMessage()).startsWith(binary + ":").endsWith(": is a binary file, not a YAML policy"
                + " (it holds a NUL byte)");
        assertThat(notText.getLine()).isPositive();
        assertThatThrownBy(() -> parser.parse(latin1)).hasMessage(latin1 + ":3:12: is not UTF-8 text (byte 0xE9)");
    }

    @Test
    void shouldStopAtTheNestingLimitWithoutRunningOutOfStack() {
        String flow = "version: 1\nrules: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n";
        StringBuilder block = new StringBuilder("version: 1\nrules:\n");
        for (int depth = 1; depth < 1400; depth++) {
            block.append(" ".repeat(depth)).append("-\n");
        }

        for (String yaml : List.of(flow, block.toString())) {
            PolicyException deep = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> error(yaml));
            assertThat(deep.getMessage()).startsWith("p.yaml: not valid YAML: Document nesting depth (1001) exceeds"
                    + " the maximum allowed (1000");
        }
    }

    @Test
    void shouldRefuseYamlAliasesSoAnAliasBombExpandsToNothing() {
        StringBuilder bomb = new StringBuilder("""
                version: 1
                rules:
                  - id: lol
                    severity: error
                    forbid:
                      packages: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
                    require:
                      packages:
                """);
        for (int level = 1; level < 10; level++) {
            bomb.append("        - &a").append(level).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, "*a" + (level - 1)))).append("]\n");
        }

        assertThat(error(bomb.toString()).getMessage()).isEqualTo("p.yaml:9:16: the YAML alias '*a0' in"
                + " rules[0].require.packages[0][0] is not supported in a policy (write the value out)");
        assertThat(error("""
                version: 1
                rules:
                  - &rule {id: a, severity: error, os: [{distro: debian}]}
                  - *rule
                """).getMessage()).isEqualTo("p.yaml:4:5: the YAML alias '*rule' in rules[1] is not supported in a"
                + " policy (write the value out)");
    }

    @Test
    void shouldQuoteAtMostAHundredCharactersOfAValueInAMessage() {
        String id = "a".repeat(900_000);

        PolicyException exception = error("version: 1\nrules:\n  - id: " + id
                + "\n    severity: error\n    os: [{distro: debian}]\n");

        assertThat(exception.getMessage()).isEqualTo("p.yaml:6:1: rule id '" + "a".repeat(PolicyException.MAX_QUOTED)
                + "... (" + (id.length() - PolicyException.MAX_QUOTED) + " more characters)' must be 1-100 letters,"
                + " digits, '.', '-' or '_' in rules[0]");
        assertThat(PolicyException.bounded("x".repeat(5000))).hasSize(PolicyException.MAX_MESSAGE
                + "... (4000 more characters)".length());
    }

    @Test
    void shouldReadAMegabyteOfRules() throws Exception {
        StringBuilder yaml = new StringBuilder("version: 1\nrules:\n");
        int count = 0;
        while (yaml.length() < PolicyParser.MAX_SIZE - 100) {
            yaml.append("  - {id: r").append(count++).append(", severity: info, os: [{distro: x}]}\n");
        }
        Path file = Files.writeString(directory.resolve("many.yaml"), yaml);

        Policy policy = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> parser.parse(file));

        assertThat(policy.rules()).hasSize(count).hasSizeGreaterThan(20_000);
    }
}
