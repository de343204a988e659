package io.github.guestinspect.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** The machine-readable report: {@code {"formatVersion": 1, "results": [...]}}. */
public final class JsonReport {
    /** Bumped when a field is renamed or removed; new fields do not change it. */
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = ModelMapper.json();

    public void write(final List<InspectionResult> results, final OutputStream output) throws IOException {
        mapper.writeValue(output, new Document(FORMAT_VERSION, results));
    }

    public List<InspectionResult> read(final byte[] json) throws IOException {
        return mapper.readValue(json, Document.class).results();
    }

    /** The top-level JSON object. */
    record Document(int formatVersion, List<InspectionResult> results) {
    }
}
