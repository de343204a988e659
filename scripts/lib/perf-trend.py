#!/usr/bin/env python3
"""perf-trend.py append|chart ...

Helper of scripts/track-performance.sh.

  append HISTORY.jsonl MODE TIME COMMIT DIRTY INSPECT_JSON INSPECT_STATUS CACHE_JSON CACHE_STATUS
      Appends one line to HISTORY.jsonl: the key figures of bench-inspect.json and bench-cache.json (either may be
      "-" when that benchmark was skipped or wrote nothing), with the time, git commit, dirty flag (0/1), mode
      (quick/full) and each benchmark's exit status. The line is written with one write() in append mode, so two
      runs appending at once do not interleave. Prints the line.
  chart HISTORY.jsonl OUT.svg
      Renders the runs of the newest run's mode as an SVG of small charts, oldest to newest: inspection wall time
      of guest-inspect and virt-inspector (largest image count measured), speed-up over virt-inspector with the
      goals, cache hit speed-up, cache lookup time, hashing throughput against openssl. Damaged lines are skipped
      with a warning.
"""

import html
import json
import os
import sys

GOALS = {"seq": 3.5, "two": 2.0, "hit": 20.0, "lookupUs": 5000.0}


def read_json(path):
    if path == "-" or not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        print("perf-trend: warning: cannot read %s: %s" % (path, e), file=sys.stderr)
        return None


def inspect_figures(doc, status):
    if doc is None:
        return {"exitStatus": status, "measured": False}
    sizes = {}
    for row in doc.get("summary", []):
        sizes[str(row["size"])] = {
            "oursSeconds": row["ours"]["wallSecondsMedian"],
            "seqSeconds": row["seq"]["wallSecondsMedian"],
            "twoSeconds": row["two"]["wallSecondsMedian"],
            "seqOverOurs": row.get("ratioSeqOurs"),
            "twoOverOurs": row.get("ratioTwoOurs"),
            "launchShare": row["ours"].get("launchShareMedian"),
            "oursRssMiB": row["ours"].get("maxRssMiBMedian"),
        }
    settings = doc.get("settings", {})
    return {"exitStatus": status, "measured": True, "repeat": settings.get("repeat"), "sizes": sizes,
            "correct": doc.get("correctness", {}).get("ok"), "goal": doc.get("goal", {}).get("result")}


def cache_figures(doc, status):
    if doc is None:
        return {"exitStatus": status, "measured": False}
    cli = doc.get("cli", {})
    hashing = doc.get("hashing", {})
    tools = hashing.get("tools", {})
    return {
        "exitStatus": status, "measured": True,
        "missSeconds": cli.get("missSeconds"), "hitSeconds": cli.get("hitSeconds"), "hitSpeedup": cli.get("speedup"),
        "jvmStartSeconds": cli.get("jvmStartSeconds"),
        "lookupUs": doc.get("cacheHit", {}).get("lookupUs"), "getUs": doc.get("cacheHit", {}).get("getUs"),
        "memoHitUs": doc.get("cacheHit", {}).get("memoHitUs"),
        "hashGBps": tools.get("ours-all", {}).get("gbPerSecond"),
        "hashOneThreadGBps": tools.get("ours-1", {}).get("gbPerSecond"),
        "opensslGBps": tools.get("openssl", {}).get("gbPerSecond"),
        "hashBytes": hashing.get("bytes"),
        "smileBytes": doc.get("codec", {}).get("formats", {}).get("smile", {}).get("bytes"),
        "goals": doc.get("goals"), "problems": len(doc.get("problems", [])),
    }


def machine(inspect_doc, cache_doc):
    m = {}
    if cache_doc:
        c = cache_doc.get("machine", {})
        m.update(cpu=c.get("cpu"), cores=c.get("cores"), memoryGiB=c.get("memoryGiB"), java=c.get("java"),
                 backend=c.get("libguestfsBackendSettings"))
    if inspect_doc:
        i = inspect_doc.get("machine", {})
        m.setdefault("cpu", i.get("cpuModel"))
        m.setdefault("cores", i.get("nproc"))
        m["libguestfs"] = i.get("libguestfs")
        m.setdefault("backend", i.get("libguestfsBackendSettings"))
    return m


