package io.github.guestinspect.diff;

import io.github.guestinspect.model.InspectionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.guestinspect.diff.Results.inspected;
import static org.assertj.core.api.Assertions.assertThat;

class ImagePairsTest {
    @Test
    void shouldPairByPathThenByAFileNameOnlyOneImageOnEachSideHas() {
        List<InspectionResult> before = List.of(inspected("same.qcow2"), inspected("out/41/web.qcow2"),
                inspected("x/twin.qcow2"), inspected("y/twin.qcow2"), inspected("gone.qcow2"));
        List<InspectionResult> after = List.of(inspected("out/42/web.qcow2"), inspected("same.qcow2"),
                inspected("z/twin.qcow2"), inspected("new.qcow2"));

        assertThat(ImagePairs.pairPaths(before, after)).containsOnly(
                org.assertj.core.api.Assertions.entry("same.qcow2", "same.qcow2"),
                org.assertj.core.api.Assertions.entry("out/42/web.qcow2", "out/41/web.qcow2"));
    }
}
