#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The progress line on a terminal: done/total, percentage, rate and time
# left, cut to the terminal's width, cleared before any message.
set -u
ost=$1 src=$2
source "$src/tests/support/checks.sh"
command -v script >/dev/null || { echo "SKIPPED: no script(1)"; exit 77; }
cd "$tmp" || exit 1
mkdir in
for i in 1 2 3 4; do cp "$src"/samples/00[0-4]*.txt in/; for f in in/0*.txt; do mv "$f" "in/$i-long-name-to-overflow-a-narrow-terminal-$(basename "$f")"; done; done
printf 'PK\003\004 not a document' > in/2-bad.txt
script -qec "stty cols 40; '$ost' convert -j 1 -o out in" typescript >/dev/null
python3 - typescript <<'PY' > report
import re, sys
text = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
text = text.replace("\r\n", "\n")
# Each piece between carriage returns and newlines is what one line showed.
pieces = [re.sub(r"\x1b\[K", "", p) for p in re.split(r"[\r\n]", text)]
progress = [p for p in pieces if p.startswith("[")]
print("widest", max(len(p) for p in progress))
print("full", any(re.match(r"\[\d+/21\] +\d+% [\d.]+/s \d+:\d\d left", p) for p in progress))
print("last", any(p.startswith("[21/21] 100%") for p in progress))
# A message must start on a cleared line: "\r\x1b[K" just before "ost:".
print("cleared", all(m.start() >= 4 and text[m.start() - 4:m.start()] == "\r\x1b[K"
                     or text[m.start() - 1] == "\n" for m in re.finditer("ost: ", text)))
PY
check "progress lines fit 40 columns" grep -qE "^widest ([0-9]|[1-3][0-9])$" report
check "done/total, percentage, rate, time left" grep -qx "full True" report
check "reaches 100%" grep -qx "last True" report
check "messages start on a cleared line" grep -qx "cleared True" report
check "the failure is reported" grep -q "2-bad.txt: " typescript
"$ost" convert -j 1 -o out2 in 2> err
check "no progress when stderr is no terminal" [ -z "$(grep -c $'\r' err | grep -v '^0$')" ]
finish progress_line
