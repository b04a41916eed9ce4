#!/usr/bin/env bash
# Time to pull a 256 MiB incompressible single-layer image from a local registry into image-service,
# versus `docker pull` into a real dockerd from the same registry (or, without dockerd, the anchor
# figure of ../shared/anchor-bench/BASELINE.md), printed as a ratio. Goal: at most 0.8x dockerd.
#
#   usage: bench/pull.sh            (build image-service first: ./mvnw -pl image-service -am package -DskipTests)
#   env:   RUNS (5)                 timed pulls; the median is reported
#          WORK (/tmp/berth-bench)  scratch: the image (built once with umoci, cached), registry and service data
#          BIG_MB (256)             size of the random file in the layer
#          REGISTRY (127.0.0.1:5011) where docker-registry (CNCF distribution) is started, fresh
#          SERVICE (127.0.0.1:8182)  where image-service is started from its jar, with a fresh data dir
#          JAR, JAVA                 image-service jar (default image-service/target/image-service.jar), java binary
#          JAVA_OPTS                 JVM options for image-service, e.g. -Xmx256m
#
# Warm runs: image-service is started once and JIT-warmed by one untimed pull; before every run the
# image is deleted through the API (its blobs are freed), so every timed run downloads the whole
# layer. Each timed run is `POST /api/v1/images/pull` read to its last progress line, after a sync.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
WORK=${WORK:-/tmp/berth-bench}
BIG_MB=${BIG_MB:-256}
REGISTRY=${REGISTRY:-127.0.0.1:5011}
SERVICE=${SERVICE:-127.0.0.1:8182}
JAR=${JAR:-image-service/target/image-service.jar}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
ANCHOR_DOCKER_PULL_S=1.627   # BASELINE.md section 3: docker pull big (fetch + gunzip + unpack), median of 9
IMAGE=$REGISTRY/bench/big:latest
OCI=$WORK/pull-image/oci
RUN=$WORK/pull-run

die() { echo "error: $*" >&2; exit 1; }
need() { for c in "$@"; do command -v "$c" > /dev/null || die "missing command: $c"; done; }
need docker-registry skopeo umoci jq curl "$JAVA"
[ -f "$JAR" ] || die "no $JAR: build it with ./mvnw -pl image-service -am package -DskipTests"

# median FILE: median of the numbers in FILE (mean of the two middle ones for even n)
median() {
  sort -g "$1" | awk '{ v[NR] = $1 } END {
    printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / s / 1e6 }'; }

# timed FILE CMD...: sync (untimed, so earlier writes are not flushed on our clock), run CMD, append seconds to FILE
timed() {
  local file=$1; shift; sync
  local t0=${EPOCHREALTIME/./}
  "$@" > "$RUN/last.out" 2>&1 || die "$* failed: $(tail -3 "$RUN/last.out")"
  awk -v a="$t0" -v b="${EPOCHREALTIME/./}" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }' >> "$file"
}

# await URL PID LOG SECONDS NAME: until URL answers 2xx, or fail when PID exited or time is up
await() {
  local i
  for ((i = 0; i < $4 * 10; i++)); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2> /dev/null || { tail -30 "$3" >&2; die "$5 exited"; }
    sleep 0.1
  done
  tail -30 "$3" >&2; die "$5 did not answer on $1 within $4 s"
}

build_image() {   # the anchor's `big` image (make-images.sh): one gzip layer with BIG_MB MiB of random bytes
  [ -f "$OCI/built-$BIG_MB" ] && return 0
  echo "# building the ${BIG_MB} MiB image with umoci (once; cached in $OCI)"
  rm -rf "$OCI" "$WORK/pull-image/unpacked"
  mkdir -p "$WORK/pull-image"
  umoci init --layout "$OCI"
  umoci new --image "$OCI:big"
  umoci unpack --image "$OCI:big" "$WORK/pull-image/unpacked"
  head -c "$((BIG_MB * 1024 * 1024))" /dev/urandom > "$WORK/pull-image/unpacked/rootfs/random.bin"
  umoci repack --image "$OCI:big" "$WORK/pull-image/unpacked"
  umoci config --image "$OCI:big" --config.cmd /bin/true --os linux --architecture amd64
  umoci gc --layout "$OCI"
  rm -rf "$WORK/pull-image/unpacked"
  touch "$OCI/built-$BIG_MB"
}

PIDS=()
stop_all() {   # stop what this script started, by pid; drop the registry's copy of the image, keep the logs
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2> /dev/null || true; done
  rm -rf "$RUN/registry/data"
}
trap stop_all EXIT

