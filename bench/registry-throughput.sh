#!/usr/bin/env bash
# Registry throughput: Berth's registry-service beside CNCF distribution (docker-registry), on
# this machine, in interleaved rounds; each round starts both registries fresh (empty storage),
# so every push really uploads. Plain HTTP on loopback, nothing downloaded.
#   usage: bench/registry-throughput.sh
#   env:   RUNS (5)  WORK (/tmp/berth-bench)  BIG_MB (256)
#          JAR  registry-service jar (default registry-service/target/registry-service.jar; copied
#               to $WORK first, so a rebuild during the run cannot disturb it)
#          JAVA_HOME  JDK >= 21 to run it (default /usr/lib/jvm/temurin-25-jdk-amd64)
#          BERTH_ADDR (127.0.0.1:5023)  DIST_ADDR (127.0.0.1:5020)
#          WARMUP=N  before timing on each registry, untimed: N push + pull cycles (skopeo) of a
#               1 MiB image (each one a dozen small requests: the API check, blob HEADs, upload
#               sessions, manifests, the config), then a push and pull of a separate 64 MiB image
#               and a raw upload of its layer. Berth's figures are then those of a warmed-up JVM
#               rather than of the first requests after a start (JIT not yet done); with STEADY=1 the
#               long-running registry-service accumulates them over the rounds, as a registry in
#               service has. WARMUP=1 warms the big-blob paths; WARMUP=50 or more also the small
#               requests (a few thousand, as C2 needs). distribution gets the same cycles.
#          TRAIN=N  first a training run (JDK >= 25): registry-service records the JDK's AOT cache
#               (classes loaded and linked, method profiles) over N warm-up cycles and writes it as it
#               exits; every registry-service measured then starts from it (-XX:AOTCache). 0: none
#          STEADY=1  start registry-service once and empty it between rounds through its own API
#               (delete every manifest, then garbage collection with no grace period), as a
#               long-running registry is; distribution is still restarted on wiped storage (its
#               garbage collection is offline). Without it both restart fresh every round.
# Image: an OCI layout (umoci, cached in $WORK/oci) with tag big = one gzip layer holding
# BIG_MB MiB of random bytes, as shared/anchor-bench/make-images.sh builds it (and tag warm,
# 64 MiB, and tag tiny, 1 MiB, for WARMUP).
# Figures, per registry, median of RUNS samples, MB/s = 10^6 bytes/s (higher is better):
#   push      skopeo copy oci: -> docker://   (manifest + config + layer bytes)
#   pull      skopeo copy docker:// -> oci:   (same bytes)
#   curl GET  GET /v2/<name>/blobs/<layer digest>, body discarded
#   curl PUT  POST /v2/<name>/blobs/uploads/ + one monolithic PUT ?digest= of the layer (curl -T)
set -euo pipefail
cd "$(dirname "$0")"
. ./lib.sh
. ./registries.sh
. ./images.sh
need skopeo umoci jq curl
RUNS=${RUNS:-5}; BIG_MB=${BIG_MB:-256}
BERTH_ADDR=${BERTH_ADDR:-127.0.0.1:5023}; DIST_ADDR=${DIST_ADDR:-127.0.0.1:5020}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
[ -x "$JAVA" ] || die "no java at $JAVA: set JAVA_HOME to a JDK >= 21"
JAR_SOURCE=${JAR:-../registry-service/target/registry-service.jar}
[ -f "$JAR_SOURCE" ] || die "no jar at $JAR_SOURCE: ./mvnw -pl registry-service -am -DskipTests package"
JAR=$WORK/registry-service.jar; cp "$JAR_SOURCE" "$JAR"

ensure_image big "$BIG_MB" > /dev/null
MANIFEST=$(tagged big)
LAYER=$(jq -r '.layers[0].digest' "$(blob "$MANIFEST")")
LAYER_BYTES=$(stat -c %s "$(blob "$LAYER")")
IMAGE_BYTES=$(jq --argjson m "$(stat -c %s "$(blob "$MANIFEST")")" '$m + .config.size + ([.layers[].size] | add)' "$(blob "$MANIFEST")")

