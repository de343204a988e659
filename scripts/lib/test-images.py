#!/usr/bin/env python3
"""Helper for scripts/make-test-images.sh (not meant to be run on its own).

Subcommands:
  stanzas SRC OUT (--first N | --every K) [--append FILE]
      Write a dpkg status file made of selected blank-line-separated stanzas of SRC
      (--every K keeps stanzas 0, K, 2K, ...), plus the stanzas of FILE.
      The output always ends with a blank line (libguestfs drops a last
      record that is not followed by one).
  synth-dpkg OUT COUNT / synth-apk OUT COUNT
      Write a dpkg status file (apk installed database) of COUNT made-up
      installed packages, deterministic, with epochs, tildes, missing Debian
      revisions and several architectures mixed in (the huge-package-list images).
  hostile ROOT KIND
      Write the untrusted text of a hostile root into ROOT (KIND "text": HTML,
      JavaScript, Markdown, terminal escapes, bidirectional overrides, NUL,
      noncharacters and a 5000-character name in the hostname, os-release and
      dpkg status, the hostname not valid UTF-8, home directories whose names
      hold a line break, controls, quotes and bytes that are not UTF-8, and 60
      DHCP lease files whose names, together, are longer than a guestfish
      command line and each begin with '!' and a shell command; KIND "latin1":
      a dpkg status that is not valid UTF-8, with a raw 0x9b byte, the 8-bit
      terminal CSI; KIND "secrets": /etc files that lead to secrets or hang a
      reader: hostname a symbolic link to /etc/shadow, HOSTNAME a hard link to
      it, fedora-release a link to a private SSH host key, redhat-release and
      the apk database named pipes, os-release a legitimate relative link to
      /usr/lib/os-release; the shell script adds centos-release, a block
      device node of the appliance's first disk).
  rollback-journal DB
      Switch an SQLite database (rpm's rpmdb.sqlite) from WAL to rollback-journal
      mode. A WAL database without its -shm file cannot be opened on a read-only
      mount, which is how libguestfs mounts guests for inspection.
  manifest SPEC OUT
      SPEC is a tab-separated file written by the shell script, one image a line:
        file  format  status  failureKind-or-"-"  root-dir[,root-dir...]-or-"-"
      For every root directory the expected inspection data is computed from the
      files that were put into the image (os-release, etc/hostname, the package
      database), so the manifest is an oracle independent of the code under test.
      Guest files are text as the guest wrote them: UTF-8 where the whole file is
      valid UTF-8, else Latin-1 byte for byte (what guest-inspect promises).
"""

import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile

SAMPLE_LIMIT = 10


