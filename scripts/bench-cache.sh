#!/usr/bin/env bash
# bench-cache.sh [WORKDIR]
#
# Measures the result cache and content hashing in one run (default WORKDIR: /tmp/guest-inspect-bench-cache):
#
#  1. builds guest-inspect and the JMH benchmarks (mvn -q -DskipTests -Pbenchmarks package) and copies both jars
#     to WORKDIR/jars, so a rebuild by someone else cannot change them mid-run;
#  2. runs the CLI twice on one real image (default /tmp/gi-images/debian12.qcow2, made with
#     scripts/make-test-images.sh WORKDIR/images if absent) with a fresh --cache-dir: the first run inspects
#     (miss), the second is served from the cache (hit). Reports both wall times and their ratio (goal: the hit at
#     least 20x faster), the hash and lookup times the hit run recorded, and a JVM start-up baseline
#     (java -jar guest-inspect.jar --version). Where scripts/guest-inspect (the launcher with start-up settings)
#     exists, one more hit is measured through it, after one run that makes its class-data-sharing archive;
#  3. runs the JMH benchmarks on the real result of the miss run (its JSON report, about a thousand packages):
#     Smile vs JSON encode and decode, ResultCache.get of a stored entry, HashMemo.hash of an unchanged file and
#     both together (goal: a hit under 5 ms per image); prints the sizes and the Smile/JSON ratios;
#  4. measures hashing throughput on one 2 GiB file of random bytes (made once, kept in WORKDIR/hash): our
#     ContentHasher with every core and with 1 thread, openssl dgst -sha256, sha256sum, and cat > /dev/null as the
#     read ceiling, BENCH_HASH_RUNS rounds interleaved, medians; the page cache is warmed first (one cat), so
#     every tool reads from memory. Goal: ours (all cores) / openssl >= 1.0.
#
# Every measured process runs under /usr/bin/time, and /proc/stat is read around it: the table shows, beside each
# figure, the share of the cores that OTHER processes used meanwhile ("other CPU"), and the load average at the
# start and end; on a shared machine, read the figures with that column in mind.
#
# Prints a summary table with PASS/FAIL per goal (the goals do not change the exit status) and writes the raw
# figures to WORKDIR/bench-cache.json. Exit status: 0 when every step ran and checked out, 1 if not, 2 on bad usage
# or a missing tool. Takes about 12 minutes (JMH: 9 benchmarks x 50 s).
#
# Environment:
#   BENCH_IMAGE     the image for the CLI runs (default /tmp/gi-images/debian12.qcow2)
#   BENCH_BUILD     1 (default): build first; 0: use the jars already in cli/target and benchmarks/target
#   BENCH_TIMEOUT   time limit in seconds for one CLI run (default 900)
#   BENCH_JMH_ARGS  JMH options (default "-f 1 -wi 2 -i 3 -tu us"; e.g. add "-w 2s -r 2s" for a quicker run)
#   BENCH_HASH_RUNS rounds of the hashing comparison (default 3)
#   BENCH_HASH_SIZE bytes of the hashed file (default 2147483648)
#   LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (nested KVM hangs on the project's machines); set it, even
#                  to "", to override.
# Measure on a quiet machine: another benchmark running at the same time (e.g. bench-inspect.sh) skews both.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "bench-cache: $*" >&2; exit 2; }
say() { echo "bench-cache: $*"; }

[[ $# -le 1 ]] || { echo "usage: $0 [WORKDIR]" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
REPORTER=$SCRIPT_DIR/lib/bench-cache-report.py
[[ -f $REPORTER ]] || die "missing helper $REPORTER"

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}
IMAGE=${BENCH_IMAGE:-/tmp/gi-images/debian12.qcow2}
BUILD=${BENCH_BUILD:-1}
LIMIT=${BENCH_TIMEOUT:-900}
JMH_ARGS=${BENCH_JMH_ARGS:--f 1 -wi 2 -i 3 -tu us}
HASH_RUNS=${BENCH_HASH_RUNS:-3}
HASH_SIZE=${BENCH_HASH_SIZE:-2147483648}

[[ $BUILD == 0 || $BUILD == 1 ]] || die "BENCH_BUILD must be 0 or 1"
[[ $LIMIT =~ ^[1-9][0-9]*$ ]] || die "BENCH_TIMEOUT must be a positive number of seconds"
[[ $HASH_RUNS =~ ^[1-9][0-9]*$ ]] || die "BENCH_HASH_RUNS must be a positive number"
[[ $HASH_SIZE =~ ^[1-9][0-9]*$ ]] || die "BENCH_HASH_SIZE must be a positive number of bytes"
read -r -a JMH_OPTS <<<"$JMH_ARGS"
for tool in java mvn python3 openssl sha256sum cat head timeout nproc getconf env /usr/bin/time; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

mkdir -p "${1:-/tmp/guest-inspect-bench-cache}"
WORK=$(cd "${1:-/tmp/guest-inspect-bench-cache}" && pwd)
RAW=$WORK/raw
rm -rf "$RAW"
mkdir -p "$RAW" "$WORK/jars" "$WORK/hash"

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if pgrep -f 'bench-inspect\.sh' >/dev/null; then
  say "warning: bench-inspect.sh is running; both measurements will be skewed (2 cores)"
fi

CORES=$(nproc)
HZ=$(getconf CLK_TCK)
source "$SCRIPT_DIR/lib/timing.sh"
wall_of() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["wall"])' "$RAW/$1.timing"; }

