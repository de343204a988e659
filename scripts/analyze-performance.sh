#!/usr/bin/env bash
# analyze-performance.sh [RESULTS.json] [OUT.md]
#
# Names the bottleneck of a guest-inspect run from the timings its JSON report measured (inspect --format json -o
# RESULTS.json, or the history's last-results.json), and writes a Markdown report with recommendations computed
# from those figures: the phases summed over the images (appliance launch share, OS inspection, package listing,
# content hashing, cache lookup, qemu-img probe), the appliance launches, the time no phase accounts for, and per
# image figures. Each recommendation quotes the numbers it comes from (e.g. launches dominate and batches are small
# -> the --batch-size that would cut the launches, and by how much; package listing dominates -> which image and
# whether it is slow per package or just large; hashing dominates -> which images missed the identity memo).
#
# RESULTS.json defaults to .guest-inspect/history/last-results.json (the run recorded last under the current
# directory). OUT.md defaults to target/performance-analysis.md in the repository. The report is printed too.
#
# Environment:
#   ANALYZE_JOBS  the --jobs the run used (default: guest-inspect's default here, min(cores, 4)); it only shapes
#                 the suggested --batch-size
# Exit status: 0 when the report was written, 2 on bad usage or unreadable input.
set -euo pipefail
shopt -s inherit_errexit

die() { echo "analyze-performance: $*" >&2; exit 2; }

[[ $# -le 2 ]] || { echo "usage: $0 [RESULTS.json] [OUT.md]" >&2; exit 2; }
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GI_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
HELPER=$SCRIPT_DIR/lib/perf-analyze.py
[[ -f $HELPER ]] || die "missing helper $HELPER"
command -v python3 >/dev/null || die "python3 is not installed"

RESULTS=${1:-.guest-inspect/history/last-results.json}
OUT=${2:-$GI_ROOT/target/performance-analysis.md}
[[ -f $RESULTS ]] || die "no results at $RESULTS (give a JSON report: guest-inspect inspect --format json -o FILE)"
JOBS=${ANALYZE_JOBS:-$(( $(nproc) < 4 ? $(nproc) : 4 ))}
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "ANALYZE_JOBS must be a positive number"

python3 "$HELPER" "$RESULTS" "$OUT" "$JOBS"
