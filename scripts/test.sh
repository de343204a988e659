#!/usr/bin/env bash
# Runs every test: installs missing system packages, builds the real test images, then unit tests (surefire) and
# the tests that drive real libguestfs on those images (failsafe, *IT). Under CI=true a missing libguestfs fails.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$GI_ROOT"

scripts/setup.sh
images="$GI_ROOT/target/test-images"
scripts/make-test-images.sh "$images"
mvn -B -ntp verify -Dguestinspect.testImages="$images" "$@"
