#!/usr/bin/env bash
# Speed benchmark of `subsidy calc` (SPEC §9, issue 9), end to end, release
# build, data generated from a fixed seed. Prints, from one run on one
# machine: the machine; the floor (examples/floor.rs: read every record,
# write it back, nothing else); the bound (examples/bound.rs: the least work
# SPEC's batch cannot do without); calc's CSV, table, JSON and --out payout
# on 1,000,000 claims as multiples of the floor; and the growth from 10k to
# 5M rows. Usage: bench/run.sh   (RUNS=N runs per figure, default 5;
# SIZES="10000 100000" to change the growth table). See bench/README.md.
set -euo pipefail

cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
SIZES="${SIZES:-10000 100000 1000000 5000000}"
MAIN_ROWS=1000000
SEED=20241125
TARGET="${CARGO_TARGET_DIR:-target}"
DATA=bench/data
BIN="$TARGET/release/subsidy"
GEN="$TARGET/release/examples/gen_claims"
FLOOR="$TARGET/release/examples/floor"
BOUND="$TARGET/release/examples/bound"

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
    exit 1
fi

echo "== building (release)" >&2
cargo build --release --quiet --bin subsidy --example gen_claims --example floor --example bound

mkdir -p "$DATA"
# data ROWS: the claims file of that many rows, generated when missing or
# older than the generator.
data() {
    local file="$DATA/claims-$1.csv"
    if [[ ! -f "$file" || examples/gen_claims.rs -nt "$file" ]]; then
        echo "== generating $file ($1 rows, seed $SEED)" >&2
        "$GEN" --rows "$1" --seed "$SEED" >"$file.tmp"
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

timing=$(mktemp)
trap 'rm -f "$timing"' EXIT

# measure CMD...: runs CMD $RUNS times under GNU time (stdout to
# /dev/null, the tool's stderr to $DATA/stderr.log); sets BEST and MEDIAN
# (seconds) and RSS (peak MiB, the highest of the runs).
measure() {
    local walls=() kb=0 run
    for ((run = 1; run <= RUNS; run++)); do
        if ! /usr/bin/time -o "$timing" -f '%e %M' "$@" >/dev/null 2>"$DATA/stderr.log"; then
            echo "bench: '$*' failed (see $DATA/stderr.log)" >&2
            exit 1
        fi
        read -r wall peak < <(tail -n 1 "$timing")
        walls+=("$wall")
        ((peak > kb)) && kb=$peak
    done
    read -r BEST MEDIAN < <(printf '%s\n' "${walls[@]}" | sort -g |
        awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m }')
    RSS=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
echo "subsidy $(git describe --always --dirty 2>/dev/null || echo '?'), $(date +%F)"
echo "machine: $(nproc) cores, ${model:-unknown model}, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "each figure: best and median of $RUNS runs; memory: highest peak RSS"

main=$(data "$MAIN_ROWS")
printf 'input: %s, %d rows, %d bytes\n\n' "$main" "$MAIN_ROWS" "$(stat -c %s "$main")"

measure "$FLOOR" "$main"
floor=$MEDIAN
printf '%-40s %8s %8s %8s %9s\n' "1,000,000 claims" "best" "median" "x floor" "peak"
printf '%-40s %7ss %7ss %8s %6s MiB\n' "floor (read + write every record)" "$BEST" "$MEDIAN" "1.00" "$RSS"
row() {
    local label=$1
    shift
    measure "$@"
    printf '%-40s %7ss %7ss %8s %6s MiB\n' "$label" "$BEST" "$MEDIAN" "$(ratio "$MEDIAN" "$floor")" "$RSS"
}
row "bound (least work of SPEC's batch)" "$BOUND" "$main"
# The bound's own account of its last run: each part on one thread.
read -r bound_read bound_pass bound_write <<<"$(grep -o '[0-9][0-9.]* s' "$DATA/stderr.log" | tr -d ' s' | tr '\n' ' ')"
ideal=$(awk -v r="$bound_read" -v p="$bound_pass" -v w="$bound_write" 'BEGIN { printf "%.2f", (r + w) / 2 + p }')
echo "  the bound's parts, on one thread: read and key ${bound_read} s, sort and pass ${bound_pass} s, write ${bound_write} s;"
echo "  with reading and writing split perfectly over two cores: ${ideal} s = $(ratio "$ideal" "$floor") x floor"
row "calc --format csv --no-bom" "$BIN" --quiet calc "$main" --format csv --no-bom
csv=$MEDIAN csv_rss=$RSS
row "calc --format table" "$BIN" --quiet calc "$main" --format table
table=$MEDIAN
row "calc --format json" "$BIN" --quiet calc "$main" --format json
json=$MEDIAN json_rss=$RSS
row "calc --out payout.csv (synced)" "$BIN" --quiet calc "$main" --out "$DATA/payout.csv"

echo
echo "targets (issue 9): payout CSV ≤ 2.50 x floor: $(ratio "$csv" "$floor") x, < 1024 MiB: $csv_rss MiB;"
echo "  JSON ≤ 1.50 x CSV: $(ratio "$json" "$csv") x, < 1024 MiB: $json_rss MiB; table ≤ CSV: $(ratio "$table" "$csv") x"

echo
printf '%-10s %8s %8s %12s %10s %9s\n' "growth" "best" "median" "rows/s" "µs/row" "peak"
for rows in $SIZES; do
    file=$(data "$rows")
    measure "$BIN" --quiet calc "$file" --format csv --no-bom
    printf '%-10s %7ss %7ss %12s %10s %5s MiB\n' "$rows" "$BEST" "$MEDIAN" \
        "$(awk -v n="$rows" -v t="$MEDIAN" 'BEGIN { printf "%.0f", n / t }')" \
        "$(awk -v n="$rows" -v t="$MEDIAN" 'BEGIN { printf "%.2f", t * 1e6 / n }')" "$RSS"
done
RUNS="$RUNS" DATA="$DATA" BIN="$BIN" GEN="$GEN" bench/book.sh
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
