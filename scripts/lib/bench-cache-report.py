#!/usr/bin/env python3
"""bench-cache-report.py RAW_DIR CLI_DIR OUT_JSON

Helper of scripts/bench-cache.sh: checks the raw figures it collected, prints the summary table (with PASS/FAIL
per goal) and writes every raw number and the derived ones to OUT_JSON. Exit status 1 when a check fails (a run
that did not inspect, a second run that was not a cache hit, digests that disagree), 0 otherwise; the goals do
not change it.
"""
import csv
import json
import statistics
import sys
from pathlib import Path

GOAL_HIT_SPEEDUP = 20.0
GOAL_LOOKUP_US = 5000.0
GOAL_OPENSSL_RATIO = 1.0
JMH_PREFIX = "io.github.guestinspect.benchmarks."


def verdict(ok):
    return "PASS" if ok else "FAIL"


def timing(raw, name):
    """One RAW/NAME.timing: wall, cpu, systemBusy, systemTotal, otherCpuShare."""
    return json.loads((raw / f"{name}.timing").read_text())


def percent(share):
    return "n/a" if share is None else f"{share * 100:.0f} %"


def packages(result):
    return sum(len(os_["packages"]) for os_ in result["operatingSystems"])


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    raw, cli, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    problems = []

    machine = json.loads((raw / "machine.json").read_text())

    # ------------------------------------------------------------------ CLI miss and hit
    cli_timings = {name: timing(raw, f"cli-{name}") for name in ("miss", "hit", "version", "launcher")
                   if (raw / f"cli-{name}.timing").exists()}
    miss_s = cli_timings["miss"]["wall"]
    hit_s = cli_timings["hit"]["wall"]
    version_s = cli_timings["version"]["wall"]
    miss = json.loads((cli / "miss.json").read_text())["results"]
    hit = json.loads((cli / "hit.json").read_text())["results"]
    if len(miss) != 1 or len(hit) != 1:
        problems.append(f"expected one result per run, got {len(miss)} and {len(hit)}")
    miss, hit = miss[0], hit[0]
    if miss["status"] != "INSPECTED" or miss["cache"]["hit"]:
        problems.append(f"the first run was not an inspection: status {miss['status']}, cache {miss['cache']}")
    if not hit["cache"]["hit"]:
        problems.append("the second run was not served from the cache")
    if hit["operatingSystems"] != miss["operatingSystems"]:
        problems.append("the cached result differs from the inspected one")
    launcher = None
    if "launcher" in cli_timings:
        launcher = json.loads((cli / "launcher.json").read_text())["results"][0]
        if not launcher["cache"]["hit"]:
            problems.append("the run through scripts/guest-inspect was not served from the cache")
    package_count = packages(miss)
    cli_figures = {
        "missSeconds": miss_s,
        "hitSeconds": hit_s,
        "speedup": miss_s / hit_s,
        "jvmStartSeconds": version_s,
        "packages": package_count,
        "missTimings": miss["timings"],
        "hitTimings": hit["timings"],
        "hitCache": hit["cache"],
        "processes": cli_timings,
    }
    if launcher is not None:
        cli_figures["launcherHitSeconds"] = cli_timings["launcher"]["wall"]
        cli_figures["launcherSpeedup"] = miss_s / cli_timings["launcher"]["wall"]
        cli_figures["launcherTimings"] = launcher["timings"]
        cli_figures["launcherCache"] = launcher["cache"]

    # ------------------------------------------------------------------ JMH
    sizes = json.loads((raw / "sizes.json").read_text())
    jmh = json.loads((raw / "jmh.json").read_text())
    scores = {}
    for entry in jmh:
        name = entry["benchmark"].removeprefix(JMH_PREFIX)
        if "format" in entry["params"]:
            name += "[" + entry["params"]["format"] + "]"
        metric = entry["primaryMetric"]
        error = metric["scoreError"]
        scores[name] = {
            "score": metric["score"],
            "error": None if error == "NaN" else error,
            "unit": metric["scoreUnit"],
            "raw": metric.get("rawData"),
        }

    def score(name):
        if name not in scores:
            problems.append(f"JMH result {name} is missing")
            return float("nan")
        return scores[name]["score"]

    codec = {}
    for fmt in ("smile", "json", "json-compact"):
        codec[fmt] = {
            "bytes": sizes[fmt],
            "encodeUs": score(f"CodecBenchmark.encode[{fmt}]"),
            "decodeUs": score(f"CodecBenchmark.decode[{fmt}]"),
        }
    ratios = {}
    for base in ("json", "json-compact"):
        ratios[base] = {
            "size": codec["smile"]["bytes"] / codec[base]["bytes"],
            "encode": codec["smile"]["encodeUs"] / codec[base]["encodeUs"],
            "decode": codec["smile"]["decodeUs"] / codec[base]["decodeUs"],
        }
    hit_bench = {
        "getUs": score("CacheHitBenchmark.get"),
        "memoHitUs": score("CacheHitBenchmark.memoHit"),
        "lookupUs": score("CacheHitBenchmark.lookup"),
    }

    # ------------------------------------------------------------------ hashing
    rows = list(csv.DictReader((raw / "hash.tsv").open(), delimiter="\t"))
    size = machine["hashFileBytes"]
    tools = ["ours-all", "ours-1", "openssl", "sha256sum", "cat"]
    hashing = {}
    for tool in tools:
        mine = [row for row in rows if row["tool"] == tool]
        runs = [timing(raw, f"hash-{tool}-{row['round']}") for row in mine]
        wall = [run["wall"] for run in runs]
        other = [run["otherCpuShare"] for run in runs if run["otherCpuShare"] is not None]
        figures = {"wallSeconds": wall, "medianWallSeconds": statistics.median(wall),
                   "gbPerSecondWall": size / statistics.median(wall) / 1e9,
                   "cpuSeconds": [run["cpu"] for run in runs],
                   "otherCpuShare": [run["otherCpuShare"] for run in runs],
                   "maxOtherCpuShare": max(other) if other else None}
        figures["medianCpuSeconds"] = statistics.median(figures["cpuSeconds"])
        figures["gbPerCpuSecond"] = size / figures["medianCpuSeconds"] / 1e9 if figures["medianCpuSeconds"] else None
        if tool.startswith("ours"):
            inner = [float(row["inner_seconds"]) for row in mine]
            figures.update({"innerSeconds": inner, "medianInnerSeconds": statistics.median(inner),
                            "gbPerSecond": size / statistics.median(inner) / 1e9})
        else:
            figures["gbPerSecond"] = figures["gbPerSecondWall"]
        digests = {row["digest"] for row in mine}
        if tool != "cat" and len(digests) != 1:
            problems.append(f"{tool} gave different digests over the rounds: {sorted(digests)}")
        figures["digest"] = next(iter(digests)) if len(digests) == 1 else None
        hashing[tool] = figures
    if hashing["ours-all"]["digest"] != hashing["ours-1"]["digest"]:
        problems.append("ContentHasher gave different hashes with all cores and with 1 thread")
    if hashing["openssl"]["digest"] != hashing["sha256sum"]["digest"]:
        problems.append("openssl and sha256sum disagree")
    hash_ratio = hashing["ours-all"]["gbPerSecond"] / hashing["openssl"]["gbPerSecond"]
    hash_ratio_wall = hashing["ours-all"]["gbPerSecondWall"] / hashing["openssl"]["gbPerSecondWall"]
    hash_ratio_one = hashing["ours-1"]["gbPerSecond"] / hashing["openssl"]["gbPerSecond"]

    goals = {
        "hitSpeedup>=20": cli_figures["speedup"] >= GOAL_HIT_SPEEDUP,
        "lookup<5ms": hit_bench["lookupUs"] < GOAL_LOOKUP_US,
        "ours/openssl>=1.0": hash_ratio >= GOAL_OPENSSL_RATIO,
    }

    # ------------------------------------------------------------------ table
    p = print
    p()
    p(f"== bench-cache {machine['date']}: {machine['cpu']}, {machine['cores']} cores, "
      f"{machine['memoryGiB']} GiB, {machine['java']}")
    p(f"   load average (1, 5, 15 min) at start {machine.get('loadAverageAtStart')}, at end "
      f"{machine.get('loadAverageAtEnd')}")
    p()
    p(f"CLI, one image ({Path(machine['image']).name}, {package_count} packages), wall time of the whole process")
    p(f"  run 1, miss (libguestfs inspection)   {miss_s:9.2f} s   other CPU "
      f"{percent(cli_timings['miss']['otherCpuShare'])}")
    p(f"  run 2, hit (served from the cache)    {hit_s:9.2f} s   other CPU "
      f"{percent(cli_timings['hit']['otherCpuShare'])}; in process: hash {hit['timings']['hashMillis']} ms"
      f" + lookup {hit['cache']['lookupMillis']} ms")
    p(f"  JVM start baseline (--version)        {version_s:9.2f} s   other CPU "
      f"{percent(cli_timings['version']['otherCpuShare'])}")
    p(f"  miss / hit                            {cli_figures['speedup']:9.1f} x   goal >= {GOAL_HIT_SPEEDUP:.0f}x "
      f"{verdict(goals['hitSpeedup>=20'])}")
    if launcher is not None:
        t = cli_timings["launcher"]
        p(f"  hit through scripts/guest-inspect     {t['wall']:9.2f} s   other CPU {percent(t['otherCpuShare'])}; "
          f"in process: hash {launcher['timings']['hashMillis']} ms + lookup {launcher['cache']['lookupMillis']} ms")
        p(f"  miss / hit through the launcher       {cli_figures['launcherSpeedup']:9.1f} x")
    p()
    jmh_timing = timing(raw, "jmh")
    p(f"Codec, one real result ({sizes['packages']} packages), JMH average time per operation "
      f"(other CPU during JMH: {percent(jmh_timing['otherCpuShare'])})")
    p(f"  {'format':<13} {'bytes':>9} {'encode us':>11} {'decode us':>11}")
    for fmt in ("smile", "json", "json-compact"):
        c = codec[fmt]
        p(f"  {fmt:<13} {c['bytes']:>9} {c['encodeUs']:>11.1f} {c['decodeUs']:>11.1f}")
    for base in ("json", "json-compact"):
        r = ratios[base]
        p(f"  Smile / {base:<13} size {r['size']:.2f}x   encode {r['encode']:.2f}x   decode {r['decode']:.2f}x")
    p()
    p("Cache hit from disk, JMH average time per operation")
    p(f"  ResultCache.get (read, decode, touch)   {hit_bench['getUs']:9.1f} us")
    p(f"  HashMemo.hash, unchanged file (memo)    {hit_bench['memoHitUs']:9.1f} us")
    p(f"  lookup = memo + key + get               {hit_bench['lookupUs']:9.1f} us   goal < 5 ms "
      f"{verdict(goals['lookup<5ms'])}")
    p()
    p(f"Hashing {size} bytes from the page cache (warmed first), median of {len(rows) // len(tools)} interleaved"
      " runs, GB = 10^9 bytes")
    p(f"  {'tool':<28} {'seconds':>8} {'GB/s':>6}   {'process wall s':>14} {'GB/s':>6}   {'CPU s':>6} {'GB/CPU-s':>8}"
      f"   {'other CPU (max)':>15}")
    labels = {"ours-all": f"ContentHasher, {machine['cores']} threads", "ours-1": "ContentHasher, 1 thread",
              "openssl": "openssl dgst -sha256", "sha256sum": "sha256sum", "cat": "cat > /dev/null"}
    for tool in tools:
        h = hashing[tool]
        inner = h.get("medianInnerSeconds", h["medianWallSeconds"])
        p(f"  {labels[tool]:<28} {inner:>8.3f} {h['gbPerSecond']:>6.2f}   {h['medianWallSeconds']:>14.3f} "
          f"{h['gbPerSecondWall']:>6.2f}   {h['medianCpuSeconds']:>6.2f} "
          f"{(h['gbPerCpuSecond'] or float('nan')):>8.2f}   {percent(h['maxOtherCpuShare']):>15}")
    p(f"  ours ({machine['cores']} threads) / openssl        {hash_ratio:.2f}x (process wall: {hash_ratio_wall:.2f}x)"
      f"   goal >= {GOAL_OPENSSL_RATIO:.1f}x {verdict(goals['ours/openssl>=1.0'])}")
    p(f"  ours (1 thread) / openssl         {hash_ratio_one:.2f}x")
    p("  (ours: seconds timed around ContentHasher.hash inside the JVM; process wall includes JVM start-up)")
    p("  (CPU s: user+system seconds of the process, JVM start-up included; GB/CPU-s is the least disturbed by")
    p("  other load; other CPU: share of all cores busy with other processes during the run, 0 % is a quiet machine)")
    p()
    for problem in problems:
        p(f"bench-cache: CHECK FAILED: {problem}")

    out.write_text(json.dumps({
        "machine": machine,
        "cli": cli_figures,
        "codec": {"packages": sizes["packages"], "formats": codec, "smileOver": ratios},
        "cacheHit": hit_bench,
        "hashing": {"bytes": size, "tools": hashing, "oursOverOpenssl": hash_ratio,
                    "oursOverOpensslWall": hash_ratio_wall, "oursOneThreadOverOpenssl": hash_ratio_one},
        "jmh": scores,
        "jmhProcess": jmh_timing,
        "goals": goals,
        "problems": problems,
    }, indent=2) + "\n")
    p(f"raw figures: {out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
