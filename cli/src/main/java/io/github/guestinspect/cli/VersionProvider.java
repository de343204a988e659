package io.github.guestinspect.cli;

import io.github.guestinspect.model.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the version the build recorded. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"guest-inspect " + ToolVersion.get()};
    }
}
