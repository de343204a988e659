package io.github.guestinspect.diff;

import io.github.guestinspect.diff.PackageChange.Kind;
import io.github.guestinspect.model.InspectionResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.guestinspect.diff.Results.apk;
import static io.github.guestinspect.diff.Results.failed;
import static io.github.guestinspect.diff.Results.inspected;
import static io.github.guestinspect.diff.Results.os;
import static io.github.guestinspect.diff.Results.pkg;
import static org.assertj.core.api.Assertions.assertThat;

class PackageDiffTest {
    private final PackageDiff diff = new PackageDiff();

    @Test
    void shouldOrderDebianVersionsByDpkgRulesNotByText() {
        List<InspectionResult> before = List.of(inspected("out/deb.qcow2", os("/dev/sda1", "deb",
                pkg("tilde", "1.0~rc1-1", "all"),           // ~ sorts before the release: 1.0-1 is newer
                pkg("epoch", "1:1.0-1", "amd64"),           // an epoch outweighs any version: 2.0 is older
                pkg("numeric", "1.9-1", "amd64"),           // 1.10 is newer than 1.9, though "1.1" < "1.9"
                pkg("revision", "2.3.1-3", "amd64"),
                pkg("same", "1.0-1", "amd64"),
                pkg("gone", "3.134", "all"))));
        List<InspectionResult> after = List.of(inspected("out/deb.qcow2", os("/dev/sda1", "deb",
                pkg("tilde", "1.0-1", "all"),
                pkg("epoch", "2.0-1", "amd64"),
                pkg("numeric", "1.10-1", "amd64"),
                pkg("revision", "2.3.1-3~deb12u1", "amd64"),
                pkg("same", "0:1.00-1", "amd64"),       // 1.00 is 1.0 to dpkg
                pkg("new", "2:1.5-3", "amd64"))));

        List<ImageChanges> changes = diff.between(before, after);

        assertThat(changes).singleElement().satisfies(image -> {
            assertThat(image.image()).isEqualTo("out/deb.qcow2");
            assertThat(image.changes()).containsExactly(
                    new PackageChange("epoch", Kind.DOWNGRADED, "1:1.0-1", "2.0-1"),
                    new PackageChange("gone", Kind.REMOVED, "3.134", ""),
                    new PackageChange("new", Kind.ADDED, "", "2:1.5-3"),
                    new PackageChange("numeric", Kind.UPGRADED, "1.9-1", "1.10-1"),
                    new PackageChange("revision", Kind.DOWNGRADED, "2.3.1-3", "2.3.1-3~deb12u1"),
                    new PackageChange("tilde", Kind.UPGRADED, "1.0~rc1-1", "1.0-1"));
            assertThat(image.count(Kind.UPGRADED)).isEqualTo(2);
            assertThat(image.count(Kind.DOWNGRADED)).isEqualTo(2);
        });
    }

    @Test
    void shouldOrderRpmVersionsByRpmvercmp() {
        List<InspectionResult> before = List.of(inspected("fedora.qcow2", os("/dev/sda2", "rpm",
                pkg("kernel-core", "6.5.9-300.fc39", "x86_64"),
                pkg("openssl", "1:3.1.1-4.fc39", "x86_64"),
                pkg("caret", "1.0-1", "noarch"),
                pkg("tilde", "1.0-1", "noarch"),
                pkg("alpha", "1.0a-1", "noarch"))));
        List<InspectionResult> after = List.of(inspected("fedora.qcow2", os("/dev/sda2", "rpm",
                pkg("kernel-core", "6.5.10-300.fc39", "x86_64"),  // 10 > 9 numerically
                pkg("openssl", "3.2.0-1.fc39", "x86_64"),         // lost its epoch: older
                pkg("caret", "1.0^git1-1", "noarch"),             // ^ sorts after the base version
                pkg("tilde", "1.0~rc1-1", "noarch"),              // ~ before it
                pkg("alpha", "1.0.1-1", "noarch"))));              // a number segment beats letters

        List<PackageChange> changes = diff.between(before, after).get(0).changes();

        assertThat(changes).containsExactly(
                new PackageChange("alpha", Kind.UPGRADED, "1.0a-1", "1.0.1-1"),
                new PackageChange("caret", Kind.UPGRADED, "1.0-1", "1.0^git1-1"),
                new PackageChange("kernel-core", Kind.UPGRADED, "6.5.9-300.fc39", "6.5.10-300.fc39"),
                new PackageChange("openssl", Kind.DOWNGRADED, "1:3.1.1-4.fc39", "3.2.0-1.fc39"),
                new PackageChange("tilde", Kind.DOWNGRADED, "1.0-1", "1.0~rc1-1"));
    }

