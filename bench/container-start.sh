#!/usr/bin/env bash
# Container start latency through node-agent's API beside the anchors, measured in the same run:
# create + start + wait + remove of a busybox `/bin/true` container, N times in sequence (median,
# p90) and CONC at once (wall time from the first launch to the last removal); beside the bare
# runtime the agent launches with (`crun run` or `runc run`: the floor), conmon + that runtime
# (podman's runtime path) and a real dockerd when docker.io is installed (else BASELINE.md's figures). Then the per-container monitor overhead: RSS/PSS of the
# conmon of MEM_N running `sleep` containers beside containerd-shim (13 MiB) and conmon (2 MiB).
# Goals: within 2x of conmon + the runtime (under 40 ms), CONC=50 at once under 1 s, monitor <= conmon.
#
#   usage: sudo bench/container-start.sh      (root: the agent mounts, runs the runtime and conmon)
#   env:   N (50)  WARMUP (3)  CONC (50)  CONC_REPS (5)  MEM_N (20)
#          WORK (/tmp/berth-bench)  scratch: $WORK/container-start, removed at the end
#          JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64)  JAVA_OPTS  JVM options of both services
#          IMAGE_ADDR (127.0.0.1:18182)  AGENT_ADDR (127.0.0.1:18183)
#          ANCHORS (../shared/anchor-bench beside the repo)  its container-start.sh runs the anchors
#          SKIP_ANCHORS=1  Berth alone (ratios against BASELINE.md's figures)
#          WARM=N  N untimed containers, CONC at once (one client process), through the agent
#               measured before any timing: figures of an agent in service rather than of its first
#               minutes (the JIT compiles what runs once per request only after some thousands of
#               requests). 0 (default): none
#          TRAIN=N  first a training run (JDK >= 25): N containers, CONC at once (one client
#               process), through an agent that records the JDK's AOT cache (classes loaded and
#               linked, method profiles) as it exits; the agent measured starts from that cache,
#               as an agent restarted after a day of work would with -XX:AOTCache (README: "JVM
#               warm-up"). 0 (default): none
#          KEEP=1  leave the services running and the scratch dir in place (for strace/JFR)
#          IMAGE_JAR, AGENT_JAR  other jars than the ones under */target (e.g. an instrumented agent)
# Jars: image-service/target/image-service.jar and node-agent/target/node-agent.jar (built with
# ./mvnw -DskipTests package when missing), copied to the scratch dir first.
# An agent that prints "PHASE <id> <phase> <ms>" lines on stdout (a local build with timing added)
# gets the medians of those phases over the sequential one-curl runs printed as start.phase.* lines.
# Output: "RESULT <figure> <unit> n=.. median=.. p90=.. min=.. max=.. mean=.." lines as the anchor
# scripts print them, samples in $RESULTS_DIR/<figure>.samples, then a table of ratios.
#   start.berth-1c     the 4 requests from ONE curl on one keep-alive connection (comparable to
#                      the anchor's docker-api-1c); start.berth-4c one curl per call, with
#                      start.berth.{create,start,wait,delete}.
#   start.berth-1p     the 4 requests from ONE client process (agent-client.py) for all N
#                      containers, as engine-service drives an agent: no curl to start per
#                      container (a few ms)
#   start.berth-1c.cCONC  CONC at once, from CONC curl processes (as the anchor's dockerd x50 is
#                      driven, there with 4 curls each); start.berth-1p.cCONC the same from ONE
#                      client process (a thread and keep-alive connection per container). The
#                      curls cost about as much CPU as the runtime on 2 cores; the rounds
#                      alternate the two clients.
set -uo pipefail
cd "$(dirname "$0")"
. ./lib.sh
ROOT_DIR=$(cd .. && pwd)

