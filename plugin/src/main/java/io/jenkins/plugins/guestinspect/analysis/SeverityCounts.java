package io.jenkins.plugins.guestinspect.analysis;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.guestinspect.policy.Severity;

/** Violations counted by severity. Persisted by XStream: plain fields. */
public final class SeverityCounts implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int errors;
    private final int warnings;
    private final int infos;

    public SeverityCounts(final int errors, final int warnings, final int infos) {
        this.errors = errors;
        this.warnings = warnings;
        this.infos = infos;
    }

    /** The rows counted by their severity. */
    public static SeverityCounts of(final List<ViolationRow> rows) {
        return new SeverityCounts(count(rows, Severity.ERROR), count(rows, Severity.WARNING),
                count(rows, Severity.INFO));
    }

    private static int count(final List<ViolationRow> rows, final Severity severity) {
        return (int) rows.stream().filter(row -> row.severity().equals(severity.label())).count();
    }

    public int getErrors() {
        return errors;
    }

    public int getWarnings() {
        return warnings;
    }

    public int getInfos() {
        return infos;
    }

    public int getTotal() {
        return errors + warnings + infos;
    }

    /** "1 error, 0 warning, 2 info". */
    @Override
    public String toString() {
        return errors + " error, " + warnings + " warning, " + infos + " info";
    }

    /** The counts for Scripted Pipeline, by severity label. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(Severity.ERROR.label(), errors);
        map.put(Severity.WARNING.label(), warnings);
        map.put(Severity.INFO.label(), infos);
        return map;
    }
}
