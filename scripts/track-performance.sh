#!/usr/bin/env bash
# track-performance.sh
#
# Runs the project's benchmarks, appends their key figures with a timestamp and the git commit to a history file
# and renders the trend as an SVG chart:
#
#  1. builds guest-inspect and the JMH benchmarks once (mvn -q -DskipTests -Pbenchmarks package; PERF_BUILD=0
#     skips it) and copies the jar to the work directory, so a rebuild meanwhile cannot change what is measured;
#  2. scripts/bench-inspect.sh WORK/inspect: guest-inspect against virt-inspector on 8 generated Debian images
#     (figures in WORK/inspect/bench-inspect.json);
#  3. scripts/bench-cache.sh WORK/cache: cache miss/hit of the CLI, JMH codec and lookup benchmarks, hashing
#     throughput against openssl (figures in WORK/cache/bench-cache.json);
#  4. appends one JSON line to the history (wall times, speed-ups, launch share, cache hit speed-up, lookup time,
#     hashing GB/s, the exit status of each benchmark, machine, mode, commit and whether the tree was dirty);
#  5. draws every run of the same mode (quick or full) from the history into an SVG chart.
#
# Why target/perf-history.jsonl and not docs/: the raw figures belong to the machine that measured them (cores,
# KVM or TCG, other load on it), so one history is only comparable with itself; committed, runs from different
# machines and quick runs would mix in the same chart. docs/performance.md keeps the curated, explained figures.
# target/ is ignored by git and stays on the machine that measures; since `mvn clean` deletes it, point
# PERF_HISTORY elsewhere (a CI cache directory) to keep a long history.
#
# Environment:
#   PERF_QUICK    1: a quick run (about 10 minutes under TCG instead of about 35): bench-inspect with 2 images
#                 only, JMH with 1 s iterations, hashing 256 MiB once. Quick and full runs are charted apart.
#   PERF_HISTORY  the history file (default target/perf-history.jsonl in the repository)
#   PERF_CHART    the chart (default: the history's name with .svg, e.g. target/perf-history.svg)
#   PERF_WORK     the benchmarks' work directory (default /tmp/guest-inspect-perf)
#   PERF_SKIP     "inspect" or "cache" to leave that benchmark out (its figures are then null)
#   PERF_BUILD    1 (default): build first; 0: use cli/target/guest-inspect.jar and benchmarks/target as they are
#   PERF_COMMIT   the commit to record (default: git rev-parse HEAD of the repository, "unknown" outside git)
#   LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (as in the benchmarks)
# Exit status: 0 when every benchmark ran and checked out, 1 when one failed (its figures are still recorded, with
# its exit status), 2 on bad usage or a missing tool.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "track-performance: $*" >&2; exit 2; }
say() { echo "track-performance: $*"; }

