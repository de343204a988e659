package io.jenkins.plugins.guestinspect.agents;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;

import hudson.FilePath;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Mocked {@link FilePath}s (the mirror's bodies throw) over an in-memory tree of files and their sizes: children
 * join as on a Unix node, copies, renames and deletions change the tree, so a test sees what was left behind and can
 * still stub and verify each call. One mock per path, so the code and the test talk about the same one.
 */
final class FakeFiles {
    private final Map<String, FilePath> paths = new ConcurrentHashMap<>();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    /** The path (a mock, made on first use). */
    FilePath path(final String remote) {
        return paths.computeIfAbsent(remote, this::create);
    }

    /** Puts a file of {@code size} bytes at {@code remote}. */
    FakeFiles file(final String remote, final long size) {
        sizes.put(remote, size);
        return this;
    }

    /** Every file in the tree, sorted. */
    Set<String> files() {
        return new TreeSet<>(sizes.keySet());
    }

    private FilePath create(final String remote) {
        return mock(FilePath.class, withSettings().name(remote).defaultAnswer(call -> answer(remote, call)));
    }

    private Object answer(final String remote, final InvocationOnMock call) throws Throwable {
        switch (call.getMethod().getName()) {
            case "getRemote":
                return remote;
            case "child":
                String child = call.getArgument(0);
                return path(child.startsWith("/") ? child : remote + "/" + child);
            case "length": // as java.io.File#length: 0 for a file that is not there
                return sizes.getOrDefault(remote, 0L);
            case "copyTo":
                sizes.put(call.<FilePath>getArgument(0).getRemote(), sizeOf(remote));
                return null;
            case "renameTo":
                sizes.put(call.<FilePath>getArgument(0).getRemote(), sizeOf(remote));
                sizes.remove(remote);
                return null;
            case "deleteRecursive":
                sizes.keySet().removeIf(file -> file.equals(remote) || file.startsWith(remote + "/"));
                return null;
            case "mkdirs":
                return null;
            default:
                return Answers.RETURNS_DEFAULTS.answer(call);
        }
    }

    private long sizeOf(final String remote) throws IOException {
        Long size = sizes.get(remote);
        if (size == null) {
            throw new IOException(remote + " does not exist");
        }
        return size;
    }
}