N=${N:-50}; WARMUP=${WARMUP:-3}; CONC=${CONC:-50}; CONC_REPS=${CONC_REPS:-5}; MEM_N=${MEM_N:-20}
IMAGE_ADDR=${IMAGE_ADDR:-127.0.0.1:18182}; AGENT_ADDR=${AGENT_ADDR:-127.0.0.1:18183}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}; JAVA=$JAVA_HOME/bin/java
ANCHORS=${ANCHORS:-$ROOT_DIR/../shared/anchor-bench}
RUN=$WORK/container-start
STATE_DIR=/run/berth-bench
# BASELINE.md section 1/2 (n=90, same machine kind): used when an anchor cannot run here
declare -A BASE=([crun]=6.62 [conmon-crun]=18.0 [crun.c50]=221 [runc]=16.2 [runc.c50]=549 [dockerd]=168 [dockerd.c50]=5052
  [shim.rss]=12.98 [shim.pss]=2.94 [conmon.rss]=2.02 [conmon.pss]=0.41)

[ "$(id -u)" = 0 ] || die "run as root (the agent mounts overlays and runs the OCI runtime)"
need curl jq conmon tar awk python3
[ -x "$JAVA" ] || die "no java at $JAVA: set JAVA_HOME to a JDK >= 21"
IMAGE_JAR=${IMAGE_JAR:-../image-service/target/image-service.jar}; AGENT_JAR=${AGENT_JAR:-../node-agent/target/node-agent.jar}
if [ ! -f "$IMAGE_JAR" ] || [ ! -f "$AGENT_JAR" ]; then
  echo "# building the jars" >&2
  (cd .. && JAVA_HOME=$JAVA_HOME ./mvnw -o -B -q -DskipTests package) || die "build failed"
fi
for s in image-service node-agent; do
  curl -s -o /dev/null --max-time 1 "http://$([ $s = node-agent ] && echo "$AGENT_ADDR" || echo "$IMAGE_ADDR")/" &&
    die "something already listens where $s would"
done
rm -rf "$RUN"; mkdir -p "$RUN"
cp "$IMAGE_JAR" "$RUN/image-service.jar"; cp "$AGENT_JAR" "$RUN/node-agent.jar"

