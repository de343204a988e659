package io.github.guestinspect.runner;

import io.github.guestinspect.guest.GuestGlob;
import io.github.guestinspect.guest.GuestText;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.model.FileType;
import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up paths and globs inside a mounted root with lstat (links are never followed). Globs are expanded one
 * level at a time with {@code ls0} (NUL-separated, so no name can split into two) and matched here; the results are
 * stat-ed with {@code lstatnslist} per directory, as many names a call as fit on a guestfish line. Every name is
 * sent as the bytes the image holds, so no name, whatever it holds, hides a file or fails the other images; a
 * name with a line break is looked up in a sync of its own (see {@link GuestfishSession}). The cost is a few round
 * trips per root, whatever the count, plus one per name with a line break.
 */
final class FileProbe {
    /**
     * What every inspection looks for: the leftovers virt-sysprep would remove (machine identity, SSH host keys,
     * authorized keys, shell histories, persistent network rules, DHCP leases).
     */
    static final List<String> STANDARD_QUERIES = List.of(
            "/etc/machine-id", "/var/lib/dbus/machine-id",
            "/etc/ssh/ssh_host_*_key",
            "/root/.ssh/authorized_keys", "/home/*/.ssh/authorized_keys",
            "/root/.bash_history", "/root/.ash_history", "/root/.zsh_history", "/root/.python_history",
            "/home/*/.bash_history",
            "/etc/udev/rules.d/70-persistent-net.rules",
            "/var/lib/dhcp/*.leases", "/var/lib/NetworkManager/*.lease");
    private static final int MAX_MATCHES_PER_GLOB = 1000;
    private static final int SHOWN_PATH = 120;

    private final GuestfishSession session;
    private final Path local;
    private int listings;

    FileProbe(final GuestfishSession session, final Path local) {
        this.session = session;
        this.local = local;
    }

    /**
     * The facts for every query: plain paths always (MISSING when absent), globs for each match.
     *
     * @throws UnreadableImageException when a path the image holds is too long for a guestfish command
     */
    List<FileFact> probe(final List<String> queries) throws GuestfishException, IOException, UnreadableImageException {
        Set<GuestPath> paths = new LinkedHashSet<>();
        List<String> globs = new ArrayList<>();
        for (String query : queries) {
            if (isGlob(query)) {
                globs.add(query);
            }
            else {
                paths.add(GuestPath.of(query));
            }
        }
        paths.addAll(expand(globs));
        return stat(new ArrayList<>(paths));
    }

    static boolean isGlob(final String query) {
        return query.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }

    /**
     * Expands all globs together, level by level: the directories every glob needs at one level are listed in one
     * sync, and a directory two globs share (/home) is listed once.
     */
    private List<GuestPath> expand(final List<String> globs)
            throws GuestfishException, IOException, UnreadableImageException {
        Map<GuestPath, List<byte[]>> listed = new HashMap<>();
        List<List<String>> segments = globs.stream().map(glob -> List.of(glob.substring(1).split("/"))).toList();
        List<List<GuestPath>> current = new ArrayList<>();
        globs.forEach(glob -> current.add(List.of(GuestPath.ROOT)));
        int depth = segments.stream().mapToInt(List::size).max().orElse(0);
        for (int level = 0; level < depth; level++) {
            list(directoriesToList(segments, current, level, listed), listed);
            for (int g = 0; g < globs.size(); g++) {
                if (level < segments.get(g).size()) {
                    current.set(g, step(current.get(g), segments.get(g).get(level), listed));
                }
            }
        }
        return current.stream().flatMap(List::stream).toList();
    }

    private static Set<GuestPath> directoriesToList(final List<List<String>> segments,
                                                    final List<List<GuestPath>> current, final int level,
                                                    final Map<GuestPath, List<byte[]>> listed) {
        Set<GuestPath> directories = new LinkedHashSet<>();
        for (int g = 0; g < segments.size(); g++) {
            if (level < segments.get(g).size() && isGlob(segments.get(g).get(level))) {
                current.get(g).stream().filter(directory -> !listed.containsKey(directory))
                        .forEach(directories::add);
            }
        }
        return directories;
    }

    private void list(final Set<GuestPath> directories, final Map<GuestPath, List<byte[]>> listed)
            throws GuestfishException, IOException, UnreadableImageException {
        List<Call> calls = new ArrayList<>();
        Map<GuestPath, Path> files = new LinkedHashMap<>();
        for (GuestPath directory : directories) {
            Path listing = local.resolve("ls-" + listings++ + ".nul");
            files.put(directory, listing);
            calls.add(new Call(directory, "ls0", directory.bytes(), listing.toString()
                    .getBytes(StandardCharsets.UTF_8)));
        }
        run(calls);
        for (Map.Entry<GuestPath, Path> file : files.entrySet()) {
            listed.put(file.getKey(), NulList.readBytes(file.getValue()));
            Files.deleteIfExists(file.getValue());
        }
    }

    private static List<GuestPath> step(final List<GuestPath> directories, final String segment,
                                        final Map<GuestPath, List<byte[]>> listed) {
        if (!isGlob(segment)) {
            byte[] name = segment.getBytes(StandardCharsets.UTF_8);
            return directories.stream().map(directory -> directory.child(name)).toList();
        }
        GuestGlob matcher = GuestGlob.compile(segment);
        List<GuestPath> next = new ArrayList<>();
        for (GuestPath directory : directories) {
            for (byte[] name : listed.getOrDefault(directory, List.of())) {
                if (next.size() < MAX_MATCHES_PER_GLOB && matcher.matches(GuestText.decode(name))) {
                    next.add(directory.child(name));
                }
            }
        }
        return next;
    }

