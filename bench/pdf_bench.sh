#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# PDF reading speed: `ost convert` turning a folder of PDFs into JSON, side
# by side with `pdftotext` extracting the same folder, in one run. Reports
# the CPU time (user + sys) of each and their ratio; the target is ost at
# most 1.5 times pdftotext. pdftotext takes one file per run, so it runs once
# per file; ost converts the whole folder in one run, as it is used. A second
# figure runs ost once per file too (start-up included), like pdftotext.
#
#   bench/pdf_bench.sh OST_BINARY [PDF_FOLDER] [COPIES]
#
# Without a folder, the sample PDFs (samples/*.pdf) are copied COPIES times
# (default 40) into a temporary folder. Each tool runs three times; the
# fastest run counts.
set -euo pipefail
ost=${1:?usage: bench/pdf_bench.sh OST_BINARY [PDF_FOLDER] [COPIES]}
src=$(cd "$(dirname "$0")/.." && pwd)
copies=${3:-40}
command -v pdftotext >/dev/null || { echo "pdftotext is missing (poppler-utils)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${2:-}" ]; then
  pdfs=$2
else
  pdfs=$tmp/pdfs
  mkdir -p "$pdfs"
  for ((i = 1; i <= copies; i++)); do
    for f in "$src"/samples/*.pdf; do cp "$f" "$pdfs/$(basename "$f" .pdf)-$i.pdf"; done
  done
fi
n=$(find "$pdfs" -name '*.pdf' | wc -l)
pages=0
for f in "$pdfs"/*.pdf; do
  pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')))
done

# CPU seconds (user + sys) of one run of "$@".
cpu() {
  /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk '{printf "%.3f\n", $1 + $2}' "$tmp/time"
}

run_ost() {
  rm -rf "$tmp/ost-out"
  "$ost" convert -q -t json -o "$tmp/ost-out" "$pdfs"
}

run_ost_each() {
  rm -rf "$tmp/ost-each"
  mkdir -p "$tmp/ost-each"
  for f in "$pdfs"/*.pdf; do
    "$ost" convert -q -t json -o "$tmp/ost-each/$(basename "$f").json" "$f" || true
  done
}

run_pdftotext() {
  rm -rf "$tmp/txt-out"
  mkdir -p "$tmp/txt-out"
  for f in "$pdfs"/*.pdf; do pdftotext -q "$f" "$tmp/txt-out/$(basename "$f").txt"; done
}
export -f run_ost run_ost_each run_pdftotext
export ost pdfs tmp

best() {
  local b="" t
  for _ in 1 2 3; do
    t=$(cpu bash -c "$1")
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN {exit !(t < b)}'; then b=$t; fi
  done
  echo "$b"
}

t_ost=$(best run_ost)
t_each=$(best run_ost_each)
t_txt=$(best run_pdftotext)
converted=$(find "$tmp/ost-out" -name '*.json' | wc -l)
ratio=$(awk -v a="$t_ost" -v b="$t_txt" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
ratio_each=$(awk -v a="$t_each" -v b="$t_txt" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
printf 'pdf_bench: %d PDFs, %d pages (%d converted by ost)\n' "$n" "$pages" "$converted"
printf '  ost convert folder -> JSON     %7.3f s CPU\n' "$t_ost"
printf '  ost convert, one run per file  %7.3f s CPU\n' "$t_each"
printf '  pdftotext, one run per file    %7.3f s CPU\n' "$t_txt"
printf '  ratio ost/pdftotext, folder    %7s   (target <= 1.5)\n' "$ratio"
printf '  ratio ost/pdftotext, per file  %7s\n' "$ratio_each"
awk -v r="$ratio" 'BEGIN {exit !(r <= 1.5)}'
