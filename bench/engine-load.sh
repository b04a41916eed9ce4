#!/usr/bin/env bash
# engine-service under load, through its APIs, with one node agent:
#   1. RUNNING (100) `sleep 3600` containers created AND started at once (one curl per container:
#      create, then start, on one keep-alive connection), counting errors (any non-2xx) and the wall
#      time; `GET /api/v1/containers`, `GET /containers/json` and `docker ps` with them running;
#      then all removed at once (force), counting errors and the wall time.
#   2. LISTED (1000) containers created (not started: `true`), LIST_CONC (20) at a time; then
#      `docker ps -a`'s request `GET /containers/json?all=1` timed with curl (SAMPLES, median, p90),
#      `docker ps -a` itself (PS_SAMPLES, the CLI's wall time: process start and version
#      negotiation included) and the native `GET /api/v1/containers`; then all removed, LIST_CONC at
#      a time. Goal: the `docker ps` equivalent over 1,000 records answers in under 100 ms.
#
#   usage: sudo bench/engine-load.sh      (root: the agent mounts overlays and runs runc)
#   env:   RUNNING (100)  LISTED (1000)  LIST_CONC (20)  SAMPLES (20)  PS_SAMPLES (10)
#          WORK (/tmp/berth-bench)  scratch: $WORK/engine-load, removed at the end
#          JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64)  JAVA_OPTS  JVM options of the three services
#          IMAGE_ADDR (127.0.0.1:18292)  ENGINE_ADDR (127.0.0.1:18291)  AGENT_ADDR (127.0.0.1:18293)
#          PROFILE=1  record JFR on engine-service over PROFILE_N (200) more `GET /containers/json?all=1`
#                     with the LISTED containers in place; prints the dev.berth frames seen most
#          KEEP=1  leave the services running and the scratch dir in place
#          IMAGE_JAR, ENGINE_JAR, AGENT_JAR  other jars than the ones under */target
# Jars: */target/{image-service,engine-service,node-agent}.jar (built with ./mvnw -DskipTests
# package when missing), copied to the scratch dir first. The agent keeps its state in
# /run/berth-load and its network on bridge bload0 (10.78.0.0/24), all removed at the end.
# Output: "RESULT <figure> <unit> n=.. median=.. p90=.. min=.. max=.. mean=.." lines, samples in
# $RESULTS_DIR/load.*.samples, then the verdicts. Wall times of one-shot phases are n=1 figures.
set -uo pipefail
cd "$(dirname "$0")"
. ./lib.sh
ROOT_DIR=$(cd .. && pwd)

RUNNING=${RUNNING:-100}; LISTED=${LISTED:-1000}; LIST_CONC=${LIST_CONC:-20}
SAMPLES=${SAMPLES:-20}; PS_SAMPLES=${PS_SAMPLES:-10}; PROFILE_N=${PROFILE_N:-200}
IMAGE_ADDR=${IMAGE_ADDR:-127.0.0.1:18292}; ENGINE_ADDR=${ENGINE_ADDR:-127.0.0.1:18291}
AGENT_ADDR=${AGENT_ADDR:-127.0.0.1:18293}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA=$JAVA_HOME/bin/java
RUN=$WORK/engine-load
STATE_DIR=/run/berth-load
BRIDGE=bload0

[ "$(id -u)" = 0 ] || die "run as root (the agent mounts overlays and runs runc)"
need curl jq runc conmon tar awk file docker
[ -x "$JAVA" ] || die "no java at $JAVA: set JAVA_HOME to a JDK >= 21"
IMAGE_JAR=${IMAGE_JAR:-../image-service/target/image-service.jar}
ENGINE_JAR=${ENGINE_JAR:-../engine-service/target/engine-service.jar}
AGENT_JAR=${AGENT_JAR:-../node-agent/target/node-agent.jar}
if [ ! -f "$IMAGE_JAR" ] || [ ! -f "$ENGINE_JAR" ] || [ ! -f "$AGENT_JAR" ]; then
  echo "# building the jars" >&2
  (cd "$ROOT_DIR" && JAVA_HOME=$JAVA_HOME ./mvnw -o -B -q -DskipTests package) || die "build failed"
fi
for a in "$IMAGE_ADDR" "$ENGINE_ADDR" "$AGENT_ADDR"; do
  curl -s -o /dev/null --max-time 1 "http://$a/" && die "something already listens on $a"
