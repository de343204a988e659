package io.jenkins.plugins.guestinspect.analysis;

import java.util.Locale;

/** A violation against the reference build, in the words warnings-ng users know (new, outstanding, fixed). */
public enum ViolationState {
    /** Active; the reference build did not have it. */
    NEW,
    /** Active; the reference build had it too. */
    OUTSTANDING,
    /** The reference build had it; this build does not (found in the reference's rows only). */
    FIXED,
    /** Excused by a waiver: shown, never counted. */
    WAIVED,
    /** Active, and there is no reference build to compare with. */
    ACTIVE;

    /** "new", "outstanding", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
