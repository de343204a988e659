#!/usr/bin/env bash
# Fuzzes every Jazzer target (@FuzzTest methods in core/src/test/java) for a bounded time each, one JVM per target
# (Jazzer fuzzes one target per run). Usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [NAME-FILTER]
#   scripts/fuzz.sh              # 30 s each, as scripts/test.sh runs it in CI
#   scripts/fuzz.sh 3600 Policy  # an hour on each target whose class#method matches "Policy"
# A finding (an input that breaks a target's contract) is written by Jazzer to the target's checked-in inputs
# directory, core/src/test/resources/<package>/<Class>Inputs/<method>/, where every later build replays it; the script
# goes on with the other targets and fails at the end. Inputs that reached new code are kept between local runs in
# core/.cifuzz-corpus/<class>/<method> (not checked in). docs/reliability.md, section Fuzzing, says more.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$GI_ROOT"

seconds="${1:-30}"
filter="${2:-}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh [SECONDS-PER-TARGET] [NAME-FILTER]" >&2
    exit 2
fi

# class#method of every @FuzzTest, from the sources, so a new target is fuzzed without touching this script
mapfile -t targets < <(grep -rl --include='*FuzzTest.java' '@FuzzTest' core/src/test/java | sort | while read -r file; do
    class="$(sed -e 's|^core/src/test/java/||' -e 's|\.java$||' -e 's|/|.|g' <<<"$file")"
    awk '/@FuzzTest/ { want = 1; next } want && match($0, /void [A-Za-z0-9_]+\(/) {
             print substr($0, RSTART + 5, RLENGTH - 6); want = 0 }' "$file" | sed "s|^|$class#|"
done | grep -e "$filter")
if [ "${#targets[@]}" -eq 0 ]; then
    echo "fuzz: no @FuzzTest matches '$filter'" >&2
    exit 2
fi

# Library code a target drives is instrumented too, so coverage guides the fuzzer through the decoders themselves.
extra_instrumentation() {
    case "$1" in
        *ResultCacheFuzzTest*) echo ",com.fasterxml.jackson.dataformat.smile.**" ;;
        *PolicyParserFuzzTest*) echo ",com.fasterxml.jackson.dataformat.yaml.**,org.yaml.snakeyaml.**" ;;
    esac
}

mvn -B -ntp -q -pl core test-compile
out="core/target/fuzz"
rm -rf "$out"
mkdir -p "$out"

# One target: its own log, reports and surefire directories (two targets, even of one class, may run at once, and
# surefire deletes its temporary directory when it ends); the status file says how it ended. The heap is bounded so
# that libFuzzer's RSS limit (2.5 GB) is never reached by an idle heap. Jazzer stops after max_duration; an input
# that hangs a parser keeps it from stopping, so surefire's and then the outer time-out end the JVM, and the target
# counts as a finding (the one hang found so far was saved by Jazzer in the inputs directory when it was killed).
fuzz_one() {
    local target="$1" name="${1//[#.]/-}" start status
    start=$(date +%s)
    if JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" \
            JAZZER_INSTRUMENT="io.github.guestinspect.**$(extra_instrumentation "$target")" \
            timeout --kill-after=30 $((seconds + 300)) \
            mvn -B -ntp -pl core surefire:test@fuzz-tests -Dtest="$target" -DargLine=-Xmx1g \
                -Dfuzz.reportsDirectory="$GI_ROOT/$out/$name" -DtempDir="fuzz/$name.tmp" \
                -Dfuzz.forkTimeout=$((seconds + 240)) >"$out/$name.log" 2>&1; then
        status="no finding ($(($(date +%s) - start)) s; $(grep -ao '#[0-9]*.*exec/s: [0-9]*' "$out/$name.log" | tail -1))"
        echo passed >"$out/$name.status"
    else
        status="FINDING or error after $(($(date +%s) - start)) s, see $out/$name.log:
$(grep -a -m 5 -e 'FuzzTestFindingException' -e '== Java Exception' -e 'Caused by' -e 'ERROR\]' "$out/$name.log" \
            || tail -20 "$out/$name.log")"
        echo failed >"$out/$name.status"
    fi
    echo "fuzz: $target: $status"
}

# Two targets at a time by default: CI has both cores to itself; GI_FUZZ_JOBS=1 on a shared machine.
parallel="${GI_FUZZ_JOBS:-2}"
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, $parallel at a time"
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
        wait -n || true
    done
    fuzz_one "$target" &
done
wait

passed=0
failed=()
for target in "${targets[@]}"; do
    if [ "$(cat "$out/${target//[#.]/-}.status" 2>/dev/null)" = passed ]; then
        passed=$((passed + 1))
    else
        failed+=("$target")
    fi
done
for target in "${failed[@]}"; do
    echo "fuzz: finding in $target (the input is saved under core/src/test/resources and replayed by every build)"
done
echo "fuzz: $passed passed, ${#failed[@]} failed"
[ "${#failed[@]}" -eq 0 ]
