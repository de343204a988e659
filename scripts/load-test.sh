#!/usr/bin/env bash
# load-test.sh [WORKDIR]
#
# Load figures of guest-inspect on real images made by scripts/make-test-images.sh (default WORKDIR:
# /tmp/guest-inspect-load; the images: LOAD_IMAGES, default target/test-images, built or brought up to date first):
#
#  batch     the 50 small images of load/ in one run with --jobs 2 and an empty cache, the JVM limited to
#            -Xmx$LOAD_XMX with the serial GC (as the launcher runs it). Measured: wall and CPU seconds, the JVM's
#            peak resident set (VmHWM, sampled every 0.2 s) and its peak heap (the largest heap in use at a
#            collection or at exit, from -Xlog:gc). Every image must come back INSPECTED with the hostname and
#            package count the manifest computed from the image's own files.
#  cached    1,000 image files, 20 copies of each of the 50 (so 1,000 distinct files whose contents the batch step
#            put in the cache), through scripts/guest-inspect, the launcher: one untimed run (it makes the
#            launcher's class-data-sharing archive and hashes each copy once into the memo), then LOAD_CACHED_RUNS
#            timed runs. Every image must be a cache hit with its source's hostname. Goal: under 2 s per run.
#  packages  hostile/packages-50k.qcow2 and hostile/apk-50k.qcow2 (50,000 packages each) with every report
#            (JSON, --report-dir: HTML, Markdown, PDF, SBOMs) and no cache, -Xmx$LOAD_XMX: wall, CPU, peak RSS
#            and heap. Both images must list 50,000 packages and every report must be written.
#
# Each step runs under /usr/bin/time with /proc/stat read around it, so the figures come with the share of the
# cores OTHER processes used meanwhile ("other CPU"): on a shared machine, read wall times with that in mind.
# Prints a table and writes every figure to WORKDIR/load-test.json. Exit status: 0 when every image was accounted
# for and every step ran (the speed goal is reported PASS/FAIL but does not change the status), 1 if not, 2 on
# bad usage or a missing tool. Takes about 5 minutes under TCG on 2 cores (the batch step is most of it).
#
# Environment:
#   LOAD_STEPS        steps to run, comma-separated (default batch,cached,packages; cached needs batch)
#   LOAD_XMX          the JVM's heap limit in the batch and packages steps (default 256m)
#   LOAD_CACHED_RUNS  timed runs of the cached step (default 3; the table shows the median)
#   LOAD_COPIES       copies of each load image in the cached step (default 20: 1,000 files)
#   LOAD_IMAGES       the test image directory (default target/test-images)
#   LOAD_TIMEOUT      time limit in seconds for one run (default 1800)
#   GUEST_INSPECT_JAR the jar (default cli/target/guest-inspect.jar; build it with mvn -DskipTests package)
#   LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (nested KVM hangs on the project's machines); set it, even
#                     to "", to override.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "load-test: $*" >&2; exit 2; }
say() { echo "load-test: $*"; }