[[ $# -eq 0 ]] || { echo "usage: $0 (settings through the environment, see the header)" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
TREND=$SCRIPT_DIR/lib/perf-trend.py
[[ -f $TREND && -x $SCRIPT_DIR/bench-inspect.sh && -x $SCRIPT_DIR/bench-cache.sh ]] \
  || die "missing scripts: $TREND, bench-inspect.sh, bench-cache.sh"
for tool in python3 java mvn git date; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}
QUICK=${PERF_QUICK:-0}
HISTORY=${PERF_HISTORY:-$GI_ROOT/target/perf-history.jsonl}
CHART=${PERF_CHART:-${HISTORY%.jsonl}.svg}
WORK=${PERF_WORK:-/tmp/guest-inspect-perf}
SKIP=${PERF_SKIP:-}
BUILD=${PERF_BUILD:-1}
[[ $QUICK == 0 || $QUICK == 1 ]] || die "PERF_QUICK must be 0 or 1"
[[ $BUILD == 0 || $BUILD == 1 ]] || die "PERF_BUILD must be 0 or 1"
[[ -z $SKIP || $SKIP == inspect || $SKIP == cache ]] || die "PERF_SKIP must be empty, inspect or cache"
[[ $CHART != "$HISTORY" ]] || die "PERF_CHART must differ from PERF_HISTORY"
MODE=full
[[ $QUICK == 1 ]] && MODE=quick

if [[ -n ${PERF_COMMIT:-} ]]; then
  COMMIT=$PERF_COMMIT
  DIRTY=0
elif COMMIT=$(git -C "$GI_ROOT" rev-parse HEAD 2>/dev/null); then
  DIRTY=0
  [[ -z $(git -C "$GI_ROOT" status --porcelain --untracked-files=no 2>/dev/null) ]] || DIRTY=1
else
  COMMIT=unknown
  DIRTY=0
fi

mkdir -p "$WORK/jars"
WORK=$(cd "$WORK" && pwd)
STARTED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
say "$MODE run of commit $COMMIT$([[ $DIRTY == 1 ]] && echo ' (with uncommitted changes)'), work dir $WORK"

if [[ $BUILD == 1 ]]; then
  say "building (mvn -q -DskipTests -Pbenchmarks package)"
  (cd "$GI_ROOT" && mvn -q -DskipTests -Pbenchmarks package) || { echo "track-performance: the build failed" >&2; exit 1; }
fi
[[ -f $GI_ROOT/cli/target/guest-inspect.jar ]] || die "no cli/target/guest-inspect.jar (build it, or PERF_BUILD=1)"
cp "$GI_ROOT/cli/target/guest-inspect.jar" "$WORK/jars/guest-inspect.jar"

# ---------------------------------------------------------------------------------------------- bench-inspect
INSPECT_JSON=-
INSPECT_STATUS=0
if [[ $SKIP != inspect ]]; then
  rm -f "$WORK/inspect/bench-inspect.json"
  sizes="1 4 8"
  [[ $QUICK == 1 ]] && sizes=2
  say "bench-inspect.sh (sizes $sizes; log $WORK/inspect.log)"
  BENCH_SIZES=$sizes BENCH_REPEAT=1 BENCH_JAR="$WORK/jars/guest-inspect.jar" \
    "$SCRIPT_DIR/bench-inspect.sh" "$WORK/inspect" >"$WORK/inspect.log" 2>&1 || INSPECT_STATUS=$?
  [[ $INSPECT_STATUS -eq 0 ]] || say "bench-inspect.sh exited with $INSPECT_STATUS; see $WORK/inspect.log"
  [[ -f $WORK/inspect/bench-inspect.json ]] && INSPECT_JSON=$WORK/inspect/bench-inspect.json
  sed -n '/^guest-inspect vs virt-inspector/,/^launch share/p' "$WORK/inspect.log"
fi

# ---------------------------------------------------------------------------------------------- bench-cache
CACHE_JSON=-
CACHE_STATUS=0
if [[ $SKIP != cache ]]; then
  rm -f "$WORK/cache/bench-cache.json"
  say "bench-cache.sh (log $WORK/cache.log)"
  cache_env=(BENCH_BUILD=0)
  if [[ $QUICK == 1 ]]; then
    cache_env+=(BENCH_JMH_ARGS="-f 1 -wi 1 -i 1 -w 1s -r 1s -tu us" BENCH_HASH_RUNS=1 BENCH_HASH_SIZE=268435456)
  fi
  env "${cache_env[@]}" "$SCRIPT_DIR/bench-cache.sh" "$WORK/cache" >"$WORK/cache.log" 2>&1 || CACHE_STATUS=$?
  [[ $CACHE_STATUS -eq 0 ]] || say "bench-cache.sh exited with $CACHE_STATUS; see $WORK/cache.log"
  [[ -f $WORK/cache/bench-cache.json ]] && CACHE_JSON=$WORK/cache/bench-cache.json
  sed -n '/^CLI, one image/,/^  miss \/ hit/p' "$WORK/cache.log"
fi

# ---------------------------------------------------------------------------------------------- history, chart
say "appending to $HISTORY"
python3 "$TREND" append "$HISTORY" "$MODE" "$STARTED" "$COMMIT" "$DIRTY" "$INSPECT_JSON" "$INSPECT_STATUS" \
  "$CACHE_JSON" "$CACHE_STATUS" >/dev/null
python3 "$TREND" chart "$HISTORY" "$CHART"

if [[ $INSPECT_STATUS -ne 0 || $CACHE_STATUS -ne 0 ]]; then
  echo "track-performance: a benchmark failed (bench-inspect $INSPECT_STATUS, bench-cache $CACHE_STATUS);" \
    "its figures were recorded with that status" >&2
  exit 1
fi
say "done: $HISTORY, $CHART"
