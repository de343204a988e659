package io.jenkins.plugins.guestinspect.analysis;

/**
 * What a failed gate does, with the constants and meaning of plugin-util-api's QualityGateCriticality (the step
 * maps that enum to this one by name).
 */
public enum Criticality {
    /** The stage is marked with a warning; the build result stays. */
    NOTE,
    /** The stage and the build become UNSTABLE. */
    UNSTABLE,
    /** The stage is marked as failed; the build result stays. */
    ERROR,
    /** The stage and the build fail. */
    FAILURE
}