IMAGE_PID=; AGENT_PID=; DOCKERD_PID=; IDS=()
AGENT=http://$AGENT_ADDR/api/v1
# remove_all: force-remove every container this run created that the agent still knows
remove_all() {
  [ -n "$AGENT_PID" ] || return 0
  local id pids=()
  for id in $(curl -sf "$AGENT/containers" | jq -r '.[].id' 2> /dev/null); do
    curl -sf -o /dev/null -X DELETE "$AGENT/containers/$id?force=true" & pids+=($!)
  done
  for id in "${pids[@]}"; do wait "$id"; done   # not a bare wait: the services are children too
}
cleanup() {
  [ "${KEEP:-0}" = 1 ] && { echo "# KEEP=1: agent pid $AGENT_PID, image-service pid $IMAGE_PID, scratch $RUN" >&2; return; }
  remove_all
  stop_pid "$AGENT_PID"; stop_pid "$IMAGE_PID"; stop_pid "$DOCKERD_PID"
  ip link del bbench0 2> /dev/null || true
  if grep -q -e " $RUN/" -e " $STATE_DIR/bundles/" /proc/mounts; then   # nothing should be left; never delete under a mount
    echo "warn: mounts left under $RUN or $STATE_DIR, scratch and state dirs kept:" >&2
    grep -e " $RUN/" -e " $STATE_DIR/bundles/" /proc/mounts >&2
  else
    umount "$STATE_DIR"/bin/* 2> /dev/null   # the runtime's binary, mounted read-only
    umount "$STATE_DIR" 2> /dev/null   # the agent's tmpfs, when /run is not one
    rm -rf "$RUN" "$STATE_DIR"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- rootfs: static busybox, as ../shared/anchor-bench/make-bundle.sh builds it ---
busybox_tar "$RUN"

# --- Berth: image-service, then node-agent ---
echo "# starting image-service (embedded PostgreSQL) and node-agent from $RUN/*.jar" >&2
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
"$JAVA" ${JAVA_OPTS:-} -jar "$RUN/image-service.jar" --server.address="${IMAGE_ADDR%:*}" --server.port="${IMAGE_ADDR##*:}" \
  --berth.data-dir="$RUN/image-service" > "$RUN/image-service.log" 2>&1 &
IMAGE_PID=$!
await image-service "http://$IMAGE_ADDR/api/v1/images" "$IMAGE_PID" "$RUN/image-service.log" 240
IMAGE=$(import_image "$IMAGE_ADDR" "$RUN/busybox.tar" bench/busybox:1) || exit 1
mkdir -p "$STATE_DIR"
start_agent() {   # start_agent [JVM OPTION]...: node-agent on $AGENT_ADDR as $AGENT_PID
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" ${JAVA_OPTS:-} "$@" -jar "$RUN/node-agent.jar" --server.address="${AGENT_ADDR%:*}" --server.port="${AGENT_ADDR##*:}" \
    --berth.data-dir="$RUN/node-agent" --berth.node.image-service="http://$IMAGE_ADDR" \
    --berth.node.runtime.state-dir="$STATE_DIR" --berth.node.network.bridge=bbench0 \
    --berth.node.network.subnet=10.77.0.0/24 --berth.node.network.gateway=10.77.0.1 \
    --berth.node.network.namespace-dir="$STATE_DIR/netns" >> "$RUN/node-agent.log" 2>&1 &
  AGENT_PID=$!
  await node-agent "$AGENT/containers" "$AGENT_PID" "$RUN/node-agent.log" 120
}
new_id() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
body() { local id=$1 name=$2; shift 2; container_spec "$id" "$name" "$IMAGE" "$@"; }   # body ID NAME CMD...
# Bodies are built before the clock starts (jq is a process of its own, not part of Berth's cost).
prepare_bodies() {   # prepare_bodies PREFIX COUNT: $RUN/bodies/PREFIX-i.{id,json}
  local i id; mkdir -p "$RUN/bodies"
  for ((i = 0; i < $2; i++)); do
    id=$(new_id); echo "$id" > "$RUN/bodies/$1-$i.id"; body "$id" "b$1-$i" /bin/true > "$RUN/bodies/$1-$i.json"
  done
}
O=(-sf -o /dev/null); C=(curl "${O[@]}")
# curl_1c KEY: in CURL_1C, the arguments of ONE curl that creates, starts, waits for and deletes
# container KEY on one keep-alive connection
CURL_1C=()
curl_1c() {
  local id; id=$(< "$RUN/bodies/$1.id")
  CURL_1C=("${O[@]}" -X POST -H 'Content-Type: application/json' --data-binary "@$RUN/bodies/$1.json" "$AGENT/containers"
    --next "${O[@]}" -X POST "$AGENT/containers/$id/start"
    --next "${O[@]}" -X POST "$AGENT/containers/$id/wait"
    --next "${O[@]}" -X DELETE "$AGENT/containers/$id?force=true")
}
berth_1c() { curl_1c "$1"; curl "${CURL_1C[@]}"; }   # berth_1c KEY
TS=()
# berth_4c KEY: one curl per call, phase time stamps in TS[]
berth_4c() {
  local id; id=$(< "$RUN/bodies/$1.id")
  TS[0]=${EPOCHREALTIME/./}
  "${C[@]}" -X POST -H 'Content-Type: application/json' --data-binary "@$RUN/bodies/$1.json" "$AGENT/containers" || return 1
  TS[1]=${EPOCHREALTIME/./}
  "${C[@]}" -X POST "$AGENT/containers/$id/start" || return 1
  TS[2]=${EPOCHREALTIME/./}
  "${C[@]}" -X POST "$AGENT/containers/$id/wait" || return 1
  TS[3]=${EPOCHREALTIME/./}
  "${C[@]}" -X DELETE "$AGENT/containers/$id?force=true" || return 1
  TS[4]=${EPOCHREALTIME/./}
}
# The CONC containers of bodies KEY-0.. (prepared) at once, two clients; FAILED: how many failed
FAILED=0
at_once_curl() {   # at_once_curl KEY: CONC curl processes (each exec'd by its background subshell)
  local j p pids=()
  FAILED=0
  for ((j = 0; j < CONC; j++)); do { curl_1c "$1-$j"; exec curl "${CURL_1C[@]}"; } & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || FAILED=$((FAILED + 1)); done
}
WALL=
at_once_client() {   # at_once_client KEY: ONE client process (agent-client.py); WALL: its own wall time in ms
  local out
  out=$(python3 agent-client.py "http://$AGENT_ADDR" "$RUN/bodies/$1" "$CONC" at-once) || { FAILED=$CONC; WALL=; return; }
  read -r WALL FAILED <<< "$out"
}
untimed() {   # untimed PREFIX COUNT: COUNT containers, CONC at once, not timed
  local r
  for ((r = 0; r * CONC < $2; r++)); do
    prepare_bodies "$1$r" "$CONC"; at_once_client "$1$r"
    [ "$FAILED" = 0 ] || echo "warn: $FAILED untimed containers failed" >&2
  done
}
# TRAIN: TRAIN containers through an agent that records the JDK's AOT cache as it exits
# (-XX:AOTCacheOutput); the agent measured then starts from it (-XX:AOTCache)
AOT_OPTS=()
if [ "${TRAIN:-0}" -gt 0 ]; then
  need_aot_cache
  echo "# training run: $TRAIN containers, $CONC at once, through an agent recording the AOT cache" >&2
  start_agent -XX:AOTCacheOutput="$RUN/node-agent.aot"
  untimed t "$TRAIN"
  t0=${EPOCHREALTIME/./}; stop_pid "$AGENT_PID"; AGENT_PID=
  [ -f "$RUN/node-agent.aot" ] || die "the training agent wrote no AOT cache (see $RUN/node-agent.log)"
  echo "# AOT cache written in $(( (${EPOCHREALTIME/./} - t0) / 1000 )) ms at exit: $(du -m "$RUN/node-agent.aot" | cut -f1) MiB" >&2
  AOT_OPTS=(-XX:AOTCache="$RUN/node-agent.aot")
fi
start_agent "${AOT_OPTS[@]}"
RT=$(curl -sf "$AGENT/node" | jq -r .runtime)   # crun or runc: the anchors run the same runtime
echo "# image $IMAGE; agent pid $AGENT_PID; runtime $RT${AOT_OPTS:+; AOT cache from $TRAIN containers}" >&2
sleep 2; FRESH_RSS=$(awk '/^VmRSS:/ { print $2 }' "/proc/$AGENT_PID/status")   # before any container
if [ "${WARM:-0}" -gt 0 ]; then
  echo "# warm-up: $WARM containers, $CONC at once, untimed" >&2
  untimed u "$WARM"
fi

ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f\n", (b - a) / 1000 }'; }

PHASES=(create start wait delete)
sequential() {   # sequential MODE(1c|4c): WARMUP + N runs; prints the RESULT line(s)
  local mode=$1 f i fail=0 t0 p k
  prepare_bodies "w$mode" "$WARMUP"; prepare_bodies "$mode" "$N"
  for ((i = 0; i < WARMUP; i++)); do "berth_$mode" "w$mode-$i" || echo "warn: warm-up $i failed" >&2; done
  f=$(sample_file "start.berth-$mode")
  local from; from=$(wc -l < "$RUN/node-agent.log")
  [ "$mode" = 4c ] && for p in "${PHASES[@]}"; do sample_file "start.berth.$p" > /dev/null; done
  for ((i = 0; i < N; i++)); do
    t0=${EPOCHREALTIME/./}
    if "berth_$mode" "$mode-$i"; then
      ms "$t0" "${EPOCHREALTIME/./}" >> "$f"
      if [ "$mode" = 4c ]; then
        for k in 0 1 2 3; do ms "${TS[k]}" "${TS[k + 1]}" >> "$RESULTS_DIR/start.berth.${PHASES[k]}.samples"; done
      fi
    else fail=$((fail + 1)); fi
  done
  report "start.berth-$mode" ms "$f" "fail=$fail"
  if [ "$mode" = 1c ]; then   # phases logged by an instrumented agent, if any
    tail -n +"$((from + 1))" "$RUN/node-agent.log" | awk '$1 == "PHASE" { print $3, $4 }' > "$RUN/phases"
    for p in $(awk '{ print $1 }' "$RUN/phases" | sort -u); do
      awk -v p="$p" '$1 == p { print $2 }' "$RUN/phases" > "$RESULTS_DIR/start.phase.$p.samples"
      report "start.phase.$p" ms "$RESULTS_DIR/start.phase.$p.samples"
    done
  fi
  [ "$mode" = 4c ] && for p in "${PHASES[@]}"; do report "start.berth.$p" ms "$RESULTS_DIR/start.berth.$p.samples"; done
}
sequential_client() {   # WARMUP + N runs one by one from ONE client process; prints the RESULT line
  local f out
  prepare_bodies w1p "$WARMUP"; prepare_bodies 1p "$N"
  python3 agent-client.py "http://$AGENT_ADDR" "$RUN/bodies/w1p" "$WARMUP" one-by-one > /dev/null ||
    die "agent-client.py failed (see above)"
  f=$(sample_file start.berth-1p)
  out=$(python3 agent-client.py "http://$AGENT_ADDR" "$RUN/bodies/1p" "$N" one-by-one) ||
    die "agent-client.py failed (see above)"
  grep -v '^failed' <<< "$out" >> "$f"
  report start.berth-1p ms "$f" "fail=$(awk '$1 == "failed" { print $2 }' <<< "$out")"
}
concurrent() {   # CONC at once, CONC_REPS times per client, alternating (after one untimed round of each)
  local r t0 fc=0 fp=0 c p
  c=$(sample_file "start.berth-1c.c$CONC"); p=$(sample_file "start.berth-1p.c$CONC")
  for ((r = -1; r < CONC_REPS; r++)); do
    prepare_bodies "c$r" "$CONC"; prepare_bodies "p$r" "$CONC"
    t0=${EPOCHREALTIME/./}
    at_once_curl "c$r"; fc=$((fc + FAILED))
    [ "$r" -ge 0 ] && ms "$t0" "${EPOCHREALTIME/./}" >> "$c"
    at_once_client "p$r"; fp=$((fp + FAILED))
    [ "$r" -ge 0 ] && [ -n "$WALL" ] && echo "$WALL" >> "$p"
  done
  report "start.berth-1c.c$CONC" ms "$c" "fail=$fc (incl. the untimed round)"
  report "start.berth-1p.c$CONC" ms "$p" "fail=$fp (incl. the untimed round)"
}

# --- anchors: the anchor's own container-start.sh, on a bundle from its make-bundle.sh ---
anchor() {   # anchor FIGURE [NAME=VALUE]... SCRIPT ARGS: run the anchor script, echo its median (or nothing)
  local fig=$1 line; shift   # the rest: [NAME=VALUE]... SCRIPT ARGS
  line=$(env WORK="$RUN/anchor" RESULTS_DIR="$RESULTS_DIR" "$@" 2> "$RUN/anchor.err" | grep '^RESULT' | tail -1)
  [ -n "$line" ] || { echo "warn: anchor $fig failed: $(tail -2 "$RUN/anchor.err")" >&2; return; }
  echo "$line" | sed "s/RESULT start\.[^ ]*/RESULT start.anchor.$fig/" >&2
  [[ $line == *fail=0* ]] || { echo "warn: anchor $fig had failures: $(tail -2 "$RUN/anchor.err")" >&2; return; }
  echo "$line" | tr ' ' '\n' | awk -F= '$1 == "median" { print $2 }'
}
declare -A A; declare -A ASRC
anchors() {
  local k
  for k in "${!BASE[@]}"; do A[$k]=${BASE[$k]}; ASRC[$k]=BASELINE; done
  [ "${SKIP_ANCHORS:-0}" = 1 ] && return
  [ -x "$ANCHORS/container-start.sh" ] || { echo "warn: no anchor scripts at $ANCHORS: BASELINE figures" >&2; return; }
  WORK="$RUN/anchor" "$ANCHORS/make-bundle.sh" "$RUN/anchor/bundle" > /dev/null || return
  set_anchor() { [ -n "$2" ] && { A[$1]=$2; ASRC[$1]=measured; }; }
  set_anchor "$RT" "$(anchor "$RT" CONC=1 "$ANCHORS/container-start.sh" "$RT" "$N")"
  # conmon-crun with CRUN=$RT: conmon --sync runs `$RT create`, then `$RT start`, wait, `$RT delete`
  set_anchor "conmon-$RT" "$(anchor "conmon-$RT" CONC=1 CRUN="$RT" "$ANCHORS/container-start.sh" conmon-crun "$N")"
  set_anchor "$RT.c50" "$(anchor "$RT.c$CONC" CONC="$CONC" "$ANCHORS/container-start.sh" "$RT" "$CONC_REPS")"
  if command -v dockerd > /dev/null && command -v docker > /dev/null; then
    local sock=$RUN/docker/docker.sock
    mkdir -p "$RUN/docker"
    dockerd --data-root "$RUN/docker/root" --exec-root "$RUN/docker/exec" -H "unix://$sock" \
      --pidfile "$RUN/docker/dockerd.pid" --bridge none --iptables=false --ip-masq=false \
      > "$RUN/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    local i; for ((i = 0; i < 300; i++)); do
      DOCKER_HOST=unix://$sock docker info > /dev/null 2>&1 && break
      kill -0 "$DOCKERD_PID" 2> /dev/null || break; sleep 0.1
    done
    if DOCKER_HOST=unix://$sock docker import "$RUN/busybox.tar" bb:latest > /dev/null 2>&1; then
      set_anchor dockerd "$(anchor dockerd CONC=1 DOCKER_HOST="unix://$sock" "$ANCHORS/container-start.sh" docker-api-1c "$N")"
      set_anchor dockerd.c50 "$(anchor "dockerd.c$CONC" DOCKER_HOST="unix://$sock" CONC="$CONC" "$ANCHORS/container-start.sh" docker-api "$CONC_REPS")"
    else echo "# dockerd could not start here ($(tail -1 "$RUN/dockerd.log")): docker anchor skipped, BASELINE figures" >&2; fi
    stop_pid "$DOCKERD_PID"; DOCKERD_PID=
  else
    echo "# dockerd is not installed: docker anchor skipped, BASELINE.md figures (docker-api-1c 168 ms, Engine API x50 5.05 s)" >&2
  fi
}

