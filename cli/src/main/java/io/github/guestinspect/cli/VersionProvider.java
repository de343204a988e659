package io.github.guestinspect.cli;

import io.github.guestinspect.batch.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the version the build recorded. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"guest-inspect " + ToolVersion.get()};
    }
}