# ---------------------------------------------------------------------------------------------------- 1. build
if [[ $BUILD == 1 ]]; then
  say "building (mvn -q -DskipTests -Pbenchmarks package)"
  (cd "$GI_ROOT" && mvn -q -DskipTests -Pbenchmarks package) || { echo "bench-cache: the build failed" >&2; exit 1; }
fi
for jar in "$GI_ROOT/cli/target/guest-inspect.jar" "$GI_ROOT/benchmarks/target/benchmarks.jar"; do
  [[ -f $jar ]] || die "no $jar (build with: mvn -DskipTests -Pbenchmarks package)"
  cp "$jar" "$WORK/jars/"
done
CLI_JAR=$WORK/jars/guest-inspect.jar
BENCH_JAR=$WORK/jars/benchmarks.jar

# ---------------------------------------------------------------------------------------------------- 2. image
if [[ ! -f $IMAGE ]]; then
  if [[ -n ${BENCH_IMAGE:-} ]]; then
    die "no image at $IMAGE"
  fi
  say "no $IMAGE: building the test images in $WORK/images"
  "$GI_ROOT/scripts/make-test-images.sh" "$WORK/images"
  IMAGE=$WORK/images/debian12.qcow2
fi
IMAGE=$(cd "$(dirname "$IMAGE")" && pwd)/$(basename "$IMAGE")
say "image: $IMAGE ($(stat -c %s "$IMAGE") bytes)"

