#!/usr/bin/env bash
# bench-cached.sh REVISION [WORKDIR]
#
# The cached step of scripts/load-test.sh, side by side: guest-inspect as of REVISION (a git revision: its jar,
# built here, and its scripts/guest-inspect launcher) against the working tree (cli/target/guest-inspect.jar and
# this launcher), each serving the same 1,000 image files from the same cache. WORKDIR (default
# /tmp/guest-inspect-load) must hold what load-test.sh left there: cache/ and copies/ (run it once with
# LOAD_STEPS=batch,cached). Each side gets its own launcher cache (class-data-sharing archives) and history, and one
# untimed run first; then BENCH_RUNS runs of each, in turn (A B A B ...), each under /usr/bin/time. Prints the
# median wall and CPU seconds of each side, the medians of the run-by-run ratios REVISION / working tree, and the
# load average before and after (the machine is shared: quote medians and ratios). Exit status 1 when a run failed.
#
# Environment: BENCH_RUNS (default 10), BENCH_MVN (default "mvn -B -q -ntp", add -o offline).
set -euo pipefail
shopt -s inherit_errexit

die() { echo "bench-cached: $*" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 REVISION [WORKDIR]" >&2; exit 2; }
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
WORK=$(cd "${2:-/tmp/guest-inspect-load}" && pwd) || die "no WORKDIR ${2:-/tmp/guest-inspect-load}"
RUNS=${BENCH_RUNS:-10}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number"
[[ -d $WORK/cache && -d $WORK/copies ]] || die "$WORK has no cache/ and copies/: run scripts/load-test.sh $WORK first"
[[ -f $GI_ROOT/cli/target/guest-inspect.jar ]] || die "no cli/target/guest-inspect.jar: mvn -DskipTests package"
REVISION=$(git -C "$GI_ROOT" rev-parse --verify "$1^{commit}") || die "$1 is not a revision"

BENCH=$WORK/bench-cached
rm -rf "$BENCH"
mkdir -p "$BENCH/a/src" "$BENCH/b"
echo "bench-cached: building ${REVISION:0:12}"
git -C "$GI_ROOT" archive "$REVISION" | tar -x -C "$BENCH/a/src"
(cd "$BENCH/a/src" && ${BENCH_MVN:-mvn -B -q -ntp} -DskipTests -pl cli -am package >"$BENCH/a/build.log" 2>&1) \
  || { cat "$BENCH/a/build.log" >&2; die "the build of $1 failed"; }
cp "$BENCH/a/src/cli/target/guest-inspect.jar" "$BENCH/a/guest-inspect.jar"
cp "$BENCH/a/src/scripts/guest-inspect" "$BENCH/a/launcher"
cp "$GI_ROOT/cli/target/guest-inspect.jar" "$BENCH/b/guest-inspect.jar"
cp "$SCRIPT_DIR/guest-inspect" "$BENCH/b/launcher"

# run SIDE: one cached run of that side, its wall, user and system seconds appended to SIDE/times
run() {
  XDG_CACHE_HOME=$BENCH/$1/xdg GUEST_INSPECT_JAR=$BENCH/$1/guest-inspect.jar /usr/bin/time -f '%e %U %S' \
    -a -o "$BENCH/$1/times" bash "$BENCH/$1/launcher" inspect --format json --cache-dir "$WORK/cache" \
    --history-dir "$BENCH/$1/history" -o "$BENCH/$1/out.json" "$WORK/copies" >/dev/null 2>"$BENCH/$1/err" \
    || { cat "$BENCH/$1/err" >&2; echo "bench-cached: a run of side $1 failed" >&2; return 1; }
}

for side in a b; do # the untimed run: the launcher's archive, the memo
  run "$side"
  rm -f "$BENCH/$side/times"
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for ((i = 0; i < RUNS; i++)); do
  run a
  run b
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$BENCH" "${1}" "$load_before" "$load_after" <<'EOF'
import statistics, sys
bench, revision, before, after = sys.argv[1:]
def times(side):
    rows = [line.split() for line in open(f"{bench}/{side}/times") if line.strip()]
    return [(float(w), float(u) + float(s)) for w, u, s in rows]
a, b = times("a"), times("b")
print(f"bench-cached: 1,000 cached images, {len(a)} runs each, load average {before} before, {after} after")
print(f"  {revision:<14} wall {statistics.median(w for w, _ in a):.3f} s   cpu {statistics.median(c for _, c in a):.3f} s")
print(f"  {'working tree':<14} wall {statistics.median(w for w, _ in b):.3f} s   cpu {statistics.median(c for _, c in b):.3f} s")
print(f"  ratio {revision} / working tree, median of run pairs: "
      f"wall {statistics.median(x[0] / y[0] for x, y in zip(a, b)):.2f}x   "
      f"cpu {statistics.median(x[1] / y[1] for x, y in zip(a, b)):.2f}x")
EOF
