#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""An occupational map as a word processor makes one: a flat OpenDocument
text (.fodt) for LibreOffice to print to PDF, the clusters in the columns of
a table with no cell padding, so wrapped titles run right up to the next
column, and statuses as text colours. Usage: map_fodt.py OUT.fodt"""
import sys
from xml.sax.saxutils import escape

import fodt

GREEN, AMBER, RED, BLACK = "#00873c", "#f29100", "#d4351c", "#0b0c0c"

ROUTE = "Health and science"
CLUSTERS = [
    ("Health care assistant",
     [("Healthcare support worker (2)", GREEN), ("Senior healthcare support worker (3)", GREEN),
      ("Maternity support worker (3)", AMBER), ("Theatre support worker", BLACK)]),
    ("Pharmacy technician",
     [("Pharmacy services assistant (2)", GREEN), ("Pharmacy technician (integrated) (3)", RED)]),
    ("Dental care",
     [("Dental nurse (3)", GREEN), ("Dental technician (5)", AMBER),
      ("Orthodontic therapist", BLACK)]),
]



def body():
    colours = {c: "C%d" % i for i, c in enumerate(sorted({c for _, o in CLUSTERS for _, c in o}))}
    styles = "".join('<style:style style:name="%s" style:family="text">'
                     '<style:text-properties fo:color="%s"/></style:style>' % (n, c)
                     for c, n in colours.items())
    out = [fodt.paragraph("Title", "Occupational map: " + ROUTE),
           fodt.paragraph("Body", "Occupations are grouped into pathways and clusters of occupations "
                        "that need similar knowledge, skills and behaviours.")]
    for text, colour in (("Occupations in green: approved for delivery", GREEN),
                         ("Occupations in amber: standard published", AMBER),
                         ("Occupations in red: standard in development", RED),
                         ("Occupations in black: occupation awaiting standard", BLACK)):
        out.append('<text:p text:style-name="Body"><text:span text:style-name="%s">%s'
                   "</text:span></text:p>" % (colours.get(colour, colours[BLACK]), escape(text)))
    out.append(fodt.paragraph("Pathway", "Pathway: Health"))
    out.append('<table:table table:name="Map" table:style-name="Map">'
               '<table:table-column table:style-name="Map.A" table:number-columns-repeated="3"/>')
    out.append("<table:table-row>")
    for name, _ in CLUSTERS:
        out.append('<table:table-cell table:style-name="Cell">%s</table:table-cell>'
                   % fodt.paragraph("Cluster", "Cluster: " + name))
    out.append("</table:table-row><table:table-row>")
    for _, occupations in CLUSTERS:
        cell = "".join('<text:p text:style-name="Body"><text:span text:style-name="%s">%s'
                       "</text:span></text:p>" % (colours[c], escape(t)) for t, c in occupations)
        out.append('<table:table-cell table:style-name="Cell">%s</table:table-cell>' % cell)
    out.append("</table:table-row></table:table>")
    return styles, "".join(out)


TEMPLATE = fodt.HEAD + """<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="18pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Pathway" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cluster" style:family="paragraph">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 %s
 <style:style style:name="Map" style:family="table"><style:table-properties style:width="13.5cm" table:align="left"/></style:style>
 <style:style style:name="Map.A" style:family="table-column"><style:table-column-properties style:column-width="4.5cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0cm" fo:border="none"/></style:style>
</office:automatic-styles>
""" + fodt.BODY

if __name__ == "__main__":
    fodt.write(sys.argv[1], TEMPLATE % body())
