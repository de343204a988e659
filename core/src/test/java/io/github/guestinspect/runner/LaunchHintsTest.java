package io.github.guestinspect.runner;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchHintsTest {
    private static final Map<String, String> KVM = Map.of("LIBGUESTFS_BACKEND_SETTINGS", "");

    @Test
    void shouldTellToUseSoftwareEmulationWhenQemuAbortsOnBrokenKvm() {
        String error = "libguestfs: error: appliance closed the connection unexpectedly, qemu killed by signal 6";

        assertThat(LaunchHints.isKvmAbort(error)).isTrue();
        assertThat(LaunchHints.hintFor(error, KVM)).contains("KVM looks broken",
                "LIBGUESTFS_BACKEND_SETTINGS=force_tcg");
        assertThat(LaunchHints.hintFor("qemu: kvm_buf_set_msrs: Assertion failed", KVM)).contains("force_tcg");
    }

    @Test
    void shouldNotSuggestSoftwareEmulationWhenItIsAlreadyOn() {
        String error = "qemu killed by signal 6";

        assertThat(LaunchHints.hintFor(error, Map.of("LIBGUESTFS_BACKEND_SETTINGS", "force_tcg"))).isEmpty();
    }

    @Test
    void shouldExplainAKvmDeviceThisUserMayNotOpen() {
        assertThat(LaunchHints.hintFor("Could not access KVM kernel module: /dev/kvm: Permission denied", KVM))
                .contains("'kvm' group", "force_tcg");
    }

    @Test
    void shouldExplainAnApplianceThatCannotBeBuiltForWantOfAReadableKernel() {
        assertThat(LaunchHints.hintFor("supermin: failed to find a suitable kernel", KVM))
                .contains("linux-image-amd64", "/boot/vmlinuz-*");
    }

    @Test
    void shouldAddNothingToAnErrorItDoesNotKnow() {
        assertThat(LaunchHints.hintFor("guestfsd: disk full", KVM)).isEmpty();
        assertThat(LaunchHints.isKvmAbort("guestfsd: disk full")).isFalse();
    }
}
