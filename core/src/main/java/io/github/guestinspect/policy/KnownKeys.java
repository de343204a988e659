package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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
 * Finds the first key a policy does not know, at its own line and column, before the document is bound to records
 * (Jackson reports unknown keys of records only at the end of their mapping, after the record's own checks ran).
 * The keys each mapping may hold are read from the record components, so they cannot drift from the model.
 */
final class KnownKeys {
    private KnownKeys() {
    }

    /** An unknown key and where it is. */
    record Unknown(String key, String path, List<String> expected, JsonLocation location) {
    }

    static Optional<Unknown> firstUnknown(final String text) throws IOException {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            return walk(parser, Policy.class, "");
        }
    }

    private static Optional<Unknown> walk(final JsonParser parser, final Type type, final String path)
            throws IOException {
        JsonToken token = parser.currentToken();
        Class<?> raw = raw(type);
        if (token == JsonToken.START_ARRAY) {
            Type element = type instanceof ParameterizedType list && List.class.equals(raw)
                    ? list.getActualTypeArguments()[0] : Object.class;
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Optional<Unknown> unknown = walk(parser, element, path + "[" + index++ + "]");
                if (unknown.isPresent()) {
                    return unknown;
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
                return Optional.of(new Unknown(key, path, List.copyOf(new TreeSet<>(keys.keySet())), location));
            }
            Optional<Unknown> unknown = walk(parser, keys.get(key), path.isEmpty() ? key : path + "." + key);
            if (unknown.isPresent()) {
                return unknown;
            }
        }
        return Optional.empty();
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
