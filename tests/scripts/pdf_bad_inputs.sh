#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bad PDFs through the CLI: each fails with a message naming the file and the
# problem, and leaves no output file behind. Also checks that the committed
# damaged sample still extracts with U+FFFD ligatures, as damaged PDFs do.
set -u
ost=$1 src=$2
data=$src/tests/data/pdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL $*"; fail=$((fail+1)); }

head -c 20000 "$src/samples/ST1187-proposal.pdf" > "$tmp/truncated.pdf"
printf 'ST1030\n\nLevel of occupation\n\nLevel 3\n' > "$tmp/not-really.pdf"

check() {  # FILE WORDS
  local file=$1 words=$2 out=$tmp/out.json
  rm -f "$out"
  if "$ost" convert -q -o "$out" "$file" 2>"$tmp/err"; then
    bad "$file: converted, expected a failure"; return
  fi
  if ! grep -q -- "$file" "$tmp/err"; then bad "$file: message does not name the file: $(cat "$tmp/err")"; return; fi
  if ! grep -qi -- "$words" "$tmp/err"; then bad "$file: message does not say \"$words\": $(cat "$tmp/err")"; return; fi
  if [ -e "$out" ]; then bad "$file: left an output file"; return; fi
  ok
}

check "$data/encrypted.pdf" "encrypted"
check "$data/zero-pages.pdf" "no pages"
check "$data/image-only.pdf" "only images"
check "$tmp/truncated.pdf" "truncated"
check "$tmp/not-really.pdf" "not a PDF"

# A scanned page among text pages: a warning that names the page.
if "$ost" blocks "$data/mixed.pdf" >/dev/null 2>&1; then ok; else bad "mixed.pdf: reading failed"; fi

if command -v pdftotext >/dev/null; then
  text=$(pdftotext "$src/samples/ST1187-proposal-damaged.pdf" -)
  if [[ $text == *$'o\xef\xbf\xbdcer'* && $text != *officer* ]]; then ok
  else bad "damaged sample: pdftotext shows no U+FFFD ligatures"; fi
fi

echo "pdf_bad_inputs: $pass passed, $fail failed"
[ $fail = 0 ]
