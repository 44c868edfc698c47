#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Inputs the fuzz harnesses found trouble with (tests/fuzz/regressions,
# named READER-what.ext), converted by the reader they were found with. The
# tool must end with a conversion or a refusal (status 0 or 1); under the
# sanitizer build (scripts/test-sanitized) a leak or memory error ends it
# with the sanitizer's status instead and fails the test.
set -u
ost=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$src"/tests/fuzz/regressions/*; do
  name=$(basename "$f")
  timeout 300 "$ost" convert -q -f "${name%%-*}" -o "$tmp/$name.json" "$f" 2> "$tmp/err"
  rc=$?
  if [ "$rc" -le 1 ]; then
    pass=$((pass+1))
  else
    echo "FAIL $name: status $rc"; head -n 40 "$tmp/err"; fail=$((fail+1))
  fi
done
echo "fuzz_regressions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
