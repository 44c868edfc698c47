#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# XML output: every sample, alone and combined, validates against
# schemas/ost.xsd and carries exactly the tree of the JSON output.
set -u
ost=$1 src=$2
cd "$src" || exit 1
. tests/support/improve.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
if ! command -v xmllint >/dev/null; then
  echo "FAIL xmllint not found (Debian: libxml2-utils)"; exit 1
fi

# XML back to the JSON tree, by the rules documented in schemas/ost.xsd.
mirror=$(cat <<'PY'
import json, sys, xml.etree.ElementTree as ET
NS = "{urn:ost:model:1}"
LISTS = {"standards", "occupations", "occupational_maps", "functional_maps", "repairs",
         "warnings", "typical_job_titles", "duties", "knowledge", "skills", "behaviours",
         "involved_employers", "ksbs", "soc_codes", "related_routes", "pathways", "clusters",
         "occupations", "roles", "key_areas", "areas", "functions", "units",
         "source_references", "options"}

def norm_json(v):
    if isinstance(v, dict):
        return {k: norm_json(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [norm_json(x) for x in v]
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)

def item(e):
    if len(e) == 0 and not e.attrib:
        return e.text or ""
    return obj(e)

def obj(e):
    d = {("ost_version" if k == "version" and e.tag == NS + "document" else k): v
         for k, v in e.attrib.items()}
    for c in e:
        tag = c.tag[len(NS):]
        if tag in LISTS:
            d[tag] = [item(x) for x in c]
        elif tag == "extra":
            d[tag] = {f.get("key"): f.text or "" for f in c}
        elif tag == "source":
            d[tag] = obj(c)
        else:
            d[tag] = c.text or ""
    return d

xml_root = ET.parse(sys.argv[1]).getroot()
data = json.load(open(sys.argv[2]))
if xml_root.tag == NS + "dataset":
    got = {"ost_version": xml_root.get("version"), "documents": [obj(d) for d in xml_root]}
else:
    got = obj(xml_root)
want = norm_json(data)
if got != want:
    print("XML:", json.dumps(got, indent=1, ensure_ascii=False)[:2000])
    print("JSON:", json.dumps(want, indent=1, ensure_ascii=False)[:2000])
    sys.exit(1)
PY
)

check_pair() { # label, xml file, json file
  if xmllint --noout --schema schemas/ost.xsd "$2" 2>"$tmp/err"; then
    pass=$((pass+1))
  else
    echo "FAIL $1: not valid against schemas/ost.xsd"; head -5 "$tmp/err"; fail=$((fail+1))
  fi
  if python3 -c "$mirror" "$2" "$3"; then
    pass=$((pass+1))
  else
    echo "FAIL $1: the XML tree differs from the JSON output"; fail=$((fail+1))
  fi
}

inputs=()
for sample in samples/*; do
  [ -f "$sample" ] || continue
  case "$sample" in *.md|*/README*) continue ;; esac
  name=$(basename "$sample")
  if "$ost" convert -q -t xml -o "$tmp/$name.xml" "$sample" &&
     "$ost" convert -q -t json -o "$tmp/$name.json" "$sample"; then
    check_pair "$sample" "$tmp/$name.xml" "$tmp/$name.json"
    inputs+=("$sample")
  elif expected_to_improve "$src" "$name"; then
    echo "TO IMPROVE $sample: conversion failed (tests/golden/improve.txt)"
  else
    echo "FAIL $sample: conversion failed"; fail=$((fail+1))
  fi
done
if [ ${#inputs[@]} = 0 ]; then
  echo "FAIL no samples converted"; fail=$((fail+1))
elif "$ost" convert -q --combine -t xml -o "$tmp/all.xml" "${inputs[@]}" &&
     "$ost" convert -q --combine -t json -o "$tmp/all.json" "${inputs[@]}"; then
  check_pair "combined samples" "$tmp/all.xml" "$tmp/all.json"
else
  echo "FAIL combined conversion failed"; fail=$((fail+1))
fi

# Golden XML files are valid and carry the tree of their reviewed JSON twins.
for golden in samples/expected/*.xml; do
  [ -f "$golden" ] || continue
  twin=${golden%.xml}.json
  if [ -f "$twin" ]; then
    check_pair "$golden" "$golden" "$twin"
  elif xmllint --noout --schema schemas/ost.xsd "$golden" 2>/dev/null; then
    pass=$((pass+1))
  else
    echo "FAIL $golden: not valid against schemas/ost.xsd"; fail=$((fail+1))
  fi
done

echo "xml_schema: $pass passed, $fail failed"
[ $fail = 0 ]
