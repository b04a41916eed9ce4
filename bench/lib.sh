# Helpers shared by the bench scripts. Source it: . "$(dirname "$0")/lib.sh"
# Timing uses bash's $EPOCHREALTIME (microseconds, no fork), so a sample costs nothing beyond
# the command measured. Sizes: MB = 10^6 bytes, MiB = 2^20 bytes.

WORK=${WORK:-/tmp/berth-bench}                 # scratch space: image, registry data, samples
RESULTS_DIR=${RESULTS_DIR:-$WORK/results}      # raw samples, one file per figure
mkdir -p "$WORK" "$RESULTS_DIR"

die() { echo "error: $*" >&2; exit 1; }
need() { for c in "$@"; do command -v "$c" >/dev/null || die "missing command: $c"; done; }
# need_aot_cache: $JAVA has the JDK's AOT cache (JDK >= 25), which TRAIN records and starts from
need_aot_cache() { "$JAVA" -XX:AOTMode=off -version > /dev/null 2>&1 || die "TRAIN needs a JDK >= 25 (the AOT cache): $JAVA"; }

# timed FILE CMD...: sync first (untimed, so earlier writes are not flushed on our clock), run CMD
# with its output in $WORK/last.log, append its wall time in seconds to FILE; fail loudly.
timed() {
  local file=$1; shift; sync
  local t0=${EPOCHREALTIME/./}
  "$@" > "$WORK/last.log" 2>&1 || die "$* failed: $(tail -3 "$WORK/last.log")"
  awk -v a="$t0" -v b="${EPOCHREALTIME/./}" 'BEGIN { printf "%.3f\n", (b - a) / 1e6 }' >> "$file"
}

# median FILE: median of the numbers in FILE (mean of the two middle ones for even n)
median() {
  sort -g "$1" | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# mbps BYTES SECONDS: throughput in MB/s (10^6 bytes per second)
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", b / s / 1e6; else print "-" }'; }

# ratio A B: A/B to two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

# The anchor scripts' summary (../shared/anchor-bench/lib.sh), for scripts that print RESULT lines:
# stats FILE: "n=.. median=.. p90=.. min=.. max=.. mean=.." (median: mean of the two middle values
# for even n; p90: nearest rank)
stats() {
  sort -g "$1" | awk '
    { v[NR]=$1; s+=$1 }
    END {
      n=NR; if (n==0) { print "n=0"; exit }
      med = (n%2) ? v[(n+1)/2] : (v[n/2]+v[n/2+1])/2
      r = int(0.9*n); if (r < 0.9*n) r++; if (r < 1) r = 1
      printf "n=%d median=%s p90=%s min=%s max=%s mean=%s", n, f(med), f(v[r]), f(v[1]), f(v[n]), f(s/n)
    }
    function f(x) { return (x >= 1000 || x <= -1000) ? sprintf("%.0f", x) : sprintf("%.4g", x) }'
}
# stat_field FILE FIELD: one field (median, p90, ...) of stats FILE
stat_field() { stats "$1" | tr ' ' '\n' | awk -F= -v f="$2" '$1==f{print $2}'; }
# report NAME UNIT FILE [EXTRA]: the one RESULT line of a figure
report() { printf 'RESULT %-34s %-6s %s %s\n' "$1" "$2" "$(stats "$3")" "${4:-}"; }
# sample_file NAME: a fresh, empty $RESULTS_DIR/NAME.samples for the samples of figure NAME
sample_file() { local f="$RESULTS_DIR/$1.samples"; : > "$f"; echo "$f"; }

# rss_kb PID / pss_kb PID: a process's resident / proportional set size in KiB (0 when gone); mib KIB: in MiB
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2> /dev/null || echo 0; }
pss_kb() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2> /dev/null || echo 0; }
mib() { awk -v k="$1" 'BEGIN { printf "%.2f\n", k / 1024 }'; }

# --- Berth's services and containers, for the scripts that start them (container-start.sh, engine-load.sh) ---
# stop_pid PID: SIGTERM, then SIGKILL after 30 s
stop_pid() {
  local i; [ -n "$1" ] || return 0
  kill "$1" 2> /dev/null || return 0
  for ((i = 0; i < 300; i++)); do kill -0 "$1" 2> /dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2> /dev/null || true
}
# await NAME URL PID LOG SECONDS: until URL answers 2xx; dies (with LOG's tail) if PID exits or time runs out
await() {
  local i
  for ((i = 0; i < $5 * 10; i++)); do
    curl -sf -o /dev/null "$2" && return 0
    kill -0 "$3" 2> /dev/null || { tail -30 "$4" >&2; die "$1 exited"; }
    sleep 0.1
  done
  tail -30 "$4" >&2; die "$1 did not answer on $2 within $5 s"
}
# busybox_tar DIR: DIR/busybox.tar, a static-busybox rootfs (as ../shared/anchor-bench/make-bundle.sh
# builds it; the rootfs itself in DIR/rootfs)
busybox_tar() {
  local bb=${BUSYBOX:-/bin/busybox} r=$1/rootfs a
  file -L "$bb" 2> /dev/null | grep -q 'statically linked' || die "$bb is not static (apt-get install busybox-static)"
  mkdir -p "$r"/{bin,dev,etc,proc,sys,tmp}
  cp "$bb" "$r/bin/busybox"
  for a in sh true sleep echo cat ls; do ln -sf busybox "$r/bin/$a"; done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$r/etc/passwd"
  tar -C "$r" -cf "$1/busybox.tar" .
}
# import_image IMAGE_ADDR TAR REFERENCE: imports TAR into image-service as REFERENCE, prints the manifest digest
import_image() {
  local d
  d=$(curl -sf -X POST -H 'Content-Type: application/x-tar' --data-binary "@$2" \
    "http://$1/api/v1/images/import?reference=$3" | jq -r '.manifestDigest')
  [[ $d == sha256:* ]] || die "image import into $1 failed"
  echo "$d"
}
# container_spec ID NAME IMAGE CMD...: a ContainerSpec as JSON, no network, no limits (the agent wants
# every primitive field); ID "" leaves the id out (engine-service chooses it), IMAGE is a manifest
# digest for node-agent, a reference for engine-service
container_spec() {
  local id=$1 name=$2 image=$3; shift 3
  jq -cn --arg id "$id" --arg name "$name" --arg image "$image" --args '{id: $id, name: $name, image: $image,
    cmd: $ARGS.positional, tty: false, openStdin: false, host: {networkMode: "none", mounts: [], ports: [], extraHosts: [], dns: [],
    dnsSearch: [], dnsOptions: [], resources: {memory: 0, memorySwap: 0, cpuShares: 0, cpuPeriod: 0,
    cpuQuota: 0, nanoCpus: 0, pidsLimit: 0}, restartPolicy: {name: "no", maximumRetryCount: 0},
    readonlyRootfs: false, capAdd: [], capDrop: [], privileged: false, ulimits: [], autoRemove: false}}
    | if .id == "" then del(.id) else . end' "$@"
}
