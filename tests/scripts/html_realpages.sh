#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The real Skills England / IfATE page captures convert completely: every
# key fact, the summary, the job titles, every duty with its KSB codes and
# every K/S/B, the standard's reference and version from the page's own
# link, the approved qualifications and the occupation entry, checked against the page's own markup (read independently
# here with Python's regular expressions, not with the HTML reader), and
# the HTML reader refuses input that is not HTML with a clear message.
set -u
ost=$1 src=$2 shared=$3
. "$src/tests/support/skip.sh"
[ -d "$shared/realdocs/ifate" ] ||
  ost_skip "the real page captures are missing: no $shared/realdocs/ifate (pass -DOST_SHARED_DIR=...)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
ko() { echo "FAIL $*"; fail=$((fail + 1)); }

command -v python3 >/dev/null || { echo "html_realpages: python3 missing"; exit 1; }

cat > "$tmp/check.py" <<'PY'
import html, json, re, sys

src = open(sys.argv[1], encoding="utf-8").read()
doc = json.load(open(sys.argv[2], encoding="utf-8"))
problems = []

def clean(t):
    t = html.unescape(re.sub(r"<[^>]+>", " ", t)).replace("\xa0", " ")
    return re.sub(r"\s+", " ", t).strip()

std = doc["standards"][0]
# Key facts.
box = re.search(r"<h2>Key information</h2>(.*?)</ol>", src, re.S).group(1)
facts = {clean(k).rstrip(":"): clean(v)
         for k, v in re.findall(r"<strong>(.*?)</strong>(.*?)</li>", box, re.S)}
expect = {"occupation_code": facts.pop("Reference"), "level": int(facts.pop("Level")),
          "route": facts.pop("Route")}
for field, value in expect.items():
    if std[field] != value:
        problems.append(f"{field}: {std[field]!r} != {value!r}")
if std["extra"] != facts:
    problems.append(f"extra: {std['extra']!r} != {facts!r}")
title = clean(re.search(r'<h1 class="pageHeaderTitle"[^>]*>(.*?)</h1>', src, re.S).group(1))
if std["title"] != title:
    problems.append(f"title: {std['title']!r} != {title!r}")
# Summary: its paragraphs, blank ones left out.
part = re.search(r"<h3>Occupation summary</h3>(.*?)<h3>", src, re.S).group(1)
paras = [p for p in (clean(x) for x in re.findall(r"<p>(.*?)</p>", part, re.S)) if p]
if std["occupation_summary"] != "\n\n".join(paras):
    problems.append("occupation_summary differs")
# Job titles.
titles = [clean(t) for t in re.findall(r'<span title="job title">(.*?)</span>', src)]
if std["typical_job_titles"] != titles:
    problems.append(f"typical_job_titles: {std['typical_job_titles']!r} != {titles!r}")
# Duties and their KSB codes.
rows = re.findall(r'(<tr class="duty-row".*?</tr>)', src, re.S)
if len(rows) != len(std["duties"]):
    problems.append(f"{len(std['duties'])} duties, the page has {len(rows)}")
for row, duty in zip(rows, std["duties"]):
    n = re.search(r'data-duty-title="Duty (\d+)"', row).group(1)
    text = re.sub(r"^Duty \d+ ", "", clean(re.search(r"<td>(.*?)</td>", row, re.S).group(1)))
    codes = re.findall(r'data-ksb-id="([KSB]\d+)"', row)
    if (duty["id"], duty["text"], duty["ksbs"]) != ("D" + n, text, codes):
        problems.append(f"duty {n} differs")
# Every knowledge, skill and behaviour statement.
ksbs = {m.group(1): clean(m.group(2)) for m in re.finditer(
    r'<p id="([KSB]\d+)"[^>]*>\s*<strong>\1</strong>:(.*?)<span class="ksbCovered">', src, re.S)}
got = {k["id"]: k["text"] for lst in ("knowledge", "skills", "behaviours") for k in std[lst]}
if got != ksbs:
    problems.append(f"KSBs differ: {len(got)} read, {len(ksbs)} on the page; "
                    f"first difference {sorted(set(got.items()) ^ set(ksbs.items()))[:1]}")
# The standard the page carries: reference and version from its own
# "View apprenticeship standard" link (not the "latest version" banner,
# not the share buttons, whose addresses carry it in their query).
own = re.search(r'<a href="/apprenticeships/st(\d{4})-v(\d+)-(\d+)"[^>]*>\s*View apprenticeship standard',
                src).groups()
expect_ref, expect_ver = "ST" + own[0], own[1] + "." + own[2]
if (std["reference"], std["version"]) != (expect_ref, expect_ver):
    problems.append(f"reference/version: {std['reference']!r} {std['version']!r} != "
                    f"{expect_ref!r} {expect_ver!r}")
if any(w["code"] == "reference_missing" for w in doc["source"]["warnings"]):
    problems.append("reference_missing warning")
# Approved qualifications: their names, one paragraph each.
quals = [clean(q) for q in re.findall(
    r'<div class="qualificationContainer"[^>]*>\s*<h2>(.*?)</h2>', src, re.S)]
if not quals or std["qualifications"] != "\n\n".join(quals):
    problems.append(f"qualifications: {std['qualifications']!r} != {quals!r}")
# The occupation the page is about, beside its standard.
if doc["source"]["document_type"] != "occupation":
    problems.append(f"document_type {doc['source']['document_type']!r}")
if len(doc["occupations"]) != 1:
    problems.append(f"{len(doc['occupations'])} occupations, expected 1")
else:
    occ = doc["occupations"][0]
    want = {"code": expect["occupation_code"], "title": title, "level": expect["level"],
            "related_routes": [expect["route"]], "standard_reference": expect_ref,
            "summary": "\n\n".join(paras), "extra": facts}
    for field, value in want.items():
        if occ[field] != value:
            problems.append(f"occupation {field}: {occ[field]!r} != {value!r}")
if doc["source"]["trust"] != "official":
    problems.append("trust is not official")
print("; ".join(problems))
sys.exit(1 if problems else 0)
PY

for page in "$shared"/realdocs/ifate/occ0499-*.html; do
  name=$(basename "$page")
  if ! "$ost" convert -q -t json -o "$tmp/$name.json" "$page"; then
    ko "$name: conversion failed"; continue
  fi
  if out=$(python3 "$tmp/check.py" "$page" "$tmp/$name.json"); then ok; else ko "$name: $out"; fi
done

# Input that is not HTML is refused, naming the problem.
printf 'Occupational Map: Protective Services\nReference: OCC0509\n' > "$tmp/plain.txt"
if msg=$("$ost" convert -q -f html -o "$tmp/plain.json" "$tmp/plain.txt" 2>&1); then
  ko "plain text read as HTML"
elif grep -q "not an HTML document" <<<"$msg"; then ok; else ko "unclear error: $msg"; fi

echo "html_realpages: $pass passed, $fail failed"
[ "$fail" = 0 ]
