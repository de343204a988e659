package io.github.guestinspect.runner;

import io.github.guestinspect.runner.GuestfishSession.Pending;
import io.github.guestinspect.runner.GuestfishSession.Replies;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks at guest files before they are downloaded. A download follows symbolic links inside the image, and reads
 * whatever it reaches: a named pipe until the appliance hangs, a device node of the appliance (another image's disk),
 * or a file of secrets that a link or a hard link dresses up as /etc/hostname, whose first line then becomes the
 * hostname in every report. So each file is lstat-ed and stat-ed (through its links) in the sync before its download,
 * and read only when it leads to a regular file; a file whose text becomes facts must further not be a file of
 * secrets (the same inode as /etc/shadow and the like) and, when a link or another hard link leads to it, must be
 * readable by every user, which secrets never are (private SSH and TLS keys, keytabs). Links themselves stay
 * allowed: /etc/os-release is a link to ../usr/lib/os-release by the standard, Fedora's redhat-release one to
 * fedora-release, NixOS links most of /etc into its store.
 */
final class FileChecks {
    /** Files of password hashes: a fact file that is one of them (by inode, whatever the links) is never read. */
    static final List<String> SECRET_FILES = List.of("/etc/shadow", "/etc/gshadow", "/etc/shadow-", "/etc/gshadow-",
            "/etc/security/opasswd");
    private static final long TYPE_MASK = 0170000;
    private static final long READABLE_BY_OTHERS = 04;

    private final Map<String, Pending> lstats = new LinkedHashMap<>();
    private final Map<String, Pending> stats = new LinkedHashMap<>();
    private final Map<String, Pending> secrets = new LinkedHashMap<>();

    private FileChecks() {
    }

    /**
     * Queues, for the next sync, an lstat and a stat of each path and, when facts are to be read, a stat of each
     * secret file. The paths are the runner's own (fixed names), never names from the image.
     */
    static FileChecks queue(final GuestfishSession session, final Collection<String> paths, final boolean facts)
            throws GuestfishException {
        FileChecks checks = new FileChecks();
        for (String path : paths) {
            checks.lstats.put(path, session.call("lstatns", path));
            checks.stats.put(path, session.call("statns", path));
        }
        if (facts) {
            for (String secret : SECRET_FILES) {
                checks.secrets.put(secret, session.call("statns", secret));
            }
        }
        return checks;
    }

    /**
     * Whether a file whose text becomes facts (hostname, os-release, release files, fstab) may be read: a regular
     * file, not a file of secrets, and readable by everyone when reached through a link or another hard link.
     */
    Verdict fact(final Replies replies, final String path) {
        Map<String, StatReply> secretStats = new LinkedHashMap<>();
        secrets.forEach((secret, call) -> secretStats.put(secret, stat(replies, call)));
        return fact(path, stat(replies, lstats.get(path)), stat(replies, stats.get(path)), secretStats);
    }

    /** Whether a file that is only parsed (a package database, shadow for its account names) may be read. */
    Verdict data(final Replies replies, final String path) {
        return data(path, stat(replies, lstats.get(path)), stat(replies, stats.get(path)));
    }

    /** {@link #fact(Replies, String)} on the lstat and stat of the path and the stat of each secret file. */
    static Verdict fact(final String path, final StatReply link, final StatReply target,
                        final Map<String, StatReply> secretStats) {
        Verdict data = data(path, link, target);
        if (!data.isReadable()) {
            return data;
        }
        boolean linked = isLink(link);
        for (Map.Entry<String, StatReply> secret : secretStats.entrySet()) {
            if (target.isSameFileAs(secret.getValue())) {
                return Verdict.refused(path, "it is " + (linked ? "a symbolic link to " : "a hard link of ")
                        + secret.getKey() + ", which holds password hashes");
            }
        }
        if ((linked || target.links() > 1) && (target.mode() & READABLE_BY_OTHERS) == 0) {
            String mode = String.format("mode %04o", target.mode() & 07777);
            return Verdict.refused(path, linked
                    ? "it is a symbolic link to a file that not every user may read (" + mode + "), as secrets are"
                    : "it has " + target.links() + " hard links and not every user may read it (" + mode
                    + "), as secrets are");
        }
        return data;
    }

    /** {@link #data(Replies, String)} on the lstat and stat of the path. */
    static Verdict data(final String path, final StatReply link, final StatReply target) {
        if (!link.exists()) {
            return Verdict.absent(path);
        }
        boolean linked = isLink(link);
        if (!target.exists()) {
            return Verdict.refused(path, linked ? "it is a symbolic link that leads nowhere in the image (a missing"
                    + " target or a loop)" : "it cannot be examined");
        }
        if ((target.mode() & TYPE_MASK) != 0100000) {
            return Verdict.refused(path, "it is " + (linked ? "a symbolic link to " : "") + kind(target.mode())
                    + ", not a regular file");
        }
        return Verdict.read(path);
    }

    private static StatReply stat(final Replies replies, final Pending call) {
        return call == null || replies.failed(call) ? StatReply.MISSING : StatReply.parse(replies.output(call));
    }

    private static boolean isLink(final StatReply stat) {
        return (stat.mode() & TYPE_MASK) == 0120000;
    }

    private static String kind(final long mode) {
        return switch ((int) (mode & TYPE_MASK)) {
            case 0010000 -> "a named pipe";
            case 0020000 -> "a character device";
            case 0040000 -> "a directory";
            case 0060000 -> "a block device";
            case 0140000 -> "a socket";
            default -> "a special file";
        };
    }

    /**
     * What to do with one file.
     *
     * @param path   the file
     * @param exists false when there is no such file
     * @param why    why it must not be read, empty when it may be
     */
    record Verdict(String path, boolean exists, Optional<String> why) {
        static Verdict read(final String path) {
            return new Verdict(path, true, Optional.empty());
        }

        static Verdict absent(final String path) {
            return new Verdict(path, false, Optional.empty());
        }

        static Verdict refused(final String path, final String why) {
            return new Verdict(path, true, Optional.of(why));
        }

        boolean isReadable() {
            return exists && why.isEmpty();
        }

        /** For the result: "PATH not read: WHY", empty when the file is read or absent. */
        Optional<String> note() {
            return why.map(reason -> path + " not read: " + reason);
        }
    }
}