    @Test
    void shouldOrderApkVersionsByApkToolsAndWriteReleasesAsRn() {
        List<InspectionResult> before = List.of(inspected("alpine.qcow2", os("/dev/sda1", "apk",
                apk("musl", "1.2.4", "1"),
                apk("busybox", "1.36.1_rc1", "0"),
                apk("zlib", "1.3.1", "10"),
                apk("letter", "1.0b", "0"))));
        List<InspectionResult> after = List.of(inspected("alpine.qcow2", os("/dev/sda1", "apk",
                apk("musl", "1.2.4", "10"),          // -r10 after -r1 (numeric, not text)
                apk("busybox", "1.36.1", "0"),       // _rc before the release
                apk("zlib", "1.3.1", "2"),
                apk("letter", "1.0a", "0"))));

        assertThat(diff.between(before, after).get(0).changes()).containsExactly(
                new PackageChange("busybox", Kind.UPGRADED, "1.36.1_rc1-r0", "1.36.1-r0"),
                new PackageChange("letter", Kind.DOWNGRADED, "1.0b-r0", "1.0a-r0"),
                new PackageChange("musl", Kind.UPGRADED, "1.2.4-r1", "1.2.4-r10"),
                new PackageChange("zlib", Kind.DOWNGRADED, "1.3.1-r10", "1.3.1-r2"));
    }

    @Test
    void shouldKeepMultiArchPackagesApartAndNameTheirArchitecture() {
        List<InspectionResult> before = List.of(inspected("deb.qcow2", os("/dev/sda1", "deb",
                pkg("libc6", "2.36-9", "amd64"), pkg("libc6", "2.36-9", "i386"), pkg("bash", "5.2-1", "amd64"))));
        List<InspectionResult> after = List.of(inspected("deb.qcow2", os("/dev/sda1", "deb",
                pkg("libc6", "2.36-9+deb12u4", "amd64"), pkg("libc6", "2.36-9", "i386"),
                pkg("bash", "5.2-1", "amd64"), pkg("zlib1g", "1:1.2.13-1", "i386"))));

        assertThat(diff.between(before, after).get(0).changes()).containsExactly(
                new PackageChange("libc6:amd64", Kind.UPGRADED, "2.36-9", "2.36-9+deb12u4"),
                new PackageChange("zlib1g", Kind.ADDED, "", "1:1.2.13-1"));
    }

    @Test
    void shouldReportAnArchitectureChangeAsRemovedAndAdded() {
        List<InspectionResult> before = List.of(inspected("deb.qcow2", os("/dev/sda1", "deb",
                pkg("tool", "1.0-1", "amd64"))));
        List<InspectionResult> after = List.of(inspected("deb.qcow2", os("/dev/sda1", "deb",
                pkg("tool", "1.0-1", "all"))));

        assertThat(diff.between(before, after).get(0).changes()).containsExactly(
                new PackageChange("tool:all", Kind.ADDED, "", "1.0-1"),
                new PackageChange("tool:amd64", Kind.REMOVED, "1.0-1", ""));
    }

