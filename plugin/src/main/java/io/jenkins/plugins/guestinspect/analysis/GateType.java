package io.jenkins.plugins.guestinspect.analysis;

import io.github.guestinspect.policy.Severity;

/** What a quality gate counts: active violations of one severity, in total, new since the reference, or the change. */
public enum GateType {
    TOTAL_ERROR(Scope.TOTAL, Severity.ERROR),
    TOTAL_WARNING(Scope.TOTAL, Severity.WARNING),
    TOTAL_INFO(Scope.TOTAL, Severity.INFO),
    NEW_ERROR(Scope.NEW, Severity.ERROR),
    NEW_WARNING(Scope.NEW, Severity.WARNING),
    NEW_INFO(Scope.NEW, Severity.INFO),
    DELTA_ERROR(Scope.DELTA, Severity.ERROR),
    DELTA_WARNING(Scope.DELTA, Severity.WARNING),
    DELTA_INFO(Scope.DELTA, Severity.INFO);

    private final Scope scope;
    private final Severity severity;

    GateType(final Scope scope, final Severity severity) {
        this.scope = scope;
        this.severity = severity;
    }

    public Scope scope() {
        return scope;
    }

    public Severity severity() {
        return severity;
    }

    /** "New error violations". */
    public String displayName() {
        String what = switch (scope) {
            case TOTAL -> "Total";
            case NEW -> "New";
            case DELTA -> "Delta of";
        };
        return what + " " + severity.label() + " violations";
    }

    /** Which violations a gate counts. */
    public enum Scope {
        /** All active violations of this build. */
        TOTAL,
        /** Active violations the reference build did not have. */
        NEW,
        /** This build's count minus the reference build's count. */
        DELTA
    }
}
