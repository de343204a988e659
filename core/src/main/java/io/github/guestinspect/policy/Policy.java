package io.github.guestinspect.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A policy file: {@code version: 1} and its rules.
 *
 * @param version the policy format version (1)
 * @param rules   the rules, ids unique
 */
public record Policy(@JsonProperty(value = "version", required = true) int version,
                     @JsonProperty(value = "rules", required = true) List<Rule> rules) {
    public static final int SUPPORTED_VERSION = 1;

    public Policy {
        if (version != SUPPORTED_VERSION) {
            throw new IllegalArgumentException("policy version " + version + " is not supported (expected "
                    + SUPPORTED_VERSION + ")");
        }
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new IllegalArgumentException("rule id '" + rule.id() + "' is used twice");
            }
        }
    }

    /** The paths and globs the rules look at inside images, each once: the runner collects facts for them. */
    public List<String> fileQueries() {
        Set<String> queries = new LinkedHashSet<>();
        rules.forEach(rule -> rule.files().forEach(file -> queries.add(file.query())));
        return List.copyOf(queries);
    }
}
