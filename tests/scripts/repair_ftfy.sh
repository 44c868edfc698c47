#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ftfy's own published test cases through `ost repair`, one document each:
# at least 95% of the cases ftfy itself passes come out as ftfy's encoding
# fix gives them ("fixed-encoding", else "fixed"; curly quotes and HTML
# entities, which ftfy's full fix changes and repair keeps, are compared
# alike), and every "negative" case (text that only looks like mojibake)
# comes out exactly as expected. Skipped when shared/ is absent.
set -u
ost=$1 shared=$3
cases=$shared/peers/ftfy-test-cases
[ -d "$cases" ] || { echo "SKIP: $cases absent"; exit 77; }
command -v python3 >/dev/null || { echo "repair_ftfy: python3 missing"; exit 1; }

python3 - "$ost" "$cases" <<'PY'
import html, json, os, subprocess, sys

ost, folder = sys.argv[1], sys.argv[2]
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

def alike(s):
    return html.unescape(s.translate(QUOTES))

def repair(text):
    run = subprocess.run([ost, "repair"], input=text.encode("utf-8", "surrogatepass"),
                         capture_output=True, check=True)
    return run.stdout.decode("utf-8", "replace")

right = total = negative_wrong = 0
for name in sorted(os.listdir(folder)):
    if not name.endswith(".json"):
        continue
    for case in json.load(open(os.path.join(folder, name), encoding="utf-8")):
        if case.get("expect") != "pass":
            continue
        expected = case.get("fixed-encoding", case["fixed"])
        out = repair(case["original"])
        if name == "negative.json":
            ok = out == expected
            negative_wrong += not ok
        else:
            ok = out == expected or alike(out) in (alike(expected), alike(case["fixed"]))
        total += 1
        right += ok
        if not ok:
            print(f"MISS {name}: {case['original']!r}\n  got      {out!r}\n  expected {expected!r}")

print(f"ftfy cases: {right}/{total} right ({100.0 * right / total:.1f}%), "
      f"{negative_wrong} negative cases changed")
sys.exit(0 if total >= 150 and right >= 0.95 * total and negative_wrong == 0 else 1)
PY
