#!/usr/bin/env python3
"""Helper for scripts/load-test.sh (not meant to be run on its own).

load-test-report.py WORK IMAGES STEPS XMX CACHED_RUNS LOAD_START LOAD_END

Reads the raw figures and results the script left in WORK/raw, checks every result against the manifests of
IMAGES/load and IMAGES/hostile, writes WORK/load-test.json and prints a table. Exit status 1 when a check failed.
"""

import json
import os
import re
import statistics
from collections import Counter
import sys
from pathlib import Path

GOAL_CACHED_SECONDS = 2.0
GC_PAUSE = re.compile(r"Pause .*? (\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
GC_EXIT_GENERATION = re.compile(r"generation\s+total (\d+)K, used (\d+)K")
UNIT_KIB = {"K": 1, "M": 1024, "G": 1024 * 1024}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def heap_figures(gc_log):
    """Peak heap in use (KiB) at a collection or at exit, and the largest heap the JVM had committed."""
    peak = committed = 0
    collections = 0
    exit_used = 0
    if not gc_log.exists():
        return None
    for line in gc_log.read_text(encoding="utf-8", errors="replace").splitlines():
        pause = GC_PAUSE.search(line)
        if pause:
            collections += 1
            peak = max(peak, int(pause.group(1)) * UNIT_KIB[pause.group(2)])
            committed = max(committed, int(pause.group(5)) * UNIT_KIB[pause.group(6)])
        generation = GC_EXIT_GENERATION.search(line)
        if generation:
            exit_used += int(generation.group(2))
            committed = max(committed, int(generation.group(1)))
    return {"peakUsedKiB": max(peak, exit_used), "committedKiB": committed, "collections": collections}


class Checks:
    def __init__(self):
        self.failures = []
        self.count = 0

    def expect(self, ok, what):
        self.count += 1
        if not ok:
            self.failures.append(what)


def results_of(path):
    return load_json(path)["results"]


def manifest_by_file(images, subset):
    return {entry["file"]: entry for entry in load_json(Path(images) / subset / "manifest.json")["images"]}


def check_result(checks, step, result, entry, cached):
    path = result["image"]["path"]
    checks.expect(result["status"] == "INSPECTED", f"{step}: {path} is {result['status']}: "
                  f"{(result.get('failure') or {}).get('message', '')}")
    systems = result.get("operatingSystems", [])
    expected = entry["os"][0]
    checks.expect(len(systems) == 1 and systems[0]["hostname"] == expected["hostname"]
                  and len(systems[0]["packages"]) == expected["packageCount"],
                  f"{step}: {path} does not match the manifest entry {entry['file']}")
    if cached:
        checks.expect(result["cache"]["hit"], f"{step}: {path} was not served from the cache")


def step_status(raw, name):
    status = raw / f"{name}.status"
    return int(status.read_text().strip()) if status.exists() else 0


def main():
    work, images, steps, xmx, cached_runs, load_start, load_end = sys.argv[1:8]
    work, raw = Path(work), Path(work) / "raw"
    steps = steps.split(",")
    checks = Checks()
    figures = {}
    load = manifest_by_file(images, "load")

    def timing(name):
        figure = load_json(raw / f"{name}.timing")
        heap = heap_figures(raw / f"{name}.gc")
        if heap:
            figure["heap"] = heap
        return figure

    if "batch" in steps:
        status = step_status(raw, "batch")
        checks.expect(status == 0, f"batch: exit status {status}")
        results = results_of(raw / "batch.json") if (raw / "batch.json").exists() else []
        checks.expect(len(results) == len(load), f"batch: {len(results)} results for {len(load)} images")
        for result in results:
            entry = load.get(Path(result["image"]["path"]).name)
            checks.expect(entry is not None, f"batch: {result['image']['path']} is not a load image")
            if entry:
                check_result(checks, "batch", result, entry, cached=False)
        # an appliance's images share its launch time and count; each group must hold exactly that many images
        groups = Counter((r["timings"]["launchMillis"], r["timings"]["imagesInAppliance"]) for r in results)
        for (launch, size), members in groups.items():
            checks.expect(members == size, f"batch: {members} images share an appliance launched in {launch} ms"
                          f" that held {size}")
        figures["batch"] = timing("batch") | {"images": len(results),
                                              "applianceSizes": sorted(size for _, size in groups)}

    if "cached" in steps:
        runs = []
        for name in ["cached-warm"] + [f"cached-{run}" for run in range(1, int(cached_runs) + 1)]:
            status = step_status(raw, name)
            checks.expect(status == 0, f"{name}: exit status {status}")
            results = results_of(raw / f"{name}.json") if (raw / f"{name}.json").exists() else []
            files = sum(1 for _ in (work / "copies").rglob("*.qcow2"))
            checks.expect(len(results) == files, f"{name}: {len(results)} results for {files} image files")
            for result in results:
                entry = load.get(Path(result["image"]["path"]).name)
                checks.expect(entry is not None, f"{name}: {result['image']['path']} is not a copy of a load image")
                if entry:
                    check_result(checks, name, result, entry, cached=True)
            if name != "cached-warm":
                runs.append(timing(name) | {"images": len(results)})
        walls = [run["wall"] for run in runs]
        figures["cached"] = {"runs": runs, "medianWall": statistics.median(walls), "images": runs[0]["images"],
                             "goalSeconds": GOAL_CACHED_SECONDS,
                             "goalMet": statistics.median(walls) < GOAL_CACHED_SECONDS}

    if "packages" in steps:
        hostile = manifest_by_file(images, "hostile")
        status = step_status(raw, "packages")
        checks.expect(status == 0, f"packages: exit status {status}")
        results = results_of(raw / "packages.json") if (raw / "packages.json").exists() else []
        checks.expect(len(results) == 2, f"packages: {len(results)} results for 2 images")
        for result in results:
            check_result(checks, "packages", result, hostile[Path(result["image"]["path"]).name], cached=False)
        reports = ["report.html", "report.md", "report.pdf", "sbom/packages-50k.qcow2.cdx.json",
                   "sbom/apk-50k.qcow2.cdx.json"]
        for report in reports:
            checks.expect((work / "reports" / report).is_file(), f"packages: {report} was not written")
        figures["packages"] = timing("packages") | {"images": len(results), "reportBytes": {
            report: os.path.getsize(work / "reports" / report) for report in reports
            if (work / "reports" / report).is_file()}}

    document = {"machine": {"cores": os.cpu_count(), "loadAverageStart": load_start, "loadAverageEnd": load_end,
                            "xmx": xmx},
                "steps": figures, "checks": {"run": checks.count, "failed": checks.failures}}
    with open(work / "load-test.json", "w", encoding="utf-8") as f:
        json.dump(document, f, indent=2)
        f.write("\n")
    print_table(document)
    return 1 if checks.failures else 0


def mib(kib):
    return f"{kib / 1024:.0f}"


def print_table(document):
    steps = document["steps"]
    p = print
    p("")
    p(f"guest-inspect load test: {document['machine']['cores']} cores, load average "
      f"{document['machine']['loadAverageStart']} at the start, {document['machine']['loadAverageEnd']} at the end")
    p(f"  {'step':<34} {'images':>6} {'wall s':>8} {'CPU s':>7} {'peak RSS MiB':>12} {'peak heap MiB':>13}"
      f" {'other CPU':>9}")

    def row(label, figure):
        heap = figure.get("heap")
        p(f"  {label:<34} {figure['images']:>6} {figure['wall']:>8.2f} {figure['cpu']:>7.2f} "
          f"{mib(figure.get('peakRssKiB', 0)):>12} {mib(heap['peakUsedKiB']) if heap else '-':>13} "
          f"{round(100 * (figure['otherCpuShare'] or 0)):>8}%")

    if "batch" in steps:
        row(f"batch, --jobs 2, -Xmx{document['machine']['xmx']}", steps["batch"])
        p(f"  {'':<34} in {len(steps['batch']['applianceSizes'])} appliances of "
          f"{', '.join(str(size) for size in steps['batch']['applianceSizes'])} images")
    if "cached" in steps:
        for number, run in enumerate(steps["cached"]["runs"], 1):
            row(f"cached (launcher), run {number}", run)
    if "packages" in steps:
        row(f"2 x 50,000 packages, all reports", steps["packages"])
    if "cached" in steps:
        cached = steps["cached"]
        p(f"  goal: {cached['images']} cached images in under {cached['goalSeconds']:.0f} s: median "
          f"{cached['medianWall']:.2f} s: {'PASS' if cached['goalMet'] else 'FAIL'}")
    p("  (peak RSS: the JVM's VmHWM sampled every 0.2 s, qemu not included; peak heap: the most heap in use at a"
      " collection or at exit; other CPU: share of the cores other processes used meanwhile)")
    failed = document["checks"]["failed"]
    p(f"  checks: {document['checks']['run'] - len(failed)} of {document['checks']['run']} passed")
    for failure in failed[:20]:
        p(f"    FAILED: {failure}")


if __name__ == "__main__":
    sys.exit(main())
