# Shared by the benchmark scripts in bench/ (source it; it is not run on its own).
#
# What it gives a script:
#   bench_init "$@"            parse --smoke (tiny sizes, nothing recorded, exit 1 on a missed check); go to the
#                              repository root; a temp dir $BENCH_TMP removed at exit
#   bench_build                build target/contactsync.war and Payara Micro when missing or older than the sources
#   bench_build_tests          compile the tests and write target/test-classpath.txt when missing or out of date
#   bench_app_start [h2|postgresql] [JVM OPTION ...]
#                              start the application with demo data and the sandbox on free ports and a fresh
#                              database (H2 file in $BENCH_TMP, or a new PostgreSQL schema dropped at exit); wait for
#                              /health/ready. With BENCH_BASE_URL and BENCH_SSL_PORT set (bench/smoke.sh shares one
#                              server between scripts) that server is used instead, unless JVM options are given:
#                              a server configured for one script is always its own. BENCH_JAVA_OPTIONS (environment,
#                              space-separated) adds JVM options, e.g. a flight recording to profile a run.
#   bench_app_stop             stop every server this script started (by its PID, never by name); drop its schema
#   bench_launch NAME PORT SSL_PORT [JVM OPTION ...]
#                              start one Payara Micro with the WAR as every launcher does (server-config/), its log
#                              $BENCH_TMP/NAME.log; sets BENCH_LAUNCHED_PID (bench_app_stop stops it)
#   bench_await_ready NAME PID URL
#                              wait until URL/health/ready answers 200; fail with the end of the log when not
#   bench_pg_schema            a new PostgreSQL schema: BENCH_PG_SCHEMA (dropped at exit) and BENCH_PG_OPTIONS, the
#                              contactsync.db.* options for it (its connections carry the schema's name as their
#                              application_name)
#   bench_pg_cpu_start / bench_pg_cpu_stop
#                              PostgreSQL's CPU time spent on this schema's connections (the backends whose
#                              application_name is BENCH_PG_SCHEMA, sampled every second); stop prints milliseconds
#   bench_pg_sizes             per table of the schema: "table rows bytes row_bytes", a line each: rows, total bytes
#                              (with indexes, TOAST and row versions not yet vacuumed), a live row's average bytes
#   bench_api USER METHOD PATH [JSON]      the REST API as USER (alice, bob or admin); prints the body
#   bench_sandbox METHOD PATH [JSON]       the sandbox admin endpoints; prints the body
#   bench_json EXPR            evaluate a Python expression on the JSON read from stdin (bound to d)
#   bench_sync USER MODE       start a sync run and wait for its end; prints the run's JSON
#   bench_create_contacts N    create N in-scope person contacts through the REST API, 4 in parallel
#   bench_in_scope             how many contacts are in scope of an unfiltered sync (persons with name and
#                              e-mail, not privacy blocked)
#   bench_limits JSON          set the sandbox's limits (absent members: Exchange Online's)
#   bench_cpu_start [PID ...] / bench_cpu_stop
#                              sample the CPU time of the server (or of each PID given) (/proc, twice a second) from
#                              start to stop; stop prints "APP_MS JVM_MS" for each, a line each, in order: the
#                              application's own threads (the managed executors and thread factories: sync runs, the
#                              job queue, Graph batch requests) and the whole JVM (with the in-process sandbox, HTTP
#                              threads, GC and JIT); "n/a n/a" on a shared server
#   bench_peak_rss PID         the process's peak resident memory (VmHWM) in MB
#   bench_record TITLE FILE    append FILE's lines as a result block to docs/benchmarks.md (not with --smoke, nor
#                              with BENCH_JAVA_OPTIONS)
#   bench_check LABEL OK [time]
#                              print a target's verdict; with --smoke a missed count fails the script (a missed
#                              time target does not: smoke runs share a busy machine)
#   bench_outlook_folders USER ...
#                              each mailbox's contact folders read through Graph: "contacts duplicates unstamped",
#                              a line per mailbox
#
# The sandbox is the first server's (in its JVM) unless BENCH_SANDBOX_URL and BENCH_SANDBOX_SSL_PORT name a sandbox
# in a process of its own (bench/many-employees.sh --servers).
#
# The sandbox hands a parallel $batch's items to Exchange as BENCH_PARALLEL_DISPATCH says (environment:
# FOUR_AT_A_TIME, the default and documented behaviour, or ALL_AT_ONCE; docs/graph-fidelity.md); every server a
# script uses is set so, and each recorded result names the setting.
#
# Needs bash, curl, python3 and a JDK 17; Maven to build.