# ---------------------------------------------------------------------------------------------------- 3. CLI miss and hit
CLI_DIR=$WORK/cli
rm -rf "$CLI_DIR"
mkdir -p "$CLI_DIR"
run_cli() { # NAME [COMMAND...]: one CLI run in CLI_DIR with the cache directory CLI_DIR/cache (COMMAND defaults to
  # java -jar CLI_JAR); writes NAME.json and NAME.err
  local name=$1 status=0
  shift
  local command=("$@")
  [[ ${#command[@]} -gt 0 ]] || command=(java -jar "$CLI_JAR")
  timed "cli-$name" env -C "$CLI_DIR" timeout "$LIMIT" "${command[@]}" inspect --format json -o "$name.json" \
    --cache-dir cache "$IMAGE" 2>"$CLI_DIR/$name.err" || status=$?
  if [[ $status -ne 0 ]]; then
    echo "bench-cache: the $name run exited with $status; $CLI_DIR/$name.err says:" >&2
    tail -20 "$CLI_DIR/$name.err" >&2
    exit 1
  fi
  say "  $(wall_of "cli-$name") s"
}
say "CLI run 1 of 2 (fresh cache: a miss, inspects with libguestfs; limit ${LIMIT}s)"
run_cli miss
say "CLI run 2 of 2 (the same image: a hit)"
run_cli hit
timed cli-version java -jar "$CLI_JAR" --version >/dev/null
if [[ -f $GI_ROOT/scripts/guest-inspect ]]; then
  # The project's launcher runs the jar with start-up settings (C1 only, serial GC, a class-data-sharing archive it
  # makes on its first run). XDG_CACHE_HOME keeps its archive in CLI_DIR; the first launcher run makes the archive.
  cp "$GI_ROOT/scripts/guest-inspect" "$WORK/jars/guest-inspect-launcher"
  export XDG_CACHE_HOME=$CLI_DIR/xdg GUEST_INSPECT_JAR=$CLI_JAR
  say "CLI hit through scripts/guest-inspect: one run to make its archive, then the measured one"
  run_cli launcher-prime bash "$WORK/jars/guest-inspect-launcher"
  run_cli launcher bash "$WORK/jars/guest-inspect-launcher"
  unset XDG_CACHE_HOME GUEST_INSPECT_JAR
fi

# ---------------------------------------------------------------------------------------------------- 4. JMH
REPORT=$CLI_DIR/miss.json
say "result sizes (CodecSizes)"
java -cp "$BENCH_JAR" io.github.guestinspect.benchmarks.CodecSizes "$REPORT" | tee "$RAW/sizes.json"
say "JMH: ${JMH_OPTS[*]} (log: $WORK/jmh.log)"
timed jmh java -jar "$BENCH_JAR" "${JMH_OPTS[@]}" -p report="$REPORT" -p image="$IMAGE" -rf json \
  -rff "$RAW/jmh.json" >"$WORK/jmh.log" 2>&1 || { echo "bench-cache: JMH failed; see $WORK/jmh.log" >&2; tail -30 "$WORK/jmh.log" >&2; exit 1; }
sed -n '/^Benchmark /,$p' "$WORK/jmh.log"

# ---------------------------------------------------------------------------------------------------- 5. hashing
FILE=$WORK/hash/random-$HASH_SIZE.bin
if [[ ! -f $FILE || $(stat -c %s "$FILE") -ne $HASH_SIZE ]]; then
  say "making $FILE ($HASH_SIZE random bytes, once)"
  head -c "$HASH_SIZE" /dev/urandom >"$FILE.tmp"
  mv "$FILE.tmp" "$FILE"
fi
say "warming the page cache: cat $FILE > /dev/null (every tool below then reads from memory)"
cat "$FILE" >/dev/null
printf 'round\ttool\tinner_seconds\tdigest\n' >"$RAW/hash.tsv"
hash_run() { # ROUND TOOL: one timed run (RAW/hash-TOOL-ROUND.timing), one line in hash.tsv
  local round=$1 tool=$2 name out inner="" digest=""
  name=hash-$tool-$round
  out=$RAW/$name.out
  case $tool in
    ours-all) timed "$name" java -cp "$BENCH_JAR" io.github.guestinspect.benchmarks.HashFile "$FILE" "$CORES" >"$out" ;;
    ours-1) timed "$name" java -cp "$BENCH_JAR" io.github.guestinspect.benchmarks.HashFile "$FILE" 1 >"$out" ;;
    openssl) timed "$name" openssl dgst -sha256 -r "$FILE" >"$out" ;;
    sha256sum) timed "$name" sha256sum "$FILE" >"$out" ;;
    cat) timed "$name" cat "$FILE" >/dev/null; : >"$out" ;;
  esac
  case $tool in
    ours-*)
      inner=$(python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).read().splitlines()[1])["seconds"])' "$out")
      digest=$(head -1 "$out" | cut -d' ' -f1) ;;
    openssl | sha256sum) digest=$(cut -d' ' -f1 "$out") ;;
  esac
  printf '%s\t%s\t%s\t%s\n' "$round" "$tool" "$inner" "$digest" >>"$RAW/hash.tsv"
}
for ((round = 1; round <= HASH_RUNS; round++)); do
  say "hashing round $round of $HASH_RUNS: ours ($CORES threads), ours (1 thread), openssl, sha256sum, cat"
  for tool in ours-all ours-1 openssl sha256sum cat; do
    hash_run "$round" "$tool"
  done
done

# ---------------------------------------------------------------------------------------------------- 6. report
{
  echo "{"
  echo "  \"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\","
  echo "  \"cpu\": \"$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)\","
  echo "  \"cores\": $CORES,"
  echo "  \"memoryGiB\": $(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo),"
  echo "  \"kernel\": \"$(uname -r)\","
  echo "  \"java\": \"$(java -version 2>&1 | head -2 | tail -1 | sed 's/"/\\"/g')\","
  echo "  \"openssl\": \"$(openssl version)\","
  echo "  \"libguestfsBackendSettings\": \"$LIBGUESTFS_BACKEND_SETTINGS\","
  echo "  \"image\": \"$IMAGE\","
  echo "  \"hashFile\": \"$FILE\","
  echo "  \"hashFileBytes\": $HASH_SIZE,"
  echo "  \"jmhArgs\": \"$JMH_ARGS\","
  echo "  \"loadAverageAtStart\": \"$LOAD_START\","
  echo "  \"loadAverageAtEnd\": \"$(cut -d' ' -f1-3 /proc/loadavg)\""
  echo "}"
} >"$RAW/machine.json"
python3 "$REPORTER" "$RAW" "$CLI_DIR" "$WORK/bench-cache.json"
