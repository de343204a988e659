#!/usr/bin/env bash
# Runs every test: installs missing system packages, builds the real test images, then unit tests (surefire) and
# the tests that drive real libguestfs on those images (failsafe, *IT), then fuzzes each parser of untrusted input for
# a bounded time (scripts/fuzz.sh). Under CI=true a missing libguestfs fails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$GI_ROOT"

scripts/setup.sh
images="$GI_ROOT/target/test-images"
scripts/make-test-images.sh "$images"
mvn -B -ntp verify -Dguestinspect.testImages="$images" "$@"
# then a short fuzzing run of every Jazzer target (the build above replayed their checked-in inputs); longer runs:
# scripts/fuzz.sh SECONDS-PER-TARGET
scripts/fuzz.sh "${GI_FUZZ_SECONDS:-30}"