set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_SMOKE=false
BENCH_ARGS=()
BENCH_PID=""
BENCH_PIDS=()
BENCH_PG_SCHEMA=""
BENCH_PG_SAMPLER=""
BENCH_FAILED=false
declare -A BENCH_KEYS=([alice]=alice-ws-key-demo-000000000000000 [bob]=bob-ws-key-demo-00000000000000000
                       [admin]=admin-ws-key-demo-0000000000000000)
BENCH_SANDBOX_KEY=sandbox-admin-demo-key
BENCH_DOC="$BENCH_ROOT/docs/benchmarks.md"
BENCH_PARALLEL_DISPATCH=${BENCH_PARALLEL_DISPATCH:-FOUR_AT_A_TIME}
BENCH_CPU_SAMPLER=""

bench_init() {
  for arg in "$@"; do
    case "$arg" in
      --smoke) BENCH_SMOKE=true ;;
      *) BENCH_ARGS+=("$arg") ;;
    esac
  done
  cd "$BENCH_ROOT"
  BENCH_SHARED_SERVER=${BENCH_BASE_URL:+true}
  # The commit measured: taken at the start, since the sources may change while a long benchmark runs. The JVM and
  # Payara Micro options (server-config) count as sources: they change what is measured.
  BENCH_COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src webapp pom.xml bench server-config \
    || echo "+changes")
  BENCH_TMP=$(mktemp -d -t contactsync-bench.XXXXXX)
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local status=$?
  if [ -n "$BENCH_CPU_SAMPLER" ]; then kill "$BENCH_CPU_SAMPLER" 2>/dev/null || true; fi
  if [ -n "$BENCH_PG_SAMPLER" ]; then kill "$BENCH_PG_SAMPLER" 2>/dev/null || true; fi
  bench_app_stop
  rm -rf "$BENCH_TMP"
  if [ "$BENCH_FAILED" = true ] && [ $status -eq 0 ]; then
    exit 1
  fi
  exit $status
}

bench_log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

bench_build() {
  local war=target/contactsync.war
  if [ -f "$war" ] && [ -f target/payara-micro.jar ] && [ -f target/sandbox-tls/truststore.jks ] \
      && [ -z "$(find src/main webapp pom.xml -newer "$war" -print -quit)" ]; then
    return 0
  fi
  bench_log "building the WAR (mvn package -DskipTests)"
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
}

bench_build_tests() {
  local compiled=target/test-classes/org/contactsync/contact/ContactListBenchmark.class
  if [ -f target/test-classpath.txt ] && [ -f "$compiled" ] \
      && [ -z "$(find src pom.xml -newer "$compiled" -print -quit)" ]; then
    return 0
  fi
  bench_log "compiling the tests (mvn test-compile)"
  mvn -B -q -o test-compile || mvn -B -q test-compile
}

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

