#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Plain-text reading speed as the input grows: `ost convert` of 1, 10 and
# 100 MB texts made of copies of the sample standards, reporting CPU seconds
# per MB and peak memory. Time proportional to size shows as a flat
# seconds-per-MB column.
#
#   bench/text_bench.sh OST_BINARY [MB...]     (default: 1 10 100)
set -euo pipefail
ost=${1:?usage: bench/text_bench.sh OST_BINARY [MB...]}
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# UTF-8 samples (the UTF-16 one would change the encoding midway).
cat "$src"/samples/text-standard-ST099[789]*.txt "$src"/samples/text-occupational-map-*.txt \
  > "$tmp/unit.txt"
printf '%8s %10s %10s %12s\n' MB "CPU s" "s/MB" "peak MiB"
for mb in "${sizes[@]}"; do
  bytes=$((mb * 1024 * 1024))
  : > "$tmp/in.txt"
  while [ "$(stat -c %s "$tmp/in.txt")" -lt "$bytes" ]; do cat "$tmp/unit.txt" >> "$tmp/in.txt"; done
  truncate -s "$bytes" "$tmp/in.txt"
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$ost" convert -q -o "$tmp/out.json" "$tmp/in.txt"
  read -r user sys kb < "$tmp/time"
  awk -v mb="$mb" -v u="$user" -v s="$sys" -v kb="$kb" \
    'BEGIN { printf "%8d %10.2f %10.3f %12.0f\n", mb, u + s, (u + s) / mb, kb / 1024 }'
  rm -f "$tmp/out.json"
done
