#!/usr/bin/env bash
# Speed of the office's book (issue 22), release build, data generated from a
# fixed seed: committing a batch against writing its payout CSV (target: at
# most 2 x), and a dry run against a book of many earlier rows against the
# same run with those rows as a --ledger CSV (target: no slower). bench/run.sh
# calls it at its end; alone: bench/book.sh (RUNS=N, BOOK_ROWS=N rows in the
# committed batch, default 1,000,000; PRIOR_ROWS=N earlier rows, default
# 5,000,000; BIN=… another build).
set -euo pipefail

cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
BOOK_ROWS="${BOOK_ROWS:-1000000}"
PRIOR_ROWS="${PRIOR_ROWS:-5000000}"
DRY_ROWS="${DRY_ROWS:-10000}"
SEED=20241125
TARGET="${CARGO_TARGET_DIR:-target}"
DATA="${DATA:-bench/data}"
BIN="${BIN:-$TARGET/release/subsidy}"
GEN="${GEN:-$TARGET/release/examples/gen_claims}"

if [[ ! -x "$BIN" || ! -x "$GEN" ]]; then
    echo "== building (release)" >&2
    cargo build --release --quiet --bin subsidy --example gen_claims
fi
mkdir -p "$DATA"

# data ROWS SEED: a claims file, generated when missing.
data() {
    local file="$DATA/claims-$1-$2.csv"
    if [[ ! -f "$file" || examples/gen_claims.rs -nt "$file" ]]; then
        echo "== generating $file ($1 rows, seed $2)" >&2
        "$GEN" --rows "$1" --seed "$2" >"$file.tmp"
        mv "$file.tmp" "$file"
    fi
    echo "$file"
}

# median CMD...: the median wall time of $RUNS runs of CMD, in seconds.
median() {
    local walls=() run timing
    timing=$(mktemp)
    for ((run = 1; run <= RUNS; run++)); do
        if ! /usr/bin/time -o "$timing" -f '%e' "$@" >/dev/null 2>"$DATA/stderr.log"; then
            echo "bench: '$*' failed (see $DATA/stderr.log)" >&2
            rm -f "$timing"
            exit 1
        fi
        walls+=("$(tail -n 1 "$timing")")
    done
    rm -f "$timing"
    printf '%s\n' "${walls[@]}" | sort -g |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

batch=$(data "$BOOK_ROWS" "$SEED")
book="$DATA/bench.book"
csv=$(median "$BIN" --quiet calc "$batch" --out "$DATA/payout.csv")
# Each run commits into a new book: the same file twice is refused.
commit=$(median bash -c "rm -f '$book' '$book-journal' && '$BIN' book init '$book' 2>/dev/null &&
    '$BIN' --quiet calc '$batch' --book '$book' --commit --out '$DATA/payout-book.csv'")
echo
echo "the book, $BOOK_ROWS claims (median of $RUNS runs)"
printf '%-44s %8ss\n' "calc --out payout.csv" "$csv"
printf '%-44s %8ss  %s x (target <= 2)\n' "calc --book --commit --out payout.csv" "$commit" "$(ratio "$commit" "$csv")"

earlier=$(data "$PRIOR_ROWS" "$((SEED + 1))")
ledger="$DATA/payout-earlier.csv"
prior_book="$DATA/earlier.book"
if [[ ! -f "$prior_book" || "$earlier" -nt "$prior_book" ]]; then
    echo "== a book of $PRIOR_ROWS earlier rows" >&2
    "$BIN" --quiet calc "$earlier" --no-bom --out "$ledger" 2>/dev/null
    rm -f "$prior_book"
    "$BIN" book init "$prior_book" 2>/dev/null
    "$BIN" book import "$ledger" --book "$prior_book" 2>/dev/null
fi
small=$(data "$DRY_ROWS" "$((SEED + 2))")
by_ledger=$(median "$BIN" --quiet calc "$small" --ledger "$ledger" --format csv --no-bom)
by_book=$(median "$BIN" --quiet calc "$small" --book "$prior_book" --format csv --no-bom)
echo
echo "a dry run of $DRY_ROWS claims against $PRIOR_ROWS earlier rows (median of $RUNS runs)"
printf '%-44s %8ss\n' "calc --ledger payout.csv" "$by_ledger"
printf '%-44s %8ss  %s x (target <= 1)\n' "calc --book" "$by_book" "$(ratio "$by_book" "$by_ledger")"
