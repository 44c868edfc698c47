#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The combined workbook of the samples as LibreOffice sees it (saved again
# as XLSX, whose sheet XML states it plainly): an autofilter over the whole
# of every sheet, and no data row taller than the cap, however long its
# summary.
set -u
ost=$1 src=$2
cd "$src" || exit 1
if ! command -v soffice >/dev/null; then
  echo "SKIP soffice not found (Debian: libreoffice-calc-nogui)"; exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Samples that give no document are left out of the dataset (exit 1).
"$ost" convert -q --combine -t ods -o "$tmp/all.ods" samples/ 2>/dev/null
[ -s "$tmp/all.ods" ] || { echo "FAIL no workbook"; exit 1; }
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to xlsx \
  --outdir "$tmp" "$tmp/all.ods" >/dev/null 2>&1
python3 - "$tmp/all.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet\d+\.xml$", n))
bad = 0
for name in sheets:
    xml = z.read(name).decode()
    dim = re.search(r'<dimension ref="([A-Z]+\d+:[A-Z]+\d+)"', xml)
    filt = re.search(r'<autoFilter ref="([^"]+)"', xml)
    if not filt or not dim or filt.group(1) != dim.group(1):
        print(f"FAIL {name}: autofilter {filt and filt.group(1)} over {dim and dim.group(1)}")
        bad += 1
    # 1.9 cm is 53.9 pt; rows of optimal height with a few lines stay under it.
    heights = [float(h) for r, h in re.findall(r'<row r="(\d+)"[^>]*?ht="([\d.]+)"', xml) if r != "1"]
    if heights and max(heights) > 55:
        print(f"FAIL {name}: a row {max(heights)} pt tall")
        bad += 1
print(f"ods_filters: {len(sheets)} sheets, {bad} failures")
sys.exit(1 if bad or not sheets else 0)
PY
