package io.github.guestinspect.report.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.packageurl.PackageURL;
import io.github.guestinspect.model.InspectionResult;
import io.github.guestinspect.model.InstalledPackage;
import io.github.guestinspect.testing.HostileImages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CycloneDX SBOMs of a real inspection of hostile images ({@link HostileImages}): schema-valid for every image,
 * 50,000 components included, each hostile name a component name and inside a purl that reads back.
 */
class HostileSbomIT {
    @Test
    void shouldWriteAValidSbomForEveryImageWithEveryPackage() throws Exception {
        HostileImages hostile = HostileImages.get();
        for (InspectionResult result : hostile.results()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            new CycloneDxReport().write(result, out);
            System.err.printf("SBOM of %s: %d bytes in %d ms%n", result.image().fileName(), out.size(),
                    (System.nanoTime() - start) / 1_000_000);

            JsonNode sbom = CycloneDxReportTest.validSbom(out.toByteArray());
            HostileImages.assertHoldsNoSecret("the SBOM of " + result.image().fileName(),
                    out.toString(StandardCharsets.UTF_8));

            int packages = result.operatingSystems().stream().mapToInt(os -> os.packages().size()).sum();
            assertThat(sbom.path("components")).as(result.image().fileName())
                    .hasSize(packages + result.operatingSystems().size());
        }
    }

    @Test
    void shouldKeepEachHostileNameInsideItsComponentAndPurl() throws Exception {
        InspectionResult text = HostileImages.get().result("hostile-text.qcow2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CycloneDxReport().write(text, out);
        JsonNode sbom = CycloneDxReportTest.validSbom(out.toByteArray());

        List<String> names = new ArrayList<>();
        List<String> purlNames = new ArrayList<>();
        for (JsonNode component : sbom.path("components")) {
            String purl = component.path("purl").asText();
            if (purl.startsWith("pkg:deb/debian/")) {
                names.add(component.path("name").asText());
                // decoded as the purl spec says (UTF-8); packageurl-java 1.5.0 decodes each byte as a character
                String name = purl.substring("pkg:deb/debian/".length(), purl.indexOf('@'));
                purlNames.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
                assertThat(new PackageURL(purl).getType()).isEqualTo("deb");
            }
        }
        List<String> installed = text.operatingSystems().get(0).packages().stream().map(InstalledPackage::name)
                .toList();
        // the CycloneDX library trims names and writes line breaks as spaces; these names have neither
        assertThat(names).containsExactlyInAnyOrderElementsOf(installed);
        assertThat(purlNames).containsExactlyInAnyOrderElementsOf(installed);
    }
}
