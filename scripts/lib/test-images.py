#!/usr/bin/env python3
"""Helper for scripts/make-test-images.sh (not meant to be run on its own).

Subcommands:
  stanzas SRC OUT (--first N | --every K) [--append FILE]
      Write a dpkg status file made of selected blank-line-separated stanzas of SRC
      (--every K keeps stanzas 0, K, 2K, ...), plus the stanzas of FILE.
      The output always ends with a blank line (libguestfs drops a last
      record that is not followed by one).
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
"""

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SAMPLE_LIMIT = 10


def read_stanzas(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
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
    stanzas = read_stanzas(src)
    if first is not None:
        stanzas = stanzas[:first]
    if every is not None:
        stanzas = stanzas[::every]
    if append:
        stanzas += read_stanzas(append)
    with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
        for s in stanzas:
            f.write(s + "\n\n")


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
    """E:U-R -> (E, U, R): split at the first ':' and the last '-'."""
    epoch = 0
    if ":" in v:
        e, v = v.split(":", 1)
        epoch = int(e)
    if "-" in v:
        upstream, release = v.rsplit("-", 1)
    else:
        upstream, release = v, ""
    return epoch, upstream, release


def dpkg_packages(root):
    pkgs = []
    for st in read_stanzas(os.path.join(root, "var/lib/dpkg/status")):
        f = parse_fields(st)
        if "Package" not in f or f.get("Status") != "install ok installed":
            continue
        epoch, version, release = split_dpkg_version(f.get("Version", ""))
        pkgs.append({"name": f["Package"], "epoch": epoch, "version": version,
                     "release": release, "arch": f.get("Architecture", "")})
    return pkgs


def apk_packages(root):
    path = os.path.join(root, "lib/apk/db/installed")
    with open(path, encoding="utf-8") as f:
        text = f.read()
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


def os_release(root):
    values = {}
    path = os.path.join(root, "etc/os-release")
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.strip().partition("=")
            if sep:
                values[key] = value.strip('"\'')
    return values


def inspect_root(root):
    rel = os_release(root)
    with open(os.path.join(root, "etc/hostname"), encoding="utf-8") as f:
        hostname = f.read().strip()
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
    elif cmd == "rollback-journal":
        cmd_rollback_journal(args)
    elif cmd == "manifest":
        cmd_manifest(args)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
