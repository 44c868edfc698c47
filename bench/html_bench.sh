#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# HTML reading speed: `ost convert -j 1` (one thread, so that CPU time is
# the single-threaded path's) turning a folder of web pages into JSON, side
# by side with `xmllint --html --noout` parsing the same pages, in one run
# each (both take many files per run). Reports the CPU time (user + sys) of
# each and their ratio; the target is ost at most 2 times xmllint.
#
#   bench/html_bench.sh OST_BINARY [HTML_FOLDER] [COPIES] [REAL_COPIES]
#
# With a folder, that folder is timed. Without one, three sets are: the
# small sample pages (samples/*.html, ~8 KB each) copied COPIES times
# (default 100), the real page captures of the shared folder
# (realdocs/ifate/occ*.html, ~290 KB each; $OST_SHARED_DIR, else ../shared
# beside the checkout) copied REAL_COPIES times (default 20), and both
# together. Each tool runs five times per set and the fastest run counts:
# on a shared machine, single runs of the same conversion varied by 15%.
#
# Pages and outputs live in memory (/dev/shm, else $TMPDIR): xmllint
# --noout writes nothing, while ost creates a file per page, and on a disk
# the kernel's time for creating files depends on the disk and on what
# else is being written back: on a virtual machine, creating 1,100 small
# files took anywhere from 0.06 to 1.1 s of system time, with or without
# ost (a plain loop of open, write, rename varied alike).
set -euo pipefail
ost=${1:?usage: bench/html_bench.sh OST_BINARY [HTML_FOLDER] [COPIES] [REAL_COPIES]}
src=$(cd "$(dirname "$0")/.." && pwd)
copies=${3:-100}
real_copies=${4:-20}
shared=${OST_SHARED_DIR:-$src/../shared}
command -v xmllint >/dev/null || { echo "xmllint is missing (libxml2-utils)" >&2; exit 1; }

if [ -d /dev/shm ] && [ -w /dev/shm ]; then tmp=$(mktemp -d -p /dev/shm); else tmp=$(mktemp -d); fi
trap 'rm -rf "$tmp"' EXIT

# copy_set DEST COPIES FILE...: each file COPIES times into DEST.
copy_set() {
  local dest=$1 n=$2 i f
  shift 2
  mkdir -p "$dest"
  for ((i = 1; i <= n; i++)); do
    for f in "$@"; do cp "$f" "$dest/$(basename "$f" .html)-$i.html"; done
  done
}

# CPU seconds (user + sys) of one run of "$@" and its children, to the
# microsecond (time(1) counts in hundredths, too coarse for xmllint).
cpu() {
  /usr/bin/python3 - "$@" <<'PY' || { echo "failed: $*" >&2; exit 1; }
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.4f" % (r.ru_utime + r.ru_stime))
PY
}

# Each run writes to a folder of its own: removing the last run's output
# is no part of converting, so it is not timed.
run_ost() {
  "$ost" convert -q -j 1 -t json -o "$(mktemp -d "$tmp/ost-out.XXXXXX")" "$pages"
}

run_xmllint() {
  # xmllint reports parse errors of real-world pages on stderr; only its time matters.
  find "$pages" -name '*.html' -print0 | sort -z |
    xargs -0 sh -c 'xmllint --html --noout "$@" 2>/dev/null; true' xmllint
}
export -f run_ost run_xmllint
export ost tmp

best() {
  local b="" t
  for _ in 1 2 3 4 5; do
    t=$(cpu bash -c "$1")
    if [ -z "$b" ] || awk -v t="$t" -v b="$b" 'BEGIN {exit !(t < b)}'; then b=$t; fi
  done
  echo "$b"
}

printf '%-22s %7s %8s %10s %10s %7s\n' "set" "files" "MB" "ost cpu s" "xmllint s" "ratio"
# measure NAME FOLDER: one line of the table.
measure() {
  pages=$2
  export pages
  rm -rf "$tmp"/ost-out.*
  local n bytes t_ost t_xml converted
  n=$(find "$pages" -name '*.html' | wc -l)
  bytes=$(find "$pages" -name '*.html' -exec cat {} + | wc -c)
  t_ost=$(best run_ost)
  t_xml=$(best run_xmllint)
  converted=$(find "$(ls -d "$tmp"/ost-out.* | tail -1)" -type f 2>/dev/null | wc -l)
  [ "$converted" -eq "$n" ] || echo "warning: ost converted $converted of $n pages in $1" >&2
  awk -v name="$1" -v n="$n" -v b="$bytes" -v o="$t_ost" -v x="$t_xml" 'BEGIN {
    printf "%-22s %7d %8.1f %10.4f %10.4f %7.2f\n", name, n, b / 1e6, o, x, (x > 0 ? o / x : 0)
  }'
}

if [ -n "${2:-}" ]; then
  measure "$(basename "$2")" "$2"
else
  copy_set "$tmp/small" "$copies" "$src"/samples/*.html
  measure "small (samples)" "$tmp/small"
  real=("$shared"/realdocs/ifate/occ*.html)
  if [ -e "${real[0]}" ]; then
    copy_set "$tmp/real" "$real_copies" "${real[@]}"
    measure "real captures" "$tmp/real"
    mkdir -p "$tmp/all"
    cp "$tmp"/small/*.html "$tmp"/real/*.html "$tmp/all/"
    measure "all" "$tmp/all"
  else
    echo "no real captures in $shared/realdocs/ifate (set OST_SHARED_DIR): small pages only" >&2
  fi
fi
echo "target: ratio <= 2.00 (CPU time, ost -j 1)"