    @Test
    void shouldCompareSeveralInstalledVersionsAsAMultiset() {
        List<InspectionResult> before = List.of(inspected("rhel.qcow2", os("/dev/sda2", "rpm",
                pkg("kernel", "5.14.0-1", "x86_64"), pkg("kernel", "5.14.0-2", "x86_64"),
                pkg("kernel", "5.14.0-3", "x86_64"))));
        List<InspectionResult> after = List.of(inspected("rhel.qcow2", os("/dev/sda2", "rpm",
                pkg("kernel", "5.14.0-2", "x86_64"), pkg("kernel", "5.14.0-3", "x86_64"),
                pkg("kernel", "5.14.0-4", "x86_64"), pkg("kernel", "5.14.0-5", "x86_64"))));

        assertThat(diff.between(before, after).get(0).changes()).containsExactly(
                new PackageChange("kernel", Kind.ADDED, "", "5.14.0-4"),
                new PackageChange("kernel", Kind.ADDED, "", "5.14.0-5"),
                new PackageChange("kernel", Kind.REMOVED, "5.14.0-1", ""));
    }

    @Test
    void shouldCompareMultiRootImagesRootByRootByDevice() {
        List<InspectionResult> before = List.of(inspected("multi.qcow2",
                os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64")),
                os("/dev/sda2", "apk", apk("bash", "5.2.15", "0")),
                os("/dev/sda3", "rpm", pkg("bash", "5.2.15-5.fc39", "x86_64"))));
        List<InspectionResult> after = List.of(inspected("multi.qcow2",
                os("/dev/sda2", "apk", apk("bash", "5.2.21", "0")),
                os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64")),
                os("/dev/sda4", "rpm", pkg("bash", "5.2.26-1.fc40", "x86_64"))));

        List<ImageChanges> changes = diff.between(before, after);

        assertThat(changes).singleElement().satisfies(image -> {
            assertThat(image.image()).isEqualTo("multi.qcow2");
            assertThat(image.changes()).containsExactly(
                    new PackageChange("bash (/dev/sda2)", Kind.UPGRADED, "5.2.15-r0", "5.2.21-r0"),
                    new PackageChange("bash (/dev/sda3)", Kind.REMOVED, "5.2.15-5.fc39", ""),
                    new PackageChange("bash (/dev/sda4)", Kind.ADDED, "", "5.2.26-1.fc40"));
        });
    }

    @Test
    void shouldCompareTheSingleRootOfEachSideEvenWhenItsDeviceMoved() {
        List<InspectionResult> before = List.of(inspected("deb.qcow2", os("/dev/sda1", "deb",
                pkg("bash", "5.1-2", "amd64"))));
        List<InspectionResult> after = List.of(inspected("deb.qcow2", os("/dev/vg0/root", "deb",
                pkg("bash", "5.2-1", "amd64"))));

        assertThat(diff.between(before, after)).singleElement().satisfies(image -> {
            assertThat(image.image()).isEqualTo("deb.qcow2");
            assertThat(image.changes()).containsExactly(new PackageChange("bash", Kind.UPGRADED, "5.1-2", "5.2-1"));
        });
    }

