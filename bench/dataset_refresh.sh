#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Refreshing a dataset: `ost convert --dataset` over INPUTS text inputs
# (default 2,000: the five sample texts, each copy made unique by a line of
# its own), then, after CHANGED of them (default 20) are revised, the
# refresh. Reports the wall-clock time of both and the refresh's share of
# the full conversion; the target is at most 5%.
#
#   bench/dataset_refresh.sh OST_BINARY [INPUTS] [CHANGED]
#
# Each refresh is run three times from the same starting dataset and the
# fastest counts (the machine is shared). Files live in /dev/shm when there
# is one, so that the disk's write-back does not time itself.
#
# Measured (2 processors shared with other work, load about 10):
#   inputs: 2000, revised: 20 (20 changed, 1980 unchanged), threads: 2
#   full conversion: 371.10 s
#   refresh:         0.71 s (0.2% of the full conversion; target <= 5%)
# The refresh reads and hashes every input, converts the 20, hard links
# the 1,980 other outputs into the new generation and writes the manifest.
set -euo pipefail
ost=${1:?usage: bench/dataset_refresh.sh OST_BINARY [INPUTS] [CHANGED]}
inputs=${2:-2000}
changed=${3:-20}
src=$(cd "$(dirname "$0")/.." && pwd)
base=/dev/shm; [ -d "$base" ] && [ -w "$base" ] || base=${TMPDIR:-/tmp}
tmp=$(mktemp -d "$base/ost-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mapfile -t samples < <(ls "$src"/samples/00[0-4]*.txt)
mkdir "$tmp/in"
for ((i = 0; i < inputs; i++)); do
  s=${samples[i % ${#samples[@]}]}
  { cat "$s"; printf '\nCopy %d.\n' "$i"; } > "$tmp/in/$(printf %05d "$i")-$(basename "$s")"
done
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

t0=$(now); "$ost" convert -q --dataset "$tmp/full" "$tmp/in" || true; t1=$(now)
full=$(elapsed "$t0" "$t1")
mapfile -t revise < <(ls "$tmp/in" | awk -v n="$inputs" -v c="$changed" 'NR % int(n / c) == 1' | head -n "$changed")
for f in "${revise[@]}"; do echo "Revised." >> "$tmp/in/$f"; done
best=
for run in 1 2 3; do
  rm -rf "$tmp/refresh"; cp -a "$tmp/full" "$tmp/refresh"
  t0=$(now); "$ost" convert -q --dataset "$tmp/refresh" "$tmp/in" || true; t1=$(now)
  t=$(elapsed "$t0" "$t1")
  if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
done
changes=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(len(c["changed"]), "changed,", c["unchanged"], "unchanged")' "$tmp/refresh/current/changes.json")
echo "inputs: $inputs, revised: ${#revise[@]} ($changes), threads: $(nproc)"
echo "full conversion: ${full} s"
echo "refresh:         ${best} s ($(awk -v a="$best" -v b="$full" 'BEGIN { printf "%.1f", 100 * a / b }')% of the full conversion; target <= 5%)"
