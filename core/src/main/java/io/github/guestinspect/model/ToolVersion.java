package io.github.guestinspect.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The guest-inspect version, from the properties file the build writes (every result records it). */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static String get() {
        try (InputStream input = ToolVersion.class.getResourceAsStream("/guest-inspect-version.properties")) {
            if (input == null) {
                throw new IllegalStateException("guest-inspect-version.properties is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(input);
            return properties.getProperty("version");
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
