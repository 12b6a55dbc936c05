#!/usr/bin/env bash
# Speed benchmark of `subsidy calc` (SPEC §9): 1,000,000 generated claims,
# end to end, release build. Usage: bench/run.sh   (ROWS=N to change the size,
# RUNS=N for the number of runs per command). See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."

ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
SEED=20241125
TARGET="${CARGO_TARGET_DIR:-target}"
DATA=bench/data
CLAIMS="$DATA/claims-1m.csv"
BIN="$TARGET/release/subsidy"
GEN="$TARGET/release/examples/gen_claims"

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
    exit 1
fi

echo "== building (release)"
cargo build --release --quiet --bin subsidy --examples

mkdir -p "$DATA"
rows_in() { echo $(($(wc -l <"$1") - 1)); }
if [[ ! -f "$CLAIMS" || "$(rows_in "$CLAIMS")" -ne "$ROWS" || examples/gen_claims.rs -nt "$CLAIMS" ]]; then
    echo "== generating $CLAIMS ($ROWS rows, seed $SEED)"
    "$GEN" --rows "$ROWS" --seed "$SEED" >"$CLAIMS.tmp"
    mv "$CLAIMS.tmp" "$CLAIMS"
fi
size=$(stat -c %s "$CLAIMS")
rows=$(rows_in "$CLAIMS")

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# measure LABEL CMD...: runs CMD $RUNS times under GNU time; prints the best
# wall time and the highest peak RSS. The tool's own stderr (one line per
# invalid row) goes to $DATA/stderr.log.
results=()
measure() {
    local label=$1
    shift
    local best="" rss=0 run wall kb
    for ((run = 1; run <= RUNS; run++)); do
        if ! /usr/bin/time -o "$timing" -f '%e s wall, %M KB peak RSS' "$@" 2>"$DATA/stderr.log"; then
            echo "bench: '$label' failed (see $DATA/stderr.log)" >&2
            exit 1
        fi
        wall=$(awk 'END { print $1 }' "$timing")
        kb=$(awk 'END { print $4 }' "$timing")
        echo "   $label, run $run: $(tail -n 1 "$timing")"
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
        fi
        if ((kb > rss)); then rss=$kb; fi
    done
    results+=("$(printf '%-34s %8s s %9.1f MiB' "$label" "$best" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')")")
}

echo "== measuring (best of $RUNS)"
measure "calc --format csv --no-bom" sh -c "exec \"\$0\" calc \"\$1\" --format csv --no-bom >/dev/null" "$BIN" "$CLAIMS"
measure "calc --format table" sh -c "exec \"\$0\" calc \"\$1\" --format table >/dev/null" "$BIN" "$CLAIMS"
measure "calc --out payout.csv" "$BIN" calc "$CLAIMS" --out "$DATA/payout.csv"

echo
echo "subsidy $(git describe --always --dirty 2>/dev/null || echo '?'), $(date +%F), nproc $(nproc)"
printf 'input: %s, %d rows, %d bytes (%.1f MB)\n' "$CLAIMS" "$rows" "$size" "$(awk -v s="$size" 'BEGIN { print s / 1e6 }')"
printf '%-34s %10s %13s\n' "command" "wall" "peak RSS"
printf '%s\n' "${results[@]}"
echo "target (SPEC §9): 1,000,000 claims in < 2 s wall and < 1 GB (1024 MiB) peak RSS"
