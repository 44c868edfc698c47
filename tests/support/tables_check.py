#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Check table outputs against the ost JSON of the same documents.

Usage:
  tables_check.py counts JSON          print "table rows" for each table
  tables_check.py csv DIR JSON         load DIR/*.csv with the csv module and
                                       with LibreOffice (when installed): the
                                       same cells, the row counts JSON implies

JSON is a combined ost JSON dataset. Exit status 1 on any mismatch.
"""
import csv
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile


def expected_counts(path):
    docs = json.load(open(path, encoding="utf-8"))["documents"]
    n = dict.fromkeys(["sources", "standards", "options", "duties", "duty_ksbs", "ksbs",
                       "occupations", "occupational_map_entries", "functional_map_units",
                       "role_units", "repairs", "warnings"], 0)
    for d in docs:
        n["sources"] += 1
        n["repairs"] += len(d["source"]["repairs"])
        n["warnings"] += len(d["source"]["warnings"])
        for s in d["standards"]:
            n["standards"] += 1
            n["options"] += len(s.get("options", []))
            n["duties"] += len(s["duties"])
            n["duty_ksbs"] += sum(len(x["ksbs"]) for x in s["duties"])
            n["ksbs"] += len(s["knowledge"]) + len(s["skills"]) + len(s["behaviours"])
        n["occupations"] += len(d["occupations"])
        for m in d["occupational_maps"]:
            n["occupational_map_entries"] += sum(len(c["occupations"]) for p in m["pathways"]
                                                 for c in p["clusters"])
        for m in d["functional_maps"]:
            n["functional_map_units"] += len(m["units"])
            n["role_units"] += sum(len(r["units"]) for r in m["roles"])
    return n


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


def libreoffice_cells(files):
    """Each file as LibreOffice reads it (every column as text), written back."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("SKIP LibreOffice read-back: soffice not found")
        return None
    tmp = tempfile.mkdtemp(prefix="ost-csv-lo-")
    try:
        as_text = "/".join(f"{i}/2" for i in range(1, 65))
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        f"--infilter=CSV:44,34,76,1,{as_text}",
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true",
                        "--outdir", f"{tmp}/out"] + files,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        return {os.path.basename(f): read_csv(f"{tmp}/out/{os.path.basename(f)}")
                if os.path.exists(f"{tmp}/out/{os.path.basename(f)}") else None for f in files}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_csv(folder, json_path):
    bad = 0
    counts = expected_counts(json_path)
    files = sorted(glob.glob(os.path.join(folder, "*.csv")))
    if sorted(os.path.basename(f)[:-4] for f in files) != sorted(counts):
        print(f"FAIL tables {[os.path.basename(f) for f in files]}")
        return 1
    ours = {}
    for f in files:
        name = os.path.basename(f)
        raw = open(f, "rb").read()
        if not raw.endswith(b"\r\n") or b"\r\n" not in raw.split(b"\n", 1)[0] + b"\n":
            print(f"FAIL {name}: records must end in CRLF")
            bad += 1
        rows = read_csv(f)
        ours[name] = rows
        header = rows[0]
        if header[:3] != ["source_path", "source_sha256", "source_trust"]:
            print(f"FAIL {name}: header {header[:3]}")
            bad += 1
        if any(len(r) != len(header) for r in rows):
            print(f"FAIL {name}: rows of another width than the header")
            bad += 1
        if len(rows) - 1 != counts[name[:-4]]:
            print(f"FAIL {name}: {len(rows) - 1} rows, the JSON implies {counts[name[:-4]]}")
            bad += 1
        if any(not r[0] or not r[1] or not r[2] for r in rows[1:]):
            print(f"FAIL {name}: a row without its source")
            bad += 1
    lo = libreoffice_cells(files)
    for name, rows in (lo or {}).items():
        if rows is None:
            print(f"FAIL {name}: LibreOffice wrote nothing")
            bad += 1
            continue
        # LibreOffice drops a trailing empty record and may drop all-empty
        # trailing cells; compare cell by cell with the width padded.
        width = len(ours[name][0])
        padded = [r + [""] * (width - len(r)) for r in rows]
        if padded != ours[name]:
            diff = next(i for i, (a, b) in enumerate(zip(padded + [[]] * len(ours[name]),
                                                         ours[name])) if a != b)
            print(f"FAIL {name}: LibreOffice reads row {diff} as {padded[diff] if diff < len(padded) else None}")
            bad += 1
    return 1 if bad else 0


def main():
    if sys.argv[1] == "counts":
        for table, n in expected_counts(sys.argv[2]).items():
            print(table, n)
        return 0
    return check_csv(sys.argv[2], sys.argv[3])


if __name__ == "__main__":
    sys.exit(main())
