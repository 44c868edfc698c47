#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# --dataset: a refresh converts only what is new or changed, removes the
# outputs of vanished inputs, reports what changed; shards merge back.
set -u
ost=$1 src=$2
source "$src/tests/support/checks.sh"
checkds() { python3 "$src/tests/support/check_dataset.py" "$@" >/dev/null; }
field() { # field DATASET PYTHON-EXPRESSION over c (changes) and m (manifest)
  python3 - "$1" "$2" <<'PY'
import json, os, sys
g = os.path.join(sys.argv[1], "current")
c = json.load(open(os.path.join(g, "changes.json")))
m = json.load(open(os.path.join(g, "manifest.json")))
e = {x["path"]: x for x in m["inputs"]}
print(eval(sys.argv[2]))
PY
}
cd "$tmp" || exit 1
mkdir in
cp "$src"/samples/00*.txt in/
printf 'PK\003\004 not a document' > in/broken.txt

"$ost" convert -q --dataset ds in 2>/dev/null
check "first run reports the broken input" [ $? = 1 ]
check "first run makes a complete dataset" checkds ds in
check "everything added" [ "$(field ds 'len(c["added"])')" = 6 ]
check "the manifest records the failure" [ "$(field ds 'e["broken.txt"]["status"]')" = failed ]
check "with its error" [ "$(field ds 'bool(e["broken.txt"]["error"])')" = True ]
check "and each input's version, options, size, warnings" \
  [ "$(field ds 'all(x["ost_version"] and x["options"] and x["size"] > 0 and x["warnings"] >= 0 for x in m["inputs"])')" = True ]
ino() { stat -c %i "ds/current/outputs/$1"; }
kept=$(ino 000-occupational-map-protective-services.json)
changed=$(ino 001-occupation-OCC0509-page.json)

# One changed, one vanished, one arrived.
echo "Revised." >> in/001-occupation-OCC0509-page.txt
rm in/003-nos-functional-map-justice.txt
cp "$src/samples/002-standard-proposal-ST1030-pdf.txt" in/arrived.txt
"$ost" convert --dataset ds in 2> err
check "refresh is complete" checkds ds in
check "generation 2" [ "$(field ds 'm["generation"]')" = 2 ]
check "one added" [ "$(field ds 'c["added"]')" = "['arrived.txt']" ]
check "one changed" [ "$(field ds 'c["changed"]')" = "['001-occupation-OCC0509-page.txt']" ]
check "one removed, with its outputs" [ "$(field ds 'c["removed"]')" = "[{'path': '003-nos-functional-map-justice.txt', 'outputs': ['outputs/003-nos-functional-map-justice.json']}]" ]
check "the rest unchanged" [ "$(field ds 'c["unchanged"]')" = 4 ]
check "the removed output is gone" [ ! -e ds/current/outputs/003-nos-functional-map-justice.json ]
check "and listed on stderr" grep -q "removed outputs/003-nos-functional-map-justice.json" err
check "an unchanged output is not written again" [ "$(ino 000-occupational-map-protective-services.json)" = "$kept" ]
check "a changed one is" [ "$(ino 001-occupation-OCC0509-page.json)" != "$changed" ]
check "the unchanged failure is still listed" grep -q "broken.txt: .*unchanged" err
check "only the current generation is kept" [ "$(ls -d ds/gen-* | wc -l)" = 1 ]

# Nothing changed: nothing converted.
"$ost" convert -q --dataset ds in 2>/dev/null
check "a run with no change changes nothing" [ "$(field ds 'len(c["added"]) + len(c["changed"]) + len(c["removed"])')" = 0 ]
check "and keeps the outputs" [ "$(ino 000-occupational-map-protective-services.json)" = "$kept" ]

# Other options: every input converted again.
"$ost" convert -q -t xml --dataset ds in 2>/dev/null
check "new options convert everything" [ "$(field ds 'c["all_converted_again"]')" = True ]
check "into the new format" [ -s ds/current/outputs/000-occupational-map-protective-services.xml ] && \
  [ ! -e ds/current/outputs/000-occupational-map-protective-services.json ]

# A FIFO is refused without waiting for a writer, and recorded as failed.
mkfifo pipe.txt
timeout 20 "$ost" convert -q --dataset dsf pipe.txt 2> err
check "a FIFO input fails at once" [ $? = 1 ] && grep -q "pipe.txt: not a regular file" err
check "and is in the manifest as failed" [ "$(field dsf 'e["pipe.txt"]["status"]')" = failed ]

# One run at a time.
flock ds/.lock "$ost" convert -q --dataset ds in 2> err
check "a dataset being written is refused" [ $? = 1 ] && grep -q "another ost is writing this dataset" err

# Standard input in a dataset, recorded under --name.
"$ost" convert -q --dataset dsin --name piped/occ.txt - < "$src/samples/001-occupation-OCC0509-page.txt"
check "standard input into a dataset" [ "$(field dsin 'list(e)')" = "['occ.txt']" ] && [ "$(field dsin 'e["occ.txt"]["source"]')" = piped/occ.txt ]

# Shards: each input in exactly one, whatever the order of the arguments,
# merged into the same dataset as one run makes.
rm in/broken.txt
"$ost" convert -q --dataset whole in
for i in 0 1 2; do "$ost" convert -q --dataset "shard$i" --shard "$i/3" in; done
files=(in/*)
SLURM_ARRAY_TASK_ID=1 "$ost" convert -q --dataset rev1 --shard env/3 $(printf '%s\n' "${files[@]}" | tac)
check "a shard is the same whatever the input order" [ "$(field rev1 'sorted(e)')" = "$(field shard1 'sorted(e)')" ]
JOB_COMPLETION_INDEX=2 "$ost" convert -q --dataset idx2 --shard env/3 in
check "JOB_COMPLETION_INDEX names the shard" [ "$(field idx2 'sorted(e)')" = "$(field shard2 'sorted(e)')" ]
check "--shard env/N without the variables is a usage error" [ "$(status_of env -u SLURM_ARRAY_TASK_ID -u JOB_COMPLETION_INDEX "$ost" convert --dataset x --shard env/3 in)" = 2 ]
check "--shard out of range is a usage error" [ "$(status_of "$ost" convert --dataset x --shard 3/3 in)" = 2 ]
check "merge" "$ost" dataset merge -q merged shard0 shard1 shard2
check "the merged dataset is complete" checkds merged in
check "and holds what one run makes" diff -r whole/current/outputs merged/current/outputs
check "with the same inputs" [ "$(field merged 'sorted(e)')" = "$(field whole 'sorted(e)')" ]
"$ost" dataset merge missing shard0 shard2 2> err
check "a missing shard is refused" [ $? = 1 ] && grep -q "shard 1 of 3 is missing" err && [ ! -e missing/current ]
"$ost" dataset merge twice shard0 shard1 shard1 shard2 2> err
check "a shard given twice is refused" [ $? = 1 ] && grep -q "are both shard 1" err
cp -r shard1 other1
"$ost" convert -q --dataset other1 --shard 1/3 in/00* 2>/dev/null
"$ost" dataset merge mixed shard0 other1 shard2 2> err
check "shards of other inputs are refused" [ $? = 1 ] && grep -q "differ in their inputs" err

finish dataset_refresh
