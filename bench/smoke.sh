#!/usr/bin/env bash
# The benchmarks' smoke run, part of `mvn verify` (integration-test phase): every bench/*.sh script (this one and
# lib.sh aside) runs with --smoke, tiny sizes, nothing recorded; any failure fails the build. The scripts that need
# a running application share one server started here (BENCH_BASE_URL, BENCH_SSL_PORT); a script that measures the
# server itself may start its own. A new benchmark script joins by taking --smoke.
#
# Usage: bench/smoke.sh [SCRIPT ...]   default: every benchmark script
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init "$@"

scripts=("${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"}")
if [ ${#scripts[@]} -eq 0 ]; then
  for script in bench/*.sh; do
    case "$(basename "$script")" in lib.sh | smoke.sh) ;; *) scripts+=("$script") ;; esac
  done
fi

bench_app_start h2
export BENCH_BASE_URL BENCH_SSL_PORT
failed=()
for script in "${scripts[@]}"; do
  bench_log "smoke: $script"
  started=$SECONDS
  if bash "$script" --smoke; then
    bench_log "smoke: $script passed in $((SECONDS - started)) s"
  else
    bench_log "smoke: $script FAILED"
    failed+=("$script")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "Benchmark smoke runs failed: ${failed[*]}" >&2
  exit 1
fi
echo "Benchmark smoke runs passed: ${scripts[*]}"
