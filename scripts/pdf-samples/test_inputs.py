#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Small PDFs for the PDF reader's unit tests: a text page followed by an
image-only page, an image-only document, and a one-page text with ligatures
(to be damaged and encrypted by make-sample-pdfs). Usage: test_inputs.py DIR"""
import sys

import cairo

from cairodoc import Doc


def scan_like(ctx, width, height):
    """A page that holds only a picture, as a scanned page does."""
    img = cairo.ImageSurface(cairo.FORMAT_RGB24, 48, 64)
    c = cairo.Context(img)
    c.set_source_rgb(0.95, 0.95, 0.9)
    c.paint()
    c.set_source_rgb(0.2, 0.2, 0.2)
    for y in range(8, 60, 6):
        c.rectangle(6, y, 36, 2)
    c.fill()
    ctx.save()
    ctx.scale(width / 48, height / 64)
    ctx.set_source_surface(img, 0, 0)
    ctx.get_source().set_filter(cairo.FILTER_NEAREST)
    ctx.paint()
    ctx.restore()


def main(out):
    doc = Doc(out + "/ligatures.pdf", width=420, height=300, margin=30, size=11)
    doc.heading("Knowledge", size=14)
    doc.para("K1: The officer will fulfil the first duties of the office, reflecting on the "
             "influence of different staff and their efficient workflow.")
    doc.finish()

    doc = Doc(out + "/mixed.pdf", width=420, height=300, margin=30, size=11)
    doc.para("Skills")
    doc.para("S1: Inspect premises and identify fire safety deficiencies.")
    doc.new_page()
    scan_like(doc.ctx, 420, 300)
    doc.finish()

    surface = cairo.PDFSurface(out + "/image-only.pdf", 420, 300)
    surface.set_metadata(cairo.PDFMetadata.CREATE_DATE, "")
    ctx = cairo.Context(surface)
    scan_like(ctx, 420, 300)
    surface.finish()


if __name__ == "__main__":
    main(sys.argv[1])
