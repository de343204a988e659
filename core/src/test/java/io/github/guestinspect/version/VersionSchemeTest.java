package io.github.guestinspect.version;

import io.github.guestinspect.model.InstalledPackage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** {@link VersionScheme}: which scheme a package format has and which version string of a package it compares. */
class VersionSchemeTest {
    @Test
    void shouldFindTheSchemeOfEachPackageFormat() {
        assertThat(VersionScheme.forPackageFormat("deb")).contains(VersionScheme.DEB);
        assertThat(VersionScheme.forPackageFormat("rpm")).contains(VersionScheme.RPM);
        assertThat(VersionScheme.forPackageFormat("apk")).contains(VersionScheme.APK);
    }

    @Test
    void shouldHaveNoSchemeForOtherFormats() {
        assertThat(VersionScheme.forPackageFormat("unknown")).isEmpty();
        assertThat(VersionScheme.forPackageFormat("")).isEmpty();
        assertThat(VersionScheme.forPackageFormat("DEB")).isEmpty();
        assertThat(VersionScheme.forPackageFormat(" deb")).isEmpty();
    }

    @Test
    void shouldWriteDebianVersionsWithEpochAndRevision() {
        assertThat(VersionScheme.DEB.versionOf(new InstalledPackage("openssl", 0, "3.0.13", "1~deb12u1", "amd64")))
                .isEqualTo("3.0.13-1~deb12u1");
        assertThat(VersionScheme.DEB.versionOf(new InstalledPackage("bsdutils", 1, "2.38.1", "5+deb12u1", "amd64")))
                .isEqualTo("1:2.38.1-5+deb12u1");
        assertThat(VersionScheme.DEB.versionOf(new InstalledPackage("native", 2, "1.0", "", "all")))
                .isEqualTo("2:1.0");
    }

    @Test
    void shouldWriteRpmVersionsWithEpochAndRelease() {
        assertThat(VersionScheme.RPM.versionOf(new InstalledPackage("openssl-libs", 1, "3.0.7", "27.el9", "x86_64")))
                .isEqualTo("1:3.0.7-27.el9");
        assertThat(VersionScheme.RPM.versionOf(new InstalledPackage("bash", 0, "5.1.8", "9.el9", "x86_64")))
                .isEqualTo("5.1.8-9.el9");
        assertThat(VersionScheme.RPM.versionOf(new InstalledPackage("gpg-pubkey", 0, "fd431d51", "", "")))
                .isEqualTo("fd431d51");
    }

    @Test
    void shouldWriteApkReleasesAsRn() {
        assertThat(VersionScheme.APK.versionOf(new InstalledPackage("musl", 0, "1.2.4_git20230717", "4", "x86_64")))
                .isEqualTo("1.2.4_git20230717-r4");
        assertThat(VersionScheme.APK.versionOf(new InstalledPackage("odd", 0, "1.0", "", "x86_64")))
                .isEqualTo("1.0");
    }

    @Test
    void shouldCompareAPackagesVersionAsItsPackageManagerWould() {
        InstalledPackage installed = new InstalledPackage("openssl", 0, "3.0.11", "1~deb12u2", "amd64");

        assertThat(VersionScheme.DEB.compare(VersionScheme.DEB.versionOf(installed), "3.0.11-1")).isNegative();
    }

    @Test
    void shouldReturnOnlyTheSign() {
        assertThat(VersionScheme.DEB.compare("1.0a", "1.0~")).isEqualTo(1);
        assertThat(VersionScheme.RPM.compare("1", "9")).isEqualTo(-1);
        assertThat(VersionScheme.APK.compare("1.0_alpha", "1.0_p")).isEqualTo(-1);
    }

    @Test
    void shouldRejectNullWithTheNameOfTheArgument() {
        assertThatNullPointerException().isThrownBy(() -> VersionScheme.DEB.compare(null, "1")).withMessage("left");
        assertThatNullPointerException().isThrownBy(() -> VersionScheme.RPM.compare("1", null)).withMessage("right");
        assertThatNullPointerException().isThrownBy(() -> VersionScheme.forPackageFormat(null)).withMessage("format");
        assertThatNullPointerException().isThrownBy(() -> VersionScheme.APK.versionOf(null)).withMessage("pkg");
    }
}
