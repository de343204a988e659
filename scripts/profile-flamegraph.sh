#!/usr/bin/env bash
# profile-flamegraph.sh IMAGE...
#
# Records one guest-inspect inspection of the images with Java Flight Recorder and renders a flame graph:
#
#   OUT/recording.jfr      the JFR recording (settings=profile: execution samples every 10 ms, native-method
#                          samples every 20 ms; open it in JDK Mission Control for everything else)
#   OUT/flamegraph.svg     the flame graph, one tower per thread (OUT/flamegraph.png too when rsvg-convert exists)
#   OUT/flamegraph.html    the converter's interactive flame graph (search, zoom)
#   OUT/stacks.collapsed   the collapsed stacks both are drawn from
#   OUT/result.json        the inspection's JSON report (its phase timings: scripts/analyze-performance.sh)
#
# The graph is wall-clock: it samples every Java thread whether it runs or waits in native code (reading a pipe,
# waiting for a process). guest-inspect's JVM mostly waits for guestfish and qemu, so a CPU-only profile holds a few
# dozen samples and says little; the wall-clock one shows which thread waits where, and for how long. The JSON
# report's timings say how long each phase took inside the appliance.
#
# The recording is started with -XX:StartFlightRecording (Java 11+); -XX:+FlightRecorder is not given, it is
# deprecated since Java 13 and only prints a warning on 17. JFR is converted with the async-profiler converter from
# Maven Central (tools.profiler:jfr-converter, copied by Maven into target/tools on first use; it runs on
# Java 8 and later), and the SVG is drawn by scripts/lib/flamegraph-svg.py. Nothing is downloaded from elsewhere.
#
# Environment:
#   FLAME_OUT        output directory (default target/flamegraph in the repository)
#   FLAME_JAR        the guest-inspect jar (default cli/target/guest-inspect.jar; build: mvn -DskipTests package)
#   FLAME_ARGS       options for guest-inspect inspect (default "--no-cache", so the images are really inspected)
#   FLAME_MODE       wall (default) or cpu (execution samples only)
#   FLAME_CONVERTER  converter version (default 4.5)
#   FLAME_TIMEOUT    time limit for the inspection in seconds (default 1800)
#   LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (as the other scripts)
# Exit status: guest-inspect's when it is not 0 or 3 (an image that could not be inspected still gives a profile),
# 1 when the profile could not be made, 2 on bad usage or a missing tool.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "profile-flamegraph: $*" >&2; exit 2; }
say() { echo "profile-flamegraph: $*"; }

[[ $# -ge 1 ]] || { echo "usage: $0 IMAGE..." >&2; exit 2; }
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
RENDER=$SCRIPT_DIR/lib/flamegraph-svg.py
[[ -f $RENDER ]] || die "missing helper $RENDER"
for tool in java mvn python3 timeout; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}
OUT=${FLAME_OUT:-$GI_ROOT/target/flamegraph}
JAR=${FLAME_JAR:-$GI_ROOT/cli/target/guest-inspect.jar}
ARGS=${FLAME_ARGS---no-cache}
MODE=${FLAME_MODE:-wall}
VERSION=${FLAME_CONVERTER:-4.5}
LIMIT=${FLAME_TIMEOUT:-1800}
[[ $MODE == wall || $MODE == cpu ]] || die "FLAME_MODE must be wall or cpu"
[[ $LIMIT =~ ^[1-9][0-9]*$ ]] || die "FLAME_TIMEOUT must be a positive number of seconds"
[[ $VERSION =~ ^[0-9][0-9.]*$ ]] || die "FLAME_CONVERTER must be a version such as 4.5"
[[ -f $JAR ]] || die "no jar at $JAR (build it: mvn -DskipTests package, or set FLAME_JAR)"
read -r -a EXTRA <<<"$ARGS"
for image in "$@"; do
  [[ -e $image ]] || die "no such image: $image"
done

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT/recording.jfr" "$OUT/stacks.collapsed" "$OUT/flamegraph.svg" "$OUT/flamegraph.png" "$OUT/flamegraph.html"

# ------------------------------------------------------------------------------------------- the converter
TOOLS=$GI_ROOT/target/tools
CONVERTER=$TOOLS/jfr-converter-$VERSION.jar
if [[ ! -f $CONVERTER ]]; then
  say "getting tools.profiler:jfr-converter:$VERSION from Maven Central through Maven (once, into $TOOLS)"
  mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="tools.profiler:jfr-converter:$VERSION" -DoutputDirectory="$TOOLS" >&2 \
    || die "cannot get tools.profiler:jfr-converter:$VERSION with Maven"
fi
[[ -f $CONVERTER ]] || die "Maven did not copy the converter to $CONVERTER"

# ------------------------------------------------------------------------------------------- the recording
say "recording: guest-inspect inspect ${EXTRA[*]} $* (limit ${LIMIT}s, LIBGUESTFS_BACKEND_SETTINGS=$LIBGUESTFS_BACKEND_SETTINGS)"
started=$SECONDS
status=0
timeout "$LIMIT" java -Xlog:jfr+startup=error \
  "-XX:StartFlightRecording=filename=$OUT/recording.jfr,settings=profile,dumponexit=true" -jar "$JAR" inspect --format json -o "$OUT/result.json" "${EXTRA[@]}" "$@" \
  2>"$OUT/inspect.log" || status=$?
say "guest-inspect exited with $status after $((SECONDS - started)) s (log: $OUT/inspect.log)"
[[ -s $OUT/recording.jfr ]] || { echo "profile-flamegraph: no recording was written; see $OUT/inspect.log" >&2; exit 1; }

# ------------------------------------------------------------------------------------------- the graphs
java -jar "$CONVERTER" "--$MODE" --threads -o collapsed "$OUT/recording.jfr" "$OUT/stacks.collapsed" >/dev/null
java -jar "$CONVERTER" "--$MODE" --threads --title "guest-inspect inspect ($MODE)" -o html "$OUT/recording.jfr" \
  "$OUT/flamegraph.html" >/dev/null
if [[ ! -s $OUT/stacks.collapsed ]]; then
  echo "profile-flamegraph: the recording holds no $MODE samples (with FLAME_MODE=cpu a JVM that only waits for" \
    "guestfish has none: try FLAME_MODE=wall)" >&2
  exit 1
fi
images=$#
python3 "$RENDER" "$OUT/stacks.collapsed" "$OUT/flamegraph.svg" \
  "guest-inspect inspect, $images image(s), $MODE-clock profile" \
  "$(awk '{s += $NF} END {print s}' "$OUT/stacks.collapsed") samples of every Java thread ($MODE), one tower per thread; commit $(git -C "$GI_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown); hover a frame for its share"
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 1400 "$OUT/flamegraph.svg" -o "$OUT/flamegraph.png"
fi
say "written $OUT/flamegraph.svg, $OUT/flamegraph.html, $OUT/recording.jfr, $OUT/result.json"
if [[ $status -ne 0 && $status -ne 3 ]]; then
  exit "$status"
fi
