package io.github.guestinspect.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A malformed policy is rejected with the file, line, column and what was expected. */
class PolicyParserTest {
    private final PolicyParser parser = new PolicyParser();

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
        Policy policy = parser.parse(java.nio.file.Path.of("../examples/image-policy.yaml"));

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
    void shouldRefuseAMissingOrHugeFile(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path directory)
            throws Exception {
        java.nio.file.Path huge = directory.resolve("huge.yaml");
        java.nio.file.Files.write(huge, new byte[(int) PolicyParser.MAX_SIZE + 1]);

        assertThatThrownBy(() -> parser.parse(directory.resolve("none.yaml"))).hasMessageContaining("none.yaml")
                .hasMessageContaining("no such policy file");
        assertThatThrownBy(() -> parser.parse(huge)).hasMessageContaining("at most " + PolicyParser.MAX_SIZE);
    }
}
