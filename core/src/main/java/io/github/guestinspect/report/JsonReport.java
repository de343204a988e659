package io.github.guestinspect.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.ModelMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The machine-readable report: {@code {"formatVersion": 1, "results": [...]}}. It is written as ASCII: every other
 * character, and DEL, as a {@code \}{@code u} escape, so strings from an image stay exact for a JSON reader and
 * inert when the report is printed to a terminal or a CI console (no C1 control, no bidirectional override).
 */
public final class JsonReport {
    /** Bumped when a field is renamed or removed; new fields do not change it. */
    public static final int FORMAT_VERSION = 1;

    private final ObjectMapper mapper = asciiJson();

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

    private static ObjectMapper asciiJson() {
        JsonFactory factory = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        factory.setCharacterEscapes(new DeleteEscaped());
        return ModelMapper.forFactory(factory);
    }

    /** JSON's own escapes, and DEL, the one ASCII control JSON leaves as it is. */
    private static final class DeleteEscaped extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ESCAPES = escapes();

        private static int[] escapes() {
            int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
            return escapes;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES.clone();
        }

        @Override
        public SerializableString getEscapeSequence(final int ch) {
            return null; // every other character: the standard escape, or none
        }
    }

    /** The top-level JSON object. */
    record Document(int formatVersion, List<InspectionResult> results) {
    }
}
