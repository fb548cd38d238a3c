#!/usr/bin/env bash
# Benchmark 6 (issue 7): start-up time and resident memory of Contact Sync on Payara Micro.
#
# Starts the same java command as the README's run command (`mvn -Prun package`, see the pom's `run` profile)
# on free ports in a fresh working directory (new H2 database: migration and demo data included), polls the
# sign-in page until it answers 200, and reports:
#   start-up s   wall seconds from launching java to the first 200 of /login.xhtml
#   CPU s        user+sys CPU seconds the JVM used up to then (less noisy than wall time on a shared machine)
#   RSS MB       VmRSS of the JVM at rest, --rest seconds after the page answered
#   after MB     VmRSS at rest after the --after command (e.g. benchmark 1's initial sync) ran, if given
# plus Payara's own "ready in" and the load average, which says how much other work shared the cores.
# Each run first starts the floor, an empty WAR (one static page) with the same Payara Micro, JVM options and
# pre-boot commands, then the stack floor (bench/stack-floor: the smallest application on the decided stack, one
# entity through CDI, EJB, JPA, Flyway, Faces with PrimeFaces, JAX-RS and MicroProfile Health), and reports the
# application's start-up / the floor's and (RSS - 150 MB) / the floor's RSS (issue 17's targets: both <= 1.5), the
# stack floor's start-up / the floor's (what the stack alone costs) and the application's / the stack floor's;
# --smoke skips both floors.
#
# Usage: bench/startup-memory.sh [--runs N] [--rest S] [--after 'CMD'] [--jvm 'OPTS'] [--label TEXT] [--no-record]
#        bench/startup-memory.sh --smoke   one start, nothing recorded, exit 1 if the page never answers
#   --after CMD  run CMD (bash -c) once the server rests, with BENCH_BASE_URL, BENCH_SSL_PORT and BENCH_PID set;
#                the hook for benchmark 1 (initial sync of 1,000/5,000 contacts) to fill in "RSS after sync".
#   --jvm OPTS   extra JVM options after the project's own (server-config/jvm.options), for experiments.
#   --micro OPTS extra Payara Micro options after the run command's, for experiments.
#   --options F  the JVM options file (java @argfile) instead of server-config/jvm.options, e.g. to measure "before".
# Results (medians over the runs) are appended with the commit and date to docs/benchmarks.md, section 6.
# Builds the WAR first (mvn package -DskipTests) when target/ lacks it or Payara Micro.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3 rest=60 after="" options=server-config/jvm.options extra_jvm="" extra_micro="" label="" record=true smoke=false timeout=300
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --rest) rest=$2; shift 2 ;;
    --after) after=$2; shift 2 ;;
    --jvm) extra_jvm=$2; shift 2 ;;
    --micro) extra_micro=$2; shift 2 ;;
    --options) options=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --no-record) record=false; shift ;;
    --smoke) smoke=true; runs=1; rest=2; record=false; shift ;;
    --timeout) timeout=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2 ;;
  esac
done

if [ ! -f target/contactsync.war ] || [ ! -f target/payara-micro.jar ]; then
  echo "Building the WAR (mvn package -DskipTests)"
  mvn -B -q package -DskipTests
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
clock_ticks=$(getconf CLK_TCK)
cpu_seconds() { # user+sys of a process, from /proc/PID/stat (fields 14 and 15 after the command name)
  local fields; fields=$(sed 's/^.*) //' "/proc/$1/stat")
  awk -v t="$clock_ticks" '{ printf "%.1f", ($12 + $13) / t }' <<<"$fields"
}
rss_mb() { awk '/^VmRSS:/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

server_pid="" workdir=""
stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  server_pid=""
  if [ -n "$workdir" ]; then rm -rf "$workdir"; workdir=""; fi
}
trap stop_server EXIT

tls=target/sandbox-tls
project=$(pwd)
options=$(realpath "$options")
results=$(mktemp)

# The floor: an empty WAR (one static page) on the same Payara Micro, JVM options and pre-boot commands.
floor_war=target/bench-empty.war
if [ ! -f "$floor_war" ]; then
  floor_dir=$(mktemp -d) && echo "empty" >"$floor_dir/index.html"
  (cd "$floor_dir" && jar cf "$project/$floor_war" index.html) && rm -rf "$floor_dir"
fi