# --- memory: conmon per running container, agent RSS ---
memory() {
  local i id pid fr fp fa
  sync; sleep 2
  fa=$(sample_file mem.berth.agent.fresh.rss); mib "$FRESH_RSS" > "$fa"
  report mem.berth.agent.fresh.rss MiB "$fa" "(idle, before the first container)"
  fa=$(sample_file mem.berth.agent.idle.rss); mib "$(rss_kb "$AGENT_PID")" > "$fa"
  report mem.berth.agent.idle.rss MiB "$fa" "pss=$(mib "$(pss_kb "$AGENT_PID")")MiB (idle, after the start runs)"
  IDS=()
  for ((i = 0; i < MEM_N; i++)); do
    id=$(new_id); IDS+=("$id")
    body "$id" "m$i" /bin/sleep 1000 | curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
      --data-binary @- "$AGENT/containers" --next -sf -o /dev/null -X POST "$AGENT/containers/$id/start" ||
      echo "warn: sleep container $i failed" >&2
  done
  sync; sleep 3
  fr=$(sample_file mem.berth.per-container.conmon.rss); fp=$(sample_file mem.berth.per-container.conmon.pss)
  for id in "${IDS[@]}"; do
    pid=$(cat "$STATE_DIR/bundles/$id/conmon.pid" 2> /dev/null) || continue
    mib "$(rss_kb "$pid")" >> "$fr"; mib "$(pss_kb "$pid")" >> "$fp"
  done
  report mem.berth.per-container.conmon.rss MiB "$fr" "monitors=$(wc -l < "$fr") of $MEM_N"
  report mem.berth.per-container.conmon.pss MiB "$fp"
  fa=$(sample_file "mem.berth.agent.running$MEM_N.rss"); mib "$(rss_kb "$AGENT_PID")" > "$fa"
  report "mem.berth.agent.running$MEM_N.rss" MiB "$fa" "pss=$(mib "$(pss_kb "$AGENT_PID")")MiB"
  IDS=()
  remove_all
}

