#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The ost command line: exit codes, batch behaviour, outputs, determinism.
set -u
ost=$1 src=$2
source "$src/tests/support/checks.sh"
validate() { /usr/bin/python3 "$src/tests/support/validate_json.py" "$src/schemas/ost.schema.json" "$@"; }

good="$src/samples/001-occupation-OCC0509-page.txt"
printf 'just some words\nwith nothing to recognise\n' > "$tmp/prose.txt"
printf 'PK\003\004\000\000binary' > "$tmp/binary.txt"

check "--version" grep -q "^ost [0-9]" <("$ost" --version)
check "--help has examples" grep -q "Examples:" <("$ost" --help)
check "no arguments is a usage error" [ "$(status_of "$ost")" = 2 ]
check "unknown command is a usage error" [ "$(status_of "$ost" frobnicate)" = 2 ]
check "convert without input is a usage error" [ "$(status_of "$ost" convert)" = 2 ]
check "unknown option is a usage error" [ "$(status_of "$ost" convert --bogus "$good")" = 2 ]
check "unknown output format is a usage error" [ "$(status_of "$ost" convert -t nope "$good")" = 2 ]
check "unknown input format is a usage error" [ "$(status_of "$ost" convert -f nope "$good")" = 2 ]

# One input: -o names the file; '-' and no -o mean stdout.
check "single input to file" "$ost" convert -q -o "$tmp/one.json" "$good"
check "single output validates" validate "$tmp/one.json"
"$ost" convert "$good" > "$tmp/stdout.json" 2>/dev/null
check "stdout output equals file output" cmp -s "$tmp/one.json" "$tmp/stdout.json"
check "format from -o extension" "$ost" convert -q -o "$tmp/ext.json" "$good"

# Determinism: the same input gives byte-identical output.
"$ost" convert -q -o "$tmp/again.json" "$good"
check "rerun is byte-identical" cmp -s "$tmp/one.json" "$tmp/again.json"

# Bad inputs: 'file: reason', exit 1, no output file left behind.
"$ost" convert -o "$tmp/bad.json" "$tmp/binary.txt" 2> "$tmp/err1"
check "bad input exits 1" [ $? = 1 ]
check "bad input names the file" grep -q "^ost: $tmp/binary.txt: " "$tmp/err1"
check "bad input leaves no output" [ ! -e "$tmp/bad.json" ]
"$ost" convert -o "$tmp/prose.json" "$tmp/prose.txt" 2> "$tmp/err2"
check "unrecognised document exits 1" [ $? = 1 ]
check "unrecognised document is explained" grep -q "prose.txt: no occupational standard" "$tmp/err2"
check "missing file exits 1" [ "$(status_of "$ost" convert -o "$tmp/m.json" "$tmp/missing.txt")" = 1 ]

