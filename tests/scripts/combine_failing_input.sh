#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Combined datasets: inputs that fail are reported and left out, the rest
# are written, in every output format.
set -u
ost=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # description, command...
  local what=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL $what"; fail=$((fail+1)); fi
}

mapfile -t samples < <(find samples -maxdepth 1 -type f -name '*.txt' | sort)
if [ ${#samples[@]} -lt 2 ]; then echo "FAIL need at least two samples"; exit 1; fi
good=("${samples[0]}" "${samples[1]}")
: > "$tmp/empty.txt"
printf '\000\001\002 not a document' > "$tmp/binary.dat"
inputs=("${good[0]}" "$tmp/empty.txt" "$tmp/missing.txt" "$tmp/binary.dat" "${good[1]}")

for fmt in json xml ods; do
  out="$tmp/dataset.$fmt"
  "$ost" convert --combine -t "$fmt" -o "$out" "${inputs[@]}" 2> "$tmp/err.$fmt"
  rc=$?
  check "$fmt: exit status 1 when some inputs fail (got $rc)" test $rc = 1
  check "$fmt: output written" test -s "$out"
  for bad in empty.txt missing.txt binary.dat; do
    check "$fmt: $bad reported" grep -q "$tmp/$bad: .*left out of the dataset" "$tmp/err.$fmt"
  done
  check "$fmt: summary names 2 of 5" grep -q "wrote 2 of 5 inputs" "$tmp/err.$fmt"
done

# The outputs hold exactly the two good documents, in input order.
paths=$(/usr/bin/env python3 - "$tmp" "${good[@]}" <<'PY'
import json, sys, zipfile, xml.etree.ElementTree as ET
tmp, good = sys.argv[1], sys.argv[2:]
j = [d["source"]["path"] for d in json.load(open(f"{tmp}/dataset.json"))["documents"]]
ns = {"o": "urn:ost:model:1"}
x = [e.text for e in ET.parse(f"{tmp}/dataset.xml").getroot().findall("o:document/o:source/o:path", ns)]
t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
root = ET.fromstring(zipfile.ZipFile(f"{tmp}/dataset.ods").read("content.xml"))
sources = [s for s in root.iter(t + "table") if s.get(t + "name") == "Sources"][0]
rows = [r for r in sources.iter(t + "table-row")][1:]
o = ["".join(r.find(t + "table-cell").itertext()) for r in rows]
# The Sources sheet shows a file named on the command line by its name.
for name, got, want in (("json", j, good), ("xml", x, good),
                        ("ods", o, [g.rsplit("/", 1)[-1] for g in good])):
    print(name, "ok" if got == want else f"got {got}")
PY
)
for fmt in json xml ods; do
  check "$fmt: holds exactly the good inputs ($(grep "^$fmt" <<<"$paths"))" grep -qx "$fmt ok" <<<"$paths"
done

# Every input failing still gives a valid, empty dataset and exit status 1.
"$ost" convert --combine -t xml -o "$tmp/none.xml" "$tmp/empty.txt" 2>/dev/null
check "all failed: exit status 1" test $? = 1
check "all failed: valid empty XML dataset" xmllint --noout --schema schemas/ost.xsd "$tmp/none.xml" 2>/dev/null

echo "combine_failing_input: $pass passed, $fail failed"
[ $fail = 0 ]
