package io.github.guestinspect.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a policy file strictly: an unknown key, an unknown severity, a bad version constraint or a missing field is
 * an error naming the file, line and column and what was expected, before any image is inspected.
 */
public final class PolicyParser {
    /** Policies are small; a larger file is refused before it is parsed. */
    static final long MAX_SIZE = 1 << 20;

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public Policy parse(final Path file) throws PolicyException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new PolicyException(file + ": no such policy file", 0, 0, null);
            }
            if (Files.size(file) > MAX_SIZE) {
                throw new PolicyException(file + ": a policy may be at most " + MAX_SIZE + " bytes, this one has "
                        + Files.size(file), 0, 0, null);
            }
            return parse(file.toString(), Files.readString(file));
        }
        catch (IOException exception) {
            throw new PolicyException(file + ": cannot be read (" + exception.getMessage() + ")", 0, 0, exception);
        }
    }

    /** Parses policy text; {@code name} is used in messages. */
    public Policy parse(final String name, final String text) throws PolicyException {
        if (text.isBlank()) {
            throw new PolicyException(name + ": the policy is empty (expected 'version: 1' and 'rules:')", 1, 1, null);
        }
        try {
            Optional<KnownKeys.Unknown> unknown = KnownKeys.firstUnknown(text);
            if (unknown.isPresent()) {
                KnownKeys.Unknown key = unknown.get();
                int line = key.location().getLineNr();
                int column = key.location().getColumnNr();
                throw new PolicyException(name + ":" + line + ":" + column + ": unknown key '" + key.key() + "'"
                        + (key.path().isEmpty() ? "" : " in " + key.path()) + " (expected one of: "
                        + String.join(", ", key.expected()) + ")", line, column, null);
            }
            Policy policy = yaml.readValue(text, Policy.class);
            if (policy == null) {
                throw new PolicyException(name + ": the policy is empty (expected 'version: 1' and 'rules:')", 1, 1,
                        null);
            }
            return policy;
        }
        catch (JacksonException exception) {
            JsonLocation location = exception.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            int column = location == null ? 0 : location.getColumnNr();
            throw new PolicyException(name + ":" + line + ":" + column + ": " + describe(exception), line, column,
                    exception);
        }
        catch (IOException exception) {
            throw new PolicyException(name + ": cannot be read (" + exception.getMessage() + ")", 0, 0, exception);
        }
    }

    private static String describe(final JacksonException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
            return "unknown key '" + unknown.getPropertyName() + "'" + where(unknown) + " (expected one of: "
                    + known + ")";
        }
        if (exception instanceof ValueInstantiationException invalid && invalid.getCause() != null) {
            return rootMessage(invalid.getCause()) + where(invalid);
        }
        if (exception instanceof InvalidFormatException format) {
            Throwable cause = format.getCause();
            return (cause != null ? rootMessage(cause) : "'" + format.getValue() + "' is not a valid "
                    + format.getTargetType().getSimpleName()) + where(format);
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage()
                .startsWith("Missing required creator property")) {
            String property = mismatch.getOriginalMessage().replaceAll(".*'([^']*)'.*", "$1");
            return "missing key '" + property + "'" + where(mismatch);
        }
        if (exception instanceof JsonMappingException mapping) {
            return mapping.getOriginalMessage().lines().findFirst().orElse("invalid policy") + where(mapping);
        }
        return "not valid YAML: " + exception.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String rootMessage(final Throwable cause) {
        return String.valueOf(cause.getMessage());
    }

    /** Where in the document the problem is: {@code in rules[2].forbid.packages[0]}. */
    private static String where(final JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
            else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "" : " in " + path;
    }
}
