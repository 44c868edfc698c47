#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# HTML reading speed: `ost convert` turning a folder of web pages into JSON,
# side by side with `xmllint --html --noout` parsing the same pages, in one
# run each (both take many files per run). Reports the CPU time (user + sys)
# of each and their ratio; the target is ost at most 2 times xmllint.
#
#   bench/html_bench.sh OST_BINARY [HTML_FOLDER] [COPIES]
#
# Without a folder, the sample pages (samples/*.html, the real captures
# among them) are copied COPIES times (default 40) into a temporary folder.
# Each tool runs three times; the fastest run counts.
set -euo pipefail
ost=${1:?usage: bench/html_bench.sh OST_BINARY [HTML_FOLDER] [COPIES]}
src=$(cd "$(dirname "$0")/.." && pwd)
copies=${3:-40}
command -v xmllint >/dev/null || { echo "xmllint is missing (libxml2-utils)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${2:-}" ]; then
  pages=$2
else
  pages=$tmp/pages
  mkdir -p "$pages"
  for ((i = 1; i <= copies; i++)); do
    for f in "$src"/samples/*.html; do cp "$f" "$pages/$(basename "$f" .html)-$i.html"; done
  done
fi
n=$(find "$pages" -name '*.html' | wc -l)
bytes=$(cat "$pages"/*.html | wc -c)

# CPU seconds (user + sys) of one run of "$@".
cpu() {
  /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk '{printf "%.3f\n", $1 + $2}' "$tmp/time"
}

# Each run writes to a folder of its own: removing the last run's output
# is no part of converting, so it is not timed.
run_ost() {
  "$ost" convert -q -t json -o "$(mktemp -d "$tmp/ost-out.XXXXXX")" "$pages"
}

run_xmllint() {
  # xmllint reports parse errors of real-world pages on stderr; only its time matters.
  xmllint --html --noout "$pages"/*.html 2>/dev/null || true
}
export -f run_ost run_xmllint
export ost pages tmp

best() {
  local b="" t
  for _ in 1 2 3; do
    t=$(cpu bash -c "$1")
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN {exit !(t < b)}'; then b=$t; fi
  done
  echo "$b"
}

t_ost=$(best run_ost)
t_xml=$(best run_xmllint)
converted=$(find "$(ls -d "$tmp"/ost-out.* | tail -1)" -type f 2>/dev/null | wc -l)
printf '%-28s %8s %10s\n' "tool" "files" "cpu s"
printf '%-28s %8d %10s\n' "ost convert -t json" "$n" "$t_ost"
printf '%-28s %8d %10s\n' "xmllint --html --noout" "$n" "$t_xml"
awk -v o="$t_ost" -v x="$t_xml" -v b="$bytes" -v c="$converted" -v n="$n" 'BEGIN {
  printf "pages: %d (%.1f MB), converted by ost: %d\n", n, b / 1e6, c
  if (x > 0) printf "ratio ost / xmllint: %.2f (target <= 2.00)\n", o / x
}'
