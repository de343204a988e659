package io.jenkins.plugins.guestinspect.remote;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.model.ModelMapper;

/** The one codec for payloads: the engine's model configuration, in Smile (as the result cache uses). */
final class Smile {
    private static final ObjectMapper MAPPER = ModelMapper.forFactory(new SmileFactory());

    private Smile() {
    }

    static byte[] encode(final Object value) throws IOException {
        return MAPPER.writeValueAsBytes(value);
    }

    static <T> T decode(final byte[] bytes, final Class<T> type) throws IOException {
        return MAPPER.readValue(bytes, type);
    }
}
