package io.github.guestinspect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema (docs/schemas) and the parser agree on the example and reject the same mistakes. */
class PolicySchemaTest {
    private static final Path ROOT = Path.of(System.getProperty("guestinspect.repositoryRoot", ".."));

    private static Schema schema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ROOT.resolve("docs/schemas/policy.schema.json").toFile());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
                .getSchema(schema);
    }

    private static JsonNode yaml(final String text) throws IOException {
        return new YAMLMapper().readTree(text);
    }

    @Test
    void shouldAcceptTheExamplePolicyInTheSchemaAndTheParser() throws Exception {
        File example = ROOT.resolve("examples/image-policy.yaml").toFile();

        assertThat(schema().validate(new YAMLMapper().readTree(example))).isEmpty();
        assertThat(new PolicyParser().parse(example.toPath()).rules()).hasSize(5);
    }

    @Test
    void shouldRejectAnUnknownKeyAndAnUnknownSeverityInBoth() throws Exception {
        String unknownKey = "version: 1\nrules:\n  - {id: a, severity: error, forbidd: {packages: [x]}}\n";
        String unknownSeverity = "version: 1\nrules:\n  - {id: a, severity: fatal, os: [{distro: debian}]}\n";

        assertThat(schema().validate(yaml(unknownKey))).isNotEmpty();
        assertThat(schema().validate(yaml(unknownSeverity))).isNotEmpty();
        assertThat(parses(unknownKey)).isFalse();
        assertThat(parses(unknownSeverity)).isFalse();
    }

    private static boolean parses(final String text) {
        try {
            new PolicyParser().parse("p.yaml", text);
            return true;
        }
        catch (PolicyException exception) {
            return false;
        }
    }
}
