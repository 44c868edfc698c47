# SPDX-License-Identifier: MIT
"""Pieces shared by the generators that write flat OpenDocument text (.fodt)
for LibreOffice to print to PDF: the document's opening and closing, and
paragraphs and headings."""
from xml.sax.saxutils import escape

# Everything up to the font declarations; each generator adds its own fonts,
# styles and page layout, then BODY.
HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""

# The text body, with one %s for the content.
BODY = """<office:body><office:text>
%s
</office:text></office:body>
</office:document>
"""


def paragraph(style, text):
    return '<text:p text:style-name="%s">%s</text:p>' % (style, escape(text))


def p(style, text):
    return paragraph(style, text) + "\n"


def h(level, text):
    return '<text:h text:style-name="H%d" text:outline-level="%d">%s</text:h>\n' % (
        level, level, escape(text))


def write(path, document):
    with open(path, "w", encoding="utf-8") as f:
        f.write(document)