    @Test
    void shouldNotOrderVersionsWhenThePackageFormatChangedOrIsUnknown() {
        List<InspectionResult> before = List.of(
                inspected("a.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64"))),
                inspected("b.qcow2", os("/dev/sda1", "unknown", pkg("tool", "1.10", ""), pkg("same", "1", ""))));
        List<InspectionResult> after = List.of(
                inspected("a.qcow2", os("/dev/sda1", "rpm", pkg("bash", "5.2.15-5.fc39", "amd64"))),
                inspected("b.qcow2", os("/dev/sda1", "unknown", pkg("tool", "1.9", ""), pkg("same", "1", ""))));

        List<ImageChanges> changes = diff.between(before, after);

        assertThat(changes.get(0).changes()).containsExactly(
                new PackageChange("bash", Kind.ADDED, "", "5.2.15-5.fc39"),
                new PackageChange("bash", Kind.REMOVED, "5.1-2", ""));
        assertThat(changes.get(1).changes()).containsExactly(
                new PackageChange("tool", Kind.ADDED, "", "1.9"),
                new PackageChange("tool", Kind.REMOVED, "1.10", ""));
    }

    @Test
    void shouldMatchImagesByPathThenByAnUnambiguousFileName() {
        List<InspectionResult> before = List.of(
                inspected("build-41/web.qcow2", os("/dev/sda1", "deb", pkg("nginx", "1.22.1-9", "amd64"))),
                inspected("build-41/db.qcow2", os("/dev/sda1", "deb", pkg("postgresql", "15.5-0+deb12u1", "all"))),
                inspected("same/path.qcow2", os("/dev/sda1", "deb", pkg("a", "1", "all"))),
                inspected("x/twin.qcow2", os("/dev/sda1", "deb", pkg("t", "1", "all"))),
                inspected("y/twin.qcow2", os("/dev/sda1", "deb", pkg("t", "1", "all"))));
        List<InspectionResult> after = List.of(
                inspected("same/path.qcow2", os("/dev/sda1", "deb", pkg("a", "2", "all"))),
                inspected("build-42/web.qcow2", os("/dev/sda1", "deb", pkg("nginx", "1.22.1-9+deb12u1", "amd64"))),
                inspected("z/twin.qcow2", os("/dev/sda1", "deb", pkg("t", "1", "all"))),
                inspected("build-42/cache.qcow2", os("/dev/sda1", "deb", pkg("redis", "5:7.0.15-1", "amd64"))));

        List<ImageChanges> changes = diff.between(before, after);

        assertThat(changes).extracting(ImageChanges::image).containsExactly("same/path.qcow2",
                "build-42/web.qcow2", "z/twin.qcow2", "build-42/cache.qcow2", "build-41/db.qcow2",
                "x/twin.qcow2", "y/twin.qcow2");
        assertThat(changes.get(0).changes()).containsExactly(new PackageChange("a", Kind.UPGRADED, "1", "2"));
        assertThat(changes.get(1).changes()).containsExactly(
                new PackageChange("nginx", Kind.UPGRADED, "1.22.1-9", "1.22.1-9+deb12u1"));
        // twin.qcow2 is ambiguous (two before): not paired, so the new one is all added, the old ones all removed
        assertThat(changes.get(2).changes()).containsExactly(new PackageChange("t", Kind.ADDED, "", "1"));
        assertThat(changes.get(3).changes()).containsExactly(
                new PackageChange("redis", Kind.ADDED, "", "5:7.0.15-1"));
        assertThat(changes.get(4).changes()).containsExactly(
                new PackageChange("postgresql", Kind.REMOVED, "15.5-0+deb12u1", ""));
        assertThat(changes.get(5).changes()).containsExactly(new PackageChange("t", Kind.REMOVED, "1", ""));
    }

    @Test
    void shouldLeaveOutImagesNoLongerThereWhenAskedForTheNewerRunsImagesOnly() {
        List<InspectionResult> before = List.of(
                inspected("a.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64"))),
                inspected("gone.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64"))));
        List<InspectionResult> after = List.of(
                inspected("a.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.2-1", "amd64"))),
                inspected("new.qcow2", os("/dev/sda1", "deb", pkg("zsh", "5.9-4", "amd64"))));

        assertThat(diff.forImagesOf(before, after)).extracting(ImageChanges::image)
                .containsExactly("a.qcow2", "new.qcow2");
        assertThat(diff.between(before, after)).extracting(ImageChanges::image)
                .containsExactly("a.qcow2", "new.qcow2", "gone.qcow2");
    }

    @Test
    void shouldLeaveOutImagesThatCouldNotBeInspectedOnEitherSide() {
        List<InspectionResult> before = List.of(
                inspected("a.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64"))),
                failed("b.qcow2"),
                failed("gone.qcow2"));
        List<InspectionResult> after = List.of(
                failed("a.qcow2"),
                inspected("b.qcow2", os("/dev/sda1", "deb", pkg("bash", "5.1-2", "amd64"))),
                failed("new.qcow2"),
                inspected("empty.qcow2"));

        List<ImageChanges> changes = diff.between(before, after);

        assertThat(changes).containsExactly(new ImageChanges("empty.qcow2", List.of()));
    }

    @Test
    void shouldListAnUnchangedImageWithoutChanges() {
        List<InspectionResult> results = List.of(inspected("a.qcow2", os("/dev/sda1", "deb",
                pkg("bash", "5.1-2", "amd64"))));

        assertThat(diff.between(results, results)).containsExactly(new ImageChanges("a.qcow2", List.of()));
        assertThat(diff.between(List.of(), List.of())).isEmpty();
    }
}
