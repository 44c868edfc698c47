#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No GLib regex runs over a whole document: GLib checks the UTF-8 of a
# regex's whole subject at every call, so a regex over the whole text per
# line or per match makes reading quadratic in the document's size. Large
# documents made of many ordinary pages are converted with every regex call's
# subject measured (tests/fixtures/regex_probe.c); the longest must stay the
# size of a paragraph, not of the document.
set -u
ost=$1 src=$2
probe=$PWD/test-preload/ost-regex-probe.so
[ -f "$probe" ] || { echo "FAIL $probe not built"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
limit=$((64 * 1024))

# Copies of INPUT... until SIZE bytes.
repeat() {
  local size=$1; shift
  while [ "$(stat -c %s "$tmp/doc" 2>/dev/null || echo 0)" -lt "$size" ]; do cat "$@" >> "$tmp/doc"; done
}

check() { # NAME EXTENSION
  mv "$tmp/doc" "$tmp/$1.$2"
  # The sanitizer runtime must come first; the probe only forwards calls.
  OST_REGEX_PROBE="$tmp/$1.longest" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
    LD_PRELOAD="$probe" "$ost" convert -q -o "$tmp/$1.json" "$tmp/$1.$2"
  local longest
  longest=$(cat "$tmp/$1.longest" 2>/dev/null || echo missing)
  echo "$1: $(stat -c %s "$tmp/$1.$2") bytes, longest regex subject $longest bytes"
  if [ "$longest" = missing ] || [ "$longest" -eq 0 ] || [ "$longest" -gt "$limit" ]; then
    echo "FAIL $1: a regex subject over $limit bytes"; fail=1
  fi
}

repeat $((1024 * 1024)) "$src"/samples/text-standard-ST099[789]*.txt
check text txt
repeat $((1024 * 1024)) "$src"/samples/text-occupational-map-*.txt
check text-map txt
repeat $((2 * 1024 * 1024)) "$src"/samples/html-standard-ST0155-ifate-drupal-fields.html
check html html
exit $fail
