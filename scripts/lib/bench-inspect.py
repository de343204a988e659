#!/usr/bin/env python3
"""Helper for scripts/bench-inspect.sh (not meant to be run on its own).

Subcommands:
  stanzas SRC OUT K
      Write every K-th blank-line-separated stanza of the dpkg status file SRC
      (stanzas 0, K, 2K, ...) to OUT, ending with a blank line, and print how
      many stanzas were written.
  report WORKDIR RUNS_TSV
      RUNS_TSV has one measured run a line, tab-separated:
        size  repeat  contender(ours|seq|two)  rundir  exitcode  image[,image...]
      Each rundir holds time.txt (the output of /usr/bin/time -f '%e %M %U %S'),
      stat.before and stat.after (the first line of /proc/stat around the run) and
      either ours.json (contender ours) or one IMAGE-NAME.xml per image
      (virt-inspector output). Checks that guest-inspect reported every image as
      INSPECTED with as many packages as virt-inspector listed applications,
      prints the table and the N=8 goal check, and writes
      WORKDIR/bench-inspect.json. Exits 1 when a run failed or a count differs.
"""

import json
import os
import platform
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET

GOAL_SIZE = 8
GOAL_SEQ = 3.5
GOAL_TWO = 2.0
CONTENDERS = ("ours", "seq", "two")


def read_stanzas(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    return [s.strip("\n") for s in re.split(r"\n[ \t]*\n", text) if s.strip()]


def cmd_stanzas(src, out, k):
    stanzas = read_stanzas(src)[:: int(k)]
    with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("\n\n".join(stanzas) + "\n\n")
    print(len(stanzas))


def parse_time(path):
    """Last line of /usr/bin/time -f '%e %M %U %S' output: wall seconds, peak RSS KiB, CPU seconds (or None)."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = [ln.strip() for ln in f if ln.strip()]
    except OSError:
        return None, None, None
    for line in reversed(lines):
        parts = line.split()
        if len(parts) in (2, 4):
            try:
                cpu = float(parts[2]) + float(parts[3]) if len(parts) == 4 else None
                return float(parts[0]), int(parts[1]), cpu
            except ValueError:
                continue
    return None, None, None


def busy_cpu_seconds(stat_path):
    """Busy CPU seconds of the whole machine so far, from the 'cpu' line of /proc/stat (None if unreadable)."""
    try:
        with open(stat_path, encoding="utf-8") as f:
            fields = f.readline().split()
    except OSError:
        return None
    if not fields or fields[0] != "cpu":
        return None
    v = [int(x) for x in fields[1:9]] + [0] * 8
    user, nice, system, _idle, _iowait, irq, softirq, steal = v[:8]
    return (user + nice + system + irq + softirq + steal) / float(os.sysconf("SC_CLK_TCK"))


def other_cpu(run_dir, wall, own_cpu):
    """CPU seconds other processes used during the run, and their share of all cores' wall time."""
    before = busy_cpu_seconds(os.path.join(run_dir, "stat.before"))
    after = busy_cpu_seconds(os.path.join(run_dir, "stat.after"))
    if before is None or after is None or own_cpu is None or not wall:
        return None, None
    other = max(0.0, after - before - own_cpu)
    return other, other / (wall * (os.cpu_count() or 1))


def count_applications(xml_path):
    """(number of operating systems, number of <application> elements) or an error string."""
    try:
        tree = ET.parse(xml_path)
    except (OSError, ET.ParseError) as e:
        return None, None, "unreadable XML: %s" % e
    root = tree.getroot()
    oses = root.findall("operatingsystem")
    apps = sum(1 for _ in root.iter("application"))
    return len(oses), apps, None


def parse_ours(json_path):
    """image file name -> dict(status, packages, launchMillis, imagesInAppliance, timings)."""
    with open(json_path, encoding="utf-8") as f:
        doc = json.load(f)
    out = {}
    for r in doc.get("results", []):
        image = r.get("image") or {}
        name = image.get("fileName") or os.path.basename(image.get("path", "?"))
        oses = r.get("operatingSystems") or []
        out[name] = {
            "status": r.get("status"),
            "operatingSystems": len(oses),
            "packages": sum(len(o.get("packages") or []) for o in oses),
            "timings": r.get("timings") or {},
        }
    return out


def appliances(per_image):
    """Group images by (launchMillis, imagesInAppliance): one group per appliance launch."""
    groups = {}
    for name, d in per_image.items():
        t = d["timings"]
        if not t.get("imagesInAppliance"):
            continue
        key = (t.get("launchMillis", 0), t.get("imagesInAppliance", 0))
        groups.setdefault(key, []).append(name)
    return [{"launchMillis": k[0], "imagesInAppliance": k[1], "images": sorted(v)}
            for k, v in sorted(groups.items())]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def pct(v):
    return "-" if v is None else "%.0f %%" % (100 * v)


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_kib = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem_kib = int(line.split()[1])
    except OSError:
        pass

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.SubprocessError):
            return None

    return {
        "nproc": os.cpu_count(),
        "cpuModel": model,
        "memTotalGiB": round(mem_kib / 1048576, 1) if mem_kib else None,
        "kernel": platform.release(),
        "libguestfsBackendSettings": os.environ.get("LIBGUESTFS_BACKEND_SETTINGS", ""),
        "libguestfs": version(["guestfish", "--version"]),
        "qemu": version(["qemu-system-x86_64", "--version"]),
    }


