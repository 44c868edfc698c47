#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kill -9 at several moments of a dataset refresh and of --combine: what is
# left is the previous complete state or the new one, never a mix, and the
# next run completes and cleans up.
set -u
ost=$1 src=$2
source "$src/tests/support/checks.sh"
checkds() { python3 "$src/tests/support/check_dataset.py" "$@" >/dev/null; }
cd "$tmp" || exit 1

# State a, and state b: every input revised, one gone, one new.
mkdir a
for i in $(seq -w 1 6); do
  for f in "$src"/samples/00[0-4]*.txt; do cp "$f" "a/$i-$(basename "$f")"; done
done
cp -r a b
for f in b/*.txt; do echo "Revised $f." >> "$f"; done
rm "b/$(ls b | head -1)"
cp "$src/samples/001-occupation-OCC0509-page.txt" b/new.txt

"$ost" convert -q -j 1 --dataset ds-a a
start=$(date +%s%N)
cp -a ds-a ref
"$ost" convert -q -j 1 --dataset ref b
took=$(( ($(date +%s%N) - start) / 1000000 ))
check "the reference run completes" checkds ref b

# Kill at moments spread over one refresh (and past its end).
for frac in 1 5 15 30 50 70 85 95 100 110; do
  rm -rf ds
  cp -a ds-a ds
  "$ost" convert -q -j 1 --dataset ds b & pid=$!
  sleep "$(awk -v t="$took" -v f="$frac" 'BEGIN { printf "%.3f", t * f / 100000 }')"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  check "killed at $frac%: the old or the new dataset" checkds ds a b
done
"$ost" convert -q --dataset ds b
check "the next run completes" checkds ds b
check "and leaves one generation" [ "$(ls -A ds | sort | tr '\n' ' ')" = ".lock current $(readlink ds/current) " ]

# What a kill between the steps of the switch leaves: a half-made
# generation, a complete one not yet current, a link not yet renamed.
sleep 0 & dead=$!; wait $dead
mkdir ds/.gen-AbC123 ds/gen-999999
ln -s gen-999999 "ds/.current.ost-$dead-AbC123"
"$ost" convert -q --dataset ds b
check "leftovers of a kill are removed" [ "$(ls -A ds | sort | tr '\n' ' ')" = ".lock current $(readlink ds/current) " ]
check "and the dataset is whole" checkds ds b

# --combine: the file is the old one or the new one, whole.
"$ost" convert -q --combine -o old.json a
start=$(date +%s%N)
"$ost" convert -q -j 1 --combine -o new.json b
took=$(( ($(date +%s%N) - start) / 1000000 ))
for frac in 5 30 60 90 97 100 105; do
  cp old.json all.json
  "$ost" convert -q -j 1 --combine -o all.json b & pid=$!
  sleep "$(awk -v t="$took" -v f="$frac" 'BEGIN { printf "%.3f", t * f / 100000 }')"
  kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  check "--combine killed at $frac%: old or new, whole" eval 'cmp -s all.json old.json || cmp -s all.json new.json'
done
"$ost" convert -q --combine -o all.json b
check "the next --combine completes" cmp -s all.json new.json
check "and removes the temporaries of killed runs" [ -z "$(ls -A | grep '\.ost-')" ]

finish dataset_kill
