package io.jenkins.plugins.util;

import java.nio.file.Path;

/**
 * Mirror of jenkinsci/plugin-util-api-plugin src/main/java/io/jenkins/plugins/util/AbstractXmlStream.java
 * (6.1192.v30fe6e2837ff, the version bom-2.541.x pins). {@code configureXStream(XStream2)} is left out (the plugin
 * does not override it).
 */
public abstract class AbstractXmlStream<T> {
    protected AbstractXmlStream(final Class<T> type) {
    }

    protected abstract T createDefaultValue();

    public T read(final Path file) {
        throw new UnsupportedOperationException("compile-time mirror");
    }

    public void write(final Path file, final T entity) {
        throw new UnsupportedOperationException("compile-time mirror");
    }
}
