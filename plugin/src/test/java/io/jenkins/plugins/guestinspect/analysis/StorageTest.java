package io.jenkins.plugins.guestinspect.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.guestinspect.diff.ImageChanges;
import io.github.guestinspect.diff.PackageChange;
import io.github.guestinspect.model.FailureKind;

import static org.assertj.core.api.Assertions.assertThat;

class StorageTest {
    @Test
    void shouldKeepDetailsInTheBuildFolder(@TempDir final Path build) throws Exception {
        BuildDetails details = new BuildDetails(List.of(Fixtures.debian("a.qcow2", false, "telnetd")),
                List.of(Fixtures.row("a.qcow2", "no-telnet", "error", "telnetd 1.0-1", "telnetd")
                        .withState(ViolationState.NEW)),
                List.of(Fixtures.row("a.qcow2", "no-nano", "warning", "nano 1.0-1", "nano")
                        .withState(ViolationState.FIXED)),
                List.of(new ImageChanges("a.qcow2", List.of(new PackageChange("telnetd", PackageChange.Kind.ADDED,
                        "", "1.0-1")))), List.of("expired"));
        DetailsStore store = new DetailsStore();

        store.write(build, details);

        assertThat(Files.list(build)).extracting(Path::getFileName).extracting(Path::toString)
                .containsExactly(DetailsStore.FILE_NAME);
        BuildDetails read = store.read(build);
        assertThat(read).isEqualTo(details);
        assertThat(read.result("a.qcow2")).isPresent();
        assertThat(read.violationsOf("a.qcow2")).hasSize(1);
        assertThat(read.violationsOf("b.qcow2")).isEmpty();
        assertThat(read.fixedOf("a.qcow2")).extracting(ViolationRow::state).containsExactly(ViolationState.FIXED);
        assertThat(read.packageChangesOf("a.qcow2")).hasSize(1);
        assertThat(read.isCompared("a.qcow2")).isTrue();
        assertThat(read.isCompared("b.qcow2")).isFalse();
        assertThat(read.fixedOfOtherImages()).isEmpty();
    }

    @Test
    void shouldReadMissingDetailsAsEmpty(@TempDir final Path build) throws Exception {
        assertThat(new DetailsStore().read(build)).isEqualTo(BuildDetails.empty());
    }
}
