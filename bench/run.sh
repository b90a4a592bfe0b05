#!/usr/bin/env bash
# Builds the benchmark module and runs every scenario; writes bench/RESULTS.md and bench/results.csv.
#   bench/run.sh            the measured run (run it on a quiet machine)
#   bench/run.sh --quick    smoke test of the harness, not a result
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl bench -am package -DskipTests
exec java -jar bench/target/strata-bench.jar "$@"
