#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check that a dataset folder is one complete generation.

check_dataset.py DIR [INPUT_FOLDER...]: DIR/current names a generation whose
manifest lists exactly the files under its outputs/ (each with the sha256 of
its input when it converted); with INPUT_FOLDERs, the manifest's inputs must
be exactly the files of one of them (path, size and sha256). Prints the
number of the generation, or the problem (exit 1)."""
import hashlib, json, os, sys

def files_under(root):
    found = set()
    for d, _, names in os.walk(root):
        for n in names:
            found.add(os.path.relpath(os.path.join(d, n), root))
    return found

def main():
    ds, folders = sys.argv[1], sys.argv[2:]
    gen = os.path.join(ds, os.readlink(os.path.join(ds, "current")))
    m = json.load(open(os.path.join(gen, "manifest.json")))
    json.load(open(os.path.join(gen, "changes.json")))
    listed = set()
    for e in m["inputs"]:
        for o in e["outputs"]:
            listed.add(os.path.relpath(o, "outputs"))
            json.load(open(os.path.join(gen, o)))
        if e["status"] == "ok" and not e["outputs"]:
            sys.exit(f"{e['path']}: ok but no outputs")
    present = files_under(os.path.join(gen, "outputs"))
    if present != listed:
        sys.exit(f"outputs differ from the manifest: {sorted(present ^ listed)}")
    if folders:
        have = {e["path"]: (e["size"], e["sha256"]) for e in m["inputs"]}
        def state(folder):
            return {p: (os.path.getsize(os.path.join(folder, p)),
                        hashlib.sha256(open(os.path.join(folder, p), "rb").read()).hexdigest())
                    for p in files_under(folder)}
        if not any(have == state(f) for f in folders):
            sys.exit("the manifest matches none of the input states")
    print(m["generation"])

main()
