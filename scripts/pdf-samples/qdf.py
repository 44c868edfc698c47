# SPDX-License-Identifier: MIT
"""Edit a PDF's objects as text: qpdf --qdf writes it uncompressed, the
caller's function rewrites the bytes, fix-qdf repairs the lengths and qpdf
compresses it again. IDs are derived from the content, so the output is the
same on every run."""
import re
import subprocess
import tempfile

# What changes from run to run: dates, LibreOffice's checksum of them, the
# producer's random file ID (qpdf derives a new one from the content).
VOLATILE = re.compile(rb"/(CreationDate|ModDate)\s*\([^)]*\)|/DocChecksum\s*/[0-9A-Fa-f]+|"
                      rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")


def edit(src, dst, fn=lambda data: data):
    with tempfile.TemporaryDirectory() as tmp:
        qdf, fixed = tmp + "/qdf.pdf", tmp + "/fixed.pdf"
        subprocess.run(["qpdf", "--qdf", "--static-id", "--object-streams=disable", src, qdf],
                       check=True)
        data = VOLATILE.sub(rb"", fn(open(qdf, "rb").read()))
        open(qdf, "wb").write(data)
        subprocess.run(["fix-qdf", qdf], check=True, stdout=open(fixed, "wb"))
        subprocess.run(["qpdf", "--compress-streams=y", "--object-streams=generate",
                        "--deterministic-id", fixed, dst], check=True)


if __name__ == "__main__":
    import sys
    edit(sys.argv[1], sys.argv[2])
