package io.jenkins.plugins.guestinspect.analysis;

import java.util.Objects;

/**
 * The build this one is compared with, as the step's facade found it.
 *
 * @param build   which build
 * @param origin  why this one, for the log and the summary ("recorded by discoverReferenceBuild")
 * @param details what it found, read from its build folder
 */
public record Reference(BuildLink build, String origin, BuildDetails details) {
    public Reference {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(details, "details");
    }
}
