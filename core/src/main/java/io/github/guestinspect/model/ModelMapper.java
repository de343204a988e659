package io.github.guestinspect.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** The one Jackson configuration for the model, so JSON reports and the Smile cache read and write alike. */
public final class ModelMapper {
    private ModelMapper() {
    }

    /** A mapper for JSON. */
    public static ObjectMapper json() {
        return configure(new ObjectMapper());
    }

    /** A mapper for another encoding of the same model (Smile for the cache). */
    public static ObjectMapper forFactory(final JsonFactory factory) {
        return configure(new ObjectMapper(factory));
    }

    private static ObjectMapper configure(final ObjectMapper mapper) {
        return mapper.registerModule(new Jdk8Module())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
