package io.github.guestinspect.runner;

import io.github.guestinspect.guest.GuestGlob;
import io.github.guestinspect.model.FileFact;
import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.io.IOException;
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
import java.util.TreeMap;

/**
 * Looks up paths and globs inside a mounted root with lstat (links are never followed). Globs are expanded one
 * level at a time with {@code ls0} (NUL-separated, so no name can split into two) and matched here; the results are
 * stat-ed with one {@code lstatnslist} per directory. The cost is a few round trips per root, whatever the count.
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

    private final GuestfishSession session;
    private final Path local;

    FileProbe(final GuestfishSession session, final Path local) {
        this.session = session;
        this.local = local;
    }

    /** The facts for every query: plain paths always (MISSING when absent), globs for each match. */
    List<FileFact> probe(final List<String> queries) throws GuestfishException, IOException {
        Set<String> paths = new LinkedHashSet<>();
        List<String> globs = new ArrayList<>();
        for (String query : queries) {
            if (isGlob(query)) {
                globs.add(query);
            }
            else {
                paths.add(query);
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
    private List<String> expand(final List<String> globs) throws GuestfishException, IOException {
        Map<String, List<String>> listings = new HashMap<>();
        List<List<String>> segments = globs.stream().map(glob -> List.of(glob.substring(1).split("/"))).toList();
        List<List<String>> current = new ArrayList<>();
        globs.forEach(glob -> current.add(List.of("")));
        int depth = segments.stream().mapToInt(List::size).max().orElse(0);
        for (int level = 0; level < depth; level++) {
            list(directoriesToList(segments, current, level, listings), listings);
            for (int g = 0; g < globs.size(); g++) {
                if (level < segments.get(g).size()) {
                    current.set(g, step(current.get(g), segments.get(g).get(level), listings));
                }
            }
        }
        return current.stream().flatMap(List::stream).toList();
    }

    private static Set<String> directoriesToList(final List<List<String>> segments, final List<List<String>> current,
                                                 final int level, final Map<String, List<String>> listings) {
        Set<String> directories = new LinkedHashSet<>();
        for (int g = 0; g < segments.size(); g++) {
            if (level < segments.get(g).size() && isGlob(segments.get(g).get(level))) {
                current.get(g).stream().filter(directory -> !listings.containsKey(directory))
                        .forEach(directories::add);
            }
        }
        return directories;
    }

    private void list(final Set<String> directories, final Map<String, List<String>> listings)
            throws GuestfishException, IOException {
        if (directories.isEmpty()) {
            return;
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String directory : directories) {
            Path listing = local.resolve("ls-" + listings.size() + "-" + files.size() + ".nul");
            files.put(directory, listing);
            session.call("ls0", directory.isEmpty() ? "/" : directory, listing.toString());
        }
        session.sync();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            listings.put(file.getKey(), NulList.read(file.getValue()));
            Files.deleteIfExists(file.getValue());
        }
    }

    private static List<String> step(final List<String> directories, final String segment,
                                     final Map<String, List<String>> listings) {
        if (!isGlob(segment)) {
            return directories.stream().map(prefix -> prefix + "/" + segment).toList();
        }
        GuestGlob matcher = GuestGlob.compile(segment);
        List<String> next = new ArrayList<>();
        for (String directory : directories) {
            for (String name : listings.getOrDefault(directory, List.of())) {
                if (!name.contains("/") && matcher.matches(name) && next.size() < MAX_MATCHES_PER_GLOB) {
                    next.add(directory + "/" + name);
                }
            }
        }
        return next;
    }

    private List<FileFact> stat(final List<String> paths) throws GuestfishException {
        Map<String, List<String>> byDirectory = new TreeMap<>();
        List<String> oneByOne = new ArrayList<>();
        for (String path : paths) {
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            if (name.isEmpty() || name.chars().anyMatch(c -> c == ' ' || c < 0x20 || c == 0x7f)) {
                oneByOne.add(path); // lstatnslist takes names as one space-separated list
            }
            else {
                byDirectory.computeIfAbsent(slash == 0 ? "/" : path.substring(0, slash), key -> new ArrayList<>())
                        .add(name);
            }
        }
        Map<String, Pending> lists = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> directory : byDirectory.entrySet()) {
            lists.put(directory.getKey(), session.call("lstatnslist", directory.getKey(),
                    String.join(" ", directory.getValue())));
        }
        Map<String, Pending> singles = new LinkedHashMap<>();
        for (String path : oneByOne) {
            if (path.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                singles.put(path, session.call("lstatns", path));
            }
        }
        Replies replies = session.sync();
        List<FileFact> facts = new ArrayList<>();
        for (Map.Entry<String, List<String>> directory : byDirectory.entrySet()) {
            Pending call = lists.get(directory.getKey());
            List<StatReply> stats = replies.failed(call) ? List.of() : StatReply.parseList(replies.output(call));
            String prefix = "/".equals(directory.getKey()) ? "" : directory.getKey();
            for (int i = 0; i < directory.getValue().size(); i++) {
                StatReply stat = i < stats.size() ? stats.get(i) : StatReply.MISSING;
                facts.add(stat.fact(prefix + "/" + directory.getValue().get(i)));
            }
        }
        for (String path : oneByOne) {
            Pending call = singles.get(path);
            boolean known = call != null && !replies.failed(call);
            facts.add((known ? StatReply.parse(replies.output(call)) : StatReply.MISSING).fact(path));
        }
        facts.sort(Comparator.comparing(FileFact::path));
        return facts;
    }
}
