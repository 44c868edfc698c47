# SPDX-License-Identifier: MIT
# Sourced by script tests: a scratch folder removed on exit, and counted checks.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL: $name"; fail=$((fail+1)); fi
}
status_of() { "$@" >/dev/null 2>&1; echo $?; }
# finish NAME: print the tally; the exit status says whether all passed.
finish() { echo "$1: $pass passed, $fail failed"; [ $fail = 0 ]; }