# The stack floor (bench/stack-floor/README.md), built from its sources against the application's own API and
# library jars, with the application's class-model markers (pom.xml) for every library but PrimeFaces.
stack_floor_war=target/bench-stack-floor.war
build_stack_floor() {
  local classpath_file build libraries
  classpath_file=$(mktemp) build=$(mktemp -d)
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$classpath_file" >/dev/null
  libraries=$(ls target/contactsync/WEB-INF/lib/{primefaces,flyway-core,annotations}-*.jar)
  mkdir -p "$build/WEB-INF/classes" "$build/WEB-INF/lib"
  javac --release 17 -nowarn -d "$build/WEB-INF/classes" -cp "$(cat "$classpath_file")" \
    $(find bench/stack-floor/src -name '*.java')
  cp -r bench/stack-floor/resources/. "$build/WEB-INF/classes/"
  cp -r bench/stack-floor/webapp/. "$build/"
  cp $libraries "$build/WEB-INF/lib/"
  local jar marker
  for jar in $libraries; do
    marker="$build/WEB-INF__lib__$(basename "$jar" .jar)_jar"
    case $(basename "$jar") in primefaces-*) ;; *) mkdir -p "$marker" && touch "$marker/class-model-marker" ;; esac
  done
  (cd "$build" && jar cf "$project/$stack_floor_war" .)
  rm -rf "$build" "$classpath_file"
}
$smoke || build_stack_floor

# Starts WAR like the run command (pom.xml, profile run) in a fresh working directory and waits for PAGE to answer
# 200; sets startup (wall s), cpu (s), ready (Payara's "ready in", s); the server stays up (server_pid, port).
start_and_wait() {
  local war=$1 page=$2
  port=$(free_port) sslport=$(free_port)
  workdir=$(mktemp -d)
  # The launch's argfiles name their paths from the project directory.
  ln -s "$project/server-config" "$project/target" "$workdir/"
  local start; start=$(date +%s.%N)
  # shellcheck disable=SC2086
  (cd "$workdir" && exec java "@$options" $extra_jvm \
      -Dcontactsync.demo-data=true -Dcontactsync.sandbox.enabled=true \
      "-Dcontactsync.public-url=http://localhost:$port" \
      "-Djavax.net.ssl.keyStore=$project/$tls/keystore.jks" -Djavax.net.ssl.keyStorePassword=changeit \
      "-Djavax.net.ssl.trustStore=$project/$tls/truststore.jks" -Djavax.net.ssl.trustStorePassword=changeit \
      @server-config/payara-micro.args --deploy "$project/$war" \
      --port "$port" --sslport "$sslport" $extra_micro \
      >"$workdir/server.log" 2>&1) &
  server_pid=$!
  local answered=false
  while [ "$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { print (n - s < '"$timeout"') }')" = 1 ]; do
    kill -0 "$server_pid" 2>/dev/null || break
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/$page")" = 200 ]; then
      answered=true; break
    fi
    sleep 0.25
  done
  if ! $answered; then
    failed_log=$(mktemp --suffix=-startup-memory.log)
    cp "$workdir/server.log" "$failed_log"
    echo "startup-memory: /$page of $war did not answer within $timeout s; server log: $failed_log"
    grep -m 5 -E 'SEVERE|Exception' "$failed_log" | cut -c1-300 || true
    exit 1
  fi
  startup=$(awk -v s="$start" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
  cpu=$(cpu_seconds "$server_pid")
  ready=$(sed -n 's/.*ready in \([0-9,.]*\) (ms).*/\1/p' "$workdir/server.log" | tr -d ',.' | head -1)
  ready=$(awk -v ms="${ready:-0}" 'BEGIN { printf "%.1f", ms / 1000 }')
}

for run in $(seq 1 "$runs"); do
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  floor_startup="-" floor_rss="-" stack_startup="-" stack_cpu="-" stack_rss="-"
  if ! $smoke; then # paired: the floor and the stack floor start just before the application, under the same load
    start_and_wait "$floor_war" index.html
    floor_startup=$startup
    sleep "$rest"
    floor_rss=$(rss_mb "$server_pid")
    stop_server
    start_and_wait "$stack_floor_war" index.xhtml
    stack_startup=$startup stack_cpu=$cpu
    sleep "$rest"
    stack_rss=$(rss_mb "$server_pid")
    stop_server
  fi
  start_and_wait target/contactsync.war login.xhtml
  sleep "$rest"
  rss=$(rss_mb "$server_pid")
  rss_after="-" cpu_after="-"
  if [ -n "$after" ]; then
    cpu_before_hook=$(cpu_seconds "$server_pid")
    BENCH_BASE_URL="http://localhost:$port" BENCH_SSL_PORT=$sslport BENCH_PID=$server_pid bash -c "$after"
    cpu_after=$(awk -v a="$(cpu_seconds "$server_pid")" -v b="$cpu_before_hook" 'BEGIN { printf "%.1f", a - b }')
    sleep "$rest"
    rss_after=$(rss_mb "$server_pid")
  fi
  load_after=$(cut -d' ' -f1 /proc/loadavg)
  printf 'run %d: start-up %s s (Payara "ready in" %s s), CPU %s s, RSS at rest %s MB;' "$run" "$startup" "$ready" "$cpu" "$rss"
  printf ' floor (empty WAR): start-up %s s, RSS %s MB;' "$floor_startup" "$floor_rss"
  printf ' stack floor: start-up %s s, CPU %s s, RSS %s MB;' "$stack_startup" "$stack_cpu" "$stack_rss"
  printf ' after --after: RSS %s MB, its CPU %s s; load %s/%s\n' "$rss_after" "$cpu_after" "$load_before" "$load_after"
  echo "$startup $cpu $ready $rss $rss_after $load_before $load_after $cpu_after" \
    "$floor_startup $floor_rss $stack_startup $stack_cpu $stack_rss" >>"$results"
  stop_server
