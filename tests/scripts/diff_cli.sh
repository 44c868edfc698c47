#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ost diff on pairs of documents, outputs and folders made here: a changed
# field, a reworded duty, renumbered skills, an added and a removed
# standard; exit status as diff(1).
set -u
ost=$1 src=$2 shared=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}
status_of() { "$@" >/dev/null 2>&1; echo $?; }

old="$src/samples/002-standard-proposal-ST1030-pdf.txt"
new="$tmp/ST1030-revised.txt"
# Level 3 -> 4, duty 3 reworded, S18 and S19 swap numbers.
sed -e 's/^Level 3$/Level 4/' -e 's/^Duty 3 Prioritise /Duty 3 Rank /' \
    -e 's/^S18: Apply safeguarding theory/S19: Apply safeguarding theory/' \
    -e 's/^S19: Work together/S18: Work together/' "$old" > "$new"

check "same document: exit 0" [ "$(status_of "$ost" diff "$old" "$old")" = 0 ]
"$ost" diff "$old" "$old" > "$tmp/same.txt"
check "same document: says so" grep -qx "No differences." "$tmp/same.txt"

"$ost" diff "$old" "$new" > "$tmp/d.txt"; status=$?
check "revised document: exit 1" [ "$status" = 1 ]
check "subject is the standard" grep -qx "ST1030" "$tmp/d.txt"
check "level changed" grep -qxF '  ~ level: "3" -> "4"' "$tmp/d.txt"
check "duty reworded" grep -qx "  ~ duty D3 reworded" "$tmp/d.txt"
check "rewording shown" grep -q "now: Rank safeguarding concerns" "$tmp/d.txt"
check "S18 moved" grep -qx "  > skill S18 is now S19" "$tmp/d.txt"
check "S19 moved" grep -qx "  > skill S19 is now S18" "$tmp/d.txt"
# D11 cites S19 in both texts, but S19 is another statement now.
check "links through the renumbering" grep -qxF "  ~ duty D11 links, added S19, removed S19 (now S18)" "$tmp/d.txt"
check "no statement added or removed" bash -c "! grep -q '^  [+-] ' '$tmp/d.txt'"

# The same through JSON outputs, and --json for programs.
"$ost" convert -q -o "$tmp/old.json" "$old"
"$ost" convert -q -o "$tmp/new.json" "$new"
"$ost" diff --json "$tmp/old.json" "$tmp/new.json" > "$tmp/d.json"; status=$?
check "outputs: exit 1" [ "$status" = 1 ]
check "--json is JSON with the moves" python3 - "$tmp/d.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["same"] is False
kinds = {(c["change"], c["item"], c["old_id"], c["new_id"]) for c in r["changes"]}
assert ("moved", "skill", "S18", "S19") in kinds, kinds
assert ("reworded", "duty", "D3", "D3") in kinds, kinds
assert ("changed", "field", "level", "level") in kinds, kinds
PY
check "document against its own output: exit 0" [ "$(status_of "$ost" diff "$old" "$tmp/old.json")" = 0 ]

# Folders of outputs: a standard added, one removed, files renamed.
mkdir -p "$tmp/v1/sub" "$tmp/v2"
cp "$tmp/old.json" "$tmp/v1/sub/a.json"
"$ost" convert -q -o "$tmp/v1/b.json" "$src/samples/004-ST0509-spun-blog-copy.txt"
cp "$tmp/old.json" "$tmp/v2/renamed.json"
"$ost" convert -q -o "$tmp/v2/c.jsonl" -t jsonl "$src/samples/ST0611-standard.pdf"
echo '{"inputs": []}' > "$tmp/v2/manifest.json"   # not an output: passed over
"$ost" diff "$tmp/v1" "$tmp/v2" > "$tmp/f.txt"; status=$?
check "folders: exit 1" [ "$status" = 1 ]
check "folders: ST0611 added" grep -q "^  + standard ST0611" "$tmp/f.txt"
check "folders: ST0509 removed" grep -q "^  - standard ST0509" "$tmp/f.txt"
check "folders: nothing else" [ "$(grep -c '^  ' "$tmp/f.txt")" = 2 ]

echo '{"ost_version": "1", "source": ' > "$tmp/v2/broken.json"
"$ost" diff "$tmp/v1" "$tmp/v2" 2> "$tmp/err.txt"; status=$?
check "folder with damaged JSON: exit 2" [ "$status" = 2 ]
check "folder with damaged JSON: named" grep -q "broken.json: not JSON" "$tmp/err.txt"

# A real revision: version 1.2 of ST0499's page against the current one,
# where S9 was dropped and the skills after it renumbered.
real=$shared/realdocs/ifate
if [ -f "$real/occ0499-v1-2.html" ] && [ -f "$real/occ0499-current.html" ]; then
  "$ost" diff "$real/occ0499-v1-2.html" "$real/occ0499-current.html" > "$tmp/r.txt"
  check "ST0499: version" grep -qxF '  ~ version: "1.2" -> "1.3"' "$tmp/r.txt"
  check "ST0499: S9 removed" grep -q "^  - skill S9: Remove and replace vehicle tyre" "$tmp/r.txt"
  check "ST0499: S10 is now S9" grep -qx "  > skill S10 is now S9" "$tmp/r.txt"
  check "ST0499: S26 is now S25" grep -qx "  > skill S26 is now S25" "$tmp/r.txt"
  check "ST0499: nothing added" bash -c "! grep -q '^  + ' '$tmp/r.txt'"
  "$ost" diff "$real/fixture_st1472.html" "$real/fixture_st1472_updated.html" > "$tmp/r.txt"
  check "ST1472: the one changed date" grep -q "live for starts on the 1 October 2026" "$tmp/r.txt"
  check "ST1472: one difference" grep -qx "1 difference." "$tmp/r.txt"
else
  echo "SKIP real revisions: $real not found"
fi

# Trouble: exit 2 and a message naming the file.
check "missing file: exit 2" [ "$(status_of "$ost" diff "$old" "$tmp/nope.json")" = 2 ]
echo '{"a": 1}' > "$tmp/other.json"
"$ost" diff "$old" "$tmp/other.json" 2> "$tmp/err.txt"; status=$?
check "not ost JSON: exit 2" [ "$status" = 2 ]
check "not ost JSON: named" grep -q "other.json: JSON, but not an ost document" "$tmp/err.txt"
check "one argument: exit 2" [ "$(status_of "$ost" diff "$old")" = 2 ]

echo "diff_cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