    private List<FileFact> stat(final List<GuestPath> paths)
            throws GuestfishException, UnreadableImageException {
        Map<GuestPath, List<GuestPath>> byDirectory = new LinkedHashMap<>();
        List<Call> calls = new ArrayList<>();
        List<FileFact> facts = new ArrayList<>();
        for (GuestPath path : paths) {
            if (path.isImpossible()) {
                facts.add(new FileFact(path.text(), FileType.MISSING, 0));
            }
            else if (fitsInAList(path.name())) {
                byDirectory.computeIfAbsent(path.parent(), key -> new ArrayList<>()).add(path);
            }
            else {
                calls.add(new Call(List.of(path), "lstatns", path.bytes()));
            }
        }
        for (Map.Entry<GuestPath, List<GuestPath>> directory : byDirectory.entrySet()) {
            calls.addAll(listCalls(directory.getKey(), directory.getValue()));
        }
        run(calls);
        for (Call call : calls) {
            List<StatReply> stats = call.failed() ? List.of()
                    : "lstatns".equals(call.verb) ? List.of(StatReply.parse(call.output()))
                    : StatReply.parseList(call.output());
            for (int i = 0; i < call.paths.size(); i++) {
                StatReply stat = i < stats.size() ? stats.get(i) : StatReply.MISSING;
                facts.add(stat.fact(call.paths.get(i).text()));
            }
        }
        facts.sort(Comparator.comparing(FileFact::path));
        return facts;
    }

    /**
     * True when a name can go into lstatnslist's list, which guestfish splits at blanks and reads quotes and
     * backslashes in; an empty name (the root, a path ending in '/') has no directory to list it in.
     */
    private static boolean fitsInAList(final byte[] name) {
        if (name.length == 0) {
            return false;
        }
        for (byte b : name) {
            if (b == ' ' || b == '\t' || b == '\'' || b == '\\' || b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
    }

    /** lstatnslist calls for the names of one directory, as many a call as fit on a guestfish line. */
    private static List<Call> listCalls(final GuestPath directory, final List<GuestPath> entries) {
        List<Call> calls = new ArrayList<>();
        List<GuestPath> chunk = new ArrayList<>();
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (GuestPath entry : entries) {
            ByteArrayOutputStream longer = new ByteArrayOutputStream();
            longer.writeBytes(names.toByteArray());
            if (!chunk.isEmpty()) {
                longer.write(' ');
            }
            longer.writeBytes(entry.name());
            if (GuestfishSession.fits("lstatnslist", directory.bytes(), longer.toByteArray())) {
                chunk.add(entry);
                names = longer;
                continue;
            }
            if (chunk.isEmpty()) { // too long even alone in a list: lstatns says why, if it cannot take it either
                calls.add(new Call(List.of(entry), "lstatns", entry.bytes()));
                continue;
            }
            calls.add(new Call(List.copyOf(chunk), "lstatnslist", directory.bytes(), names.toByteArray()));
            chunk.clear();
            names = new ByteArrayOutputStream();
            names.writeBytes(entry.name());
            chunk.add(entry);
        }
        if (!chunk.isEmpty()) {
            calls.add(new Call(List.copyOf(chunk), "lstatnslist", directory.bytes(), names.toByteArray()));
        }
        return calls;
    }

    /**
     * Runs the calls: those without a line break in one sync, each other one in a sync of its own. Checks first
     * that every call fits on a guestfish line, so nothing is sent for an image that cannot be read.
     */
    private void run(final List<Call> calls) throws GuestfishException, UnreadableImageException {
        for (Call call : calls) {
            if (!GuestfishSession.fits(call.verb, call.arguments)) {
                throw new UnreadableImageException("cannot look up " + shown(call.paths.get(0).text())
                        + ": the path is too long for a guestfish command (at most " + GuestfishSession.MAX_LINE
                        + " characters, a byte that is not printable ASCII taking four)");
            }
        }
        List<Call> together = new ArrayList<>();
        List<Call> alone = new ArrayList<>();
        for (Call call : calls) {
            (GuestfishSession.holdsLineBreak(call.arguments) ? alone : together).add(call);
        }
        for (Call call : together) {
            call.pending = session.callBytes(call.verb, call.arguments);
        }
        if (!together.isEmpty()) {
            Replies replies = session.sync();
            together.forEach(call -> call.replies = replies);
        }
        for (Call call : alone) {
            call.pending = session.callBytes(call.verb, call.arguments);
            call.replies = session.sync();
        }
    }

    /** A path for a message: at most a line's worth, each control character shown as '?'. */
    private static String shown(final String path) {
        String cut = path.length() > SHOWN_PATH ? path.substring(0, SHOWN_PATH) + "..." : path;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** One guestfish call, the paths it answers for (in its reply's order) and, once run, its reply. */
    private static final class Call {
        private final List<GuestPath> paths;
        private final String verb;
        private final byte[][] arguments;
        private Pending pending;
        private Replies replies;

        Call(final List<GuestPath> paths, final String verb, final byte[]... arguments) {
            this.paths = paths;
            this.verb = verb;
            this.arguments = arguments;
        }

        Call(final GuestPath directory, final String verb, final byte[]... arguments) {
            this(List.of(directory), verb, arguments);
        }

        boolean failed() {
            return replies.failed(pending);
        }

        List<String> output() {
            return replies.output(pending);
        }
    }
}
