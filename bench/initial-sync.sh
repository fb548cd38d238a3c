#!/usr/bin/env bash
# Benchmark 1 (issue 7): initial sync economy. N in-scope contacts go into an empty Outlook folder in one run.
#
# For each N: a fresh server (H2) with the sandbox at Exchange Online's limits and the given latency, contacts
# created through the REST API until N are in scope for alice, then one FULL run. Reports HTTP round trips (the
# sandbox's count for the mailbox, a $batch is one; target <= ceil(N/20) + 10), Graph requests counted against the
# mailbox (each batch item counts), 429s, wall time (POST of the run to its end, as the client saw it), the run's
# own duration (startedAt..endedAt), time per contact, and CPU time per contact (the application's own threads, and
# the whole server JVM with its in-process sandbox); then reads the folder back through Graph: N contacts, no
# duplicate. BENCH_PARALLEL_DISPATCH (lib.sh) sets how the sandbox dispatches parallel batches.
#
# Usage: bench/initial-sync.sh [--latency MS] [N ...]     default N: 1000 5000, latency 0 ms
#        bench/initial-sync.sh --smoke                     N = 40 on the shared or a new server, nothing recorded
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init "$@"

latency=0 sizes=()
set -- "${BENCH_ARGS[@]+"${BENCH_ARGS[@]}"}"
while [ $# -gt 0 ]; do
  case "$1" in
    --latency) latency=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
if [ "$BENCH_SMOKE" = true ]; then sizes=(40); fi
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)

user=alice mailbox=alice@contoso.example
results="$BENCH_TMP/results.md"
{
  echo "Sandbox: Exchange Online's limits (4 concurrent, 10,000 requests per 600 s), latency $latency ms per request."
  echo
  echo "| N | round trips | target ⌈N/20⌉+10 | Graph requests (counted) | 429s | wall time | run duration | sandbox time | per contact | app CPU per contact | server CPU per contact | folder after | duplicates |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} >"$results"

for n in "${sizes[@]}"; do
  bench_app_start h2
  bench_limits "{\"latencyMillis\":$latency}"
  bench_sandbox POST "/mailboxes/$mailbox/reset" >/dev/null
  in_scope=$(bench_ensure_in_scope "$n")

  bench_log "initial sync of $in_scope contacts"
  started=$(bench_millis)
  bench_cpu_start
  run=$(bench_sync "$user" FULL)
  wall_ms=$(( $(bench_millis) - started ))
  read -r app_cpu_ms jvm_cpu_ms < <(bench_cpu_stop)
  counters=$(bench_counters "$mailbox")

  read -r status created run_ms app_requests < <(bench_json '"%s %d %d %d" % (d["status"], d["counts"]["CREATE_IN_OUTLOOK"],
      (__import__("datetime").datetime.fromisoformat(d["endedAt"].replace("Z", "+00:00"))
       - __import__("datetime").datetime.fromisoformat(d["startedAt"].replace("Z", "+00:00"))).total_seconds() * 1000,
      d["graphRequests"])' <<<"$run")
  read -r round_trips counted throttled sandbox_ms < <(bench_json '"%d %d %d %d" % (d["roundTrips"], d["requests"], d["throttled"], d["handlingMillis"])' <<<"$counters")
  read -r folder duplicates unstamped < <(bench_outlook_folders "$mailbox")
  target=$(( (in_scope + 19) / 20 + 10 ))
  per_contact=$(python3 -c "print(f'{$wall_ms / $in_scope:.1f} ms')")

  echo "N=$in_scope: $status, $created created, $round_trips round trips (the app counted $app_requests), $counted Graph requests," \
       "$throttled 429s, wall $wall_ms ms, run $run_ms ms, sandbox $sandbox_ms ms, $per_contact per contact;" \
       "CPU: application $app_cpu_ms ms, server JVM $jvm_cpu_ms ms; folder $folder, duplicates $duplicates"
  echo "| $in_scope | $round_trips | $target | $counted | $throttled | $(python3 -c "print(f'{$wall_ms/1000:.1f} s')") |" \
       "$(python3 -c "print(f'{$run_ms/1000:.1f} s')") | $(python3 -c "print(f'{$sandbox_ms/1000:.1f} s')") | $per_contact |" \
       "$(bench_per "$app_cpu_ms" "$in_scope") | $(bench_per "$jvm_cpu_ms" "$in_scope") | $folder | $duplicates |" >>"$results"
  [ "$status" = SUCCEEDED ] || echo "the run ended $status: $(bench_json 'd["message"]' <<<"$run")"
  bench_check "run succeeded and created every contact ($status, $created of $in_scope)" \
    "$([ "$status" = SUCCEEDED ] && [ "$created" -eq "$in_scope" ] && echo true || echo false)"
  bench_check "round trips $round_trips <= $target" "$([ "$round_trips" -le "$target" ] && echo true || echo false)"
  bench_check "429s $throttled <= 1 % of $counted requests" \
    "$(python3 -c "print('true' if $throttled <= $counted / 100 else 'false')")"
  bench_check "folder holds the $in_scope contacts once ($folder, $duplicates duplicates, $unstamped unstamped)" \
    "$([ "$folder" -eq "$in_scope" ] && [ "$duplicates" -eq 0 ] && echo true || echo false)"
  bench_app_stop
done

cat "$results"
bench_record "Initial sync economy (bench/initial-sync.sh)" "$results"
