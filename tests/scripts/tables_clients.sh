#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The table outputs of the samples through real clients: the SQLite
# database in the sqlite3 shell with its foreign keys checked and the row
# counts the JSON implies; JSON Lines valid against the schema line by line.
set -u
ost=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}

"$ost" convert -q --combine -t json -o "$tmp/all.json" samples/
"$ost" convert -q --combine -o "$tmp/all.sqlite" samples/
"$ost" convert -q --combine -o "$tmp/all.jsonl" samples/
check "SQLite database written" [ -s "$tmp/all.sqlite" ]
check "JSON Lines written" [ -s "$tmp/all.jsonl" ]

if command -v sqlite3 >/dev/null; then
  check "foreign_key_check is empty" [ -z "$(sqlite3 "$tmp/all.sqlite" 'PRAGMA foreign_keys=ON; PRAGMA foreign_key_check;')" ]
  check "integrity_check ok" [ "$(sqlite3 "$tmp/all.sqlite" 'PRAGMA integrity_check;')" = ok ]
  python3 tests/support/tables_check.py counts "$tmp/all.json" > "$tmp/expected.txt"
  while read -r table n; do
    got=$(sqlite3 "$tmp/all.sqlite" "SELECT count(*) FROM \"$table\";")
    check "$table: $n rows (got $got)" [ "$got" = "$n" ]
  done < "$tmp/expected.txt"
  check "every row has its source" [ "$(sqlite3 "$tmp/all.sqlite" \
    "SELECT count(*) FROM ksbs WHERE source_path IS NULL OR source_sha256 IS NULL OR source_trust IS NULL;")" = 0 ]
  check "third-party rows told apart" [ "$(sqlite3 "$tmp/all.sqlite" \
    "SELECT DISTINCT source_trust FROM standards WHERE reference = 'ST0509';")" = third_party ]
else
  echo "SKIP sqlite3 shell not found (Debian: sqlite3)"
fi

# Each line a document valid against the schema, in input order.
lines=$(wc -l < "$tmp/all.jsonl")
check "one line per input" [ "$lines" = "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["documents"]))' "$tmp/all.json")" ]
mkdir "$tmp/lines"
split -l 1 -a 3 --additional-suffix=.json "$tmp/all.jsonl" "$tmp/lines/line"
check "every line valid" python3 tests/support/validate_json.py schemas/ost.schema.json "$tmp"/lines/*.json
check "lines are the documents" python3 - "$tmp/all.jsonl" "$tmp/all.json" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert lines == json.load(open(sys.argv[2], encoding="utf-8"))["documents"]
PY

# CSV from the command line: a folder of tables per input, one for --combine,
# the same rows as the database; never on standard output.
"$ost" convert -q --combine -t csv -o "$tmp/all.csv" samples/
check "combined CSV folder has every table" [ "$(ls "$tmp/all.csv" | wc -l)" = 12 ]
if command -v sqlite3 >/dev/null; then
  check "CSV ksbs rows = database ksbs rows" python3 - "$tmp/all.csv/ksbs.csv" \
    "$(sqlite3 "$tmp/all.sqlite" 'SELECT count(*) FROM ksbs;')" <<'PY'
import csv, sys
assert len(list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))) == int(sys.argv[2])
PY
fi
"$ost" convert -q -t csv -o "$tmp/each/" samples/ST0611-standard.pdf samples/html-standard-ST0973-skills-england.html
check "one CSV folder per input" test -s "$tmp/each/ST0611-standard.csv/standards.csv" \
  -a -s "$tmp/each/html-standard-ST0973-skills-england.csv/duties.csv"
"$ost" convert -q -t csv samples/ST0611-standard.pdf > "$tmp/stdout.csv" 2>/dev/null
rc=$?
check "CSV on standard output is a usage error" test "$rc" = 2 -a ! -s "$tmp/stdout.csv"

"$ost" convert -q --combine -o "$tmp/again.sqlite" samples/
check "same input, same database bytes" cmp -s "$tmp/all.sqlite" "$tmp/again.sqlite"

echo "tables_clients: $pass passed, $fail failed"
[ "$fail" = 0 ]
