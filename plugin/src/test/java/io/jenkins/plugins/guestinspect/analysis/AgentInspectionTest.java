package io.jenkins.plugins.guestinspect.analysis;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.guestinspect.batch.InspectionSettings;
import io.github.guestinspect.model.InspectionResult;

import static org.assertj.core.api.Assertions.assertThat;

class AgentInspectionTest {
    @Test
    void shouldInspectBelowTheWorkspaceAndReportPathsAsGiven() throws Exception {
        List<Path> seen = new ArrayList<>();
        List<InspectionSettings> settings = new ArrayList<>();
        List<Optional<Path>> caches = new ArrayList<>();
        AgentInspection inspection = new AgentInspection((images, given, cache, queries, listener, warnings) -> {
            seen.addAll(images);
            settings.add(given);
            caches.add(cache);
            listener.started(images.size());
            warnings.accept("memo\u001b[31m is damaged");
            InspectionResult result = Fixtures.debian(images.get(0).toString(), true, "bash");
            listener.finished(result);
            return List.of(result);
        });
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        AgentReply reply = inspection.run(Path.of("/ws"), new AgentRequest(List.of("out/a.qcow2"), 2, 3, 60, true,
                List.of("/etc/machine-id")), new PrintStream(log, true, StandardCharsets.UTF_8), "agent-1");

        assertThat(seen).containsExactly(Path.of("/ws/out/a.qcow2"));
        assertThat(settings.get(0).jobs()).isEqualTo(2);
        assertThat(settings.get(0).batchSize()).hasValue(3);
        assertThat(settings.get(0).runner().batchTimeout().toSeconds()).isEqualTo(60);
        assertThat(settings.get(0).runner().fileQueries()).containsExactly("/etc/machine-id");
        assertThat(caches.get(0)).isPresent();
        assertThat(reply.node()).isEqualTo("agent-1");
        assertThat(reply.results()).extracting(r -> r.image().path()).containsExactly("out/a.qcow2");
        assertThat(reply.warnings()).containsExactly("memo\u001b[31m is damaged");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("inspecting 1 image(s)")
                .contains("[1/1] /ws/out/a.qcow2: Debian GNU/Linux 12 (bookworm), 1 packages (cache hit)")
                .contains("warning: memo?[31m is damaged").doesNotContain("\u001b");
    }

    @Test
    void shouldSkipTheCacheWhenSwitchedOff() throws Exception {
        List<Optional<Path>> caches = new ArrayList<>();
        new AgentInspection((images, given, cache, queries, listener, warnings) -> {
            caches.add(cache);
            return List.of();
        }).run(Path.of("/ws"), new AgentRequest(List.of(), 1, 1, 1, false, List.of()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "");

        assertThat(caches).containsExactly(Optional.empty());
    }

    @Test
    void shouldKeepTheCacheInTheAgentsHomeUnlessConfigured() {
        String old = System.getProperty(AgentInspection.CACHE_PROPERTY);
        try {
            System.clearProperty(AgentInspection.CACHE_PROPERTY);
            assertThat(AgentInspection.cacheDirectory().endsWith(Path.of(".guest-inspect", "cache"))).isTrue();
            System.setProperty(AgentInspection.CACHE_PROPERTY, "/var/cache/gi");
            assertThat(AgentInspection.cacheDirectory()).isEqualTo(Path.of("/var/cache/gi"));
        }
        finally {
            if (old == null) {
                System.clearProperty(AgentInspection.CACHE_PROPERTY);
            }
            else {
                System.setProperty(AgentInspection.CACHE_PROPERTY, old);
            }
        }
    }
}