# A batch: the bad file is reported and skipped, the rest converted.
"$ost" convert -o "$tmp/batch" "$good" "$tmp/binary.txt" "$src/samples/004-ST0509-spun-blog-copy.txt" 2> "$tmp/err3"
check "batch with a bad file exits 1" [ $? = 1 ]
check "batch reports the bad file" grep -q "binary.txt: " "$tmp/err3"
check "batch converts the good files" [ -s "$tmp/batch/001-occupation-OCC0509-page.json" ] && [ -s "$tmp/batch/004-ST0509-spun-blog-copy.json" ]
check "batch leaves nothing for the bad file" [ ! -e "$tmp/batch/binary.json" ]
check "batch outputs validate" validate "$tmp"/batch/*.json

# Folders are walked recursively; only files with an input extension count,
# and the tree is mirrored in the output folder.
mkdir -p "$tmp/tree/sub" "$tmp/tree/.hidden"
cp "$good" "$tmp/tree/sub/occ.txt"
cp "$good" "$tmp/tree/top.txt"
cp "$good" "$tmp/tree/.hidden/h.txt"
echo "notes" > "$tmp/tree/README.md"
check "folder converts" "$ost" convert -q -o "$tmp/treeout" "$tmp/tree"
check "folder tree mirrored" [ -s "$tmp/treeout/sub/occ.json" ] && [ -s "$tmp/treeout/top.json" ]
check "non-input files skipped" [ ! -e "$tmp/treeout/README.json" ] && [ ! -e "$tmp/treeout/.hidden" ]
check "several inputs refuse -o -" [ "$(status_of "$ost" convert -o - "$good" "$good")" = 2 ]

# Same name in one folder with two extensions: one output, so an error
# before anything is written.
mkdir -p "$tmp/clash"
cp "$good" "$tmp/clash/x.txt"; cp "$good" "$tmp/clash/x.text"
check "name clash is a usage error" [ "$(status_of "$ost" convert -q -o "$tmp/clashout" "$tmp/clash")" = 2 ]
check "name clash writes nothing" [ ! -e "$tmp/clashout" ]

# Parallel jobs give the same outputs and the same report order as one job.
mkdir -p "$tmp/par"
cp "$src"/samples/*.txt "$tmp/par/"
cp "$tmp/binary.txt" "$tmp/par/0-bad.txt"; cp "$tmp/prose.txt" "$tmp/par/zz-prose.txt"
"$ost" convert -j 1 -o "$tmp/par1" "$tmp/par" 2> "$tmp/par1.err"
"$ost" convert -j 4 -o "$tmp/par4" "$tmp/par" 2> "$tmp/par4.err"
check "-j 4 outputs equal -j 1 outputs" diff -r "$tmp/par1" "$tmp/par4"
check "-j 4 report equals -j 1 report" cmp -s <(sed "s/par1/parN/" "$tmp/par1.err") <(sed "s/par4/parN/" "$tmp/par4.err")
check "report lists failures in input order" [ "$(grep -c "0-bad.txt\|zz-prose.txt" "$tmp/par4.err")" = 2 ] && grep -A1 "0-bad.txt" "$tmp/par4.err" | tail -1 | grep -q zz-prose
check "bad -j is a usage error" [ "$(status_of "$ost" convert -j -3 "$good")" = 2 ]

# --combine: one dataset; failures listed and left out.
"$ost" convert --combine -o "$tmp/dataset.json" "$good" "$tmp/binary.txt" "$src/samples/004-ST0509-spun-blog-copy.txt" 2> "$tmp/err4"
check "combine with a failure exits 1" [ $? = 1 ]
check "combine lists the failure" grep -q "binary.txt: .*left out" "$tmp/err4"
check "combine dataset validates" validate "$tmp/dataset.json"
check "combine holds the good documents" [ "$(grep -c '"document_type"' "$tmp/dataset.json")" = 2 ]

# Consistency: a gap in the statements' numbering and a duty without text
# are warned about.
printf 'Reference: ST0001\n\nDuties\n\nDuty 1 Plan the work. K1 S1\nDuty 2 K3 S1\n\nKnowledge\n\nK1: Methods.\nK3: Tools.\n\nSkills\n\nS1: Plan.\n\nBehaviours\n\nB1: Careful.\n' > "$tmp/gap.txt"
"$ost" convert -q -o "$tmp/gap.json" "$tmp/gap.txt"
check "numbering gap warned" grep -q '"K2 is missing before K3"' "$tmp/gap.json"
check "duty without text warned" grep -q '"Duty D2 has no text"' "$tmp/gap.json"

# Plugins: built in, or loaded from --plugin-dir with their paths shown.
check "plugins lists built-ins" grep -q "from built-in" <("$ost" plugins)
check "plugins from --plugin-dir" grep -q "from .*test-modules/ost-abi20.so" <("$ost" plugins --plugin-dir "$(dirname "$ost")/test-modules" 2>/dev/null)
check "plugins from OST_PLUGIN_PATH" grep -q "from .*test-modules/ost-abi20.so" <(OST_PLUGIN_PATH="$(dirname "$ost")/test-modules" "$ost" plugins 2>/dev/null)

finish cli
