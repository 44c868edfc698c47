#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No memory definitely lost while converting: valgrind over inputs that take
# the recognisers' less common paths (a level given as a bare figure under
# its label, statements in a tab-separated copy).
set -u
ost=$1 src=$2
command -v valgrind >/dev/null || { echo "SKIPPED: valgrind not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Reference number: ST0001\n\nLevel\n\n3\n\nKnowledge\n\nK1: Principles of the occupation.\n\nSkills\n\nS1: Apply the principles.\n\nBehaviours\n\nB1: Be professional.\n' \
  > "$tmp/bare-level.txt"
fail=0
for f in "$tmp/bare-level.txt" "$src/samples/text-standard-ST0996-utf16le-tabs.txt"; do
  # Only lost memory counts: PCRE2's compiled patterns read whole words
  # past a string's end, which valgrind reports but cannot harm.
  valgrind -q --undef-value-errors=no --leak-check=full --show-leak-kinds=definite \
    "$ost" convert -q "$f" >/dev/null 2>"$tmp/log"
  if grep -q "definitely lost" "$tmp/log"; then
    echo "FAIL: memory lost converting $(basename "$f")"; grep -A12 "definitely lost" "$tmp/log"; fail=1
  fi
done
exit $fail
