#!/usr/bin/env bash
# Benchmark 2 (issue 7): quiet sync. Once in step, an incremental run with no edits on either side.
#
# A fresh server (H2), N contacts in scope for bob, a first run and a second one (which reads back the first run's
# own creates through delta), then R incremental runs with nothing changed. For each: HTTP round trips (the
# sandbox's count for the mailbox; target <= 2), the run's duration (its startedAt..endedAt, as the server stamped
# them), the time the sandbox spent answering (its own per-mailbox clock), and the difference: time spent in the
# application (target <= 300 ms). Reported as medians and maxima over the R runs, and the server's CPU time per run
# (the whole JVM with the in-process sandbox, and the application's own threads).
#
# With --full the R runs are Full Syncs ("Full Sync with Microsoft 365", what codeunit 6700 runs with Parameter
# String FULL) instead: both directions, so the whole folder is listed (pages of 1,000) after the delta round, and
# the round-trip target is 2 + ceil(N / 1000); the application-time target is for incremental runs only.
#
# Usage: bench/quiet-sync.sh [--latency MS] [--runs R] [--full] [N]   default N 5000, R 7, latency 0 ms
#        bench/quiet-sync.sh --smoke                                   N = 40, R = 2, nothing recorded
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init "$@"

latency=0 runs=7 size=5000 mode=INCREMENTAL
set -- "${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"}"
while [ $# -gt 0 ]; do
  case "$1" in
    --latency) latency=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --full) mode=FULL; shift ;;
    *) size=$1; shift ;;
  esac
done
if [ "$BENCH_SMOKE" = true ]; then size=40 runs=2; fi

user=bob mailbox=bob@contoso.example
bench_app_start h2
bench_limits "{\"latencyMillis\":$latency}"
bench_sandbox POST "/mailboxes/$mailbox/reset" >/dev/null
in_scope=$(bench_ensure_in_scope "$size")

bench_log "bringing $in_scope contacts in step (two runs)"
for _ in 1 2; do
  status=$(bench_sync "$user" INCREMENTAL | bench_json 'd["status"]')
  [ "$status" = SUCCEEDED ] || { echo "a run to get in step ended $status" >&2; exit 1; }
done

samples="$BENCH_TMP/samples"
: >"$samples"
bench_cpu_start
for i in $(seq 1 "$runs"); do
  before=$(bench_counters "$mailbox")
  started=$(bench_millis)
  run=$(bench_sync "$user" "$mode")
  wall_ms=$(( $(bench_millis) - started ))
  after=$(bench_counters "$mailbox")
  python3 - "$before" "$after" "$run" "$wall_ms" >>"$samples" <<'PY'
import datetime, json, sys
before, after, run = (json.loads(a) for a in sys.argv[1:4])
def at(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
run_ms = (at(run["endedAt"]) - at(run["startedAt"])).total_seconds() * 1000
sandbox_ms = after["handlingMillis"] - before["handlingMillis"]
actions = sum(run["counts"].values())
print(run["status"], after["roundTrips"] - before["roundTrips"], round(run_ms), sandbox_ms, round(run_ms - sandbox_ms),
      sys.argv[4], run["graphRequests"], actions)
PY
  bench_log "quiet run $i: $(tail -1 "$samples")"
done
read -r app_cpu_ms jvm_cpu_ms < <(bench_cpu_stop)

read -r statuses max_trips med_run med_sandbox med_app max_app med_wall actions < <(python3 - "$samples" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
col = lambda i: [int(r[i]) for r in rows]
print(",".join(sorted({r[0] for r in rows})), max(col(1)), round(statistics.median(col(2))),
      round(statistics.median(col(3))), round(statistics.median(col(4))), max(col(4)), round(statistics.median(col(5))),
      max(col(7)))
PY
)

results="$BENCH_TMP/results.md"
{
  echo "Sandbox: Exchange Online's limits, latency $latency ms per request. $in_scope contacts in step, $runs quiet runs" \
    "($mode)."
  echo
  echo "| round trips (max) | run duration (median) | sandbox time (median) | time in the application (median / max) | client wall time (median) | server CPU per run | app CPU per run |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $max_trips | $med_run ms | $med_sandbox ms | $med_app ms / $max_app ms | $med_wall ms | $(bench_per "$jvm_cpu_ms" "$runs") | $(bench_per "$app_cpu_ms" "$runs") |"
} >"$results"
cat "$results"
bench_check "every quiet run succeeded with nothing to do ($statuses, $actions actions at most)" \
  "$([ "$statuses" = SUCCEEDED ] && [ "$actions" -eq 0 ] && echo true || echo false)"
if [ "$mode" = FULL ]; then
  trips_target=$(( 2 + (in_scope + 999) / 1000 ))
  bench_check "round trips $max_trips <= $trips_target" "$([ "$max_trips" -le "$trips_target" ] && echo true || echo false)"
  bench_record "Quiet sync, full (bench/quiet-sync.sh --full)" "$results"
else
  bench_check "round trips $max_trips <= 2" "$([ "$max_trips" -le 2 ] && echo true || echo false)"
  bench_check "time in the application $med_app ms (median) <= 300 ms" \
    "$([ "$med_app" -le 300 ] && echo true || echo false)" time
  bench_record "Quiet sync (bench/quiet-sync.sh)" "$results"
fi
