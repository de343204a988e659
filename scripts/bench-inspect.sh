#!/usr/bin/env bash
# bench-inspect.sh [WORKDIR]
#
# Measures guest-inspect against virt-inspector side by side, in one run, on 8 distinct Debian test images that it
# builds itself (no root, no loop mounts) in WORKDIR/images (default WORKDIR: /tmp/guest-inspect-bench).
#
# For every N in BENCH_SIZES, BENCH_REPEAT times, interleaved:
#   ours  guest-inspect with default --jobs/--batch-size on the first N images (--no-cache, so nothing is reused)
#   seq   N virt-inspector runs one after another
#   two   the same N virt-inspector runs two at a time (xargs -P2)
# each under /usr/bin/time -f '%e %M %U %S' (wall seconds; peak RSS of the largest single process, i.e. qemu; CPU
# seconds of the measured tree). /proc/stat is read before and after each run, so the report shows how much CPU
# other processes took meanwhile ("other CPU"): a busy machine slows the contenders unevenly, so rerun if it is high.
#
# Then checks that guest-inspect reported every image INSPECTED with as many packages as virt-inspector listed
# <application> elements, prints a table of medians and the N=8 goal (>= 3.5x faster than sequential and >= 2x
# faster than two at a time; PASS/FAIL is printed, it does not change the exit status), and writes the raw
# figures to WORKDIR/bench-inspect.json. Exit status: 0 when every run succeeded and every count matched, 1 if not,
# 2 on bad usage or a missing tool.
#
# Environment:
#   BENCH_SIZES    image counts to measure (default "1 4 8"; at most 8)
#   BENCH_REPEAT   repetitions per N, the table shows medians (default 1)
#   BENCH_JAR      the guest-inspect jar (default cli/target/guest-inspect.jar; copy it somewhere private first
#                  if others may rebuild while the benchmark runs)
#   BENCH_OURS_ARGS extra options for guest-inspect (default none, i.e. default --jobs and --batch-size)
#   BENCH_TIMEOUT  time limit in seconds for one guest-inspect run or one virt-inspector run (default 1800)
#   BENCH_WARMUP   1 (default): launch one appliance before measuring, so the supermin cache is warm
#   LIBGUESTFS_BACKEND_SETTINGS defaults to force_tcg (nested KVM hangs on the project's machines); set it, even
#                  to "", to override.
# Takes about 15-20 minutes with the defaults under TCG.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "bench-inspect: $*" >&2; exit 2; }
say() { echo "bench-inspect: $*"; }

