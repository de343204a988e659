package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Checks the shape of a policy before the document is bound to records, and reports the first problem at its own
 * line and column: a key the policy does not know (Jackson reports unknown keys of records only at the end of their
 * mapping, after the record's own checks ran), or a YAML alias ({@code *name}), which Jackson does not expand and
 * would bind as the alias's name (so an alias bomb expands to nothing, and is refused here by name). The keys each
 * mapping may hold are read from the record components, so they cannot drift from the model.
 */
final class PolicyShape {
    private PolicyShape() {
    }

    /** What is wrong (without the position) and where. */
    record Problem(String message, JsonLocation location) {
    }

    static Optional<Problem> firstProblem(final String text) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return walk(parser, Policy.class, "");
        }
    }

    private static Optional<Problem> walk(final JsonParser parser, final Type type, final String path)
            throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return Optional.of(new Problem("the YAML alias '*" + parser.getText() + "'" + in(path)
                    + " is not supported in a policy (write the value out)", parser.currentTokenLocation()));
        }
        Class<?> raw = raw(type);
        if (token == JsonToken.START_ARRAY) {
            Type element = type instanceof ParameterizedType list && List.class.equals(raw)
                    ? list.getActualTypeArguments()[0] : Object.class;
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Optional<Problem> problem = walk(parser, element, path + "[" + index++ + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (token != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        Map<String, Type> keys = keys(raw);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation location = parser.currentTokenLocation();
            parser.nextToken();
            if (keys.isEmpty()) {
                parser.skipChildren();
                continue;
            }
            if (!keys.containsKey(key)) {
                return Optional.of(new Problem("unknown key '" + key + "'" + in(path) + " (expected one of: "
                        + String.join(", ", new TreeSet<>(keys.keySet())) + ")", location));
            }
            Optional<Problem> problem = walk(parser, keys.get(key), path.isEmpty() ? key : path + "." + key);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static String in(final String path) {
        return path.isEmpty() ? "" : " in " + path;
    }

    /** The keys of a record type, by their JSON names, with the type each holds (Optional unwrapped). */
    private static Map<String, Type> keys(final Class<?> type) {
        Map<String, Type> keys = new LinkedHashMap<>();
        if (!type.isRecord()) {
            return keys;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class); // propagated there
            String name = property != null && !property.value().isEmpty() ? property.value() : component.getName();
            keys.put(name, unwrapOptional(component.getGenericType()));
        }
        return keys;
    }

    private static Type unwrapOptional(final Type type) {
        if (type instanceof ParameterizedType parameterized && Optional.class.equals(parameterized.getRawType())) {
            return parameterized.getActualTypeArguments()[0];
        }
        return type;
    }

    private static Class<?> raw(final Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        return Object.class;
    }
}