[[ $# -le 1 ]] || { echo "usage: $0 [WORKDIR]" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
REPORTER=$SCRIPT_DIR/lib/load-test-report.py
[[ -f $REPORTER ]] || die "missing helper $REPORTER"

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}
STEPS=${LOAD_STEPS:-batch,cached,packages}
XMX=${LOAD_XMX:-256m}
CACHED_RUNS=${LOAD_CACHED_RUNS:-3}
COPIES=${LOAD_COPIES:-20}
IMAGES=${LOAD_IMAGES:-$GI_ROOT/target/test-images}
LIMIT=${LOAD_TIMEOUT:-1800}
JAR=${GUEST_INSPECT_JAR:-$GI_ROOT/cli/target/guest-inspect.jar}

[[ $STEPS =~ ^(batch|cached|packages)(,(batch|cached|packages))*$ ]] || die "LOAD_STEPS: batch, cached, packages"
[[ $STEPS != *cached* || $STEPS == *batch* ]] || die "the cached step needs the batch step (it fills the cache)"
[[ $XMX =~ ^[1-9][0-9]*[kmgKMG]$ ]] || die "LOAD_XMX must be a JVM size such as 256m"
[[ $CACHED_RUNS =~ ^[1-9][0-9]*$ ]] || die "LOAD_CACHED_RUNS must be a positive number"
[[ $COPIES =~ ^[1-9][0-9]*$ ]] || die "LOAD_COPIES must be a positive number"
[[ $LIMIT =~ ^[1-9][0-9]*$ ]] || die "LOAD_TIMEOUT must be a positive number of seconds"
[[ -f $JAR ]] || die "no $JAR (build it with: mvn -DskipTests package)"
for tool in java python3 timeout nproc getconf pgrep awk /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

mkdir -p "${1:-/tmp/guest-inspect-load}"
WORK=$(cd "${1:-/tmp/guest-inspect-load}" && pwd)
RAW=$WORK/raw
rm -rf "$RAW" "$WORK/cache" "$WORK/history" "$WORK/copies" "$WORK/reports" "$WORK/xdg"
mkdir -p "$RAW"
HZ=$(getconf CLK_TCK)
source "$SCRIPT_DIR/lib/timing.sh"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

bash "$SCRIPT_DIR/make-test-images.sh" "$IMAGES" >"$RAW/make-test-images.log" 2>&1 \
  || { cat "$RAW/make-test-images.log" >&2; die "scripts/make-test-images.sh $IMAGES failed"; }

# jvm NAME: the command line of guest-inspect in a JVM limited to -Xmx$XMX with the serial GC (as the launcher),
# its heap logged to RAW/NAME.gc, in the array JVM
jvm() {
  JVM=(timeout "$LIMIT" java "-Xmx$XMX" -XX:+UseSerialGC "-Xlog:gc,gc+heap+exit:file=$RAW/$1.gc" -jar "$JAR")
}

status=0
if [[ $STEPS == *batch* ]]; then
  say "batch: $(find "$IMAGES/load" -name '*.qcow2' | wc -l) images, --jobs 2, -Xmx$XMX"
  jvm batch
  TIMED_PEAK_OF=java timed batch "${JVM[@]}" inspect --jobs 2 --format json -o "$RAW/batch.json" \
    --cache-dir "$WORK/cache" --history-dir "$WORK/history" "$IMAGES"/load/*.qcow2 \
    >"$RAW/batch.out" 2>"$RAW/batch.err" || { echo "$?" >"$RAW/batch.status"; status=1; }
fi

if [[ $STEPS == *cached* ]]; then
  for ((copy = 1; copy <= COPIES; copy++)); do
    mkdir -p "$WORK/copies/$copy"
    cp --reflink=auto "$IMAGES"/load/*.qcow2 "$WORK/copies/$copy/"
  done
  say "cached: $(find "$WORK/copies" -name '*.qcow2' | wc -l) image files through scripts/guest-inspect"
  export XDG_CACHE_HOME=$WORK/xdg GUEST_INSPECT_JAR=$JAR
  launcher=("$SCRIPT_DIR/guest-inspect" inspect --format json --cache-dir "$WORK/cache" --history-dir
    "$WORK/history")
  timeout "$LIMIT" "${launcher[@]}" -o "$RAW/cached-warm.json" "$WORK/copies" >"$RAW/cached-warm.out" \
    2>"$RAW/cached-warm.err" || { echo "$?" >"$RAW/cached-warm.status"; status=1; }
  for ((run = 1; run <= CACHED_RUNS; run++)); do
    TIMED_PEAK_OF=java timed "cached-$run" timeout "$LIMIT" "${launcher[@]}" -o "$RAW/cached-$run.json" \
      "$WORK/copies" >"$RAW/cached-$run.out" 2>"$RAW/cached-$run.err" || { echo "$?" >"$RAW/cached-$run.status"; status=1; }
  done
fi

if [[ $STEPS == *packages* ]]; then
  say "packages: 2 images of 50,000 packages with every report, -Xmx$XMX"
  jvm packages
  TIMED_PEAK_OF=java timed packages "${JVM[@]}" inspect --no-cache --format json -o "$RAW/packages.json" \
    --report-dir "$WORK/reports" --history-dir "$WORK/history" "$IMAGES/hostile/packages-50k.qcow2" \
    "$IMAGES/hostile/apk-50k.qcow2" >"$RAW/packages.out" 2>"$RAW/packages.err" \
    || { echo "$?" >"$RAW/packages.status"; status=1; }
fi

python3 "$REPORTER" "$WORK" "$IMAGES" "$STEPS" "$XMX" "$CACHED_RUNS" "$LOAD_START" \
  "$(cut -d' ' -f1-3 /proc/loadavg)" || status=1
exit "$status"
