#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Golden tests: every sample converts to exactly its reviewed expected output.
# For samples/NAME the expected files are samples/expected/NAME.<format> for
# each output format that has one (json, xml). Run from the source tree so
# source paths in the outputs read "samples/NAME".
# JSON outputs are also validated against schemas/ost.schema.json.
# Set OST_UPDATE_GOLDEN=1 to rewrite the expected files after a reviewed change.
set -u
ost=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for sample in samples/*; do
  [ -f "$sample" ] || continue
  name=$(basename "$sample")
  case "$name" in README*|*.md) continue ;; esac
  found=0
  for expected in samples/expected/"$name".*; do
    [ -f "$expected" ] || continue
    found=1
    fmt=${expected##*.}
    out="$tmp/$name.$fmt"
    if ! "$ost" convert -q -t "$fmt" -o "$out" "$sample"; then
      echo "FAIL $sample -> $fmt: conversion failed"; fail=$((fail+1)); continue
    fi
    if [ "${OST_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$out" "$expected"; fi
    if [ "$fmt" = json ] && ! /usr/bin/python3 tests/support/validate_json.py schemas/ost.schema.json "$out"; then
      echo "FAIL $sample -> json does not validate against schemas/ost.schema.json"; fail=$((fail+1)); continue
    fi
    if cmp -s "$out" "$expected"; then
      pass=$((pass+1))
    else
      echo "FAIL $sample -> $fmt differs from $expected:"
      diff -u "$expected" "$out" | head -40
      fail=$((fail+1))
    fi
  done
  if [ $found = 0 ]; then echo "FAIL $sample has no expected output in samples/expected/"; fail=$((fail+1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
