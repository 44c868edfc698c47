#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Format invariance: score every printed and extracted form of a page
against the page's reviewed model, field by field.

Usage: score.py --ost OST --forms DIR --losses FILE [--min PERCENT]
                [--failures FILE] [--set NAME=PAGE.html:TRUTH.json ...]

Each case is a page (PAGE.html), its reviewed model (TRUTH.json: the page's
golden output or its hand-written expected model) and the forms that
scripts/make-forms made of it in DIR. The page itself and every form are
converted with `ost convert` and compared with the truth:

- scalar fields of standards, occupations, maps (null included: a value
  where the page states none is wrong), source.document_type and trust;
- list items by their own key (duty, option and KSB ids, unit codes, map
  names and titles), each item field by field; items missing from or added
  to a form count as wrong;
- lists of strings (job titles, a duty's KSB codes, SOC codes, ...) element
  by element, extra elements wrong; an empty list is one field.

Text is compared after Unicode NFC and with runs of white space inside a
paragraph made one space. A field that differs and matches a line of the
losses file is a documented loss: reported, not counted.

Prints fields right per form, per page and overall (each set separately),
both of all fields counted and of the page's own fields;
exits 1 when the first set's overall figure is below --min.
"""
import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

FORMS = ["html"] + [f"{kind}.{ext}"
                    for kind in ("chromium", "chromium-hf", "chromium-unstyled",
                                 "chromium-unstyled-hf", "writer-web")
                    for ext in ("pdf", "txt", "layout.txt")]

# List fields of objects, and the field that identifies an item.
ITEM_KEYS = {
    "standards": "reference", "occupations": "code", "duties": "id", "options": "id",
    "knowledge": "id", "skills": "id", "behaviours": "id", "pathways": "name",
    "clusters": "name", "roles": "name", "key_areas": "code", "areas": "code",
    "functions": "title", "units": "code",
}
# The document's top-level record lists.
RECORD_LISTS = {"standards", "occupations", "occupational_maps", "functional_maps"}
# Within a map cluster "occupations" are titled entries, not OCC pages.
MAP_OCCUPATION_KEY = "title"
GENERIC_KEY = re.compile(r"\[[^]]*\]")
SKIP = {"extra", "path", "format", "sha256", "pages", "repairs", "warnings", "ost_version",
        "id_source"}


def norm_text(s):
    s = unicodedata.normalize("NFC", s)
    paras = re.split(r"\s*\n\s*\n\s*", s.strip())
    return "\n\n".join(re.sub(r"\s+", " ", p) for p in paras)


def norm(v):
    return norm_text(v) if isinstance(v, str) else v


def flatten(value, path, out, parent_key=None):
    """Flatten a model into {path: value}: the fields the score counts."""
    if isinstance(value, dict):
        for k, v in value.items():
            if k in SKIP:
                continue
            flatten(v, f"{path}.{k}" if path else k, out, k)
    elif isinstance(value, list):
        if not value:
            out[path] = []
        elif all(isinstance(x, dict) for x in value):
            key = ITEM_KEYS.get(parent_key)
            if parent_key == "occupations" and "clusters" in path:
                key = MAP_OCCUPATION_KEY
            # A document's one record is paired with the other's one record
            # whatever its identifier: a form that loses a standard's
            # reference has one field wrong, not every field of it.
            if path in RECORD_LISTS and len(value) == 1:
                key = None
            seen = defaultdict(int)
            for i, item in enumerate(value):
                name = norm(item.get(key)) if key else None
                name = str(name) if name not in (None, "") else f"#{i}"
                seen[name] += 1
                if seen[name] > 1:
                    name += f"~{seen[name]}"
                flatten(item, f"{path}[{name}]", out, None)
        else:
            for x in value:
                out[f"{path}[={norm(x)}]"] = True
    else:
        out[path] = norm(value)


def model_fields(doc):
    fields = {}
    src = doc.get("source", {})
    fields["document_type"] = src.get("document_type")
    fields["trust"] = src.get("trust")
    for k in ("standards", "occupations", "occupational_maps", "functional_maps", "nos_units"):
        if k in doc:
            flatten(doc[k], k, fields, k)
    return fields


class Losses:
    """Documented losses: FORM-GLOB PAGE-GLOB FIELD-GLOB, then the reason."""

    def __init__(self, path):
        self.rules = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    form, page, field = line.split(None, 2)
                    self.rules.append((form, page, field))

    def covers(self, form, page, field):
        return any(fnmatch.fnmatchcase(form, f) and fnmatch.fnmatchcase(page, p) and
                   fnmatch.fnmatchcase(field, g) for f, p, g in self.rules)


def convert_all(ost, inputs):
    """Models of every input, by path; one ost process for all of them."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "all.json")
        subprocess.run([ost, "convert", "-q", "--combine", "-t", "json", "-o", out] + inputs,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        if not os.path.exists(out):
            return {}
        with open(out, encoding="utf-8") as f:
            data = json.load(f)
    return {d["source"]["path"]: d for d in data.get("documents", [])}


def compare(truth, got):
    """(right, wrong): lists of field paths."""
    want = model_fields(truth)
    have = model_fields(got) if got is not None else {}
    right, wrong = [], []
    for path in list(want) + [p for p in have if p not in want]:
        (right if path in want and path in have and want[path] == have[path]
         else wrong).append(path)
    return right, wrong


def describe(path, truth_fields, got_fields):
    def show(v):
        if v is None:
            return "null"
        s = json.dumps(v, ensure_ascii=False)
        return s if len(s) <= 70 else s[:67] + "...\""
    if path in truth_fields and path in got_fields:
        got, want = got_fields[path], truth_fields[path]
        if isinstance(got, str) and isinstance(want, str):
            # Long texts: show them from a little before where they part.
            start = max(0, len(os.path.commonprefix([got, want])) - 20)
            got, want = got[start:], want[start:]
            if start:
                got, want = "…" + got, "…" + want
        return f"{path}: {show(got)}, expected {show(want)}"
    if path in truth_fields:
        return f"{path}: missing"
    return f"{path}: not on the page ({show(got_fields[path])})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ost", required=True)
    ap.add_argument("--forms", required=True)
    ap.add_argument("--losses", required=True)
    ap.add_argument("--min", type=float, default=0.0)
    ap.add_argument("--failures", help="write each wrong field, per page and form, here")
    ap.add_argument("--set", action="append", default=[],
                    help="NAME=PAGE.html:TRUTH.json; the first set is the one --min judges")
    args = ap.parse_args()
    losses = Losses(args.losses)

    sets = defaultdict(list)
    order = []
    for spec in args.set:
        name, rest = spec.split("=", 1)
        page, truth = rest.split(":", 1)
        if name not in sets:
            order.append(name)
        sets[name].append((page, truth))

    inputs = []
    for cases in sets.values():
        for page, _ in cases:
            inputs.append(page)
            for form in FORMS[1:]:
                p = os.path.join(args.forms, f"{os.path.basename(page)}.{form}")
                if os.path.exists(p):
                    inputs.append(p)
    models = convert_all(args.ost, inputs)

    report = []
    by_field = defaultdict(lambda: defaultdict(int))  # generic field -> form -> wrong
    status = 0
    for set_name in order:
        per_form = defaultdict(lambda: [0, 0, 0, 0])  # right, counted, lost, page's own
        total = [0, 0, 0, 0]
        page_means = []
        print(f"\n== {set_name}: fields right per page and form ==")
        print(f"{'page':58} {'overall':>8}  worst form")
        for page, truth_path in sets[set_name]:
            with open(truth_path, encoding="utf-8") as f:
                truth = json.load(f)
            name = os.path.basename(page)
            tf = model_fields(truth)
            page_total = [0, 0]
            worst = (101.0, "")
            for form in FORMS:
                path = page if form == "html" else os.path.join(args.forms, f"{name}.{form}")
                if form != "html" and not os.path.exists(path):
                    continue
                got = models.get(path)
                right, wrong = compare(truth, got)
                lost = [w for w in wrong if losses.covers(form, name, w)]
                wrong = [w for w in wrong if w not in lost]
                counted = len(right) + len(wrong)
                for acc in (per_form[form], total):
                    acc[0] += len(right)
                    acc[1] += counted
                    acc[2] += len(lost)
                    acc[3] += len(tf) - len([x for x in lost if x in tf])
                page_total[0] += len(right)
                page_total[1] += counted
                pct = 100.0 * len(right) / counted if counted else 100.0
                if pct < worst[0]:
                    worst = (pct, form)
                for w in wrong:
                    by_field[set_name + " " + GENERIC_KEY.sub("[]", w)][form] += 1
                if wrong or got is None:
                    gf = model_fields(got) if got is not None else {}
                    head = f"{set_name} {name} [{form}] {pct:.1f}%"
                    if got is None:
                        head += " (conversion failed)"
                    report.append((head, [describe(w, tf, gf) for w in wrong]))
            pct = 100.0 * page_total[0] / page_total[1] if page_total[1] else 100.0
            page_means.append(pct)
            print(f"{name:58} {pct:7.1f}%  {worst[1]} {worst[0]:.1f}%")
        # percent: right of all fields counted (the page's and any the form
        # invents); of page: right of the page's own fields.
        print(f"\n{'form':32} {'right':>7} {'fields':>7} {'percent':>8} {'of page':>8} {'lost':>6}")
        for form in FORMS:
            r, c, lost, own = per_form[form]
            if c:
                print(f"{form:32} {r:7d} {c:7d} {100.0 * r / c:7.1f}% {100.0 * r / own:7.1f}% {lost:6d}")
        overall = 100.0 * total[0] / total[1] if total[1] else 100.0
        print(f"{'OVERALL ' + set_name:32} {total[0]:7d} {total[1]:7d} {overall:7.1f}% "
              f"{100.0 * total[0] / total[3]:7.1f}% {total[2]:6d}")
        print(f"mean of the per-page figures: {sum(page_means) / len(page_means):.1f}%")
        if set_name == order[0] and overall < args.min:
            print(f"FAIL {set_name}: {overall:.1f}% of fields right, below the bar of {args.min}%")
            status = 1
        elif set_name == order[0]:
            print(f"{set_name}: {overall:.1f}% of fields right (bar {args.min}%, target 98%)")

    if args.failures:
        with open(args.failures, "w", encoding="utf-8") as f:
            f.write("Wrong fields by field, over all pages (html / printed PDF / text forms):\n")
            for field, forms in sorted(by_field.items(), key=lambda x: -sum(x[1].values())):
                pdf = sum(n for k, n in forms.items() if k.endswith(".pdf"))
                txt = sum(n for k, n in forms.items() if k.endswith(".txt"))
                f.write(f"  {sum(forms.values()):6d}  html {forms.get('html', 0):4d}  pdf {pdf:5d}"
                        f"  text {txt:5d}  {field}\n")
            f.write("\n")
            for head, lines in report:
                f.write(head + "\n")
                for line in lines:
                    f.write("  " + line + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main())