done

column_median() { awk -v c="$1" '$c != "-" { print $c }' "$results" | median; }
startup=$(column_median 1) cpu=$(column_median 2) ready=$(column_median 3) rss=$(column_median 4)
rss_after=$(column_median 5) cpu_after=$(column_median 8) load=$(awk '{ print $6; print $7 }' "$results" | median)
floor_startup=$(column_median 9) floor_rss=$(column_median 10)
stack_startup=$(column_median 11) stack_cpu=$(column_median 12) stack_rss=$(column_median 13)
# The ratios of issue 17's targets: start-up <= 1.5 x the floor's; RSS at rest <= 1.5 x the floor's + 150 MB.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
startup_ratio=$(ratio "$startup" "$floor_startup")
rss_ratio=$(ratio "$(awk -v r="$rss" 'BEGIN { print r - 150 }')" "$floor_rss")
stack_ratio=$(ratio "$stack_startup" "$floor_startup") over_stack_ratio=$(ratio "$startup" "$stack_startup")
jvm_options=$(grep -v '^#' "$options" | xargs)${extra_jvm:+ $extra_jvm}${extra_micro:+ $extra_micro}
echo "median of $runs: start-up $startup s, CPU $cpu s, Payara ready in $ready s, RSS at rest $rss MB," \
  "after --after $rss_after MB (its CPU $cpu_after s), load $load (JVM: $jvm_options);" \
  "floor: start-up $floor_startup s, RSS $floor_rss MB; start-up / floor $startup_ratio (target 1.5)," \
  "(RSS - 150 MB) / floor RSS $rss_ratio (target 1.5); stack floor: start-up $stack_startup s, CPU $stack_cpu s," \
  "RSS $stack_rss MB, its start-up / floor $stack_ratio, the application's start-up / stack floor's $over_stack_ratio"
$smoke && { echo "startup-memory smoke: the sign-in page answered"; exit 0; }
$record || exit 0

doc=docs/benchmarks.md heading="## 6. Start-up and memory" marker="<!-- startup-memory.sh appends above -->"
mkdir -p docs
[ -s "$doc" ] || printf '# Benchmarks\n' >"$doc"
grep -qF "$heading" "$doc" || printf '\n%s\n' "$heading" >>"$doc"
if ! grep -qF "$marker" "$doc"; then # the results table goes at the end of this section
  table=$(mktemp)
  cat >"$table" <<TABLE

Results of \`bench/startup-memory.sh\` (medians over the runs; start-up: launch to the first 200 of the sign-in page;
CPU: user+sys of the JVM until then; RSS at rest: VmRSS after the rest time; after sync: the same after \`--after\`).

| Commit | Date | Runs | Start-up s | CPU s | Payara ready s | RSS at rest MB | RSS after sync MB | Sync CPU s | Load | JVM options / label |
|---|---|---|---|---|---|---|---|---|---|---|
$marker
TABLE
  awk -v heading="$heading" -v table="$table" '
    function flush() { while ((getline line < table) > 0) print line; done = 1 }
    in_section && /^## / && !done { flush(); print ""; in_section = 0 }
    $0 == heading { in_section = 1 }
    { print }
    END { if (in_section && !done) flush() }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
  rm -f "$table"
fi
row="| $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src webapp pom.xml server-config || echo '+changes') | $(date -u +%Y-%m-%d) | $runs | $startup | $cpu | $ready | $rss | $rss_after | $cpu_after | $load | \`$jvm_options\`; floor (empty WAR) $floor_startup s, $floor_rss MB: start-up / floor $startup_ratio, (RSS - 150) / floor $rss_ratio; stack floor $stack_startup s, $stack_cpu CPU s, $stack_rss MB: its start-up / floor $stack_ratio, start-up / stack floor $over_stack_ratio${label:+; $label} |"
awk -v marker="$marker" -v row="$row" '$0 == marker { print row } { print }' "$doc" >"$doc.tmp" && mv "$doc.tmp" "$doc"
echo "recorded in $doc"
