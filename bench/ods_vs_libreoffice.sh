#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The same 100,000 KSB rows written as a workbook by ost (bench/ods_bench)
# and converted from CSV to ODS by LibreOffice headless: time and peak memory
# of each, side by side.
# Usage: bench/ods_vs_libreoffice.sh BUILD_DIR [ROWS]
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [ROWS]}
rows=${2:-100000}
bench=$build/bench/ods_bench
[ -x "$bench" ] || { echo "build $bench first (make -C $build ods_bench)" >&2; exit 1; }
command -v soffice >/dev/null || { echo "soffice not found (Debian: libreoffice-calc-nogui)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== ost: $rows KSB rows, model to .ods"
"$bench" --rows "$rows" --repeat 3 --output "$tmp/ost.ods" --csv "$tmp/ksbs.csv" | tee "$tmp/ost.txt"
ost_s=$(sed -n 's/^time: \([0-9.]*\) s.*/\1/p' "$tmp/ost.txt")

# LibreOffice: a private profile, created by a first run so that the timed
# runs measure the conversion and start-up, not first-use setup. The CSV is
# read as UTF-8 (76) with comma and double quote. Peak memory is the largest
# resident size of its processes (getrusage of the waited-for children).
profile="file://$tmp/profile"
lo() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t0 = time.monotonic()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
t = time.monotonic() - t0
print(f"{t:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.1f}")
PY
}
cmd=(soffice "-env:UserInstallation=$profile" --headless --infilter=CSV:44,34,76,1
     --convert-to ods --outdir "$tmp/lo" "$tmp/ksbs.csv")
echo "== LibreOffice $(soffice --version | awk '{print $2}'): the same rows, CSV to .ods"
lo "${cmd[@]}" >/dev/null   # profile setup
best="" mem=""
for i in 1 2 3; do
  rm -f "$tmp/lo/ksbs.ods"
  read -r t m < <(lo "${cmd[@]}")
  # soffice exits 0 even when it fails: the output must exist.
  [ -s "$tmp/lo/ksbs.ods" ] || { echo "LibreOffice wrote no ksbs.ods" >&2; exit 1; }
  if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
  mem=$m
done
echo "time: $best s (fastest of 3, includes start-up)"
echo "peak RSS: $mem MiB"
echo "workbook: $(stat -c %s "$tmp/lo/ksbs.ods") bytes"
echo "== ost is $(awk "BEGIN{printf \"%.1f\", $best / $ost_s}")x faster"
