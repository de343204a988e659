package io.github.guestinspect.report.sbom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package URL read back by the purl spec's parsing rules, UTF-8 aware (packageurl-java 1.5.0 decodes each
 * percent-encoded byte as one character, so it cannot read back non-ASCII names).
 */
record Purl(String type, String namespace, String name, String version, Map<String, String> qualifiers) {
    static Purl parse(final String text) {
        if (!text.startsWith("pkg:")) {
            throw new IllegalArgumentException("not a purl: " + text);
        }
        String rest = text.substring(4);
        Map<String, String> qualifiers = new TreeMap<>();
        int question = rest.indexOf('?');
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                qualifiers.put(pair.substring(0, equals), decode(pair.substring(equals + 1)));
            }
            rest = rest.substring(0, question);
        }
        String version = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            version = decode(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String[] segments = rest.split("/");
        List<String> namespace = new ArrayList<>();
        for (int i = 1; i < segments.length - 1; i++) {
            namespace.add(decode(segments[i]));
        }
        return new Purl(segments[0], namespace.isEmpty() ? null : String.join("/", namespace),
                decode(segments[segments.length - 1]), version, qualifiers);
    }

    private static String decode(final String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