done
ip link show "$BRIDGE" > /dev/null 2>&1 && die "bridge $BRIDGE exists: another run of this script?"
rm -rf "$RUN"; mkdir -p "$RUN/out"
cp "$IMAGE_JAR" "$RUN/image-service.jar"; cp "$ENGINE_JAR" "$RUN/engine-service.jar"; cp "$AGENT_JAR" "$RUN/node-agent.jar"

IMAGE_PID=; ENGINE_PID=; AGENT_PID=
ENGINE=http://$ENGINE_ADDR/api/v1
AGENT=http://$AGENT_ADDR/api/v1
load() { cut -d' ' -f1-3 /proc/loadavg; }

# remove_all: force-remove every container, through the engine, then whatever the agent still has
remove_all() {
  local api
  for api in "$ENGINE" "$AGENT"; do
    curl -sf "$api/containers" 2> /dev/null | jq -r '.[].id' 2> /dev/null |
      xargs -r -P 20 -I{} curl -s -o /dev/null -X DELETE "$api/containers/{}?force=true"
  done
}
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { echo "# KEEP=1: engine pid $ENGINE_PID, agent $AGENT_PID, image-service $IMAGE_PID, scratch $RUN" >&2; return; }
  echo "# cleanup: removing containers, stopping the services" >&2
  [ -n "$ENGINE_PID$AGENT_PID" ] && remove_all
  stop_pid "$AGENT_PID"; stop_pid "$ENGINE_PID"; stop_pid "$IMAGE_PID"
  ip link del "$BRIDGE" 2> /dev/null || true
  if grep -qE " ($RUN|$STATE_DIR)/" /proc/self/mountinfo; then   # nothing should be left; never delete under a mount
    echo "warn: mounts left, scratch dirs kept:" >&2; grep -E " ($RUN|$STATE_DIR)/" /proc/self/mountinfo >&2
  else rm -rf "$RUN" "$STATE_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Berth: image-service, engine-service, a node agent that registers itself ---
