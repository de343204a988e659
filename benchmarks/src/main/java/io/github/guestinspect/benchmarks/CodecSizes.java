package io.github.guestinspect.benchmarks;

import io.github.guestinspect.model.InspectionResult;

import java.io.IOException;

/**
 * Prints the encoded size of the real result in each format, as one JSON object:
 * {@code java -cp benchmarks.jar io.github.guestinspect.benchmarks.CodecSizes REPORT}.
 */
public final class CodecSizes {
    private CodecSizes() {
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CodecSizes REPORT.json");
            System.exit(2);
        }
        InspectionResult result = RealResult.load(args[0]);
        StringBuilder out = new StringBuilder("{\"packages\": ").append(result.packageCount());
        for (String format : new String[] {"smile", "json", "json-compact"}) {
            out.append(", \"").append(format).append("\": ")
                    .append(Codecs.mapper(format).writeValueAsBytes(result).length);
        }
        System.out.println(out.append('}'));
    }
}
