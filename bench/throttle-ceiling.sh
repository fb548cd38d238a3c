#!/usr/bin/env bash
# Benchmark 3 (issue 7): the throttle ceiling. How close an initial sync gets to Exchange's request budget.
#
# The sandbox enforces Exchange's per-mailbox limits scaled in time: L requests per W seconds (Exchange: 10,000 per
# 600 s; here by default 1,000 per 60 s, the same rate) and 4 concurrent requests. N contacts in scope for admin
# go to an empty folder; a run that ends POSTPONED (the mailbox kept throttling past the run's wait budget) is
# followed at once by the next, as a job queue would, until one succeeds. Reports:
#   throughput     Graph requests that got through per second, as a percentage of the ceiling L/W (target >= 90 %)
#   bound time     the least time the sandbox's fixed windows allow for them, (ceil(R/L) - 1) * W, against the time
#                  taken (the same ratio without the last window's head start)
#   429s           as a percentage of all requests (target <= 1 %)
#   duplicates     Outlook contacts carrying the same Business Central No. (must be 0); the folder must hold N
#
# Usage: bench/throttle-ceiling.sh [--limit L] [--window W] [--latency MS] [N]   default 1000 per 60 s, 0 ms, N 3000
#        bench/throttle-ceiling.sh --smoke                                       20 per 3 s, N 40, nothing recorded
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init "$@"

limit=1000 window=60 latency=0 size=3000
set -- "${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"}"
while [ $# -gt 0 ]; do
  case "$1" in
    --limit) limit=$2; shift 2 ;;
    --window) window=$2; shift 2 ;;
    --latency) latency=$2; shift 2 ;;
    *) size=$1; shift ;;
  esac
done
if [ "$BENCH_SMOKE" = true ]; then limit=20 window=3 size=40; fi

user=admin mailbox=admin@contoso.example
bench_app_start h2
in_scope=$(bench_ensure_in_scope "$size")
bench_limits "{\"requestsPerWindow\":$limit,\"windowSeconds\":$window,\"latencyMillis\":$latency}"
bench_sandbox POST "/mailboxes/$mailbox/reset" >/dev/null

bench_log "syncing $in_scope contacts under $limit requests per $window s"
started=$(bench_millis)
bench_cpu_start
runs=0 statuses=""
while :; do
  runs=$((runs + 1))
  run=$(bench_sync "$user" INCREMENTAL)
  status=$(bench_json 'd["status"]' <<<"$run")
  statuses="${statuses:+$statuses }$status"
  bench_log "run $runs: $status after $(( ($(bench_millis) - started) / 1000 )) s: $(bench_json 'd["message"][:120]' <<<"$run")"
  [ "$status" = POSTPONED ] && [ $runs -lt 30 ] || break
done
elapsed_ms=$(( $(bench_millis) - started ))
read -r app_cpu_ms jvm_cpu_ms < <(bench_cpu_stop)
counters=$(bench_counters "$mailbox")
bench_limits '{}'
read -r folder duplicates unstamped < <(bench_outlook_folders "$mailbox")

read -r requests throttled through throughput bound_pct throttled_pct < <(python3 - "$counters" "$elapsed_ms" "$limit" "$window" <<'PY'
import json, math, sys
counters = json.loads(sys.argv[1])
elapsed, limit, window = int(sys.argv[2]) / 1000, int(sys.argv[3]), int(sys.argv[4])
through = counters["requests"] - counters["throttled"]
throughput = through / elapsed / (limit / window) * 100
bound = (math.ceil(through / limit) - 1) * window
print(counters["requests"], counters["throttled"], through, f"{throughput:.1f}", f"{bound / elapsed * 100:.1f}",
      f"{counters['throttled'] / counters['requests'] * 100:.2f}")
PY
)

results="$BENCH_TMP/results.md"
{
  echo "Sandbox: $limit requests per $window s and 4 concurrent per app and mailbox (Exchange: 10,000 per 600 s), latency $latency ms."
  echo
  echo "| N | runs | time | requests through | throughput of the ceiling | bound time / time | 429s | duplicates | folder after | app CPU per contact | server CPU per contact |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  echo "| $in_scope | $runs ($(tr ' ' '\n' <<<"$statuses" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep=", " }')) |" \
       "$(( elapsed_ms / 1000 )) s | $through of $requests | $throughput % | $bound_pct % | $throttled ($throttled_pct %) | $duplicates | $folder |" \
       "$(bench_per "$app_cpu_ms" "$in_scope") | $(bench_per "$jvm_cpu_ms" "$in_scope") |"
} >"$results"
cat "$results"
bench_check "the last run succeeded ($status)" "$([ "$status" = SUCCEEDED ] && echo true || echo false)"
bench_check "no duplicates and every contact in the folder ($duplicates, $folder of $in_scope, $unstamped unstamped)" \
  "$([ "$duplicates" -eq 0 ] && [ "$folder" -eq "$in_scope" ] && echo true || echo false)"
bench_check "throughput $throughput % of the ceiling >= 90 %" \
  "$(python3 -c "print('true' if $throughput >= 90 else 'false')")" time
bench_check "429s $throttled_pct % <= 1 %" "$(python3 -c "print('true' if $throttled_pct <= 1 else 'false')")" time
bench_record "Throttle ceiling (bench/throttle-ceiling.sh)" "$results"