bench_app_start() {
  local database=${1:-h2}
  local extra_options=("${@:2}")
  if [ ${#extra_options[@]} -gt 0 ]; then
    BENCH_SHARED_SERVER=false
  fi
  if [ "$BENCH_SHARED_SERVER" = true ]; then
    bench_log "using the running server at $BENCH_BASE_URL"
    bench_dispatch
    return 0
  fi
  bench_build
  local port ssl_port db_options
  port=$(bench_free_port)
  ssl_port=$(bench_free_port)
  case "$database" in
    h2) db_options=(-Dcontactsync.db.url="jdbc:h2:file:$BENCH_TMP/db-$port/contactsync") ;;
    postgresql) bench_pg_schema; db_options=("${BENCH_PG_OPTIONS[@]}") ;;
    *) echo "unknown database $database (h2 or postgresql)" >&2; return 2 ;;
  esac
  bench_log "starting Contact Sync on port $port ($database)"
  bench_launch server "$port" "$ssl_port" "${db_options[@]}" "${extra_options[@]+"${extra_options[@]}"}" \
    -Dcontactsync.demo-data=true -Dcontactsync.sandbox.enabled=true
  BENCH_PID=$BENCH_LAUNCHED_PID
  BENCH_BASE_URL="http://localhost:$port"
  BENCH_SSL_PORT=$ssl_port
  bench_await_ready server "$BENCH_PID" "$BENCH_BASE_URL"
  bench_dispatch
}

bench_pg_schema() {
  BENCH_PG_SCHEMA="contactsync_bench_$(date +%s)_$$"
  BENCH_PG_OPTIONS=(-Dcontactsync.db.class=org.postgresql.ds.PGSimpleDataSource
    -Dcontactsync.db.url="jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=$BENCH_PG_SCHEMA&ApplicationName=$BENCH_PG_SCHEMA"
    -Dcontactsync.db.user=postgres -Dcontactsync.db.password=unused-with-trust-auth
    -Dcontactsync.db.schema="$BENCH_PG_SCHEMA")
}

bench_launch() {
  local name=$1 port=$2 ssl_port=$3
  local tls=target/sandbox-tls java_options
  read -r -a java_options <<<"${BENCH_JAVA_OPTIONS:-}"
  mkdir -p "$BENCH_TMP/$name-runtime"
  java @server-config/jvm.options "${@:4}" "${java_options[@]+"${java_options[@]}"}" \
    -Djava.io.tmpdir="$BENCH_TMP/$name-runtime" -Dcontactsync.public-url="http://localhost:$port" \
    -Djavax.net.ssl.keyStore=$tls/keystore.jks -Djavax.net.ssl.keyStorePassword=changeit \
    -Djavax.net.ssl.trustStore=$tls/truststore.jks -Djavax.net.ssl.trustStorePassword=changeit \
    @server-config/payara-micro.args --deploy target/contactsync.war \
    --port "$port" --sslport "$ssl_port" >"$BENCH_TMP/$name.log" 2>&1 &
  BENCH_LAUNCHED_PID=$!
  BENCH_PIDS+=("$BENCH_LAUNCHED_PID:$name")
}

bench_await_ready() {
  local name=$1 pid=$2 url=$3 started=$SECONDS
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/health/ready")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((SECONDS - started)) -gt 300 ]; then
      echo "$name did not become ready; last lines of its log:" >&2
      tail -40 "$BENCH_TMP/$name.log" >&2
      return 1
    fi
    sleep 1
  done
  bench_log "$name ready after $((SECONDS - started)) s"
}

bench_dispatch() {
  bench_sandbox PUT /batch "{\"parallelDispatch\":\"$BENCH_PARALLEL_DISPATCH\"}" >/dev/null
  bench_log "sandbox parallel batch dispatch: $BENCH_PARALLEL_DISPATCH"
}

