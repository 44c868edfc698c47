#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Mojibake repair side by side with ftfy on the same text, one core, in
# CPU time: `ost repair` and ftfy's fix_encoding(), line by line, over the
# corpora bench/repair_bench writes (standards-like lines; "mojibake" is
# every line read as Windows-1252, "damaged" adds lost ligatures, which
# ftfy does not touch, and "clean" is undamaged), as whole tools file to
# file and as engines on lines in memory. Reports MB/s of each and their
# ratio; the target is ost at least 50 times ftfy on damaged and mojibake
# text. The ratio is of speeds per byte: ost's over the whole corpus,
# ftfy's over its sample; ost's on the sample alone is shown beside it
# (its 10 ms of start-up, mostly linking and checking the dictionary,
# weigh on 5 MB).
#
#   bench/repair_vs_ftfy.sh BUILD_DIR [MEGABYTES] [FTFY_MEGABYTES]
#
# ost runs on MEGABYTES of each corpus (default 100), ftfy on the first
# FTFY_MEGABYTES of the same (default 5: it is far slower; its speed per
# byte does not depend on the length). ftfy comes from python3-ftfy, or
# from a folder holding the ftfy package named by $FTFY_PYTHONPATH. The
# fastest of three runs counts: single runs varied by 20% on a shared
# machine.
set -euo pipefail
build=${1:?usage: bench/repair_vs_ftfy.sh BUILD_DIR [MEGABYTES] [FTFY_MEGABYTES]}
mb=${2:-100}
ftfy_mb=${3:-5}
export PYTHONPATH=${FTFY_PYTHONPATH:-}
python3 -c 'import ftfy' 2>/dev/null ||
  { echo "repair_vs_ftfy: ftfy not found (install python3-ftfy or set FTFY_PYTHONPATH)" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/repair-vs-ftfy.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export OST_CACHE_DIR=$tmp/cache
taskset -c 0 "$build/bench/repair_bench" "$mb" --write "$tmp/corpus" > "$tmp/engine.txt"

# Seconds of CPU (user + sys) of the fastest of three runs of "$@" < $1,
# from getrusage (GNU time's 10 ms steps were a quarter of ost's time on
# the ftfy sample).
cpu_seconds() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys
best = None
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(sys.argv[1], "rb") as f:
        subprocess.run(["taskset", "-c", "0"] + sys.argv[2:], stdin=f,
                       stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best = t if best is None else min(best, t)
print("%.4f" % best)
PY
}

mbps() { awk -v bytes="$(stat -c %s "$1")" -v s="$2" 'BEGIN { printf "%.1f", bytes / 1e6 / (s > 0 ? s : 0.001) }'; }

cat > "$tmp/ftfy_lines.py" <<'PY'
import sys
import ftfy
write = sys.stdout.write
for line in sys.stdin:
    write(ftfy.fix_encoding(line))
PY
# The engines alone: ftfy's fix_encoding() over lines already in memory,
# in CPU seconds, beside repair_bench's fix-only figures (CPU time too).
cat > "$tmp/ftfy_engine.py" <<'PY'
import sys, time
import ftfy
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
size = sum(len(line.encode("utf-8")) + 1 for line in lines)
start = time.process_time()
for line in lines:
    ftfy.fix_encoding(line)
print("%.1f" % (size / 1e6 / (time.process_time() - start)))
PY

echo "Whole tools, file to file (ost repair learns each line as evidence for lost ligatures):"
printf "%-9s %12s %12s %8s\n" corpus "ost MB/s" "ftfy MB/s" ratio
for corpus in mojibake damaged clean; do
  full=$tmp/corpus-$corpus.txt
  sample=$tmp/sample-$corpus.txt
  head -c $((ftfy_mb * 1000000)) "$full" | sed '$d' > "$sample"
  ost_full=$(mbps "$full" "$(cpu_seconds "$full" "$build/ost" repair)")
  ost_sample=$(mbps "$sample" "$(cpu_seconds "$sample" "$build/ost" repair)")
  ftfy=$(mbps "$sample" "$(cpu_seconds "$sample" python3 "$tmp/ftfy_lines.py")")
  printf "%-9s %12s %12s %7.0fx   (ost on the %s MB ftfy had: %s MB/s, %.0fx)\n" "$corpus" "$ost_full" \
    "$ftfy" "$(awk -v a="$ost_full" -v b="$ftfy" 'BEGIN { print a / b }')" "$ftfy_mb" "$ost_sample" \
    "$(awk -v a="$ost_sample" -v b="$ftfy" 'BEGIN { print a / b }')"
done

echo "Engines alone, lines in memory (ost: repair_bench's fix-only figures):"
printf "%-9s %12s %12s %8s\n" corpus "ost MB/s" "ftfy MB/s" ratio
for corpus in mojibake damaged clean; do
  ost=$(awk -v c="$corpus," '$1 == c && $2 == "fix" { print $4 }' "$tmp/engine.txt")
  ftfy=$(taskset -c 0 python3 "$tmp/ftfy_engine.py" "$tmp/sample-$corpus.txt")
  printf "%-9s %12s %12s %7.0fx\n" "$corpus" "$ost" "$ftfy" "$(awk -v a="$ost" -v b="$ftfy" 'BEGIN { print a / b }')"
done