busybox_tar "$RUN"
echo "# starting image-service, engine-service (embedded PostgreSQL each) and node-agent from $RUN/*.jar" >&2
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$JAVA" ${JAVA_OPTS:-} -jar "$RUN/image-service.jar" --server.address="${IMAGE_ADDR%:*}" --server.port="${IMAGE_ADDR##*:}" \
  --berth.data-dir="$RUN/image-service" > "$RUN/image-service.log" 2>&1 &
IMAGE_PID=$!
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$RUN/engine-service.jar" --server.address="${ENGINE_ADDR%:*}" --server.port="${ENGINE_ADDR##*:}" \
  --berth.data-dir="$RUN/engine-service" --berth.engine.image-service="http://$IMAGE_ADDR" > "$RUN/engine-service.log" 2>&1 &
ENGINE_PID=$!
await image-service "http://$IMAGE_ADDR/api/v1/images" "$IMAGE_PID" "$RUN/image-service.log" 240
IMAGE=$(import_image "$IMAGE_ADDR" "$RUN/busybox.tar" bench/busybox:1) || exit 1
await engine-service "$ENGINE/containers" "$ENGINE_PID" "$RUN/engine-service.log" 240
mkdir -p "$STATE_DIR"
# shellcheck disable=SC2086
"$JAVA" ${JAVA_OPTS:-} -jar "$RUN/node-agent.jar" --server.address="${AGENT_ADDR%:*}" --server.port="${AGENT_ADDR##*:}" \
  --berth.data-dir="$RUN/node-agent" --berth.node.image-service="http://$IMAGE_ADDR" \
  --berth.node.engine="http://$ENGINE_ADDR" \
  --berth.node.runtime.state-dir="$STATE_DIR" --berth.node.network.bridge="$BRIDGE" \
  --berth.node.network.subnet=10.78.0.0/24 --berth.node.network.gateway=10.78.0.1 \
  --berth.node.network.namespace-dir="$STATE_DIR/netns" > "$RUN/node-agent.log" 2>&1 &
AGENT_PID=$!
for ((i = 0; ; i++)); do   # registered and up
  curl -sf "$ENGINE/nodes" | jq -e 'any(.[]; .state == "up")' > /dev/null 2>&1 && break
  kill -0 "$AGENT_PID" 2> /dev/null || { tail -30 "$RUN/node-agent.log" >&2; die "node-agent exited"; }
  [ "$i" -lt 1200 ] || { tail -30 "$RUN/node-agent.log" >&2; die "no node up in $ENGINE/nodes within 120 s"; }
  sleep 0.1
done
echo "# image bench/busybox:1 = $IMAGE; node $(curl -sf "$ENGINE/nodes" | jq -r '.[0].name') up;" \
  "pids: engine $ENGINE_PID, agent $AGENT_PID, image-service $IMAGE_PID" >&2

# The create bodies: one ContainerSpec (image by reference, id left to the engine), the name put in
# by bash (no process per body, nothing built while the clock runs).
SLEEP_SPEC=$(container_spec "" @NAME@ bench/busybox:1 /bin/sleep 3600)
TRUE_SPEC=$(container_spec "" @NAME@ bench/busybox:1 /bin/true)
JSON=(-H 'Content-Type: application/json')
now() { echo "${EPOCHREALTIME/./}"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }'; }
# bad FILES...: how many of the HTTP codes in FILES are not 2xx (000: no answer)
bad() { cat "$@" 2> /dev/null | awk '$1 !~ /^2/ { n++ } END { print n + 0 }'; }
# first_error FILES...: the answer to the first failed request, for the log
first_error() {
  local f=$(grep -lv '^2' "$@" 2> /dev/null | head -1)
  [ -n "$f" ] && echo "  first failure ($f): $(head -c 300 "${f%.codes}".body 2> /dev/null)" >&2
}
# sample_get FIGURE N URL: N timed GETs (3 untimed first), ms per answer; fails on a non-200
sample_get() {
  local f i out; f=$(sample_file "$1")
  for ((i = -3; i < $2; i++)); do
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' "$3")
    [ "${out%% *}" = 200 ] || die "GET $3: $out"
    [ "$i" -ge 0 ] && awk -v t="$(echo "$out" | cut -d' ' -f2)" 'BEGIN { printf "%.3f\n", t * 1000 }' >> "$f"
  done
  report "$1" ms "$f" "bytes=$(echo "$out" | cut -d' ' -f3)"
}
# sample_ps FIGURE N ARGS...: N timed `docker ps ARGS` (1 untimed first), CLI wall time in ms
sample_ps() {
  local fig=$1 n=$2 f i t0 lines; shift 2; f=$(sample_file "$fig")
  for ((i = -1; i < n; i++)); do
    t0=$(now)
    DOCKER_HOST=tcp://$ENGINE_ADDR docker ps "$@" > "$RUN/ps.out" 2> "$RUN/ps.err" || die "docker ps $*: $(cat "$RUN/ps.err")"
    [ "$i" -ge 0 ] && awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.3f\n", (b - a) / 1000 }' >> "$f"
  done
  lines=$(($(wc -l < "$RUN/ps.out") - 1))
  report "$fig" ms "$f" "rows=$lines"
}
one() { local f; f=$(sample_file "$1"); echo "$3" > "$f"; report "$1" "$2" "$f" "${4:-}"; }

echo "# $(date -u +%F) $(nproc) CPUs, $(uname -r), load $(load); RUNNING=$RUNNING LISTED=$LISTED LIST_CONC=$LIST_CONC" >&2
# the CLI's own cost: docker ps -a against an engine with no containers
sample_ps load.docker-ps-a.empty "$PS_SAMPLES" -a

# --- 1. RUNNING containers created and started at once, listed, removed at once ---
echo "# phase 1: $RUNNING x (create + start) at once, load $(load)" >&2
t0=$(now); pids=()
for ((i = 0; i < RUNNING; i++)); do
  b=${SLEEP_SPEC/@NAME@/load-$i}
  curl -s -o "$RUN/out/run-$i.body" -w '%{http_code}\n' "${JSON[@]}" --data-binary "$b" "$ENGINE/containers" \
    --next -s -o "$RUN/out/run-$i.body" -w '%{http_code}\n' -X POST "$ENGINE/containers/load-$i/start" \
    > "$RUN/out/run-$i.codes" 2>&1 & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done   # not a bare wait: the services are children too
t1=$(now)
RUN_ERR=$(bad "$RUN"/out/run-*.codes); first_error "$RUN"/out/run-*.codes
RUN_FAILED=$(for f in "$RUN"/out/run-*.codes; do [ "$(bad "$f")" = 0 ] || echo x; done | wc -l)
one "load.create+start.c$RUNNING" s "$(secs "$t0" "$t1")" "errors=$RUN_ERR containers_failed=$RUN_FAILED load=$(load)"
# engine's and agent's view of the states; a difference is a record the engine got wrong
states() { curl -sf "$1/containers" | jq -r '.[] | select(.name | startswith("load-")) | "\(.id) \(.state)"' | sort; }
compare_states() {   # compare_states WHEN: prints the disagreements, sets RUNNING_NOW (engine's running count)
  states "$ENGINE" > "$RUN/engine.states"; states "$AGENT" > "$RUN/agent.states"
  RUNNING_NOW=$(awk '$2 == "running"' "$RUN/engine.states" | wc -l)
  echo "# $1: running as the engine lists them $RUNNING_NOW, as the agent does $(awk '$2 == "running"' "$RUN/agent.states" | wc -l) of $RUNNING" >&2
  join "$RUN/engine.states" "$RUN/agent.states" | awk '$2 != $3 { print "#   " substr($1, 1, 12) ": engine " $2 ", agent " $3 }' >&2
}
compare_states "right after"
sleep 6; compare_states "6 s later"
sample_get "load.api-list.running$RUNNING" "$SAMPLES" "$ENGINE/containers"
sample_get "load.docker-list.running$RUNNING" "$SAMPLES" "http://$ENGINE_ADDR/containers/json"
sample_ps "load.docker-ps.running$RUNNING" "$PS_SAMPLES"
t0=$(now); pids=()
for ((i = 0; i < RUNNING; i++)); do
  curl -s -o "$RUN/out/rm-$i.body" -w '%{http_code}\n' -X DELETE "$ENGINE/containers/load-$i?force=true" \
    > "$RUN/out/rm-$i.codes" 2>&1 & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
t1=$(now)
RM_ERR=$(bad "$RUN"/out/rm-*.codes); first_error "$RUN"/out/rm-*.codes
one "load.remove.c$RUNNING" s "$(secs "$t0" "$t1")" "errors=$RM_ERR load=$(load)"
LEFT=$(curl -sf "$ENGINE/containers" | jq length)

# --- 2. LISTED records, listed ---
# batch OP: LIST_CONC curls at once, each OP-ing its share of the LISTED containers one after the
# other on one keep-alive connection (create: POST, remove: DELETE ?force=true)
batch() {
  local op=$1 w i args pids=()
  for ((w = 0; w < LIST_CONC; w++)); do
    args=()
    for ((i = w; i < LISTED; i += LIST_CONC)); do
      [ "${#args[@]}" -gt 0 ] && args+=(--next)
      if [ "$op" = create ]; then
        args+=(-s -o "$RUN/out/$op-$w.body" -w '%{http_code}\n' "${JSON[@]}" --data-binary "${TRUE_SPEC/@NAME@/list-$i}" "$ENGINE/containers")
      else
        args+=(-s -o "$RUN/out/$op-$w.body" -w '%{http_code}\n' -X DELETE "$ENGINE/containers/list-$i?force=true")
      fi
    done
    curl "${args[@]}" > "$RUN/out/$op-$w.codes" 2>&1 & pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p"; done
}
echo "# phase 2: $LISTED x create, $LIST_CONC at a time, load $(load)" >&2
t0=$(now); batch create; t1=$(now)
CR_ERR=$(bad "$RUN"/out/create-*.codes); first_error "$RUN"/out/create-*.codes
one "load.create.$LISTED.c$LIST_CONC" s "$(secs "$t0" "$t1")" "errors=$CR_ERR per_container_ms=$(awk -v a="$t0" -v b="$t1" -v n="$LISTED" 'BEGIN { printf "%.1f", (b - a) / 1000 / n }') load=$(load)"
RECORDS=$(curl -sf "$ENGINE/containers" | jq length)
echo "# records: $RECORDS; listing, load $(load)" >&2
sample_get "load.docker-list-all.$RECORDS" "$SAMPLES" "http://$ENGINE_ADDR/containers/json?all=1"
sample_ps "load.docker-ps-a.$RECORDS" "$PS_SAMPLES" -a
sample_get "load.api-list.$RECORDS" "$SAMPLES" "$ENGINE/containers"
sample_get "load.docker-list-running.$RECORDS" "$SAMPLES" "http://$ENGINE_ADDR/containers/json"
echo "# engine-service RSS with $RECORDS records: $(awk '/^VmRSS:/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$ENGINE_PID/status")" >&2
if [ "${PROFILE:-0}" = 1 ]; then
  echo "# PROFILE=1: JFR on engine-service over $PROFILE_N GET /containers/json?all=1" >&2
  "$JAVA_HOME/bin/jcmd" "$ENGINE_PID" JFR.start name=load settings=profile > /dev/null || die "jcmd JFR.start failed"
  for ((i = 0; i < PROFILE_N; i++)); do curl -sf -o /dev/null "http://$ENGINE_ADDR/containers/json?all=1"; done
  "$JAVA_HOME/bin/jcmd" "$ENGINE_PID" JFR.stop name=load filename="$RUN/list.jfr" > /dev/null
  "$JAVA_HOME/bin/jfr" print --stack-depth 100 --events jdk.ExecutionSample "$RUN/list.jfr" |
    awk '/stackTrace = \[/ { on = 1; s = ""; next } on && /^ *\]/ { on = 0; print s; next }
      on { sub(/^ +/, ""); sub(/\(.*$/, ""); s = s "|" $0 }' > "$RUN/list.stacks"
  echo "# $(wc -l < "$RUN/list.stacks") samples; dev.berth methods by samples in them (inclusive):" >&2
  awk -F'|' '{ delete seen; for (i = 2; i <= NF; i++) if ($i ~ /^dev\.berth/ && !seen[$i]++) print $i }' "$RUN/list.stacks" | sort | uniq -c | sort -rn | head -12 >&2
  echo "# top frames (self):" >&2
  cut -d'|' -f2 "$RUN/list.stacks" | sort | uniq -c | sort -rn | head -8 >&2
  cp "$RUN/list.jfr" "$RESULTS_DIR/engine-load-list.jfr"; echo "# recording: $RESULTS_DIR/engine-load-list.jfr" >&2
fi
t0=$(now); batch remove; t1=$(now)
RML_ERR=$(bad "$RUN"/out/remove-*.codes); first_error "$RUN"/out/remove-*.codes
one "load.remove.$LISTED.c$LIST_CONC" s "$(secs "$t0" "$t1")" "errors=$RML_ERR load=$(load)"
LEFT2=$(curl -sf "$ENGINE/containers" | jq length)

# --- verdicts ---
med() { stat_field "$RESULTS_DIR/$1.samples" "${2:-median}"; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "") ? "no figure" : (a + 0 < b + 0) ? "met" : "NOT met" }'; }
echo
echo "$RUNNING concurrent create+start: $RUN_ERR errors ($RUN_FAILED containers failed; $RUNNING_NOW running after)," \
  "$(med "load.create+start.c$RUNNING") s; $RUNNING concurrent removes: $RM_ERR errors, $(med "load.remove.c$RUNNING") s," \
  "$LEFT records left -> $([ "$RUN_ERR$RM_ERR$LEFT" = 000 ] && echo met || echo "NOT met")"
echo "$LISTED creates ($LIST_CONC at a time): $CR_ERR errors, $(med "load.create.$LISTED.c$LIST_CONC") s;" \
  "removes: $RML_ERR errors, $(med "load.remove.$LISTED.c$LIST_CONC") s, $LEFT2 records left"
l=$(med "load.docker-list-all.$RECORDS"); l90=$(med "load.docker-list-all.$RECORDS" p90)
echo "docker ps -a equivalent over $RECORDS records (GET /containers/json?all=1): median $l ms, p90 $l90 ms" \
  "-> goal < 100 ms: median $(verdict "$l" 100), p90 $(verdict "$l90" 100)"
p=$(med "load.docker-ps-a.$RECORDS"); p0=$(med load.docker-ps-a.empty)
echo "docker ps -a CLI over $RECORDS records: median $p ms (CLI over an empty engine: $p0 ms) -> < 100 ms: $(verdict "$p" 100)"
echo "native GET /api/v1/containers over $RECORDS records: median $(med "load.api-list.$RECORDS") ms"
echo "load average at the end: $(load) ($(nproc) CPUs)"
echo "raw samples: $RESULTS_DIR/load.*.samples" >&2
