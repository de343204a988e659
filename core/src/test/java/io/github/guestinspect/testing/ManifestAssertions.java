package io.github.guestinspect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.guestinspect.model.FailureKind;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.model.OperatingSystem;
import io.github.guestinspect.model.Status;
import org.assertj.core.api.SoftAssertions;

import java.util.List;

/** Compares real inspection results with the manifest the image script computed from the data it put in. */
public final class ManifestAssertions {
    private ManifestAssertions() {
    }

    /** Every manifest entry against its result (found by path): status, failure kind, format, roots, packages. */
    public static void assertMatchManifest(final TestImages images, final List<InspectionResult> results) {
        SoftAssertions softly = new SoftAssertions();
        for (JsonNode entry : images.entries()) {
            String path = images.path(entry.path("file").asText()).toString();
            InspectionResult result = results.stream().filter(candidate -> candidate.image().path().equals(path))
                    .findFirst().orElseThrow(() -> new AssertionError("no result for " + path));
            softly.assertThat(result.status()).as(path).isEqualTo(Status.valueOf(entry.path("status").asText()));
            if (result.status() == Status.FAILED) {
                softly.assertThat(result.failure().orElseThrow().kind()).as(path)
                        .isEqualTo(FailureKind.valueOf(entry.path("failureKind").asText()));
                softly.assertThat(result.failure().orElseThrow().message()).contains(path);
                continue;
            }
            softly.assertThat(result.disk().orElseThrow().format().qemuName()).as(path)
                    .isEqualTo(entry.path("format").asText());
            JsonNode expectedRoots = entry.path("os");
            softly.assertThat(result.operatingSystems()).as(path + " roots").hasSize(expectedRoots.size());
            for (int i = 0; i < Math.min(expectedRoots.size(), result.operatingSystems().size()); i++) {
                assertRoot(softly, path, expectedRoots.get(i), result.operatingSystems().get(i));
            }
        }
        softly.assertAll();
    }

    private static void assertRoot(final SoftAssertions softly, final String image, final JsonNode expected,
                                   final OperatingSystem actual) {
        String what = image + " " + actual.root();
        softly.assertThat(actual.distro()).as(what + " distro").isEqualTo(expected.path("distro").asText());
        softly.assertThat(actual.productName()).as(what + " product name")
                .isEqualTo(expected.path("productName").asText());
        softly.assertThat(actual.version()).as(what + " version").isEqualTo(expected.path("version").asText());
        softly.assertThat(actual.hostname()).as(what + " hostname").isEqualTo(expected.path("hostname").asText());
        softly.assertThat(actual.packageFormat()).as(what + " package format")
                .isEqualTo(expected.path("packageFormat").asText());
        softly.assertThat(actual.packages()).as(what + " package count")
                .hasSize(expected.path("packageCount").asInt());
        softly.assertThat(actual.architecture()).as(what + " architecture").isEqualTo("x86_64");
        for (JsonNode sample : expected.path("packages")) {
            softly.assertThat(actual.packages()).as(what + " package " + sample.path("name").asText())
                    .contains(new InstalledPackage(sample.path("name").asText(), sample.path("epoch").asInt(),
                            sample.path("version").asText(), sample.path("release").asText(),
                            sample.path("arch").asText()));
        }
    }
}
