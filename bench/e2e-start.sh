#!/usr/bin/env bash
# The whole stack as a user runs it, beside a real dockerd: `docker run -d busybox sleep` followed by
# `docker rm -f` of it, N times in sequence, with the real docker CLI pointed at Berth's gateway
# (every call crosses gateway -> engine-service -> node agent) and at a dockerd (docker.io) started
# here with the same busybox imported; printed as medians and their ratio. Then the stack's idle
# resident memory, per service and in total (a service's JVM with its children; PostgreSQL with its
# server processes), beside dockerd + containerd's idle 134 MiB from BASELINE.md.
#
#   usage: sudo bench/e2e-start.sh     (root: the node agent runs containers)
#   env:   N (30)  WARMUP (3)  WORK (/tmp/berth-bench)  scratch: $WORK/e2e-start
#          STACK_DIR ($WORK/e2e-start/stack)  the data dir `./berth up` gets, when no stack answers on
#          127.0.0.1:8080 (one that does is used as it is and left running)
#          SKIP_ANCHORS=1  Berth alone
# Output: "RESULT <figure> <unit> n=.. median=.. ..." lines, samples in $RESULTS_DIR/e2e.*.samples,
# then a table of ratios.
set -uo pipefail
cd "$(dirname "$0")"
. ./lib.sh
ROOT_DIR=$(cd .. && pwd)

N=${N:-30}; WARMUP=${WARMUP:-3}
RUN=$WORK/e2e-start
STACK_DIR=${STACK_DIR:-$RUN/stack}
GATEWAY=tcp://127.0.0.1:8080
need docker curl jq
[ "$(id -u)" = 0 ] || die "run as root: the node agent runs containers"
mkdir -p "$RUN"

STARTED=
DOCKERD_PID=
cleanup() {
  [ -n "$DOCKERD_PID" ] && stop_pid "$DOCKERD_PID"
  if [ -n "$STARTED" ]; then
    DOCKER_HOST=$GATEWAY docker ps -aq --filter label=berth.bench=e2e | xargs -r env DOCKER_HOST=$GATEWAY docker rm -f > /dev/null
    "$ROOT_DIR/berth" down --data-dir "$STACK_DIR" > /dev/null
  fi
}
trap cleanup EXIT

# run_rm HOST FIGURE: WARMUP untimed, then N timed `docker run -d` + `docker rm -f`
run_rm() {
  local host=$1 fig=$2 f i id t0
  f=$(sample_file "$fig")
  for ((i = -WARMUP; i < N; i++)); do
    t0=${EPOCHREALTIME/./}
    id=$(DOCKER_HOST=$host docker run -d --label berth.bench=e2e busybox sleep 1000) || die "docker run against $host failed"
    DOCKER_HOST=$host docker rm -f "$id" > /dev/null || die "docker rm -f against $host failed"
    ((i >= 0)) && awk -v a="$t0" -v b="${EPOCHREALTIME/./}" 'BEGIN { printf "%.1f\n", (b - a) / 1000 }' >> "$f"
  done
  report "$fig" ms "$f" "(docker run -d busybox sleep + docker rm -f)"
}

# --- Berth through its gateway ---
if curl -sf -o /dev/null http://127.0.0.1:8080/_ping; then
  echo "# using the stack that answers on 127.0.0.1:8080" >&2
else
  "$ROOT_DIR/berth" up --data-dir "$STACK_DIR" >&2 || die "berth up failed"
  STARTED=1
fi
DOCKER_HOST=$GATEWAY docker pull -q busybox > /dev/null || die "docker pull busybox through the gateway failed"
run_rm "$GATEWAY" e2e.berth.run-rm

# --- idle memory: each service of `berth status` with its descendants ---
# tree_kb FN PID: FN (rss_kb or pss_kb) summed over PID and every descendant
tree_kb() {
  local total p
  total=$($1 "$2")
  for p in $(pgrep -P "$2" 2> /dev/null); do total=$((total + $(tree_kb "$1" "$p"))); done
  echo "$total"
}
sleep 5
STATUS_DIR=$STACK_DIR
[ -n "$STARTED" ] || STATUS_DIR=${BERTH_DATA_DIR:-$HOME/.berth}
TOTAL=0; TOTAL_PSS=0
while read -r name _ pid; do
  [[ $pid =~ ^[0-9]+$ && $name != supervisor ]] || continue
  roots=$pid
  # PostgreSQL's server runs detached from its wrapper: add its processes
  [ "$name" = postgres ] && roots="$pid $(pgrep -f "postgres -D .*${STATUS_DIR}/postgres")"
  kb=0; pss=0
  for p in $roots; do kb=$((kb + $(tree_kb rss_kb "$p"))); pss=$((pss + $(tree_kb pss_kb "$p"))); done
  TOTAL=$((TOTAL + kb)); TOTAL_PSS=$((TOTAL_PSS + pss))
  f=$(sample_file "e2e.mem.$name.rss"); mib "$kb" > "$f"
  report "e2e.mem.$name.rss" MiB "$f" "pss=$(mib "$pss")MiB (idle)"
done < <("$ROOT_DIR/berth" status --data-dir "$STATUS_DIR" | tail -n +2)
f=$(sample_file e2e.mem.total.rss); mib "$TOTAL" > "$f"
report e2e.mem.total.rss MiB "$f" "pss=$(mib "$TOTAL_PSS")MiB (idle; PostgreSQL's RSS counts its shared buffers once per process, PSS once; dockerd + containerd: 134 MiB RSS in BASELINE.md)"

# --- the anchor: a dockerd of its own, busybox imported from the host's static binary ---
ANCHOR=
if [ "${SKIP_ANCHORS:-0}" != 1 ] && command -v dockerd > /dev/null; then
  sock=$RUN/docker/docker.sock; mkdir -p "$RUN/docker"
  dockerd --data-root "$RUN/docker/root" --exec-root "$RUN/docker/exec" -H "unix://$sock" \
    --pidfile "$RUN/docker/dockerd.pid" --iptables=false --ip-masq=false > "$RUN/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for ((i = 0; i < 300; i++)); do DOCKER_HOST=unix://$sock docker info > /dev/null 2>&1 && break; sleep 0.1; done
  busybox_tar "$RUN"
  if DOCKER_HOST=unix://$sock docker import -c 'CMD ["sh"]' "$RUN/busybox.tar" busybox:latest > /dev/null; then
    run_rm "unix://$sock" e2e.dockerd.run-rm
    ANCHOR=$(median "$RESULTS_DIR/e2e.dockerd.run-rm.samples")
  else echo "# dockerd could not start here: $(tail -1 "$RUN/dockerd.log")" >&2; fi
else
  echo "# dockerd (docker.io) is not installed or SKIP_ANCHORS=1: no anchor measured" >&2
fi

BERTH=$(median "$RESULTS_DIR/e2e.berth.run-rm.samples")
printf '\n%-52s %10s %10s %8s\n' "figure" "Berth" "dockerd" "ratio"
printf '%-52s %10s %10s %8s\n' "docker run -d + rm -f, median (ms)" "$BERTH" "${ANCHOR:--}" \
  "$([ -n "$ANCHOR" ] && ratio "$BERTH" "$ANCHOR" || echo -)"
printf '%-52s %10s %10s %8s\n' "idle memory, whole stack, PSS (MiB)" "$(mib "$TOTAL_PSS")" "134.3" \
  "$(ratio "$(mib "$TOTAL_PSS")" 134.3)"
