#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Damage a cairo-made PDF the way badly embedded fonts are damaged: drop the
/ActualText spans cairo wraps around ligature glyphs (Poppler prefers them
over the font's ToUnicode map) and break the ToUnicode entries of those
glyphs. Modes:
  --fffd (default)  the entries map to U+FFFD, as broken producers write them:
                    extraction yields U+FFFD for each ligature;
  --drop            the entries are removed: extraction yields the raw glyph
                    code (a control character);
  --keep            the entries stay: extraction yields U+FB01-style characters.

Usage: strip_ligatures.py [--fffd|--drop|--keep] IN.pdf OUT.pdf   (needs qpdf)"""
import re
import sys

import qdf

SPAN = re.compile(rb"/Span\s*<<\s*/ActualText\s*<[0-9A-Fa-f]*>\s*>>\s*BDC\s*(.*?)EMC\s*", re.S)
BFCHAR = re.compile(rb"(\d+) beginbfchar\n(.*?)endbfchar", re.S)
ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def is_ligature(dst):
    """A destination of several characters, or a presentation-form ligature."""
    if len(dst) > 4:
        return True
    return 0xFB00 <= int(dst, 16) <= 0xFB06


def damage_cmap(match, mode):
    kept = []
    for m in ENTRY.finditer(match.group(2)):
        if not is_ligature(m.group(2)):
            kept.append(m.group(0))
        elif mode == "--fffd":
            kept.append(b"<%s> <fffd>" % m.group(1))
    if not kept:
        return b""
    return b"%d beginbfchar\n%s\nendbfchar" % (len(kept), b"\n".join(kept))


def main():
    args = sys.argv[1:]
    mode = args.pop(0) if args and args[0].startswith("--") else "--fffd"
    if mode not in ("--fffd", "--drop", "--keep") or len(args) != 2:
        sys.exit(__doc__)
    src, dst = args

    def damage(data):
        data, spans = SPAN.subn(rb"\1", data)
        if spans == 0:
            sys.exit("%s: no ligature spans found" % src)
        if mode != "--keep":
            data = BFCHAR.sub(lambda m: damage_cmap(m, mode), data)
        return data

    qdf.edit(src, dst, damage)


if __name__ == "__main__":
    main()
