# Helpers shared by the bench scripts. Source it: . "$(dirname "$0")/lib.sh"
# Timing uses bash's $EPOCHREALTIME (microseconds, no fork), so a sample costs nothing beyond
# the command measured. Sizes: MB = 10^6 bytes, MiB = 2^20 bytes.

WORK=${WORK:-/tmp/berth-bench}                 # scratch space: image, registry data, samples
RESULTS_DIR=${RESULTS_DIR:-$WORK/results}      # raw samples, one file per figure
mkdir -p "$WORK" "$RESULTS_DIR"

die() { echo "error: $*" >&2; exit 1; }
need() { for c in "$@"; do command -v "$c" >/dev/null || die "missing command: $c"; done; }

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