def cmd_append(history, mode, time, commit, dirty, inspect_path, inspect_status, cache_path, cache_status):
    inspect_doc = read_json(inspect_path)
    cache_doc = read_json(cache_path)
    line = {"time": time, "commit": commit, "dirty": dirty == "1", "mode": mode,
            "machine": machine(inspect_doc, cache_doc),
            "inspect": inspect_figures(inspect_doc, int(inspect_status)),
            "cache": cache_figures(cache_doc, int(cache_status))}
    text = json.dumps(line, sort_keys=True) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(history)), exist_ok=True)
    fd = os.open(history, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)
    print(text, end="")
    return 0


def read_history(path):
    runs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                run = json.loads(line)
                if not isinstance(run, dict) or "time" not in run:
                    raise ValueError("not a run")
                runs.append(run)
            except ValueError as e:
                print("perf-trend: warning: %s line %d is damaged (%s); skipped" % (path, number, e), file=sys.stderr)
    return runs


# ------------------------------------------------------------------------------------------------------ SVG
W, PANEL_H, LEFT, RIGHT, TOP_PAD, BOTTOM_PAD = 1100, 200, 70, 270, 34, 46
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"]


def nice_max(v):
    """The smallest 1, 2, 4, 6 or 8 times a power of ten at or above v (quarters of it are round numbers)."""
    if v <= 0:
        return 1.0
    return min(s * 10 ** e for e in range(-3, 9) for s in (1, 2, 4, 6, 8) if s * 10 ** e >= v)


def fmt(v):
    if v >= 100:
        return "%.0f" % v
    text = "%.1f" % v if v >= 10 else "%.2f" % v
    return text.rstrip("0").rstrip(".") if "." in text else text


