# Sourced by the measuring scripts (bench-cache.sh, load-test.sh): wall time, CPU time and the share of the cores
# other processes used meanwhile, for one command. The caller sets RAW (a directory for the raw figures) and
# HZ ($(getconf CLK_TCK)).

# Seconds since the epoch with microseconds, from bash itself (no process start in the measured interval).
now() { echo "${EPOCHREALTIME/,/.}"; }

cpu_jiffies() { # busy and total jiffies of all CPUs since boot, from /proc/stat
  local _ user nice system idle iowait irq softirq steal rest
  read -r _ user nice system idle iowait irq softirq steal rest </proc/stat
  echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}

# descendant PID NAME: the first process called NAME below PID (children, grandchildren, ...), if there is one.
descendant() {
  local ancestor=$1 candidate up depth
  for candidate in $(pgrep -x "$2"); do
    up=$candidate
    for ((depth = 0; depth < 8 && up > 1; depth++)); do
      up=$(awk '{ print $4 }' "/proc/$up/stat" 2>/dev/null) || break
      if [[ $up == "$ancestor" ]]; then
        echo "$candidate"
        return 0
      fi
    done
  done
  return 1
}

# peak_rss PID NAME: the peak resident set (VmHWM, KiB) of the process NAME below PID, sampled every 0.2 s until
# it exits (VmHWM only grows, so the last sample is the peak up to 0.2 s before the end); 0 if it never showed.
peak_rss() {
  local parent=$1 name=$2 child="" hwm peak=0
  while [[ -z $child ]] && kill -0 "$parent" 2>/dev/null; do
    child=$(descendant "$parent" "$name") || sleep 0.05
  done
  while [[ -n $child && -r /proc/$child/status ]]; do
    hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$child/status" 2>/dev/null) || true
    [[ -n $hwm ]] && peak=$hwm
    sleep 0.2
  done
  echo "$peak"
}

# timed NAME CMD...: runs CMD under /usr/bin/time (the caller redirects its output) and writes RAW/NAME.timing, one
# JSON object: wall seconds, CPU seconds of CMD and its children, and the share of all cores that other processes
# used meanwhile (/proc/stat busy time minus CMD's own). With TIMED_PEAK_OF=NAME (e.g. java) also the peak
# resident set of the process of that name that CMD starts (or is), in KiB ("peakRssKiB"). Returns CMD's status.
timed() {
  local name=$1 start end before after status=0 pid watcher="" peak=null
  shift
  before=$(cpu_jiffies)
  start=$(now)
  /usr/bin/time -f '%U %S' -o "$RAW/$name.rusage" "$@" &
  pid=$!
  if [[ -n ${TIMED_PEAK_OF:-} ]]; then
    peak_rss "$pid" "$TIMED_PEAK_OF" >"$RAW/$name.peak" &
    watcher=$!
  fi
  wait "$pid" || status=$?
  end=$(now)
  after=$(cpu_jiffies)
  if [[ -n $watcher ]]; then
    wait "$watcher" || true
    peak=$(<"$RAW/$name.peak")
  fi
  python3 -c '
import json, sys
start, end, before, after, rusage, hz, peak = sys.argv[1:8]
wall = float(end) - float(start)
cpu = sum(float(x) for x in rusage.split())
busy = (int(after.split()[0]) - int(before.split()[0])) / int(hz)
total = (int(after.split()[1]) - int(before.split()[1])) / int(hz)
figures = {"wall": round(wall, 6), "cpu": round(cpu, 3), "systemBusy": round(busy, 3),
           "systemTotal": round(total, 3),
           "otherCpuShare": round(max(0.0, busy - cpu) / total, 4) if total > 0 else None}
if peak != "null":
    figures["peakRssKiB"] = int(peak)
print(json.dumps(figures))
' "$start" "$end" "$before" "$after" "$(tail -1 "$RAW/$name.rusage")" "$HZ" "$peak" >"$RAW/$name.timing"
  return "$status"
}
