#!/usr/bin/env bash
# Time to pull a 256 MiB incompressible single-layer image from a local registry into image-service,
# versus `docker pull` into a real dockerd from the same registry (or, without dockerd, the anchor
# figure of ../shared/anchor-bench/BASELINE.md), printed as a ratio. Goal: at most 0.8x dockerd.
#
#   usage: bench/pull.sh            (build image-service first: ./mvnw -pl image-service -am package -DskipTests)
#   env:   RUNS (5)                 timed pulls; the median is reported
#          WORK (/tmp/berth-bench)  scratch: the image (images.sh, built once, cached), registry and service data
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
cd "$(dirname "$0")"
. ./lib.sh
. ./registries.sh
. ./images.sh

RUNS=${RUNS:-5}
BIG_MB=${BIG_MB:-256}
REGISTRY=${REGISTRY:-127.0.0.1:5011}
SERVICE=${SERVICE:-127.0.0.1:8182}
JAR=${JAR:-../image-service/target/image-service.jar}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
ANCHOR_DOCKER_PULL_S=1.627   # BASELINE.md section 3: docker pull big (fetch + gunzip + unpack), median of 9
IMAGE=$REGISTRY/bench/big:latest
RUN=$WORK/pull-run

need docker-registry skopeo umoci jq curl "$JAVA"
[ -f "$JAR" ] || die "no $JAR: build it with ./mvnw -pl image-service -am package -DskipTests"

SERVICE_PID=
stop_all() {   # stop what this script started; keep the logs
  stop_registry distribution
  [ -n "$SERVICE_PID" ] && { kill "$SERVICE_PID" 2> /dev/null || true; wait "$SERVICE_PID" 2> /dev/null || true; }
}
trap stop_all EXIT

start_service() {
  port_free "$SERVICE"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" --server.address="${SERVICE%:*}" --server.port="${SERVICE##*:}" \
    --berth.data-dir="$RUN/image-service" > "$RUN/image-service.log" 2>&1 &
  SERVICE_PID=$!
  local i
  for ((i = 0; i < 2400; i++)); do
    curl -sf -o /dev/null "http://$SERVICE/api/v1/images" && return 0
    kill -0 "$SERVICE_PID" 2> /dev/null || { tail -30 "$RUN/image-service.log" >&2; die "image-service exited"; }
    sleep 0.1
  done
  tail -30 "$RUN/image-service.log" >&2; die "image-service did not answer on $SERVICE within 240 s"
}
# pull_into_service: one pull through the native API; fails unless the layer was downloaded and the image stored
pull_into_service() {
  curl -sfN -X POST "http://$SERVICE/api/v1/images/pull?reference=$IMAGE" > "$RUN/pull.ndjson"
  grep -q '"PULLING_FS_LAYER"' "$RUN/pull.ndjson" || { cat "$RUN/pull.ndjson"; return 1; }
  tail -1 "$RUN/pull.ndjson" | grep -q '"DOWNLOADED_NEWER_IMAGE"' || { tail -1 "$RUN/pull.ndjson"; return 1; }
}
remove_from_service() { curl -sf -o /dev/null -X DELETE "http://$SERVICE/api/v1/images/$IMAGE"; }

docker_available() { command -v docker > /dev/null && docker info > /dev/null 2>&1; }

ensure_image big "$BIG_MB" > /dev/null
rm -rf "$RUN"; mkdir -p "$RUN"
start_distribution "$REGISTRY"
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