start_registry() {
  ! curl -s -o /dev/null --max-time 1 "http://$REGISTRY/" || die "something already listens on $REGISTRY"
  mkdir -p "$RUN/registry"
  cat > "$RUN/registry/config.yml" << YML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $RUN/registry/data
  redirect:
    disable: true
http:
  addr: $REGISTRY
YML
  docker-registry serve "$RUN/registry/config.yml" > "$RUN/registry.log" 2>&1 &
  PIDS+=($!)
  await "http://$REGISTRY/v2/" $! "$RUN/registry.log" 20 docker-registry
}

start_service() {
  ! curl -s -o /dev/null --max-time 1 "http://$SERVICE/" || die "something already listens on $SERVICE"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.address="${SERVICE%:*}" --server.port="${SERVICE##*:}" \
    --berth.data-dir="$RUN/image-service" > "$RUN/image-service.log" 2>&1 &
  PIDS+=($!)
  await "http://$SERVICE/api/v1/images" $! "$RUN/image-service.log" 240 image-service
}

# pull_into_service: one pull through the native API; fails unless the layer was downloaded and the image stored
pull_into_service() {
  curl -sfN -X POST "http://$SERVICE/api/v1/images/pull?reference=$IMAGE" > "$RUN/pull.ndjson"
  grep -q '"PULLING_FS_LAYER"' "$RUN/pull.ndjson" || { cat "$RUN/pull.ndjson"; return 1; }
  tail -1 "$RUN/pull.ndjson" | grep -q '"DOWNLOADED_NEWER_IMAGE"' || { tail -1 "$RUN/pull.ndjson"; return 1; }
}
remove_from_service() { curl -sf -o /dev/null -X DELETE "http://$SERVICE/api/v1/images/$IMAGE"; }

docker_available() { command -v docker > /dev/null && docker info > /dev/null 2>&1; }

build_image
rm -rf "$RUN"; mkdir -p "$RUN"
start_registry
skopeo copy -q --dest-tls-verify=false "oci:$OCI:big" "docker://$IMAGE"
LAYER_BYTES=$(skopeo inspect --raw --tls-verify=false "docker://$IMAGE" | jq '[.layers[].size] | add')
echo "# image $IMAGE: one gzip layer of $LAYER_BYTES B (${BIG_MB} MiB random), runs=$RUNS"

echo "# starting image-service from $JAR${JAVA_OPTS:+ with $JAVA_OPTS} (fresh data dir $RUN/image-service, embedded PostgreSQL)"
start_service
pull_into_service || die "warm-up pull failed"
remove_from_service
: > "$RUN/service.samples"
for ((r = 0; r < RUNS; r++)); do
  timed "$RUN/service.samples" pull_into_service
  remove_from_service
done
SERVICE_S=$(median "$RUN/service.samples")

if docker_available; then
  : > "$RUN/docker.samples"
  for ((r = 0; r < RUNS; r++)); do
    docker rmi -f "$IMAGE" > /dev/null 2>&1 || true
    timed "$RUN/docker.samples" docker pull -q "$IMAGE"
    docker rmi -f "$IMAGE" > /dev/null 2>&1 || true
  done
  DOCKER_S=$(median "$RUN/docker.samples")
  DOCKER_WHAT="docker pull into dockerd from the same registry, median of $RUNS (samples: $(paste -sd' ' "$RUN/docker.samples"))"
else
  DOCKER_S=$ANCHOR_DOCKER_PULL_S
  DOCKER_WHAT="dockerd is not installed here: anchor figure of BASELINE.md (docker pull of the 256 MiB layer incl. unpack)"
fi

echo "RESULT pull.image-service  median=${SERVICE_S} s  $(mbps "$LAYER_BYTES" "$SERVICE_S") MB/s  samples: $(paste -sd' ' "$RUN/service.samples")"
echo "RESULT pull.dockerd        median=${DOCKER_S} s  $(mbps "$LAYER_BYTES" "$DOCKER_S") MB/s  ($DOCKER_WHAT)"
echo "RESULT pull.ratio          image-service / dockerd = $(ratio "$SERVICE_S" "$DOCKER_S")  (goal <= 0.80)"
echo "# image-service streams the layer to its content store while verifying its digest and, gunzipped in the"
echo "# same pass, computing its diffID (checked against the config) and unpacked size; it does not unpack"
echo "# (node agents will), whereas docker pull also unpacks into overlay2."
