#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Golden tests: every sample converts to exactly its reviewed expected output.
# For samples/NAME the expected files are samples/expected/NAME.<format> for
# each output format that has one (json, xml); conversions run from the
# source tree, so source paths in the outputs read "samples/NAME".
# The real page captures in shared/realdocs/ (public data kept outside this
# repository) are checked the same way against tests/golden/realdocs/, run
# from shared/ so their paths read "realdocs/ifate/NAME".
# JSON outputs are also validated against schemas/ost.schema.json.
# Set OST_UPDATE_GOLDEN=1 to rewrite the expected files after a reviewed change.
# Samples listed in tests/golden/improve.txt are reported, not judged.
set -u
ost=$1 src=$2 shared=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 improve=0
. "$src/tests/support/improve.sh"

# check_input DIR INPUT EXPECTED_PREFIX: convert DIR/INPUT (run from DIR) to
# every format with an expected file EXPECTED_PREFIX.<format>.
check_input() {
  local dir=$1 input=$2 prefix=$3 found=0 expected fmt out
  for expected in "$prefix".*; do
    [ -f "$expected" ] || continue
    found=1
    fmt=${expected##*.}
    out="$tmp/$(basename "$input").$fmt"
    if ! (cd "$dir" && "$ost" convert -q -t "$fmt" -o "$out" "$input"); then
      echo "FAIL $input -> $fmt: conversion failed"; fail=$((fail+1)); continue
    fi
    if [ "$fmt" = json ] && ! /usr/bin/python3 "$src/tests/support/validate_json.py" "$src/schemas/ost.schema.json" "$out"; then
      echo "FAIL $input -> json does not validate against schemas/ost.schema.json"; fail=$((fail+1)); continue
    fi
    if [ "${OST_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$out" "$expected"; fi
    if cmp -s "$out" "$expected"; then
      pass=$((pass+1))
    else
      echo "FAIL $input -> $fmt differs from $expected:"
      diff -u "$expected" "$out" | head -40
      fail=$((fail+1))
    fi
  done
  if [ $found = 0 ]; then echo "FAIL $input has no expected output ($prefix.*)"; fail=$((fail+1)); fi
}

for sample in "$src"/samples/*; do
  [ -f "$sample" ] || continue
  name=$(basename "$sample")
  case "$name" in README*|*.md) continue ;; esac
  if expected_to_improve "$src" "$name"; then
    before=$fail
    # A hand-written expected output is never overwritten by OST_UPDATE_GOLDEN.
    OST_UPDATE_GOLDEN=0 check_input "$src" "samples/$name" "$src/samples/expected/$name" > "$tmp/improve.log"
    if [ $fail = $before ]; then
      echo "NOTE $name now gives its expected output: remove it from tests/golden/improve.txt"
    else
      echo "TO IMPROVE $name: $(head -1 "$tmp/improve.log")"
      fail=$before improve=$((improve+1))
    fi
    continue
  fi
  check_input "$src" "samples/$name" "$src/samples/expected/$name"
done

if [ -d "$shared/realdocs/ifate" ]; then
  for expected in "$src"/tests/golden/realdocs/*.json; do
    name=$(basename "$expected" .json)
    check_input "$shared" "realdocs/ifate/$name" "$src/tests/golden/realdocs/$name"
  done
else
  echo "FAIL the real page captures are missing: no $shared/realdocs/ifate (pass -DOST_SHARED_DIR=...)"
  fail=$((fail+1))
fi

echo "golden: $pass passed, $fail failed, $improve expected to improve (tests/golden/improve.txt)"
[ $fail = 0 ]
