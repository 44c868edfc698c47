#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ODS output of the real samples: valid ODF 1.3, and LibreOffice reads back
# the same documents, standards, KSBs, duties, map rows and units as the
# JSON output holds.
set -u
ost=$1 src=$2 shared=$3
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL $*"; fail=$((fail+1)); }

mapfile -t inputs < <(find samples -maxdepth 1 -type f ! -name '*.md' ! -name 'README*' | sort)
[ ${#inputs[@]} -gt 0 ] || { echo "FAIL no samples"; exit 1; }
"$ost" convert -q --combine -t ods -o "$tmp/all.ods" "${inputs[@]}" 2>"$tmp/err.txt"
"$ost" convert -q --combine -t json -o "$tmp/all.json" "${inputs[@]}" 2>/dev/null
[ -s "$tmp/all.ods" ] && ok || { bad "no ODS written"; cat "$tmp/err.txt"; }

# ODF 1.3 validity of every part. jing is linear on large tables (libxml2's
# RELAX NG is not), so it is preferred when installed.
schemas=$shared/schemas/odf
if [ -f "$schemas/OpenDocument-v1.3-schema.rng" ]; then
  mkdir -p "$tmp/parts"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$tmp/all.ods" "$tmp/parts"
  for part in content.xml styles.xml meta.xml settings.xml META-INF/manifest.xml; do
    rng=$schemas/OpenDocument-v1.3-schema.rng
    [ "$part" = META-INF/manifest.xml ] && rng=$schemas/OpenDocument-v1.3-manifest-schema.rng
    if command -v jing >/dev/null; then
      jing -i "$rng" "$tmp/parts/$part" >"$tmp/v.txt" 2>&1
    else
      xmllint --noout --relaxng "$rng" "$tmp/parts/$part" >"$tmp/v.txt" 2>&1
    fi
    if [ $? = 0 ]; then ok; else bad "$part is not valid ODF 1.3"; grep -v '^\[warning\]' "$tmp/v.txt" | head -5; fi
  done
else
  echo "SKIP ODF validation: $schemas not found (the shared/ folder beside the checkout)"
fi

if ! command -v soffice >/dev/null; then
  echo "SKIP LibreOffice read-back: soffice not found (Debian: libreoffice-calc-nogui)"
  echo "ods_libreoffice: $pass passed, $fail failed"
  [ $fail = 0 ]; exit
fi

# A private profile per run (shared ones fail at random in parallel);
# UTF-8 (76), cells as shown, every sheet (-1) to all-<Sheet>.csv.
soffice -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
  --outdir "$tmp/csv" "$tmp/all.ods" >"$tmp/lo.txt" 2>&1
# soffice exits 0 even when it failed: look at what it wrote.
if [ -s "$tmp/csv/all-Sources.csv" ]; then ok; else bad "LibreOffice wrote no CSV"; cat "$tmp/lo.txt"; fi

report=$(python3 - "$tmp/all.json" "$tmp/csv" <<'PY'
import csv, json, os, sys
data = json.load(open(sys.argv[1]))["documents"]
def sheet(name):
    path = os.path.join(sys.argv[2], f"all-{name}.csv")
    if not os.path.exists(path):
        return None
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))
def check(what, got, want):
    print(("ok " if got == want else "FAIL ") + what + ("" if got == want else f": got {got!r}, want {want!r}"))

src = sheet("Sources")
# Paths on the Sources sheet are relative to the folder given (samples/).
check("Sources rows", [r[:4] for r in src[1:]],
      [[os.path.relpath(d["source"]["path"], "samples"), d["source"]["format"], d["source"]["document_type"] or "",
        d["source"]["trust"] or ""] for d in data])
check("Sources warning lines", [len(r[7].splitlines()) if len(r) > 7 and r[7] else 0 for r in src[1:]],
      [len(d["source"]["warnings"]) for d in data])
stds = [s for d in data for s in d["standards"]]
rows = sheet("Standards")
if stds or rows is not None:
    check("Standards rows", [(r[0], r[2], r[5]) for r in rows[1:]],
          [(s["reference"] or "", s["title"] or "", str(s["level"] or "")) for s in stds])
ksbs = [(s["reference"] or "", t, k["id"] or "", k["text"] or "") for s in stds
        for t, key in (("Knowledge", "knowledge"), ("Skill", "skills"), ("Behaviour", "behaviours"))
        for k in s[key]]
rows = sheet("KSBs")
if ksbs or rows is not None:
    check("KSBs rows", [tuple(r[:3] + [r[4]]) for r in rows[1:]], ksbs)
duties = [(s["reference"] or "", d["id"] or "", " ".join(d["ksbs"])) for s in stds for d in s["duties"]]
rows = sheet("Duties")
if duties or rows is not None:
    check("Duties rows", [(r[0], r[1], r[3]) for r in rows[1:]], duties)
    matrix = sheet("Duty x KSB matrix")
    if matrix is not None:
        head = matrix[0]
        got = [sorted(head[i] for i in range(2, len(r)) if r[i]) for r in matrix[1:]]
        check("Duty x KSB matrix marks", got, [sorted(set(d["ksbs"])) for s in stds for d in s["duties"]])
occ = [o for d in data for o in d["occupations"]]
rows = sheet("Occupations")
if occ or rows is not None:
    check("Occupations rows", [r[0] for r in rows[1:]], [o["code"] or "" for o in occ])
placed = [o["title"] for d in data for m in d["occupational_maps"] for p in m["pathways"]
          for c in p["clusters"] for o in c["occupations"]]
rows = sheet("Occupational map")
if placed or rows is not None:
    check("Occupational map occupations", [r[3] for r in rows[1:] if len(r) > 3 and r[3]], placed)
units = [(m["title"] or "", u["code"]) for d in data for m in d["functional_maps"] for u in m["units"]]
rows = sheet("Units")
if units or rows is not None:
    check("Units rows", [(r[0], r[1]) for r in rows[1:]], units)
PY
)
while IFS= read -r line; do
  case "$line" in ok*) ok ;; FAIL*) bad "${line#FAIL }" ;; esac
done <<<"$report"

echo "ods_libreoffice: $pass passed, $fail failed"
[ $fail = 0 ]