bench_cpu_start() {
  local pids=("$@")
  [ ${#pids[@]} -gt 0 ] || pids=("$BENCH_PID")
  [ -n "${pids[0]}" ] || return 0
  rm -f "$BENCH_TMP/cpu.txt"
  python3 - "$BENCH_TMP/cpu.txt" "${pids[@]}" <<'PY' &
import os, signal, sys, time
out, pids = sys.argv[1], sys.argv[2:]
tick = os.sysconf("SC_CLK_TCK")
def ticks(stat_path):
    with open(stat_path) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime
first, last, names = {}, {}, {}
process_start = {pid: ticks(f"/proc/{pid}/stat") for pid in pids}
def sample():
    for pid in pids:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                used = ticks(f"/proc/{pid}/task/{tid}/stat")
                with open(f"/proc/{pid}/task/{tid}/comm") as f:
                    names[tid] = f.read().strip()
            except OSError:
                continue  # the thread ended between listing and reading
            first.setdefault((pid, tid), used)
            last[(pid, tid)] = used
def stop(*_):
    sample()
    lines = []
    for pid in pids:
        process = ticks(f"/proc/{pid}/stat") - process_start[pid]
        app = sum(last[k] - first[k] for k in last if k[0] == pid and names.get(k[1], "").startswith("concurrent/"))
        lines.append(f"{app * 1000 // tick} {process * 1000 // tick}\n")
    with open(out, "w") as f:
        f.writelines(lines)
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
while True:
    sample()
    time.sleep(0.5)
PY
  BENCH_CPU_SAMPLER=$!
}

bench_cpu_stop() {
  if [ -z "$BENCH_CPU_SAMPLER" ]; then
    echo "n/a n/a"
    return 0
  fi
  bench_sampler_figures "$BENCH_CPU_SAMPLER" "$BENCH_TMP/cpu.txt"
  BENCH_CPU_SAMPLER=""
}

# Stops a sampler (PID) and prints the figures it writes to FILE when it stops. Callers read this through a process
# substitution, a subshell in which the sampler is no child to wait for: wait (at most 10 s) for the file instead.
bench_sampler_figures() {
  kill -TERM "$1"
  for _ in $(seq 1 100); do
    [ -s "$2" ] && break
    sleep 0.1
  done
  cat "$2"
}

# Milliseconds per item, one decimal; n/a when not measured.
bench_per() { python3 -c "import sys; print('n/a' if sys.argv[1] == 'n/a' else f'{int(sys.argv[1]) / int(sys.argv[2]):.1f} ms')" "$1" "$2"; }

bench_app_stop() {
  local entry pid name
  for entry in "${BENCH_PIDS[@]+"${BENCH_PIDS[@]}"}"; do
    pid=${entry%%:*} name=${entry#*:}
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    # The servers' logs stay for a look after the run.
    cp "$BENCH_TMP/$name.log" "$BENCH_ROOT/target/bench-$name.log" 2>/dev/null || true
  done
  BENCH_PIDS=()
  BENCH_PID=""
  if [ -n "$BENCH_PG_SCHEMA" ]; then
    PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
      -c "drop schema if exists $BENCH_PG_SCHEMA cascade" >/dev/null || true
    BENCH_PG_SCHEMA=""
  fi
}

bench_peak_rss() { awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$1/status"; }

bench_pg_cpu_start() {
  rm -f "$BENCH_TMP/pg-cpu.txt"
  python3 - "$BENCH_PG_SCHEMA" "$BENCH_TMP/pg-cpu.txt" <<'PY' &
import os, signal, subprocess, sys, time
schema, out = sys.argv[1], sys.argv[2]
tick = os.sysconf("SC_CLK_TCK")
first, last = {}, {}
def sample(at_start=False):
    pids = subprocess.run(["psql", "-Atq", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c",
                           f"select pid from pg_stat_activity where application_name = '{schema}'"],
                          capture_output=True, text=True).stdout.split()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the connection closed between the query and the read
        used = int(fields[11]) + int(fields[12])
        # A backend first seen after the start began during the run: all its time counts.
        first.setdefault(pid, used if at_start else 0)
        last[pid] = used
def stop(*_):
    sample()
    with open(out, "w") as f:
        f.write(f"{sum(last[p] - first[p] for p in last) * 1000 // tick}\n")
    sys.exit(0)
signal.signal(signal.SIGTERM, stop)
sample(at_start=True)
while True:
    time.sleep(1)
    sample()
PY
  BENCH_PG_SAMPLER=$!
}

bench_pg_cpu_stop() {
  bench_sampler_figures "$BENCH_PG_SAMPLER" "$BENCH_TMP/pg-cpu.txt"
  BENCH_PG_SAMPLER=""
}

# Largest first; exact row counts.
bench_pg_sizes() {
  psql -Atq -F ' ' -h 127.0.0.1 -U postgres -d postgres -v schema="$BENCH_PG_SCHEMA" <<'SQL'
select format('select %L, count(*), pg_total_relation_size(%L), coalesce(avg(pg_column_size(t.*))::int, 0) '
              'from %I.%I t', c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname), n.nspname, c.relname)
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = :'schema' and c.relkind = 'r'
order by pg_total_relation_size(c.oid) desc
\gexec
SQL
}

bench_api() {
  local user=$1 method=$2 path=$3 body=${4:-}
  curl -sS --fail-with-body -X "$method" -u "$user:${BENCH_KEYS[$user]}" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} "$BENCH_BASE_URL/api/v1$path"
}

bench_sandbox() {
  local method=$1 path=$2 body=${3:-}
  curl -sS --fail-with-body -X "$method" -H "X-Sandbox-Admin-Key: $BENCH_SANDBOX_KEY" \
    -H 'Content-Type: application/json' ${body:+-d "$body"} "${BENCH_SANDBOX_URL:-$BENCH_BASE_URL}/sandbox/admin$path"
}

bench_json() {
  python3 -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$1"
}

# Starts a run and polls it every 25 ms; prints the ended run. The run row's startedAt/endedAt are the server's.
bench_sync() {
  local user=$1 mode=$2 id status run
  id=$(bench_api "$user" POST /sync-runs "{\"mode\":\"$mode\"}" | bench_json 'd["id"]')
  while :; do
    run=$(bench_api "$user" GET "/sync-runs/$id")
    status=$(bench_json 'd["status"]' <<<"$run")
    [ "$status" != RUNNING ] && break
    sleep 0.025
  done
  echo "$run"
}

bench_create_contacts() {
  local count=$1 prefix
  prefix="B$(date +%s%N | cut -c8-14)"
  [ "$count" -gt 0 ] || return 0
  seq 1 "$count" | xargs -P 4 -I{} curl -sS -o /dev/null --fail -u "alice:${BENCH_KEYS[alice]}" \
    -H 'Content-Type: application/json' \
    -d "{\"firstName\":\"Bench\",\"surname\":\"$prefix {}\",\"email\":\"$prefix.{}@example.com\",\"city\":\"Uppsala\"}" \
    "$BENCH_BASE_URL/api/v1/contacts"
}

bench_in_scope() {
  local offset=0 total=1 page scope=0
  while [ "$offset" -lt "$total" ]; do
    page=$(bench_api alice GET "/contacts?type=Person&limit=500&offset=$offset")
    read -r total n < <(bench_json '"%d %d" % (d["total"], sum(1 for c in d["items"] if c["name"] and c["email"] and not c["privacyBlocked"]))' <<<"$page")
    scope=$((scope + n))
    offset=$((offset + 500))
  done
  echo "$scope"
}

# Creates contacts until exactly N are in scope (the demo data brings some); prints N, or more when more exist.
bench_ensure_in_scope() {
  local wanted=$1 have
  have=$(bench_in_scope)
  if [ "$have" -lt "$wanted" ]; then
    bench_log "creating $((wanted - have)) contacts through the REST API"
    local started=$SECONDS
    bench_create_contacts $((wanted - have))
    bench_log "created in $((SECONDS - started)) s"
    have=$(bench_in_scope)
  fi
  echo "$have"
}

bench_limits() {
  local json=${1:-"{}"}
  bench_sandbox PUT /limits "$(python3 -c 'import json, sys
limits = {"concurrentRequests": 4, "requestsPerWindow": 10000, "windowSeconds": 600, "latencyMillis": 0,
          "retryAfterSeconds": 1}
limits.update(json.loads(sys.argv[1]))
print(json.dumps(limits))' "$json")" >/dev/null
}

bench_counters() { bench_sandbox GET "/mailboxes/$1/counters"; }

bench_millis() { date +%s%3N; }

bench_machine() {
  local cpu mem jdk
  cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
  mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
  jdk=$(java -version 2>&1 | head -1 | sed 's/"//g')
  echo "$(nproc) cores ($cpu), $mem RAM, $jdk, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_check() {
  local label=$1 ok=$2 kind=${3:-count}
  if [ "$ok" = true ]; then
    echo "target met: $label"
  else
    echo "target MISSED: $label"
    # A smoke run's sizes are too small for time and memory targets; only a count off fails it.
    if [ "$BENCH_SMOKE" = true ] && [ "$kind" = count ]; then BENCH_FAILED=true; fi
  fi
  return 0
}

# Reads every contact of each mailbox's folders through Graph as an app would (the sandbox's demo app, a token from
# its identity endpoint) and counts them, the duplicates (a second contact with the same Contact Sync stamp) and
# the contacts without a stamp; a line per mailbox. Call it after reading the counters: these requests count against
# the mailboxes too.
bench_outlook_folders() {
  local sandbox_url=${BENCH_SANDBOX_URL:-$BENCH_BASE_URL}
  python3 - "https://localhost:${BENCH_SANDBOX_SSL_PORT:-$BENCH_SSL_PORT}" "$sandbox_url/sandbox/graph/v1.0" \
    "$BENCH_ROOT/target/sandbox-tls/sandbox.crt" "$@" <<'PY'
import collections, json, ssl, sys, urllib.parse, urllib.request
authority, graph, certificate, users = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
tls = ssl.create_default_context(cafile=certificate)
form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "6731de76-14a6-49ae-97bc-6eba6914391e",
                               "client_secret": "sandbox-demo-secret", "scope": "https://graph.microsoft.com/.default"})
token = json.load(urllib.request.urlopen(authority + "/contoso-sandbox/oauth2/v2.0/token", form.encode(), context=tls))
def get(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token["access_token"]})
    return json.load(urllib.request.urlopen(request, context=tls))