def panel(out, y0, title, labels, series, goals=()):
    """series: [(name, [value or None per run])]; goals: [(name, value)]."""
    plot_w = W - LEFT - RIGHT
    plot_h = PANEL_H - TOP_PAD - BOTTOM_PAD
    values = [v for _, vs in series for v in vs if v is not None] + [g for _, g in goals]
    top = nice_max(max(values) * 1.1 if values else 1.0)
    n = len(labels)

    def x(i):
        return LEFT + (plot_w * (i + 0.5) / n if n else 0)

    def y(v):
        return y0 + TOP_PAD + plot_h * (1 - v / top)

    w = out.append
    w('<text x="%d" y="%d" class="title">%s</text>' % (LEFT, y0 + 20, html.escape(title)))
    w('<rect x="%d" y="%d" width="%d" height="%d" fill="#fff" stroke="#ccc"/>' % (LEFT, y0 + TOP_PAD, plot_w, plot_h))
    for k in range(5):
        v = top * k / 4
        w('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#eee"/>' % (LEFT, LEFT + plot_w, y(v), y(v)))
        w('<text x="%d" y="%.1f" class="tick" text-anchor="end">%s</text>' % (LEFT - 6, y(v) + 4, fmt(v)))
    step = max(1, (n + 9) // 10)
    for i, label in enumerate(labels):
        if (n - 1 - i) % step == 0:  # counted from the newest run, which always has its label
            w('<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>'
              % (x(i), y0 + TOP_PAD + plot_h + 14, html.escape(label[0])))
            w('<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>'
              % (x(i), y0 + TOP_PAD + plot_h + 27, html.escape(label[1])))
    legend_y = y0 + TOP_PAD + 10
    for j, (name, goal) in enumerate(goals):
        w('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#888" stroke-dasharray="5,4"/>'
          % (LEFT, LEFT + plot_w, y(goal), y(goal)))
        w('<text x="%d" y="%.1f" class="tick" fill="#666">%s</text>' % (LEFT + 4, y(goal) - 3,
                                                                        html.escape("%s %s" % (name, fmt(goal)))))
    for j, (name, vs) in enumerate(series):
        colour = COLOURS[j % len(COLOURS)]
        points = [(x(i), y(v), v) for i, v in enumerate(vs) if v is not None]
        if len(points) > 1:
            w('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
              % (colour, " ".join("%.1f,%.1f" % (px, py) for px, py, _ in points)))
        for px, py, v in points:
            w('<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %s</title></circle>'
              % (px, py, colour, html.escape(name), fmt(v)))
        latest = points[-1][2] if points else None
        w('<rect x="%d" y="%d" width="12" height="4" fill="%s"/>' % (LEFT + plot_w + 8, legend_y + 22 * j + 14, colour))
        w('<text x="%d" y="%d" class="legend">%s%s</text>' % (
            LEFT + plot_w + 24, legend_y + 22 * j + 20, html.escape(name),
            "" if latest is None else html.escape(": " + fmt(latest))))


def get(run, *path):
    v = run
    for key in path:
        if not isinstance(v, dict) or key not in v:
            return None
        v = v[key]
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def cmd_chart(history, out_path):
    runs = read_history(history)
    if not runs:
        print("perf-trend: no runs in %s" % history, file=sys.stderr)
        return 2
    mode = runs[-1].get("mode")
    runs = [r for r in runs if r.get("mode") == mode]
    labels = [(r["time"][5:16].replace("T", " "), (r.get("commit") or "?")[:7] + ("+" if r.get("dirty") else ""))
              for r in runs]
    sizes = sorted({int(n) for r in runs for n in (r.get("inspect", {}).get("sizes") or {})})
    big = str(max(sizes)) if sizes else None
    panels = []
    if big:
        panels.append(("inspection of %s images: wall time (s)" % big, [
            ("guest-inspect", [get(r, "inspect", "sizes", big, "oursSeconds") for r in runs]),
            ("virt-inspector, one by one", [get(r, "inspect", "sizes", big, "seqSeconds") for r in runs]),
            ("virt-inspector, two at a time", [get(r, "inspect", "sizes", big, "twoSeconds") for r in runs])], []))
        panels.append(("speed-up over virt-inspector with %s images (x)" % big, [
            ("vs one by one", [get(r, "inspect", "sizes", big, "seqOverOurs") for r in runs]),
            ("vs two at a time", [get(r, "inspect", "sizes", big, "twoOverOurs") for r in runs])],
            [("goal", GOALS["seq"]), ("goal", GOALS["two"])] if big == "8" else []))
    panels.append(("result cache, one image: miss / hit wall time (x)", [
        ("speed-up of a hit", [get(r, "cache", "hitSpeedup") for r in runs])], [("goal", GOALS["hit"])]))
    panels.append(("cache hit in process: memo + key + read (microseconds)", [
        ("lookup", [get(r, "cache", "lookupUs") for r in runs]),
        ("ResultCache.get", [get(r, "cache", "getUs") for r in runs])], []))
    panels.append(("hashing from the page cache (GB/s)", [
        ("ours, all cores", [get(r, "cache", "hashGBps") for r in runs]),
        ("ours, 1 thread", [get(r, "cache", "hashOneThreadGBps") for r in runs]),
        ("openssl", [get(r, "cache", "opensslGBps") for r in runs])], []))
    height = 70 + PANEL_H * len(panels)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">' % (W, height, W,
                                                                                                   height),
           '<style>text { font-family: DejaVu Sans, Verdana, sans-serif; fill: #222; } .title { font-size: 14px; '
           'font-weight: bold; } .tick { font-size: 10px; fill: #555; } .legend { font-size: 11px; } '
           '.head { font-size: 17px; font-weight: bold; } .sub { font-size: 11px; fill: #555; }</style>',
           '<rect width="100%" height="100%" fill="#fafafa"/>']
    m = runs[-1].get("machine", {})
    out.append('<text x="%d" y="26" class="head">guest-inspect performance trend (%d %s run(s))</text>'
               % (LEFT, len(runs), html.escape(str(mode))))
    out.append('<text x="%d" y="46" class="sub">%s</text>' % (LEFT, html.escape(
        "newest: %s, commit %s; %s, %s cores, LIBGUESTFS_BACKEND_SETTINGS=%s; medians of each run"
        % (runs[-1]["time"], (runs[-1].get("commit") or "?")[:12], m.get("cpu") or "?", m.get("cores") or "?",
           m.get("backend") if m.get("backend") is not None else "?"))))
    for k, (title, series, goals) in enumerate(panels):
        panel(out, 60 + PANEL_H * k, title, labels, series, goals)
    out.append("</svg>")
    tmp = out_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    os.replace(tmp, out_path)
    print("perf-trend: chart of %d %s run(s): %s" % (len(runs), mode, out_path))
    return 0


def main(argv):
    if len(argv) == 10 and argv[0] == "append":
        return cmd_append(*argv[1:])
    if len(argv) == 3 and argv[0] == "chart":
        return cmd_chart(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
