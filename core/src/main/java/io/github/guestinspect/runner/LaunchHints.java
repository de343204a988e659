package io.github.guestinspect.runner;

import java.util.Map;

/** Turns the launch errors users meet most into a sentence that says what to do. */
final class LaunchHints {
    private static final String SETTINGS = "LIBGUESTFS_BACKEND_SETTINGS";

    private LaunchHints() {
    }

    /** True when qemu aborted at once, as it does on hosts whose nested KVM is broken. */
    static boolean isKvmAbort(final String error) {
        return error.contains("killed by signal 6") || error.contains("kvm_buf_set_msrs");
    }

    static String hintFor(final String error, final Map<String, String> environment) {
        String settings = environment.getOrDefault(SETTINGS, System.getenv().getOrDefault(SETTINGS, ""));
        if (isKvmAbort(error) && !settings.contains("force_tcg")) {
            return ". KVM looks broken on this machine (nested virtualisation often is): run with "
                    + SETTINGS + "=force_tcg to use software emulation";
        }
        if (error.contains("/dev/kvm") && error.contains("ermission")) {
            return ". This user may not open /dev/kvm: add it to the 'kvm' group, or set "
                    + SETTINGS + "=force_tcg";
        }
        if (error.contains("supermin") || error.contains("vmlinuz")) {
            return ". libguestfs could not build its appliance: install a kernel (linux-image-amd64) and make"
                    + " /boot/vmlinuz-* readable";
        }
        return "";
    }
}
