#!/usr/bin/env python3
"""perf-analyze.py RESULTS.json OUT.md [JOBS]

Helper of scripts/analyze-performance.sh: reads a guest-inspect JSON report ({"formatVersion": 1, "results": [...]}),
sums the measured phase timings over its images (launch share, OS inspection, package listing, hashing, cache
lookup, and qemu-img probing), names the bottleneck and writes a Markdown report whose recommendations are computed
from those figures: each names the numbers it comes from, and none is printed unless its figures call for it.
JOBS is the --jobs the run used (default: the default of guest-inspect on this machine, min(cores, 4)); it only
shapes the suggested --batch-size. Prints the report to stdout as well. Exit status 2 on unreadable input.
"""

import json
import math
import os
import statistics
import sys
from collections import defaultdict

PHASES = [
    ("launch", "appliance launch (share per image)"),
    ("osInspection", "OS inspection"),
    ("packageListing", "package listing"),
    ("hash", "content hashing"),
    ("cacheLookup", "cache lookup"),
    ("probe", "qemu-img probe"),
]
MAX_BATCH = 16           # guest-inspect caps --batch-size at 16 images per appliance
MEMO_HIT_MS = 20         # a memo hit is one stat() and a small file read: far below this
SMALL_FILE = 16 << 20    # files this small hash in a few ms even on a memo miss: their hash time is overhead
WORTH_TUNING_MS = 2_000  # below this much measured phase time in a run there is nothing worth tuning
SLOW_LAUNCH_MS = 10_000  # KVM launches an appliance in a few seconds; TCG takes 15-25 s


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    results = doc.get("results") if isinstance(doc, dict) else None
    if not isinstance(results, list):
        raise ValueError("no \"results\" list: not a guest-inspect JSON report")
    return doc, results


def image_figures(r):
    t = r.get("timings") or {}
    cache = r.get("cache") or {}
    oses = r.get("operatingSystems") or []
    hit = bool(cache.get("hit"))
    # a result served from the cache keeps the timings of the run that inspected it: only hashing and the lookup
    # were spent in this run
    shared = 0 if hit else t.get("imagesInAppliance") or 0
    launch = 0 if hit else t.get("launchMillis") or 0
    fresh = 0 if hit else 1
    return {
        "path": safe((r.get("image") or {}).get("path", "?")),
        "size": (r.get("image") or {}).get("fileSize", -1),
        "status": r.get("status", "?"),
        "failure": (r.get("failure") or {}),
        "hit": hit,
        "packages": sum(len(o.get("packages") or []) for o in oses),
        "formats": sorted({o.get("packageFormat", "unknown") for o in oses}),
        "roots": len(oses),
        "filesystems": max((len(o.get("filesystems") or []) for o in oses), default=0),
        "lvm": max((sum(1 for fs in (o.get("filesystems") or []) if fs.get("device", "").count("/") >= 3)
                    for o in oses), default=0),
        "launchMillis": launch,
        "imagesInAppliance": shared,
        "launch": launch // shared if shared else 0,
        "osInspection": fresh * (t.get("osInspectionMillis") or 0),
        "packageListing": fresh * (t.get("packageListingMillis") or 0),
        "hash": t.get("hashMillis") or 0,
        "cacheLookup": cache.get("lookupMillis") or 0,
        "probe": fresh * (t.get("probeMillis") or 0),
        "total": t.get("totalMillis") or 0,
    }


def safe(text):
    """A name for a Markdown table cell in backticks: no backtick, no pipe, no control character."""
    return "".join("?" if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 else c for c in str(text)) \
        .replace("`", "'").replace("|", "/")


def seconds(ms):
    return "%.1f s" % (ms / 1000.0) if ms >= 100 else "%d ms" % ms


def pct(part, whole):
    return "%.0f %%" % (100.0 * part / whole) if whole else "-"


def appliances_of(images):
    """Images grouped by (launchMillis, imagesInAppliance): one group per appliance launch (as bench-inspect)."""
    groups = defaultdict(list)
    for im in images:
        if im["imagesInAppliance"]:
            groups[(im["launchMillis"], im["imagesInAppliance"])].append(im)
    return [{"launchMillis": k[0], "size": k[1], "images": v} for k, v in sorted(groups.items())]


