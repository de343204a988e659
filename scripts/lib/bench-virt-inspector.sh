#!/usr/bin/env bash
# bench-virt-inspector.sh OUTDIR TIMEOUT IMAGE
#
# Helper for scripts/bench-inspect.sh (run through xargs): inspects one qcow2 image with virt-inspector, writing
# OUTDIR/NAME.xml (the XML) and OUTDIR/NAME.err (its stderr). Exits with virt-inspector's status (124 on timeout).
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: $0 OUTDIR TIMEOUT IMAGE" >&2; exit 2; }
out=$1
limit=$2
image=$3
name=$(basename "$image")
# --format applies to the -a options after it, so it comes first.
timeout "$limit" virt-inspector --format=qcow2 -a "$image" >"$out/$name.xml" 2>"$out/$name.err"