def guest_text(path):
    """A guest file's text: UTF-8 if the whole file is valid UTF-8, else Latin-1."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_raw_stanzas(path):
    """The blank-line-separated stanzas of a file, as bytes (copied as they are)."""
    with open(path, "rb") as f:
        data = f.read()
    return [s.strip(b"\n") for s in re.split(rb"\n[ \t]*\n", data) if s.strip()]


def read_stanzas(path):
    text = guest_text(path)
    return [s.strip("\n") for s in re.split(r"\n[ \t]*\n", text) if s.strip()]


def cmd_stanzas(args):
    src, out = args[0], args[1]
    rest = args[2:]
    first = every = None
    append = None
    while rest:
        opt, val = rest[0], rest[1]
        rest = rest[2:]
        if opt == "--first":
            first = int(val)
        elif opt == "--every":
            every = int(val)
        elif opt == "--append":
            append = val
        else:
            raise SystemExit("unknown option " + opt)
    stanzas = read_raw_stanzas(src)
    if first is not None:
        stanzas = stanzas[:first]
    if every is not None:
        stanzas = stanzas[::every]
    if append:
        stanzas += read_raw_stanzas(append)
    with open(out, "wb") as f:
        for s in stanzas:
            f.write(s + b"\n\n")


def parse_fields(stanza):
    """dpkg/apk records: 'Key: value' (dpkg, with continuation lines) or 'K:value' (apk)."""
    fields = {}
    for line in stanza.split("\n"):
        if not line or line[0] in " \t":
            continue
        key, sep, value = line.partition(":")
        if sep:
            fields.setdefault(key, value.strip())
    return fields


def split_dpkg_version(v):
    """E:U-R -> (E, U, R): an epoch is 1-9 digits before the first ':'; the revision follows the last '-'."""
    epoch = 0
    e, sep, rest = v.partition(":")
    if sep and re.fullmatch(r"[0-9]{1,9}", e):
        epoch, v = int(e), rest
    if "-" in v:
        upstream, release = v.rsplit("-", 1)
    else:
        upstream, release = v, ""
    return epoch, upstream, release


def dpkg_packages(root):
    pkgs = []
    for st in read_stanzas(os.path.join(root, "var/lib/dpkg/status")):
        f = parse_fields(st)
        if not f.get("Package") or f.get("Status") != "install ok installed":
            continue
        epoch, version, release = split_dpkg_version(f.get("Version", ""))
        pkgs.append({"name": f["Package"], "epoch": epoch, "version": version,
                     "release": release, "arch": f.get("Architecture", "")})
    return pkgs


def apk_packages(root):
    text = guest_text(os.path.join(root, "lib/apk/db/installed"))
    pkgs = []
    # A record only counts when a blank line follows it (that is how the guest tools read it).
    for rec in text.split("\n\n")[:-1]:
        fields = {}
        for line in rec.strip("\n").split("\n"):
            if len(line) >= 2 and line[1] == ":":
                fields.setdefault(line[0], line[2:])
        if "P" not in fields:
            continue
        v = fields.get("V", "")
        version, _, release = v.rpartition("-") if "-" in v else (v, "", "")
        if release.startswith("r"):
            release = release[1:]
        pkgs.append({"name": fields["P"], "epoch": 0, "version": version,
                     "release": release, "arch": fields.get("A", "")})
    return pkgs


def rpm_packages(root):
    # Query a copy so that the database files in the image stay exactly as they are.
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "rpm")
        shutil.copytree(os.path.join(root, "var/lib/rpm"), db)
        out = subprocess.run(
            ["rpm", "--define", "_db_backend sqlite", "--dbpath", db, "-qa", "--qf",
             "%{NAME}\\t%{EPOCHNUM}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\n"],
            check=True, capture_output=True, text=True).stdout
    pkgs = []
    for line in out.splitlines():
        name, epoch, version, release, arch = line.split("\t")
        pkgs.append({"name": name, "epoch": int(epoch), "version": version,
                     "release": release, "arch": arch})
    pkgs.sort(key=lambda p: p["name"])
    return pkgs


def sample(pkgs, wanted=()):
    """A few packages: the named ones, the first two, and some with epochs,
    tildes and no Debian revision, then the last one. Short lists are kept whole."""
    if len(pkgs) <= SAMPLE_LIMIT:
        return list(pkgs)
    chosen = []

    def take(p):
        if p is not None and p not in chosen and len(chosen) < SAMPLE_LIMIT:
            chosen.append(p)

    for name in wanted:
        take(next((p for p in pkgs if p["name"] == name), None))
    for p in pkgs[:2]:
        take(p)
    take(next((p for p in pkgs if p["epoch"] > 0 and p not in chosen), None))
    take(next((p for p in pkgs if "~" in p["version"] + p["release"] and p not in chosen), None))
    take(next((p for p in pkgs if p["release"] == "" and p not in chosen), None))
    if pkgs:
        take(pkgs[-1])
    return chosen


def guest_path(root, path, depth=0):
    """PATH (absolute, in the guest) resolved as the appliance resolves it: symbolic links followed inside ROOT
    (an absolute target or '..' above the root stays in the root), never on the host. None when it leads nowhere."""
    if depth > 40:
        return None
    current = root
    parts = [p for p in path.split("/") if p]
    for i, part in enumerate(parts):
        if part == "..":
            current = os.path.dirname(current) if current != root else root
            continue
        candidate = os.path.join(current, part)
        if os.path.islink(candidate):
            target = os.readlink(candidate)
            base = "/" + os.path.relpath(current, root) if current != root else "/"
            rest = "/".join(parts[i + 1:])
            joined = target if target.startswith("/") else base.rstrip("/") + "/" + target
            return guest_path(root, joined + ("/" + rest if rest else ""), depth + 1)
        if part != "." and not os.path.lexists(candidate):
            return None
        current = candidate if part != "." else current
    return current


# Files that hold secrets: a fact file that is one of them is never read (same inode, through links or hard links).
SECRET_FILES = ["etc/shadow", "etc/gshadow", "etc/shadow-", "etc/gshadow-", "etc/security/opasswd"]


def fact_file(root, name):
    """The host path of the /etc fact file NAME if guest-inspect may read it (a regular file, not a secret, and
    readable by everyone when it is reached through a link or has other hard links), else None."""
    link = os.path.join(root, "etc", name)
    if not os.path.lexists(link):
        return None
    target = guest_path(root, "/etc/" + name)
    if target is None or not os.path.exists(target):
        return None
    st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        return None
    for secret in SECRET_FILES:
        path = guest_path(root, "/" + secret)
        if path is not None and os.path.exists(path) and os.path.samefile(path, target):
            return None
    if (os.path.islink(link) or st.st_nlink > 1) and not st.st_mode & stat.S_IROTH:
        return None
    return target


def os_release(root):
    values = {}
    path = fact_file(root, "os-release")
    if path is None:
        return values
    for line in guest_text(path).split("\n"):
        key, sep, value = line.strip().partition("=")
        if sep:
            values[key] = value.strip('"\'')
    return values


def inspect_root(root):
    rel = os_release(root)
    hostname = ""
    for name in ("hostname", "HOSTNAME"):
        path = fact_file(root, name)
        if path is not None:
            hostname = guest_text(path).split("\n")[0].strip()
            break
    if os.path.isfile(os.path.join(root, "var/lib/dpkg/status")):
        fmt, pkgs, wanted = "deb", dpkg_packages(root), ("gi-epoch-pkg", "gi-tilde-pkg")
    elif os.path.isfile(os.path.join(root, "lib/apk/db/installed")):
        fmt, pkgs, wanted = "apk", apk_packages(root), ("musl",)
    elif os.path.isdir(os.path.join(root, "var/lib/rpm")):
        fmt, pkgs, wanted = "rpm", rpm_packages(root), ()
    else:
        raise SystemExit("no package database in " + root)
    return {
        "distro": rel["ID"],
        "productName": rel.get("PRETTY_NAME", "").strip(),
        "version": rel.get("VERSION_ID", ""),
        "hostname": hostname,
        "packageFormat": fmt,
        "packageCount": len(pkgs),
        "packages": sample(pkgs, wanted),
    }


def cmd_manifest(args):
    spec, out = args
    images = []
    with open(spec, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            file, fmt, status, kind, roots = line.split("\t")
            img = {"file": file, "format": fmt, "status": status}
            if status == "FAILED":
                img["failureKind"] = kind
            img["os"] = [inspect_root(r) for r in roots.split(",")] if roots != "-" else []
            images.append(img)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({"images": images}, f, indent=2)
        f.write("\n")
    os.replace(tmp, out)


def dpkg_stanza(name, version, arch="amd64", status="install ok installed", extra=b""):
    """One dpkg status stanza as bytes; name and version may be bytes (any bytes at all) or str."""
    def raw(v):
        return v if isinstance(v, bytes) else v.encode("utf-8")
    return (b"Package: " + raw(name) + b"\nStatus: " + raw(status) + b"\nPriority: optional\nSection: misc\n"
            b"Installed-Size: 4\nMaintainer: guest-inspect tests <tests@guest-inspect.invalid>\n"
            b"Architecture: " + raw(arch) + b"\nVersion: " + raw(version) + b"\n" + extra
            + b"Description: guest-inspect test package\n more description\n")


def cmd_synth_dpkg(args):
    out, count = args[0], int(args[1])
    arches = ["amd64", "all", "i386", "arm64"]
    with open(out, "wb") as f:
        for i in range(count):
            version = "%d.%d.%d" % (i % 13, i % 101, i)
            if i % 7 == 0:
                version = "%d:%s" % (i % 5 + 1, version)
            if i % 11 == 0:
                version += "~rc1"
            if i % 13 != 0:
                version += "-%d" % (i % 4 + 1)
            f.write(dpkg_stanza("gi-load-%05d" % i, version, arches[i % len(arches)]) + b"\n")
            if i % 1000 == 999:  # removed, configuration files left: dpkg lists it, it is not installed
                f.write(dpkg_stanza("gi-removed-%05d" % i, "1.0-1", status="deinstall ok config-files") + b"\n")


def cmd_synth_apk(args):
    out, count = args[0], int(args[1])
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            version = "%d.%d.%d" % (i % 9, i % 17, i)
            if i % 5 == 0:
                version += "_git202401%02d" % (i % 28 + 1)
            f.write("C:Q1%027d=\nP:gi-load-%05d\nV:%s-r%d\nA:x86_64\nS:1000\nI:2000\nT:synthetic package\n"
                    "U:https://example.invalid/\nL:MIT\no:gi-load\n\n" % (i, i, version, i % 6))


# Untrusted text of the hostile images. No value starts or ends with a hostile character, so that every
# reader's idea of surrounding whitespace agrees; the newline case is a continuation line, which is all that
# dpkg's format can hold.
HOSTILE_PACKAGES = [
    ("<script>window.pwned=1</script>x", '1.0-1"><img src=x onerror=window.pwned=2>x'),
    ("gi-md|pipe*star*_u_[x](javascript:window.pwned=3)`code`x", "2|2"),
    ("gi-ctl-\x1b[31mred\x07bell\x08bs\x7fdel\u009bcsi-x", "3.0\x1b]0;title\x07-1"),
    ("gi-bidi-\u202eexe.txt\u202c-x", "4.0\u2028line-2"),
    ("gi-nul-\x00-x", "5"),
    ("gi-xml-]]>&amp;<!--x", "6'\"\\x"),
    ("gi-wide-\u6f22\u5b57\U0001F600\uffffx", "7~rc1-1"),
    ("gi-long-" + "a" * 5000, "8"),
    ("gi-template-{{csp}}{{echarts}}${x}", "10"),
]


# Home directories whose names attack the file rules: each holds a .bash_history the policy must find. One name
# carries lines that look like guestfish blaming other commands for an error.
HOSTILE_HOMES = [b"gi-line\nbreak", b"gi-cr\rreturn", b"gi-ctl-\x01\x1b[31m-x", b"gi-latin1-\xe9t\xe9",
                 b"gi-sp ace", b"gi-'quote", b"gi-back\\slash", b'gi-"dq', b"gi-!bang;#x",
                 b"gi-forge\n*stdin*:1: forged\n*stdin*:2: forged\n*stdin*:3: forged\n*stdin*:40: forged"]
# DHCP lease files (the standard hygiene glob /var/lib/dhcp/*.leases) whose names together are far longer than a
# guestfish line; each starts with '!' and a shell command, which guestfish runs if a line is cut before it.
HOSTILE_LEASES = ["!touch${IFS}$GUEST_INSPECT_RUN.pwned;#gi-%02d-" % i + "x" * 112 + ".leases" for i in range(60)]


def write_hostile_names(root):
    for name in HOSTILE_HOMES:
        home = os.path.join(root.encode(), b"home", name)
        os.makedirs(home)
        with open(os.path.join(home, b".bash_history"), "wb") as f:
            f.write(b"ls\n")
    leases = os.path.join(root, "var/lib/dhcp")
    os.makedirs(leases, exist_ok=True)
    for name in HOSTILE_LEASES:
        with open(os.path.join(leases, name), "w") as f:
            f.write("lease {}\n")


def write_secret_links(root):
    etc = os.path.join(root, "etc")
    with open(os.path.join(etc, "shadow"), "w") as f:
        f.write("root:$6$gileak$GI-SECRET-HASH-0123456789abcdefghijklmnopqrstuvwxyzABCDEF:19700:0:99999:7:::\n")
    os.chmod(os.path.join(etc, "shadow"), 0o640)
    os.remove(os.path.join(etc, "hostname"))
    os.symlink("/etc/shadow", os.path.join(etc, "hostname"))
    os.link(os.path.join(etc, "shadow"), os.path.join(etc, "HOSTNAME"))
    os.makedirs(os.path.join(etc, "ssh"), exist_ok=True)
    key = os.path.join(etc, "ssh/ssh_host_ed25519_key")
    with open(key, "w") as f:
        f.write("-----BEGIN OPENSSH PRIVATE KEY-----\nGI-SECRET-KEY-not-a-real-key\n-----END OPENSSH PRIVATE KEY-----\n")
    os.chmod(key, 0o600)
    os.symlink("ssh/ssh_host_ed25519_key", os.path.join(etc, "fedora-release"))
    os.makedirs(os.path.join(root, "usr/lib"), exist_ok=True)
    os.remove(os.path.join(etc, "os-release"))
    with open(os.path.join(root, "usr/lib/os-release"), "w") as f:
        f.write('NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19 (linked)"\n')
    os.symlink("../usr/lib/os-release", os.path.join(etc, "os-release"))
    os.mkfifo(os.path.join(etc, "redhat-release"))
    os.makedirs(os.path.join(root, "lib/apk/db"), exist_ok=True)
    os.mkfifo(os.path.join(root, "lib/apk/db/installed"))


def cmd_hostile(args):
    root, kind = args
    if kind == "secrets":
        write_secret_links(root)
        return
    if kind == "text":
        write_hostile_names(root)
        stanzas = [dpkg_stanza(name, version) for name, version in HOSTILE_PACKAGES]
        stanzas.append(dpkg_stanza("gi-newline", "9", extra=b"Conffiles:\n <script>window.pwned=9</script> 0\n"))
        hostname = b"host<img src=x onerror=window.pwned=12>\x1b[31m|*_\xff\xfeend\n"
        os_release = ('PRETTY_NAME="Debian <script>window.pwned=10</script> \x1b[2J\u202eevil|`x`"\n'
                      'NAME="Debian GNU/Linux"\nVERSION_ID="12<svg onload=window.pwned=11>x"\nID=debian\n')
        with open(os.path.join(root, "etc/os-release"), "w", encoding="utf-8") as f:
            f.write(os_release)
    elif kind == "latin1":
        stanzas = [dpkg_stanza(b"gi-latin1-\xe9t\xe9-x", b"1.0-\x9b31m-1"),
                   dpkg_stanza(b"gi-plain", b"1.0-1")]
        hostname = b"hostile-latin1\n"
    else:
        raise SystemExit("unknown hostile kind " + kind)
    with open(os.path.join(root, "etc/hostname"), "wb") as f:
        f.write(hostname)
    with open(os.path.join(root, "var/lib/dpkg/status"), "wb") as f:
        f.write(b"\n".join(stanzas) + b"\n")


def cmd_rollback_journal(args):
    conn = sqlite3.connect(args[0])
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    finally:
        conn.close()
    if mode.lower() != "delete":
        raise SystemExit("could not switch %s to journal_mode=DELETE (got %s)" % (args[0], mode))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "stanzas":
        cmd_stanzas(args)
    elif cmd == "synth-dpkg":
        cmd_synth_dpkg(args)
    elif cmd == "synth-apk":
        cmd_synth_apk(args)
    elif cmd == "hostile":
        cmd_hostile(args)
    elif cmd == "rollback-journal":
        cmd_rollback_journal(args)
    elif cmd == "manifest":
        cmd_manifest(args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
