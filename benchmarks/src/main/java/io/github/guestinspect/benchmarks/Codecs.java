package io.github.guestinspect.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.github.guestinspect.model.ModelMapper;

/** The encodings compared, each configured by {@link ModelMapper} exactly as the product configures it. */
final class Codecs {
    private Codecs() {
    }

    /**
     * @param name {@code smile} (the cache's encoding), {@code json} (the report's: ModelMapper.json(), which
     *             indents) or {@code json-compact} (the same mapper without indentation, for a fair size)
     */
    static ObjectMapper mapper(final String name) {
        return switch (name) {
            case "smile" -> ModelMapper.forFactory(new SmileFactory());
            case "json" -> ModelMapper.json();
            case "json-compact" -> ModelMapper.json().disable(SerializationFeature.INDENT_OUTPUT);
            default -> throw new IllegalArgumentException("unknown format " + name
                    + " (smile, json or json-compact)");
        };
    }
}
