package io.github.guestinspect.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Linux' /proc tells about a process that this one did not start (or no longer holds a handle of): its
 * environment and working directory, and the socket directories of a libguestfs appliance it runs. Unreadable
 * facts (another user's process, one that ended, no /proc) are simply absent.
 */
final class ProcessFacts {
    /**
     * libguestfs puts the appliance's sockets in {@code /tmp/libguestfsXXXXXX} (always /tmp for root, whatever
     * LIBGUESTFS_TMPDIR says) and removes it only when guestfish closes normally: a killed appliance leaves it.
     * qemu names it in its {@code -chardev socket,path=DIR/guestfsd.sock} argument.
     */
    private static final Pattern SOCKET_ARGUMENT = Pattern.compile("(?:^|,)path=(/[^,]*/libguestfs[A-Za-z0-9]{6})"
            + "/[A-Za-z0-9._-]+\\.sock(?:,|$)");
    private static final Pattern SOCKET_DIRECTORY = Pattern.compile("libguestfs[A-Za-z0-9]{6}");

    private ProcessFacts() {
    }

    /** True when the process' environment holds {@code NAME=VALUE} exactly. */
    static boolean hasVariable(final ProcessHandle process, final String name, final String value) {
        byte[] environment;
        try {
            environment = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
        }
        catch (IOException | SecurityException exception) {
            return false;
        }
        String wanted = name + "=" + value;
        for (String entry : new String(environment, StandardCharsets.UTF_8).split("\0")) {
            if (entry.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The process' working directory, if it can be read. */
    static Optional<Path> workingDirectory(final ProcessHandle process) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")));
        }
        catch (IOException | UnsupportedOperationException | SecurityException exception) {
            return Optional.empty();
        }
    }

    /** The libguestfs socket directories that these processes (qemu among them) name on their command lines. */
    static Set<Path> socketDirectories(final Stream<ProcessHandle> processes) {
        Set<Path> directories = new LinkedHashSet<>();
        processes.forEach(process -> {
            for (String argument : process.info().arguments().map(List::of).orElse(List.of())) {
                Matcher matcher = SOCKET_ARGUMENT.matcher(argument);
                if (matcher.find()) {
                    directories.add(Path.of(matcher.group(1)));
                }
            }
        });
        return directories;
    }

    /**
     * Deletes libguestfs socket directories once their appliance is gone: only a real directory with libguestfs'
     * name, and only the plain files (sockets) in it; a directory that holds anything else is left alone.
     */
    static void deleteSocketDirectories(final Set<Path> directories) {
        for (Path directory : directories) {
            if (!SOCKET_DIRECTORY.matcher(String.valueOf(directory.getFileName())).matches()
                    || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(entry);
                    }
                }
            }
            catch (IOException exception) {
                continue; // gone meanwhile, or not ours to empty
            }
            try {
                Files.deleteIfExists(directory);
            }
            catch (IOException exception) {
                // not empty: something else lives there, so it stays
            }
        }
    }
}
