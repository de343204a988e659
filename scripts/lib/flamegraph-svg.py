#!/usr/bin/env python3
"""flamegraph-svg.py COLLAPSED OUT.svg TITLE [SUBTITLE]

Helper of scripts/profile-flamegraph.sh: renders collapsed stacks ("frame;frame;frame COUNT" per line, as the
async-profiler JFR converter writes with -o collapsed) as a self-contained SVG flame graph: the root at the bottom,
each frame as wide as its share of the samples, hover titles with the sample count and percentage, frames under
0.1 % of the samples left out. Colours tell guest-inspect's own code (green), the JDK and libraries (orange/yellow)
and JVM/native frames (red) apart. Exit status 2 on bad usage or when there is no sample.
"""

import html
import re
import sys
import zlib

WIDTH = 1200
FRAME_HEIGHT = 17
FONT_SIZE = 11
CHAR_WIDTH = FONT_SIZE * 0.59
MARGIN = 10
TOP = 60
MIN_SHARE = 0.001
OWN_PREFIX = "io/github/guestinspect/"
PACKAGE = re.compile(r"^(?:[a-z0-9_]+[/.])+(?=[A-Z_$])")  # leading package segments, for the short label
FRAME_TYPE = re.compile(r"_\[([0-9a-z]+)\]$")  # the converter's frame type suffix: _[j] JIT, _[i] inlined, _[k] kernel...


class Node:
    __slots__ = ("name", "count", "children")

    def __init__(self, name):
        self.name = name
        self.count = 0
        self.children = {}


def parse(path):
    root = Node("all")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, count = line.rpartition(" ")
            try:
                n = int(count)
            except ValueError:
                continue
            root.count += n
            node = root
            for frame in (FRAME_TYPE.sub("", f) for f in stack.split(";")):
                child = node.children.get(frame)
                if child is None:
                    child = node.children[frame] = Node(frame)
                child.count += n
                node = child
    return root


def depth_of(node):
    return 1 + max((depth_of(c) for c in node.children.values()), default=0)


def colour(name):
    """Stable colour per frame name (hash), hue by kind of frame."""
    h = zlib.crc32(name.encode("utf-8", "replace"))
    v1, v2 = (h & 0xff) / 255.0, ((h >> 8) & 0xff) / 255.0
    plain = name.replace(".", "/")
    if plain.startswith(OWN_PREFIX) or "guestinspect" in plain:
        return "rgb(%d,%d,%d)" % (50 + 60 * v1, 170 + 60 * v2, 60 + 40 * v1)        # green: ours
    if "::" in name or name.startswith("[") or "/" not in plain and "." not in name:
        return "rgb(%d,%d,%d)" % (200 + 55 * v1, 70 + 60 * v2, 60 + 30 * v2)        # red: JVM, native
    if plain.startswith(("java/", "javax/", "jdk/", "sun/")):
        return "rgb(%d,%d,%d)" % (220 + 35 * v1, 140 + 60 * v2, 40 + 30 * v1)       # orange: JDK
    return "rgb(%d,%d,%d)" % (210 + 45 * v1, 190 + 50 * v2, 60 + 40 * v2)           # yellow: libraries


def render(root, title, subtitle):
    depth = depth_of(root)
    height = TOP + depth * FRAME_HEIGHT + 2 * MARGIN + 20
    scale = (WIDTH - 2 * MARGIN) / float(root.count)
    out = []
    w = out.append
    w('<?xml version="1.0" standalone="no"?>')
    w('<svg version="1.1" width="%d" height="%d" viewBox="0 0 %d %d" xmlns="http://www.w3.org/2000/svg">'
      % (WIDTH, height, WIDTH, height))
    w('<style>text { font-family: Verdana, sans-serif; font-size: %dpx; fill: #000; } '
      '.title { font-size: 17px; } .sub { font-size: 12px; fill: #555; } rect:hover { stroke: #000; }</style>'
      % FONT_SIZE)
    w('<rect x="0" y="0" width="100%" height="100%" fill="#f8f8f0"/>')
    w('<text class="title" x="%d" y="24" text-anchor="middle">%s</text>' % (WIDTH // 2, html.escape(title)))
    w('<text class="sub" x="%d" y="44" text-anchor="middle">%s</text>'
      % (WIDTH // 2, html.escape(subtitle or "%d samples; width = share of samples; hover for details"
                                 % root.count)))
    shown = [0]

    def draw(node, x, level):
        width = node.count * scale
        if node.count < MIN_SHARE * root.count:
            return
        y = height - MARGIN - 20 - (level + 1) * FRAME_HEIGHT
        share = 100.0 * node.count / root.count
        label = "%s (%d samples, %.2f %%)" % (node.name, node.count, share)
        w('<g><title>%s</title><rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s" rx="2"/>'
          % (html.escape(label), x, y, max(width - 0.5, 0.1), FRAME_HEIGHT - 1,
             "rgb(230,230,230)" if level == 0 else colour(node.name)))
        chars = int((width - 6) / CHAR_WIDTH)
        if chars >= 3:
            short = PACKAGE.sub("", node.name)
            text = short if len(short) <= chars else short[:chars - 2] + ".."
            w('<text x="%.1f" y="%d">%s</text>' % (x + 3, y + FRAME_HEIGHT - 5, html.escape(text)))
        w('</g>')
        shown[0] += 1
        child_x = x
        for child in sorted(node.children.values(), key=lambda c: c.name):
            draw(child, child_x, level + 1)
            child_x += child.count * scale

    draw(root, MARGIN, 0)
    w('<text class="sub" x="%d" y="%d">green: guest-inspect, orange: JDK, yellow: libraries, red: JVM/native; '
      '%d frames shown (frames under %.1f %% of the samples left out)</text>'
      % (MARGIN, height - 8, shown[0], 100 * MIN_SHARE))
    w('</svg>')
    return "\n".join(out) + "\n"


def self_time(root):
    """Samples per frame name where the frame was the leaf (self time), largest first."""
    totals = {}

    def walk(node):
        own = node.count - sum(c.count for c in node.children.values())
        if own > 0 and node is not root:
            totals[node.name] = totals.get(node.name, 0) + own
        for child in node.children.values():
            walk(child)

    walk(root)
    return sorted(totals.items(), key=lambda item: -item[1])


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    root = parse(argv[0])
    if root.count == 0:
        print("flamegraph-svg: no samples in %s" % argv[0], file=sys.stderr)
        return 2
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write(render(root, argv[2], argv[3] if len(argv) == 4 else None))
    print("top frames by self samples (%d samples in all):" % root.count)
    for name, count in self_time(root)[:8]:
        print("  %5.1f %%  %6d  %s" % (100.0 * count / root.count, count, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
