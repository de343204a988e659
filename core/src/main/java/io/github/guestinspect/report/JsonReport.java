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

    /**
     * Reads a report this or an older guest-inspect wrote.
     *
     * @throws IOException when the bytes are not such a report: not JSON, no {@code results}, or a format newer
     *                     than this version reads
     */
    public List<InspectionResult> read(final byte[] json) throws IOException {
        Document document = mapper.readValue(json, Document.class);
        if (document == null || document.results() == null) {
            throw new IOException("it has no \"results\"");
        }
        if (document.formatVersion() > FORMAT_VERSION) {
            throw new IOException("it has format version " + document.formatVersion() + ", newer than this"
                    + " guest-inspect reads (" + FORMAT_VERSION + "): use a newer guest-inspect");
        }
        return document.results();
    }

    /** The top-level JSON object. */
    record Document(int formatVersion, List<InspectionResult> results) {
    }
}
