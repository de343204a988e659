package io.github.guestinspect.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.guestinspect.model.ToolVersion;
import io.github.guestinspect.policy.ExpiredWaiver;
import io.github.guestinspect.policy.PolicyEvaluation;
import io.github.guestinspect.policy.Rule;
import io.github.guestinspect.policy.Severity;
import io.github.guestinspect.policy.Violation;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Policy results as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format), for code-scanning
 * dashboards and the Jenkins warnings plugin: one run of the tool {@code guest-inspect}, the policy's rules as
 * reporting descriptors (error, warning, info as error, warning, note), one result per violation located at the
 * image file (a relative or {@code file:} URI, percent-encoded) and, logically, at the operating system root and
 * the subject. Waived violations are results too, with an external suppression carrying the waiver's reason.
 * Expired waivers are listed in the run's property bag.
 *
 * <p>Strings from an image are untrusted: JSON escaping is Jackson's job, and unpaired surrogates (which no encoder
 * can write as UTF-8) become U+FFFD. The stream is flushed, not closed.
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SARIF_VERSION = "2.1.0";
    static final String TOOL_NAME = "guest-inspect";
    static final String INFORMATION_URI = "https://github.com/guest-inspect/guest-inspect";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String toolVersion;

    /** A report naming the version the build recorded. */
    public SarifReport() {
        this(ToolVersion.get());
    }

    public SarifReport(final String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    public void write(final PolicyEvaluation evaluation, final OutputStream output) throws IOException {
        ObjectWriter writer = MAPPER.writerWithDefaultPrettyPrinter()
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        writer.writeValue(output, document(evaluation));
        output.flush();
    }

    /** The SARIF log as a JSON tree. */
    ObjectNode document(final PolicyEvaluation evaluation) {
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", SARIF_VERSION);
        ObjectNode run = log.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("informationUri", INFORMATION_URI);
        driver.put("version", text(toolVersion));
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : evaluation.rules()) {
            ruleIndex.putIfAbsent(rule.id(), rules.size());
            ObjectNode descriptor = rules.addObject();
            descriptor.put("id", text(rule.id()));
            descriptor.putObject("shortDescription").put("text", text(rule.title()));
            descriptor.putObject("defaultConfiguration").put("level", level(rule.severity()));
        }

        ArrayNode results = run.putArray("results");
        for (Violation violation : evaluation.violations()) {
            results.add(result(violation, ruleIndex.get(violation.ruleId())));
        }

        if (!evaluation.expiredWaivers().isEmpty()) {
            ArrayNode expired = run.putObject("properties").putArray("expiredWaivers");
            for (ExpiredWaiver waiver : evaluation.expiredWaivers()) {
                ObjectNode entry = expired.addObject();
                entry.put("ruleId", text(waiver.ruleId()));
                entry.put("image", text(waiver.image()));
                entry.put("waiverImage", text(waiver.waiver().image()));
                entry.put("until", waiver.waiver().until().toString());
                entry.put("reason", text(waiver.waiver().reason()));
            }
        }
        return log;
    }

    private static ObjectNode result(final Violation violation, final Integer ruleIndex) {
        ObjectNode result = MAPPER.createObjectNode();
        result.put("ruleId", text(violation.ruleId()));
        if (ruleIndex != null) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", level(violation.severity()));
        result.putObject("message").put("text", text(message(violation)));

        ObjectNode location = result.putArray("locations").addObject();
        location.putObject("physicalLocation").putObject("artifactLocation")
                .put("uri", artifactUri(violation.image()));
        ArrayNode logical = location.putArray("logicalLocations");
        if (!violation.root().isEmpty()) {
            logical.addObject().put("name", text(violation.root())).put("kind", "namespace");
        }
        ObjectNode subject = logical.addObject().put("name", text(violation.subject())).put("kind", "resource");
        if (!violation.root().isEmpty()) {
            subject.put("fullyQualifiedName", text(violation.root() + ": " + violation.subject()));
        }

        violation.waiver().ifPresent(waiver -> {
            ObjectNode suppression = result.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", text(waiver.reason()));
            suppression.putObject("properties").put("until", waiver.until().toString())
                    .put("image", text(waiver.image()));
        });
        ObjectNode properties = result.putObject("properties");
        properties.put("image", text(violation.image()));
        properties.put("root", text(violation.root()));
        properties.put("subject", text(violation.subject()));
        properties.put("expected", text(violation.expected()));
        return result;
    }

    /** {@code openssl 3.0.11-1: forbidden (openssl) (root /dev/sda1)}; checks on the image itself have no root. */
    static String message(final Violation violation) {
        return violation.message() + (violation.root().isEmpty() ? "" : " (root " + violation.root() + ")");
    }

    static String level(final Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * The image path as a URI reference: an absolute path as a {@code file:} URI, a relative one as a relative
     * reference (kept relative, as the user gave it), every character outside the URI syntax percent-encoded as
     * UTF-8 ({@code %} itself included, so the URI decodes to exactly the path). Not through
     * {@link URI#toASCIIString()}: it normalises to NFC first, and a file name in another normal form would then
     * name a different file.
     */
    static String artifactUri(final String path) {
        String clean = UnicodeText.wellFormed(path);
        try {
            if (clean.startsWith("/")) {
                return ascii(new URI("file", "", clean, null).toString());
            }
            // a colon in the first segment would read as a scheme ("c:x.qcow2")
            String reference = clean.split("/", 2)[0].contains(":") ? "./" + clean : clean;
            return ascii(new URI(null, null, reference, null).toString());
        }
        catch (URISyntaxException exception) {
            throw new IllegalArgumentException("cannot express the image path as a URI: " + exception.getMessage(),
                    exception);
        }
    }

    /** The URI with each non-ASCII character (which {@link URI} leaves as it is) percent-encoded as UTF-8. */
    private static String ascii(final String uri) {
        StringBuilder ascii = new StringBuilder(uri.length());
        uri.codePoints().forEach(c -> {
            if (c < 0x80) {
                ascii.append((char) c);
            }
            else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    ascii.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return ascii.toString();
    }

    private static String text(final String value) {
        return UnicodeText.wellFormed(value);
    }

}