stamp_id = "String {5d3c9a52-1f0b-4e77-9a6e-0c2f8b7d41a3} Name ContactSyncBcNo"
for user in users:
    stamps, unstamped = collections.Counter(), 0
    for folder in get(f"{graph}/users/{user}/contactFolders")["value"]:
        url = (f"{graph}/users/{user}/contactFolders/{folder['id']}/contacts?$top=1000&$select=id&"
               + urllib.parse.quote(f"$expand=singleValueExtendedProperties($filter=id eq '{stamp_id}')", safe="$=&"))
        while url:
            page = get(url)
            for contact in page["value"]:
                values = [p["value"] for p in contact.get("singleValueExtendedProperties", [])]
                if values:
                    stamps[values[0]] += 1
                else:
                    unstamped += 1
            url = page.get("@odata.nextLink")
    print(sum(stamps.values()) + unstamped, sum(n - 1 for n in stamps.values()), unstamped)
PY
}

# Appends "### TITLE — commit, date" with the machine and FILE's lines to the results log of docs/benchmarks.md.
bench_record() {
  local title=$1 file=$2
  if [ "$BENCH_SMOKE" = true ]; then
    return 0
  fi
  if [ -n "${BENCH_JAVA_OPTIONS:-}" ]; then
    bench_log "not recorded: the server ran with BENCH_JAVA_OPTIONS (a profiler costs time)"
    return 0
  fi
  {
    echo
    echo "### $title — $BENCH_COMMIT, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(bench_machine)"
    echo
    echo "Sandbox parallel batch dispatch: $BENCH_PARALLEL_DISPATCH (BENCH_PARALLEL_DISPATCH)"
    echo
    cat "$file"
  } >>"$BENCH_DOC"
  bench_log "recorded in docs/benchmarks.md"
}