def cmd_report(workdir, runs_tsv):
    problems = []
    runs = []
    with open(runs_tsv, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            size, rep, contender, rundir, code, images = line.rstrip("\n").split("\t")
            runs.append({"size": int(size), "repeat": int(rep), "contender": contender, "dir": rundir,
                         "exitCode": int(code), "images": images.split(",")})

    expected = {}
    exp_path = os.path.join(workdir, "images", "expected.tsv")
    if os.path.exists(exp_path):
        with open(exp_path, encoding="utf-8") as f:
            for line in f:
                name, count = line.split()
                expected[name] = int(count)

    # Per run: time, RSS, per-image counts.
    vi_counts = {}  # image -> set of application counts seen from virt-inspector
    for run in runs:
        wall, rss, cpu = parse_time(os.path.join(run["dir"], "time.txt"))
        run["wallSeconds"] = wall
        run["maxRssKiB"] = rss
        run["cpuSeconds"] = cpu
        run["otherCpuSeconds"], run["otherCpuShare"] = other_cpu(run["dir"], wall, cpu)
        label = "N=%d repeat %d %s" % (run["size"], run["repeat"], run["contender"])
        if run["exitCode"] != 0:
            problems.append("%s: exit code %d (see %s)" % (label, run["exitCode"], run["dir"]))
        if wall is None:
            problems.append("%s: no timing in %s/time.txt" % (label, run["dir"]))
        per_image = {}
        if run["contender"] == "ours":
            path = os.path.join(run["dir"], "ours.json")
            try:
                ours = parse_ours(path)
            except (OSError, ValueError) as e:
                problems.append("%s: cannot read %s: %s" % (label, path, e))
                ours = {}
            for img in run["images"]:
                d = ours.get(img)
                if d is None:
                    problems.append("%s: %s missing from the JSON report" % (label, img))
                    continue
                per_image[img] = d
                if d["status"] != "INSPECTED":
                    problems.append("%s: %s has status %s" % (label, img, d["status"]))
            run["appliances"] = appliances(per_image)
            launches = [a["launchMillis"] for a in run["appliances"]]
            run["launchMillisMax"] = max(launches) if launches else None
            run["launchMillisSum"] = sum(launches) if launches else None
            run["launchShare"] = (max(launches) / 1000.0 / wall) if launches and wall else None
            for a in run["appliances"]:
                if len(a["images"]) != a["imagesInAppliance"]:
                    problems.append("%s: could not tell the appliances apart (%s)" % (label, a))
        else:
            for img in run["images"]:
                xml = os.path.join(run["dir"], img + ".xml")
                n_os, n_apps, err = count_applications(xml)
                if err:
                    problems.append("%s: %s: %s" % (label, img, err))
                    continue
                if n_os != 1:
                    problems.append("%s: %s: virt-inspector found %d operating systems" % (label, img, n_os))
                per_image[img] = {"operatingSystems": n_os, "packages": n_apps}
                vi_counts.setdefault(img, set()).add(n_apps)
        run["perImage"] = per_image

    # Correctness: ours must match virt-inspector image by image.
    checks = []
    for run in (r for r in runs if r["contender"] == "ours"):
        for img, d in sorted(run["perImage"].items()):
            seen = sorted(vi_counts.get(img, []))
            ok = d["status"] == "INSPECTED" and len(seen) == 1 and d["packages"] == seen[0]
            checks.append({"size": run["size"], "repeat": run["repeat"], "image": img,
                           "oursStatus": d["status"], "oursPackages": d["packages"],
                           "virtInspectorApplications": seen, "dpkgStanzas": expected.get(img), "ok": ok})
            if not seen:
                problems.append("N=%d repeat %d: %s: no virt-inspector result to compare with"
                                % (run["size"], run["repeat"], img))
            elif len(seen) > 1:
                problems.append("%s: virt-inspector runs disagree: %s applications" % (img, seen))
            elif d["packages"] != seen[0]:
                problems.append("N=%d repeat %d: %s: guest-inspect %d packages, virt-inspector %d applications"
                                % (run["size"], run["repeat"], img, d["packages"], seen[0]))
    notes = []
    for img, seen in sorted(vi_counts.items()):
        if img in expected and seen != {expected[img]}:
            notes.append("%s: virt-inspector listed %s applications, the dpkg status file has %d stanzas"
                         % (img, sorted(seen), expected[img]))

    # Summary per size (medians over repeats).
    sizes = sorted({r["size"] for r in runs})
    summary = []
    for n in sizes:
        row = {"size": n}
        for c in CONTENDERS:
            rs = [r for r in runs if r["size"] == n and r["contender"] == c]
            walls = [r["wallSeconds"] for r in rs]
            row[c] = {
                "wallSecondsMedian": median(walls),
                "cpuSecondsMedian": median([r["cpuSeconds"] for r in rs]),
                "otherCpuShareMax": max((r["otherCpuShare"] for r in rs if r["otherCpuShare"] is not None),
                                        default=None),
                "wallSeconds": walls,
                "maxRssMiBMedian": (median([r["maxRssKiB"] for r in rs]) or 0) / 1024.0 if rs else None,
            }
            if c == "ours":
                row[c]["launchShareMedian"] = median([r.get("launchShare") for r in rs])
                row[c]["launchMillisMaxMedian"] = median([r.get("launchMillisMax") for r in rs])
                row[c]["appliancesPerRun"] = [len(r.get("appliances", [])) for r in rs]
        o = row["ours"]["wallSecondsMedian"]
        s = row["seq"]["wallSecondsMedian"]
        t = row["two"]["wallSecondsMedian"]
        row["ratioSeqOurs"] = s / o if o and s else None
        row["ratioTwoOurs"] = t / o if o and t else None
        summary.append(row)

    # Table.
    header = ["N", "ours (s)", "seq v-i (s)", "2 at a time (s)", "seq/ours", "two/ours", "launch share",
              "RSS ours MiB", "RSS seq MiB", "RSS two MiB", "other CPU (max)"]
    table = []
    for row in summary:
        table.append([
            str(row["size"]),
            fmt(row["ours"]["wallSecondsMedian"], ".1f"),
            fmt(row["seq"]["wallSecondsMedian"], ".1f"),
            fmt(row["two"]["wallSecondsMedian"], ".1f"),
            fmt(row["ratioSeqOurs"], ".2f"),
            fmt(row["ratioTwoOurs"], ".2f"),
            "-" if row["ours"]["launchShareMedian"] is None else "%.0f %%" % (100 * row["ours"]["launchShareMedian"]),
            fmt(row["ours"]["maxRssMiBMedian"], ".0f"),
            fmt(row["seq"]["maxRssMiBMedian"], ".0f"),
            fmt(row["two"]["maxRssMiBMedian"], ".0f"),
            pct(max((row[c]["otherCpuShareMax"] for c in CONTENDERS if row[c]["otherCpuShareMax"] is not None),
                    default=None)),
        ])
    widths = [max(len(header[i]), *(len(r[i]) for r in table)) if table else len(header[i])
              for i in range(len(header))]
    repeats = max((r["repeat"] for r in runs), default=0)
    print()
    print("guest-inspect vs virt-inspector (median of %d repetition(s); wall seconds, peak RSS of the largest "
          "process)" % repeats)
    print(" | ".join(h.rjust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for r in table:
        print(" | ".join(v.rjust(w) for v, w in zip(r, widths)))
    print("launch share = longest appliance launch (launchMillis) / guest-inspect wall time; "
          "appliances per run: %s" % ", ".join("N=%d: %s" % (row["size"], row["ours"]["appliancesPerRun"])
                                               for row in summary))
    print("other CPU = CPU time of other processes on the machine during a run / (wall time x %d cores); "
          "above ~10 %% the figures are disturbed" % (os.cpu_count() or 1))
    print()
    print("every run: N repeat contender: wall s, CPU s of the measured processes, peak RSS MiB, other CPU")
    for run in runs:
        print("  N=%d r%d %-4s: %s s, CPU %s s, %s MiB, other CPU %s%s" % (
            run["size"], run["repeat"], run["contender"], fmt(run["wallSeconds"], ".1f"),
            fmt(run["cpuSeconds"], ".1f"), fmt(None if run["maxRssKiB"] is None else run["maxRssKiB"] / 1024.0, ".0f"),
            pct(run["otherCpuShare"]), "" if run["exitCode"] == 0 else ", EXIT %d" % run["exitCode"]))
    busy = [r for r in runs if r["otherCpuShare"] is not None and r["otherCpuShare"] > 0.10]
    if busy:
        notes.append("%d run(s) shared the machine with other work (other CPU above 10 %%): %s" % (
            len(busy), ", ".join("N=%d r%d %s" % (r["size"], r["repeat"], r["contender"]) for r in busy)))

    # Goal check.
    goal = {"size": GOAL_SIZE, "minRatioSeq": GOAL_SEQ, "minRatioTwo": GOAL_TWO}
    grow = next((r for r in summary if r["size"] == GOAL_SIZE), None)
    print()
    if grow is None or grow["ratioSeqOurs"] is None or grow["ratioTwoOurs"] is None:
        goal["result"] = "NOT MEASURED"
        print("goal (N=%d: >= %.1fx sequential, >= %.1fx two at a time): NOT MEASURED"
              % (GOAL_SIZE, GOAL_SEQ, GOAL_TWO))
    else:
        ok_seq = grow["ratioSeqOurs"] >= GOAL_SEQ
        ok_two = grow["ratioTwoOurs"] >= GOAL_TWO
        goal.update(ratioSeqOurs=grow["ratioSeqOurs"], ratioTwoOurs=grow["ratioTwoOurs"],
                    passSeq=ok_seq, passTwo=ok_two, result="PASS" if ok_seq and ok_two else "FAIL")
        print("goal N=%d: %.2fx faster than sequential (need %.1fx: %s), %.2fx faster than two at a time "
              "(need %.1fx: %s) => %s" % (GOAL_SIZE, grow["ratioSeqOurs"], GOAL_SEQ, "ok" if ok_seq else "MISSED",
                                          grow["ratioTwoOurs"], GOAL_TWO, "ok" if ok_two else "MISSED",
                                          goal["result"]))

    n_ok = sum(1 for c in checks if c["ok"])
    print("correctness: %d of %d guest-inspect results INSPECTED with virt-inspector's application count"
          % (n_ok, len(checks)))
    for n in notes:
        print("note: " + n)
    for p in problems:
        print("PROBLEM: " + p)

    doc = {
        "date": os.environ.get("BENCH_DATE"),
        "command": os.environ.get("BENCH_COMMAND"),
        "settings": {
            "sizes": sizes,
            "repeat": repeats,
            "jar": os.environ.get("BENCH_JAR"),
            "oursArgs": os.environ.get("BENCH_OURS_ARGS"),
            "virtInspectorArgs": os.environ.get("BENCH_VI_ARGS"),
            "timeoutSeconds": os.environ.get("BENCH_TIMEOUT"),
        },
        "machine": machine(),
        "expectedDpkgStanzas": expected,
        "runs": runs,
        "summary": summary,
        "goal": goal,
        "correctness": {"ok": not problems, "checks": checks, "problems": problems, "notes": notes},
    }
    out = os.path.join(workdir, "bench-inspect.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
    print("raw figures: " + out)
    return 1 if problems else 0


def main(argv):
    if len(argv) == 4 and argv[0] == "stanzas":
        cmd_stanzas(*argv[1:])
        return 0
    if len(argv) == 3 and argv[0] == "report":
        return cmd_report(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