def analyse(results, jobs):
    images = [image_figures(r) for r in results]
    sums = {key: sum(im[key] for im in images) for key, _ in PHASES}
    measured = sum(sums.values())
    wall = max((im["total"] for im in images), default=0)
    hits = [im for im in images if im["hit"]]
    launched = [im for im in images if im["imagesInAppliance"]]
    failed = [im for im in images if im["status"] == "FAILED"]
    apps = appliances_of(images)
    ranked = sorted(PHASES, key=lambda p: sums[p[0]], reverse=True)
    bottleneck = ranked[0][0] if measured else None
    recs = []
    if measured and measured < WORTH_TUNING_MS:
        recs.append("The run spent %s in all measured phases together (%d image(s), %d from the cache, wall time %s): "
                    "nothing here is worth tuning. The largest phase, %s, took %s; single slow values at this scale "
                    "are usually the JVM warming up on the first image." % (
                        seconds(measured), len(images), len(hits), seconds(wall), dict(PHASES)[bottleneck],
                        seconds(sums[bottleneck])))
        bottleneck_for_advice = None
    else:
        bottleneck_for_advice = bottleneck

    # ---------------------------------------------------------------- launch
    if apps:
        launch_total = sum(a["launchMillis"] for a in apps)
        launch_mean = launch_total / len(apps)
        mean_batch = len(launched) / len(apps)
        if bottleneck_for_advice == "launch":
            target = min(MAX_BATCH, max(1, math.ceil(len(launched) / max(1, jobs))))
            if target > mean_batch + 0.5:
                projected = math.ceil(len(launched) / target) * launch_mean
                recs.append(
                    "**Raise `--batch-size` to %d.** Appliance launches are the largest phase (%s of %s measured, "
                    "%s). %d images went through %d appliances, %.1f per launch on average, and each launch took "
                    "%s. With %d images per launch and %d job(s), %d launches would cost about %s instead of %s "
                    "(saving about %s of launch time; the jobs still run side by side)."
                    % (target, seconds(sums["launch"]), seconds(measured), pct(sums["launch"], measured),
                       len(launched), len(apps), mean_batch, seconds(launch_mean), target, jobs,
                       math.ceil(len(launched) / target), seconds(projected), seconds(launch_total),
                       seconds(launch_total - projected)))
            else:
                recs.append(
                    "Launches dominate (%s, %s of the measured time) although batches are already large (%.1f "
                    "images per launch for %d images and %d job(s)): a bigger `--batch-size` would only cost "
                    "parallelism. What is left is the launch itself (%s each) or not launching at all (see below)."
                    % (seconds(sums["launch"]), pct(sums["launch"], measured), mean_batch, len(launched), jobs,
                       seconds(launch_mean)))
        if bottleneck_for_advice == "launch" and launch_mean > SLOW_LAUNCH_MS:
            recs.append(
                "Each appliance launch took %s on average (%d launches, %s to %s). That is software emulation (TCG) "
                "territory; with working KVM a launch takes a few seconds. If the host has usable nested "
                "virtualisation, run with `LIBGUESTFS_BACKEND_SETTINGS=` (empty) to let libguestfs use KVM."
                % (seconds(launch_mean), len(apps), seconds(min(a["launchMillis"] for a in apps)),
                   seconds(max(a["launchMillis"] for a in apps))))
        if bottleneck_for_advice == "launch" and not hits and len(launched) == len(images) - len(failed):
            recs.append(
                "No result came from the cache (0 of %d images): every image paid its share of a launch. Images "
                "that do not change between runs are served from the result cache in milliseconds; make sure the "
                "run does not use `--no-cache` and keeps `.guest-inspect/cache` (or `--cache-dir`) between builds."
                % len(images))

    # ---------------------------------------------------------------- time no phase accounts for
    for app in apps:
        end = max(im["total"] for im in app["images"])
        inside = sum(im["osInspection"] + im["packageListing"] for im in app["images"])
        app["end"] = end
        app["unmeasured"] = max(0, end - app["launchMillis"] - inside)
    unmeasured = sum(app["unmeasured"] for app in apps)
    batch_time = sum(app["end"] for app in apps)
    if apps and unmeasured > 0.25 * batch_time and unmeasured >= WORTH_TUNING_MS:
        worst = max(apps, key=lambda app: app["unmeasured"])
        recs.append(
            "%s of the %s the appliances ran (launch to last result, summed over %d launch(es)) is in no measured "
            "phase: in the largest case %s of %s after a %s launch and %s of OS inspection and package listing "
            "for %d images. That time goes to steps between the phases (adding drives, mapping disk labels, LVM "
            "scans, listing filesystems, the appliance shutdown) and is not attributed per image; time the "
            "guestfish conversation (or compare `--batch-size 1`) before tuning the phases above."
            % (seconds(unmeasured), seconds(batch_time), len(apps), seconds(worst["unmeasured"]),
               seconds(worst["end"]), seconds(worst["launchMillis"]),
               seconds(worst["end"] - worst["launchMillis"] - worst["unmeasured"]), len(worst["images"])))
        lvm = [im for im in worst["images"] if im["lvm"]]
        quiet = [app for app in apps if app is not worst and not any(im["lvm"] for im in app["images"])]
        if lvm and quiet:
            recs[-1] += (" That batch holds %d image(s) with LVM volumes (%s), which are read one drive at a time "
                         "with an LVM rescan each; a batch without LVM had %s in no phase."
                         % (len(lvm), ", ".join("`%s`" % im["path"] for im in lvm),
                            seconds(min(app["unmeasured"] for app in quiet))))

    # ---------------------------------------------------------------- package listing
    if bottleneck_for_advice == "packageListing":
        listed = [im for im in images if im["packageListing"] > 0]
        worst = max(listed, key=lambda im: im["packageListing"])
        rates = {im["path"]: im["packageListing"] / im["packages"] for im in listed if im["packages"]}
        others = [v for k, v in rates.items() if k != worst["path"]]
        typical = statistics.median(others) if others else None
        rate = rates.get(worst["path"])
        text = ("**Package listing dominates** (%s, %s of the measured time). The slowest image is `%s`: %s for "
                "%d packages (%s)" % (seconds(sums["packageListing"]), pct(sums["packageListing"], measured),
                                      worst["path"], seconds(worst["packageListing"]), worst["packages"],
                                      "/".join(worst["formats"])))
        if rate is not None and typical:
            text += ", %.2f ms per package against a median of %.2f ms over the other images" % (rate, typical)
            if rate > 2 * typical:
                text += (": its database is slow per package, not merely large. Look at its format (%s): rpm "
                         "databases are copied out and read through SQLite with their write-ahead log, a large or "
                         "unvacuumed rpmdb.sqlite costs more per package" % "/".join(worst["formats"]))
            else:
                text += ": the cost follows the package count, so this image is simply the largest"
        elif worst["packages"] == 0:
            text += ", and no package was listed: the time went into looking for a database that is absent"
        if typical and rates:
            outlier = max(rates, key=rates.get)
            if outlier != worst["path"] and rates[outlier] > 3 * statistics.median(rates.values()):
                slow = next(im for im in listed if im["path"] == outlier)
                text += (". Slowest per package is `%s` (%s): %.2f ms per package, %.0fx the median, %s for only %d "
                         "packages" % (outlier, "/".join(slow["formats"]), rates[outlier],
                                       rates[outlier] / statistics.median(rates.values()),
                                       seconds(slow["packageListing"]), slow["packages"]))
        recs.append(text + ".")

    # ---------------------------------------------------------------- OS inspection
    if bottleneck_for_advice == "osInspection":
        worst = max(images, key=lambda im: im["osInspection"])
        per_fs = [im["osInspection"] / im["filesystems"] for im in images if im["filesystems"] and im["osInspection"]]
        text = ("**OS inspection dominates** (%s, %s). The slowest image is `%s`: %s with %d filesystem(s)%s and %d "
                "root(s)" % (seconds(sums["osInspection"]), pct(sums["osInspection"], measured), worst["path"],
                             seconds(worst["osInspection"]), worst["filesystems"],
                             ", %d of them LVM volumes" % worst["lvm"] if worst["lvm"] else "", worst["roots"]))
        if per_fs and worst["filesystems"]:
            text += (" (%s per filesystem against a median of %s): every candidate filesystem is mounted and "
                     "checked for a root" % (seconds(worst["osInspection"] / worst["filesystems"]),
                                            seconds(statistics.median(per_fs))))
        if worst["lvm"]:
            text += "; LVM volumes are read one drive at a time, so several LVM images in one batch queue up"
        recs.append(text + ".")

    # ---------------------------------------------------------------- hashing
    if bottleneck_for_advice == "hash" or bottleneck_for_advice and sums["hash"] > 0.25 * measured:
        misses = [im for im in images if im["hash"] > MEMO_HIT_MS and im["size"] >= SMALL_FILE]
        if misses:
            rows = ", ".join("`%s` %s for %s (%s)" % (
                im["path"], seconds(im["hash"]), human_bytes(im["size"]),
                "%.0f MB/s" % (im["size"] / 1e6 / (im["hash"] / 1000.0)) if im["size"] > 0 and im["hash"] else "?")
                for im in sorted(misses, key=lambda im: -im["hash"])[:5])
            text = ("**Hashing %s: %s (%s of the measured time).** %d of %d images of %s or more took more than %d "
                    "ms to hash, so their identity memo missed (a hit costs one stat): %s."
                    % ("dominates" if bottleneck_for_advice == "hash" else "is a large share", seconds(sums["hash"]),
                       pct(sums["hash"], measured), len(misses), len(images), human_bytes(SMALL_FILE), MEMO_HIT_MS,
                       rows))
            missed_hits = [im for im in misses if im["hit"]]
            if not hits:
                text += (" None of these misses was a cache hit either, so the hashing bought nothing in this run: "
                         "if the images are new in every build (copied or rebuilt), the memo cannot help and "
                         "`--no-cache` saves %s; if they are the same files, keep them in place (a copy or a touch "
                         "changes inode/mtime/ctime and forces a re-hash)." % seconds(sums["hash"]))
            elif missed_hits:
                text += (" %d of them were then cache hits, so their content had not changed: the files were "
                         "copied, moved or touched since the last run (the memo is keyed by device, inode, size, "
                         "mtime and ctime). Keeping unchanged images in place saves about %s per run."
                         % (len(missed_hits), seconds(sum(im["hash"] for im in missed_hits))))
            recs.append(text)

    # ---------------------------------------------------------------- cache lookup
    if bottleneck_for_advice == "cacheLookup" and hits:
        lookups = sorted(hits, key=lambda im: -im["cacheLookup"])
        mean = sum(im["cacheLookup"] for im in hits) / len(hits)
        text = ("**Cache lookups dominate** (%s over %d hits, %.0f ms each on average; the slowest `%s`: %s for "
                "%d packages)." % (seconds(sums["cacheLookup"]), len(hits), mean, lookups[0]["path"],
                                   seconds(lookups[0]["cacheLookup"]), lookups[0]["packages"]))
        if len(hits) > 2:
            sizes = [im["packages"] for im in hits]
            times = [im["cacheLookup"] for im in hits]
            if statistics.pstdev(sizes) > 0 and statistics.pstdev(times) > 0:
                r = statistics.correlation(sizes, times) if hasattr(statistics, "correlation") else 0
                text += (" Lookup time follows the package count (correlation %.2f): decoding large entries is the "
                         "cost." % r if r > 0.7 else " Lookup time does not follow the entry size (correlation "
                                                      "%.2f): the disk under the cache directory is slow." % r)
        recs.append(text)
    elif bottleneck_for_advice == "cacheLookup":
        recs.append("Cache lookups are the largest phase (%s) although nothing was a hit: every lookup was a miss. "
                    "A miss costs a file open; if it is this slow, the cache directory is on a slow file system."
                    % seconds(sums["cacheLookup"]))

    # ---------------------------------------------------------------- probe
    if bottleneck_for_advice == "probe":
        worst = max(images, key=lambda im: im["probe"])
        recs.append("**qemu-img probing dominates** (%s). The slowest is `%s` (%s, %s): `qemu-img check` reads the "
                    "whole qcow2 metadata of large images." % (seconds(sums["probe"]), worst["path"],
                                                                 seconds(worst["probe"]), human_bytes(worst["size"])))

    # ---------------------------------------------------------------- failures
    kinds = defaultdict(list)
    for im in failed:
        kinds[im["failure"].get("kind", "?")].append(im["path"])
    if "TIMEOUT" in kinds:
        recs.append("%d image(s) timed out (%s): raise `--timeout` (per appliance batch) or lower `--batch-size` "
                    "so a batch finishes within it." % (len(kinds["TIMEOUT"]), ", ".join(
                        "`%s`" % p for p in kinds["TIMEOUT"][:5])))
    if not recs and measured:
        recs.append("The largest phase, %s, is %s of the measured time; no setting of guest-inspect changes it "
                    "noticeably for this run." % (dict(PHASES)[bottleneck], pct(sums[bottleneck], measured)))

    return {"images": images, "sums": sums, "measured": measured, "wall": wall, "hits": hits, "failed": failed,
            "apps": apps, "ranked": ranked, "bottleneck": bottleneck, "recommendations": recs, "kinds": kinds}


