#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The man pages keep up with the tool: every command has a page, every
# option a command's --help lists is in its page, and groff (when
# installed) reads each page without a warning.
set -u
ost=$1 src=$2
man=$src/docs/man
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}

commands=$("$ost" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')
check "commands listed" [ -n "$commands" ]
for cmd in $commands; do
  page=$man/ost-$cmd.1
  check "ost-$cmd(1) exists" test -f "$page"
  check "ost(1) names $cmd" grep -q "ost\\\\-$cmd" "$man/ost.1"
  for opt in $("$ost" "$cmd" --help | grep -o -- '--[a-z][a-z-]*' | grep -vx -- '--help' | sort -u); do
    check "ost-$cmd(1) has $opt" grep -qF -- "${opt//-/\\-}" "$page"
  done
done
if command -v groff >/dev/null; then
  for page in "$man"/*.1; do
    check "$(basename "$page") without groff warnings" [ -z "$(groff -man -ww -z "$page" 2>&1)" ]
  done
fi

echo "man_pages: $pass passed, $fail failed"
[ $fail = 0 ]