[[ $# -le 1 ]] || { echo "usage: $0 [WORKDIR]" >&2; exit 2; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
HELPER=$SCRIPT_DIR/lib/bench-inspect.py
VI_HELPER=$SCRIPT_DIR/lib/bench-virt-inspector.sh
[[ -f $HELPER && -f $VI_HELPER ]] || die "missing helpers in $SCRIPT_DIR/lib"

export LIBGUESTFS_BACKEND_SETTINGS=${LIBGUESTFS_BACKEND_SETTINGS-force_tcg}
SIZES=${BENCH_SIZES:-1 4 8}
REPEAT=${BENCH_REPEAT:-1}
JAR=${BENCH_JAR:-$GI_ROOT/cli/target/guest-inspect.jar}
OURS_ARGS=${BENCH_OURS_ARGS:-}
LIMIT=${BENCH_TIMEOUT:-1800}
WARMUP=${BENCH_WARMUP:-1}
readonly IMAGE_COUNT=8
# Wall seconds and peak RSS (KiB) of the largest single process are the measurement; the CPU seconds of the
# measured process tree (user, system) let the report tell how much CPU other processes on the machine took.
readonly TIME_FORMAT='%e %M %U %S'

[[ $REPEAT =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPEAT must be a positive number"
[[ $LIMIT =~ ^[1-9][0-9]*$ ]] || die "BENCH_TIMEOUT must be a positive number of seconds"
read -r -a SIZE_LIST <<<"$SIZES"
[[ ${#SIZE_LIST[@]} -gt 0 ]] || die "BENCH_SIZES is empty"
for n in "${SIZE_LIST[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ && $n -le $IMAGE_COUNT ]] || die "BENCH_SIZES: $n is not a number from 1 to $IMAGE_COUNT"
done
read -r -a OURS_EXTRA <<<"$OURS_ARGS"
[[ -f $JAR ]] || die "no jar at $JAR (build it: mvn -DskipTests package, or set BENCH_JAR)"
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

if [[ ! -x /usr/bin/time ]]; then
  say "installing GNU time (/usr/bin/time)"
  if [[ $(id -u) -eq 0 ]]; then
    apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else
    sudo apt-get install -y -q time >/dev/null
  fi
fi
for tool in /usr/bin/time java virt-inspector guestfish qemu-img mke2fs python3 timeout xargs truncate; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
HOST_STATUS=/var/lib/dpkg/status
[[ -r $HOST_STATUS ]] || die "cannot read $HOST_STATUS"
LS_BIN=/bin/ls
[[ -f $LS_BIN ]] || LS_BIN=$(command -v ls)

mkdir -p "${1:-/tmp/guest-inspect-bench}"
WORKDIR=$(cd "${1:-/tmp/guest-inspect-bench}" && pwd)
IMAGES_DIR=$WORKDIR/images
RUNS_DIR=$WORKDIR/runs
RUNS_TSV=$WORKDIR/runs.tsv
rm -rf "${IMAGES_DIR:?}" "${RUNS_DIR:?}"
rm -f "$RUNS_TSV" "$WORKDIR/bench-inspect.json"
mkdir -p "$IMAGES_DIR" "$RUNS_DIR"
: >"$RUNS_TSV"

export BENCH_DATE BENCH_COMMAND BENCH_JAR BENCH_OURS_ARGS BENCH_VI_ARGS BENCH_TIMEOUT
BENCH_DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
BENCH_COMMAND="BENCH_SIZES=\"$SIZES\" BENCH_REPEAT=$REPEAT $0 $WORKDIR"
BENCH_JAR=$JAR
BENCH_OURS_ARGS="inspect --format json -o OUT.json --no-cache ${OURS_ARGS}"
BENCH_VI_ARGS="virt-inspector --format=qcow2 -a IMG"
BENCH_TIMEOUT=$LIMIT

say "work dir $WORKDIR, sizes $SIZES, repeat $REPEAT, LIBGUESTFS_BACKEND_SETTINGS=$LIBGUESTFS_BACKEND_SETTINGS"
say "$(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), jar $JAR"

# --- test images: bench-K.qcow2 holds every K-th stanza of the host's dpkg database --------------------------
make_image() {
  local k=$1 root raw count
  root=$IMAGES_DIR/root-$k
  raw=$IMAGES_DIR/bench-$k.raw
  mkdir -p "$root/etc" "$root/bin" "$root/var/lib/dpkg"
  printf 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n' \
    >"$root/etc/os-release"
  echo 12.0 >"$root/etc/debian_version"
  echo "bench-$k" >"$root/etc/hostname"
  echo '/dev/sda / ext4 defaults 0 1' >"$root/etc/fstab"
  cp "$LS_BIN" "$root/bin/ls"
  count=$(python3 "$HELPER" stanzas "$HOST_STATUS" "$root/var/lib/dpkg/status" "$k")
  truncate -s 512M "$raw"
  mke2fs -q -t ext4 -d "$root" "$raw"
  qemu-img convert -O qcow2 "$raw" "$IMAGES_DIR/bench-$k.qcow2"
  rm -rf "${root:?}" "${raw:?}"
  printf 'bench-%s.qcow2\t%s\n' "$k" "$count" >>"$IMAGES_DIR/expected.tsv"
}

started=$SECONDS
: >"$IMAGES_DIR/expected.tsv"
IMAGES=()
for k in $(seq 1 "$IMAGE_COUNT"); do
  make_image "$k"
  IMAGES+=("$IMAGES_DIR/bench-$k.qcow2")
done
say "made $IMAGE_COUNT images in $((SECONDS - started)) s: $(tr '\t\n' '= ' <"$IMAGES_DIR/expected.tsv")(dpkg stanzas)"

if [[ $WARMUP == 1 ]]; then
  say "warm-up: one appliance launch (not measured)"
  started=$SECONDS
  timeout 900 guestfish --ro --format=qcow2 -a "${IMAGES[0]}" run >/dev/null \
    || die "warm-up appliance launch failed; is libguestfs working? (try libguestfs-test-tool)"
  say "warm-up took $((SECONDS - started)) s"
fi

# --- measured runs ------------------------------------------------------------------------------------------------
# run_one SIZE REPEAT CONTENDER: measures one contender on the first SIZE images; never fails the script.
run_one() {
  local n=$1 r=$2 c=$3 dir code=0 names=() img
  dir=$RUNS_DIR/n$n-r$r-$c
  mkdir -p "$dir"
  local subset=("${IMAGES[@]:0:n}")
  for img in "${subset[@]}"; do names+=("$(basename "$img")"); done
  head -n1 /proc/stat >"$dir/stat.before"
  case $c in
    ours)
      (cd "$dir" && /usr/bin/time -f "$TIME_FORMAT" -o "$dir/time.txt" \
        timeout "$LIMIT" java -jar "$JAR" inspect --format json -o "$dir/ours.json" --no-cache \
        "${OURS_EXTRA[@]}" "${subset[@]}" >"$dir/stdout.txt" 2>"$dir/stderr.txt") || code=$?
      ;;
    seq | two)
      local parallel=1
      [[ $c == two ]] && parallel=2
      printf '%s\0' "${subset[@]}" >"$dir/images.list"
      /usr/bin/time -f "$TIME_FORMAT" -o "$dir/time.txt" \
        xargs -0 -P "$parallel" -n 1 "$VI_HELPER" "$dir" "$LIMIT" <"$dir/images.list" \
        >"$dir/stdout.txt" 2>"$dir/stderr.txt" || code=$?
      ;;
  esac
  head -n1 /proc/stat >"$dir/stat.after"
  local IFS=,
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$r" "$c" "$dir" "$code" "${names[*]}" >>"$RUNS_TSV"
  say "N=$n repeat $r $c: $(tail -n1 "$dir/time.txt" 2>/dev/null | awk '{printf "%s s, peak RSS %d MiB", $1, $2/1024}')$([[ $code -eq 0 ]] || echo ", EXIT $code")"
}

for n in "${SIZE_LIST[@]}"; do
  for r in $(seq 1 "$REPEAT"); do
    for c in ours seq two; do
      run_one "$n" "$r" "$c"
    done
  done
done

# --- report -------------------------------------------------------------------------------------------------------
status=0
python3 "$HELPER" report "$WORKDIR" "$RUNS_TSV" || status=$?
if [[ $status -ne 0 ]]; then
  echo "bench-inspect: FAILED: a run failed or guest-inspect's package counts differ from virt-inspector's" >&2
  exit 1
fi
