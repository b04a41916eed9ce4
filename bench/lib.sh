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