TARGETS=(berth)
if command -v docker-registry > /dev/null; then TARGETS+=(distribution)
else echo "docker-registry not installed: measuring Berth alone" >&2; fi
FIGURES=(push pull get put)
for t in "${TARGETS[@]}"; do for f in "${FIGURES[@]}"; do : > "$RESULTS_DIR/$t.$f.samples"; done; done
trap 'stop_registry berth; stop_registry distribution' EXIT
COPY=(skopeo copy -q --retry-times 0 --src-tls-verify=false --dest-tls-verify=false)

curl_put() {   # curl_put ADDR REPO [FILE DIGEST]: POST an upload, PUT the whole blob (default: the layer)
  local loc file=${3:-$(blob "$LAYER")} digest=${4:-$LAYER}
  loc=$(curl -sf -X POST -D - -o /dev/null "http://$1/v2/$2/blobs/uploads/" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "location" { print $2 }')
  [ -n "$loc" ] || return 1
  [[ $loc == http* ]] || loc="http://$1$loc"
  [[ $loc == *\?* ]] && loc="$loc&digest=$digest" || loc="$loc?digest=$digest"
  curl -sf -X PUT -H 'Content-Type: application/octet-stream' -T "$file" -o /dev/null "$loc"
}

WARMUP=${WARMUP:-0}
[ "$WARMUP" -gt 0 ] && { ensure_image warm 64 > /dev/null; ensure_image tiny 1 > /dev/null; }
warm_up() {   # warm_up ADDR: untimed push + pull cycles of the 1 MiB image, then the 64 MiB one and a raw upload
  local layer i
  for ((i = 1; i <= WARMUP; i++)); do
    "${COPY[@]}" "oci:$OCI:tiny" "docker://$1/warmup/tiny:$i" || die "warm-up push to $1 failed"
    rm -rf "$WORK/pull-warm"
    "${COPY[@]}" "docker://$1/warmup/tiny:$i" "oci:$WORK/pull-warm:tiny" || die "warm-up pull from $1 failed"
  done
  layer=$(jq -r '.layers[0].digest' "$(blob "$(tagged warm)")")
  "${COPY[@]}" "oci:$OCI:warm" "docker://$1/warmup/img:latest" || die "warm-up push to $1 failed"
  rm -rf "$WORK/pull-warm"
  "${COPY[@]}" "docker://$1/warmup/img:latest" "oci:$WORK/pull-warm:warm" || die "warm-up pull from $1 failed"
  rm -rf "$WORK/pull-warm"
  curl_put "$1" warmup/raw "$(blob "$layer")" "$layer" || die "warm-up upload to $1 failed"
}

measure() {   # measure TARGET ADDR: the four figures against a freshly started, empty registry
  local s=$RESULTS_DIR/$1
  [ "$WARMUP" -gt 0 ] && warm_up "$2"
  timed "$s.push.samples" "${COPY[@]}" "oci:$OCI:big" "docker://$2/bench/big:latest"
  rm -rf "$WORK/pull"
  timed "$s.pull.samples" "${COPY[@]}" "docker://$2/bench/big:latest" "oci:$WORK/pull:big"
  rm -rf "$WORK/pull"
  timed "$s.get.samples" curl -sf -o /dev/null "http://$2/v2/bench/big/blobs/$LAYER"
  timed "$s.put.samples" curl_put "$2" bench/raw
}

# empty_berth ADDR: delete every manifest of every repository, then collect with no grace period
empty_berth() {
  local repo tag digest
  for repo in $(curl -sf "http://$1/v2/_catalog?n=10000" | jq -r '.repositories[]'); do
    for tag in $(curl -sf "http://$1/v2/$repo/tags/list" | jq -r '.tags[]?'); do
      # gone already when an earlier tag named the same manifest (deleting it deletes its tags)
      digest=$(curl -sfI "http://$1/v2/$repo/manifests/$tag" | tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }') || continue
      [ -n "$digest" ] && curl -sf -o /dev/null -X DELETE "http://$1/v2/$repo/manifests/$digest"
    done
  done
  local attempt status
  for attempt in 1 2 3 4 5 6 7 8 9 10; do   # 409 while a run (the scheduled one at start) is in progress
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://$1/api/v1/gc?gracePeriod=PT0S")
    [ "$status" = 409 ] || break
    sleep 1
  done
  [[ $status == 2* ]] || die "garbage collection on $1 failed (HTTP $status)"
}

# TRAIN=N: a training run of registry-service (N push + pull cycles of the 1 MiB image, then the
# 64 MiB one and a raw upload) records the JDK's AOT cache as it exits; every start measured loads it
AOT_OPTS=()
if [ "${TRAIN:-0}" -gt 0 ]; then
  need_aot_cache
  echo "# training run: $TRAIN push + pull cycles through a registry-service recording the AOT cache" >&2
  ensure_image warm 64 > /dev/null; ensure_image tiny 1 > /dev/null
  rm -f "$WORK/registry-service.aot"
  start_berth "$BERTH_ADDR" "$JAR" -XX:AOTCacheOutput="$WORK/registry-service.aot"
  WARMUP=$TRAIN warm_up "$BERTH_ADDR"
  stop_registry berth
  [ -f "$WORK/registry-service.aot" ] || die "the training run wrote no AOT cache (see $WORK/berth.log)"
  AOT_OPTS=(-XX:AOTCache="$WORK/registry-service.aot")
fi
[ "${STEADY:-0}" = 1 ] && start_berth "$BERTH_ADDR" "$JAR" "${AOT_OPTS[@]}"
for ((r = 1; r <= RUNS; r++)); do
  order=("${TARGETS[@]}"); ((r % 2 == 0)) && order=($(printf '%s\n' "${TARGETS[@]}" | tac))
  for t in "${order[@]}"; do
    echo "round $r/$RUNS: $t" >&2
    if [ "$t" = berth ] && [ "${STEADY:-0}" = 1 ]; then empty_berth "$BERTH_ADDR"; measure berth "$BERTH_ADDR"; continue; fi
    if [ "$t" = berth ]; then start_berth "$BERTH_ADDR" "$JAR" "${AOT_OPTS[@]}"; measure berth "$BERTH_ADDR"
    else start_distribution "$DIST_ADDR"; measure distribution "$DIST_ADDR"; fi
    stop_registry "$t"
  done
done
stop_registry berth   # still running with STEADY=1: stop it (and its PostgreSQL) before its data goes
rm -rf "$WORK/berth" "$WORK/distribution"

declare -A NAME=([push]="skopeo push (oci: → docker://)" [pull]="skopeo pull (docker:// → oci:)"
  [get]="raw blob GET (curl)" [put]="raw blob upload: POST + monolithic PUT (curl -T)")
declare -A BYTES=([push]=$IMAGE_BYTES [pull]=$IMAGE_BYTES [get]=$LAYER_BYTES [put]=$LAYER_BYTES)
echo "# $(date -u +%F) $(nproc) CPUs, $(uname -r); image $IMAGE_BYTES B (layer $LAYER_BYTES B);" \
  "RUNS=$RUNS, medians, $([ "$WARMUP" -gt 0 ] && echo "after a warm-up of $WARMUP small push + pull cycles" || echo "first requests after each start")$([ "${STEADY:-0}" = 1 ] && echo ", registry-service long-running and emptied through its API between rounds")"
echo "| figure | Berth s | Berth MB/s | distribution s | distribution MB/s | Berth ÷ distribution (MB/s, higher = Berth faster) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
for f in "${FIGURES[@]}"; do
  b=$(median "$RESULTS_DIR/berth.$f.samples"); bm=$(mbps "${BYTES[$f]}" "$b")
  d=-; dm=-; q=-
  if [ -s "$RESULTS_DIR/distribution.$f.samples" ]; then
    d=$(median "$RESULTS_DIR/distribution.$f.samples"); dm=$(mbps "${BYTES[$f]}" "$d"); q=$(ratio "$d" "$b")
  fi
  echo "| ${NAME[$f]} | $b | $bm | $d | $dm | $q |"
done
echo "raw samples: $RESULTS_DIR/{berth,distribution}.{push,pull,get,put}.samples" >&2
