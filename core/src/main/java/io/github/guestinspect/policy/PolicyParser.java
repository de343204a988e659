package io.github.guestinspect.policy;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    /** The most bytes a policy may have (a megabyte is thousands of rules). */
    public static final long MAX_SIZE = 1 << 20;
    /** How Jackson's strict duplicate detection begins its message, before the key in quotes. */
    private static final String DUPLICATE_KEY = "Duplicate field '";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // YAML forbids a key twice in one mapping; without this the later one wins silently, or databind
            // fails on a record with a message about setters
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * Reads and parses a policy file. Anything but a directory is read (a pipe from a process substitution too),
     * never more than {@link #MAX_SIZE} bytes; the text must be UTF-8 without NUL bytes.
     */
    public Policy parse(final Path file) throws PolicyException {
        if (Files.isDirectory(file)) {
            throw new PolicyException(file + ": is a directory, not a policy file", 0, 0, null);
        }
        if (!Files.exists(file)) {
            throw new PolicyException(file + ": no such policy file", 0, 0, null);
        }
        byte[] content;
        try {
            content = read(file);
        }
        catch (IOException exception) {
            throw new PolicyException(file + ": cannot be read (" + exception.getMessage() + ")", 0, 0, exception);
        }
        return parse(file.toString(), text(file.toString(), content));
    }

    /**
     * Parses a policy read elsewhere (a Jenkins workspace): at most {@link #MAX_SIZE} bytes of UTF-8 without NUL
     * bytes. Whoever reads it need read no more than {@code MAX_SIZE + 1} bytes to be refused properly.
     */
    public Policy parse(final String name, final byte[] content) throws PolicyException {
        if (content.length > MAX_SIZE) {
            throw new PolicyException(name + ": a policy may be at most " + MAX_SIZE + " bytes, this one has more",
                    0, 0, null);
        }
        return parse(name, text(name, content));
    }

    /** At most MAX_SIZE + 1 bytes: a regular file's size is checked first, anything else is read only that far. */
    private static byte[] read(final Path file) throws IOException, PolicyException {
        if (Files.isRegularFile(file) && Files.size(file) > MAX_SIZE) {
            throw tooLarge(file, Long.toString(Files.size(file)));
        }
        try (InputStream input = Files.newInputStream(file)) {
            byte[] content = input.readNBytes((int) MAX_SIZE + 1);
            if (content.length > MAX_SIZE) {
                throw tooLarge(file, "more");
            }
            return content;
        }
    }

    private static PolicyException tooLarge(final Path file, final String size) {
        return new PolicyException(file + ": a policy may be at most " + MAX_SIZE + " bytes, this one has " + size,
                0, 0, null);
    }

    /** The policy's text: UTF-8 (YAML's own encoding here), no NUL byte; else an error at the first bad byte. */
    private static String text(final String name, final byte[] content) throws PolicyException {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == 0) {
                throw at(name, content, i, "is a binary file, not a YAML policy (it holds a NUL byte)");
            }
        }
        ByteBuffer bytes = ByteBuffer.wrap(content);
        CharBuffer chars = CharBuffer.allocate(content.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes, chars, true);
        if (result.isError()) {
            throw at(name, content, bytes.position(), String.format("is not UTF-8 text (byte 0x%02X)",
                    content[bytes.position()] & 0xff));
        }
        return chars.flip().toString();
    }

    private static PolicyException at(final String name, final byte[] content, final int offset,
                                       final String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        return new PolicyException(name + ":" + line + ":" + column + ": " + problem, line, column, null);
    }

    /** Parses policy text; {@code name} is used in messages. Text longer than the file limit is refused too. */
    public Policy parse(final String name, final String text) throws PolicyException {
        if (text.length() > MAX_SIZE) {
            throw new PolicyException(name + ": a policy may be at most " + MAX_SIZE + " bytes, this one has "
                    + text.length() + " characters", 0, 0, null);
        }
        if (text.isBlank()) {
            throw new PolicyException(name + ": the policy is empty (expected 'version: 1' and 'rules:')", 1, 1, null);
        }
        try {
            Optional<PolicyShape.Problem> problem = PolicyShape.firstProblem(text);
            if (problem.isPresent()) {
                throw at(name, problem.get().location(), problem.get().message(), null);
            }
            Policy policy = yaml.readValue(text, Policy.class);
            if (policy == null) {
                throw new PolicyException(name + ": the policy is empty (expected 'version: 1' and 'rules:')", 1, 1,
                        null);
            }
            return policy;
        }
        catch (JacksonException exception) {
            throw at(name, exception.getLocation(), describe(exception), exception);
        }
        catch (IOException exception) {
            throw new PolicyException(name + ": cannot be read (" + exception.getMessage() + ")", 0, 0, exception);
        }
    }

    /** The problem at its line and column; without them when the parser does not know where it is. */
    private static PolicyException at(final String name, final JsonLocation location, final String problem,
                                      final Throwable cause) {
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        String where = line > 0 ? ":" + line + ":" + column : "";
        return new PolicyException(name + where + ": " + problem, line, column, cause);
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
        if (exception.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
            String key = exception.getOriginalMessage().substring(DUPLICATE_KEY.length()).replaceAll("'$", "");
            return "key '" + key + "' is given twice in one mapping"
                    + (exception instanceof JsonMappingException mapping ? where(mapping) : "");
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
