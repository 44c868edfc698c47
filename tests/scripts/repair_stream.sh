#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `ost repair` streams: one output line per input line, repairs made, and
# peak memory that does not grow with the size of the input.
set -u
ost=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # NAME CONDITION...
  local name=$1; shift
  if "$@"; then pass=$((pass+1)); else echo "FAIL $name"; fail=$((fail+1)); fi
}

# LINES lines of standards-like text, damaged, each with a word never seen
# before (so per-document evidence would grow without a bound).
generate() {
  awk -v n="$1" 'BEGIN {
    split("abcdefghijklmnopqrstuvwxyz", a, "");
    for (i = 0; i < n; i++) {
      w = ""; k = i;
      do { w = w a[k % 26 + 1]; k = int(k / 26) } while (k > 0);
      printf "The o\357\277\275cer\342\200\231s sta\357\277\275 re\357\277\275ect on \357\277\275rst aid: it\303\242\342\202\254\342\204\242s fi%s and recog\302\255nise.\n", w
    }
  }'
}

generate 1000 > "$tmp/small.txt"
"$ost" repair -v < "$tmp/small.txt" > "$tmp/small.out" 2> "$tmp/small.err"
check "exit status" test $? -eq 0
check "one output line per input line" test "$(wc -l < "$tmp/small.out")" -eq 1000
check "ligatures, mojibake and soft hyphens repaired" \
  grep -qx "The officer’s staff reflect on first aid: it’s fia and recognise." "$tmp/small.out"
check "no U+FFFD left" bash -c "! grep -q $'\xef\xbf\xbd' '$tmp/small.out'"
check "summary on stderr" grep -q "ligature 4000" "$tmp/small.err"
printf 'no newline at the end' | "$ost" repair > "$tmp/nonl.out"
check "a last line without newline stays so" test "$(cat "$tmp/nonl.out")" = "no newline at the end"
check "no arguments taken" bash -c "! '$ost' repair extra < /dev/null 2>/dev/null"

# A sanitizer's shadow memory and quarantine make peak memory meaningless.
if ldd "$ost" | grep -q libasan || nm -D "$ost" 2>/dev/null | grep -q " __asan_init"; then
  echo "memory not measured: $ost is built with AddressSanitizer"
elif [ -x /usr/bin/time ]; then
  peak() { /usr/bin/time -v "$ost" repair < "$1" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {print $2+0}'; }
  generate 600000 > "$tmp/large.txt"
  small_kb=$(peak "$tmp/small.txt")
  large_kb=$(peak "$tmp/large.txt")
  echo "peak RSS: $small_kb kB for $(du -k "$tmp/small.txt" | cut -f1) kB in, $large_kb kB for $(du -k "$tmp/large.txt" | cut -f1) kB in"
  check "memory flat as input grows" test "$large_kb" -lt $((small_kb + 24 * 1024))
  # One line as large as the whole large input: read in pieces cut at
  # white space, so it too is repaired in bounded memory, and the pieces
  # join into the same line as its words repaired one line each.
  tr '\n' ' ' < "$tmp/large.txt" > "$tmp/oneline.txt"
  oneline_kb=$(peak "$tmp/oneline.txt")
  echo "peak RSS: $oneline_kb kB for one line of $(du -k "$tmp/oneline.txt" | cut -f1) kB"
  check "memory bounded on one huge line" test "$oneline_kb" -lt $((small_kb + 24 * 1024))
  "$ost" repair < "$tmp/oneline.txt" > "$tmp/oneline.out"
  "$ost" repair < "$tmp/large.txt" | tr '\n' ' ' > "$tmp/large.joined"
  check "one huge line repaired as its lines are" cmp -s "$tmp/oneline.out" "$tmp/large.joined"
  # No white space to cut at: pieces end between characters, never inside one.
  awk 'BEGIN { s = "é"; while (length(s) < 24000000) s = s s; printf "%s", s }' > "$tmp/nospace.txt"
  nospace_kb=$(peak "$tmp/nospace.txt")
  check "memory bounded on a line without spaces" test "$nospace_kb" -lt $((small_kb + 24 * 1024))
  "$ost" repair < "$tmp/nospace.txt" > "$tmp/nospace.out"
  check "a line without spaces comes out whole" cmp -s "$tmp/nospace.txt" "$tmp/nospace.out"
else
  echo "FAIL /usr/bin/time missing (package time)"; fail=$((fail+1))
fi

echo "repair_stream: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