def human_bytes(n):
    if n is None or n < 0:
        return "?"
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return ("%.0f %s" if unit == "B" else "%.1f %s") % (n, unit)
        n /= 1024.0
    return "?"


def markdown(source, a, jobs):
    out = []
    w = out.append
    w("# guest-inspect performance analysis")
    w("")
    w("Source: `%s`, %d image(s): %d inspected in %d appliance launch(es), %d from the cache, %d failed. "
      "Run wall time (slowest image): %s. Phase times summed over the images: %s (%.1fx the wall time, the "
      "parallelism of jobs and batches)." % (source, len(a["images"]), sum(1 for im in a["images"]
                                                                          if im["imagesInAppliance"]),
                                             len(a["apps"]), len(a["hits"]), len(a["failed"]), seconds(a["wall"]),
                                             seconds(a["measured"]),
                                             a["measured"] / a["wall"] if a["wall"] else 0))
    w("")
    if a["bottleneck"]:
        name = dict(PHASES)[a["bottleneck"]]
        w("**Bottleneck: %s**, %s of %s measured." % (name, pct(a["sums"][a["bottleneck"]], a["measured"]),
                                                      seconds(a["measured"])))
    else:
        w("**No phase time was measured** (no image reached hashing, probing or an appliance).")
    w("")
    w("## Phases")
    w("")
    w("| phase | total | share | mean per image | slowest image |")
    w("|---|---:|---:|---:|---|")
    for key, name in a["ranked"]:
        slowest = max(a["images"], key=lambda im: im[key]) if a["images"] else None
        w("| %s | %s | %s | %s | %s |" % (name, seconds(a["sums"][key]), pct(a["sums"][key], a["measured"]),
                                         seconds(a["sums"][key] / len(a["images"])) if a["images"] else "-",
                                         "`%s` (%s)" % (slowest["path"], seconds(slowest[key]))
                                         if slowest and slowest[key] else "-"))
    w("")
    w("## Recommendations")
    w("")
    for i, rec in enumerate(a["recommendations"], 1):
        w("%d. %s" % (i, rec))
    w("")
    if a["apps"]:
        w("## Appliance launches")
        w("")
        w("| launch | last result | in no phase | images | which |")
        w("|---:|---:|---:|---:|---|")
        for app in a["apps"]:
            w("| %s | %s | %s | %d | %s |" % (seconds(app["launchMillis"]), seconds(app["end"]),
                                              seconds(app["unmeasured"]), app["size"],
                                              ", ".join("`%s`" % im["path"] for im in app["images"])))
        w("")
        w("(Grouped by launch time and batch size, as the JSON report has no appliance id; --jobs assumed %d.)"
          % jobs)
        w("")
    w("## Images")
    w("")
    w("| image | status | cache | packages | launch share | OS | packages | hash | lookup | total |")
    w("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for im in sorted(a["images"], key=lambda im: -im["total"]):
        w("| `%s` | %s | %s | %d | %s | %s | %s | %s | %s | %s |" % (
            im["path"], im["status"] + (" (%s)" % im["failure"].get("kind") if im["failure"] else ""),
            "hit" if im["hit"] else "-", im["packages"], seconds(im["launch"]), seconds(im["osInspection"]),
            seconds(im["packageListing"]), seconds(im["hash"]), seconds(im["cacheLookup"]), seconds(im["total"])))
    w("")
    return "\n".join(out)


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    source, target = argv[0], argv[1]
    jobs = int(argv[2]) if len(argv) == 3 else min(os.cpu_count() or 1, 4)
    try:
        _, results = load(source)
    except (OSError, ValueError) as e:
        print("analyze-performance: cannot read %s: %s" % (source, e), file=sys.stderr)
        return 2
    text = markdown(source, analyse(results, jobs), jobs)
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    tmp = target + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    os.replace(tmp, target)
    print(text)
    print("analyze-performance: written %s" % target, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