echo "# $(date -u +%F) $(nproc) CPUs, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg); N=$N WARMUP=$WARMUP CONC=$CONC x $CONC_REPS" >&2
sequential 4c
sequential 1c
sequential_client
concurrent
anchors
memory

med() { stat_field "$RESULTS_DIR/$1.samples" median; }
b1=$(med start.berth-1c); b1p=$(med start.berth-1p); b4=$(med start.berth-4c); bc=$(med "start.berth-1c.c$CONC"); bp=$(med "start.berth-1p.c$CONC")
rss=$(med mem.berth.per-container.conmon.rss); pss=$(med mem.berth.per-container.conmon.pss)
echo
echo "| figure | Berth | anchor | source | Berth ÷ anchor |"
echo "| --- | ---: | ---: | --- | ---: |"
row() { echo "| $1 | $2 | $3 | $4 | $(ratio "$2" "$3") |"; }
row "start, one client process (ms) ÷ conmon + $RT" "$b1p" "${A[conmon-$RT]:-}" "${ASRC[conmon-$RT]:-}"
row "start, 1 curl keep-alive (ms) ÷ conmon + $RT" "$b1" "${A[conmon-$RT]:-}" "${ASRC[conmon-$RT]:-}"
row "start, 1 curl keep-alive (ms) ÷ $RT run (floor)" "$b1" "${A[$RT]}" "${ASRC[$RT]}"
row "start, 1 curl keep-alive (ms) ÷ dockerd API 1 curl" "$b1" "${A[dockerd]}" "${ASRC[dockerd]}"
row "start, 4 curls (ms) ÷ conmon + $RT" "$b4" "${A[conmon-$RT]:-}" "${ASRC[conmon-$RT]:-}"
row "$CONC at once, one client process (ms) ÷ $RT run x$CONC" "$bp" "${A[$RT.c50]}" "${ASRC[$RT.c50]}"
row "$CONC at once, $CONC curls (ms) ÷ $RT run x$CONC" "$bc" "${A[$RT.c50]}" "${ASRC[$RT.c50]}"
row "$CONC at once, $CONC curls (ms) ÷ dockerd API x$CONC ($((4 * CONC)) curls)" "$bc" "${A[dockerd.c50]}" "${ASRC[dockerd.c50]}"
row "monitor RSS per container (MiB) ÷ conmon (podman)" "$rss" "${A[conmon.rss]}" BASELINE
row "monitor RSS per container (MiB) ÷ containerd-shim" "$rss" "${A[shim.rss]}" BASELINE
row "monitor PSS per container (MiB) ÷ conmon (podman)" "$pss" "${A[conmon.pss]}" BASELINE
goal() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "") ? "no figure" : (a + 0 <= b + 0) ? "met" : "NOT met" }'; }
# this run's runtime over BASELINE's: how much slower the machine is now than when the anchors were taken
echo "machine load factor: $RT run here ${A[$RT]} ms ÷ BASELINE ${BASE[$RT]} ms = $(ratio "${A[$RT]}" "${BASE[$RT]}")" \
  "(BASELINE rows compare against a quieter machine: divide their ratio by this factor for a rough estimate)"
echo
cr=${A[conmon-$RT]:-${BASE[conmon-crun]}}   # runc: BASELINE has conmon + crun only
echo "goal start <= 2x conmon + $RT ($(awk -v a="$cr" 'BEGIN { print 2 * a }') ms): $(goal "$b1p" "$(awk -v a="$cr" 'BEGIN { print 2 * a }')") from one client process, $(goal "$b1" "$(awk -v a="$cr" 'BEGIN { print 2 * a }')") from one curl;" \
  "goal $CONC at once < 1 s: $(goal "$bp" 1000) from one client process, $(goal "$bc" 1000) from $CONC curls; goal monitor RSS <= conmon's ${A[conmon.rss]} MiB (+5 % noise; the monitor is conmon itself): $(goal "$rss" "$(awk -v a="${A[conmon.rss]}" 'BEGIN { print 1.05 * a }')")"
echo "raw samples: $RESULTS_DIR/start.berth*.samples, mem.berth.*.samples" >&2
