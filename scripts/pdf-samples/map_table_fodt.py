#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""An occupational map as a ruled table: a flat OpenDocument text (.fodt)
for LibreOffice to print to PDF, in DejaVu Sans, one column per cluster
under a header row of cluster names, occupations as coloured paragraphs in
the cells (a long title wrapping onto a second line) and the colour key
below the table. Usage: map_table_fodt.py OUT.fodt"""
import sys
from xml.sax.saxutils import escape

import fodt

from map_fodt import AMBER, BLACK, GREEN, RED

ROUTE = "Engineering and manufacturing"
PATHWAY = "Maintenance, installation and repair"
CLUSTERS = [
    ("Maintenance and operations engineering",
     [("Maintenance and operations engineering technician (3)", GREEN),
      ("Engineering maintenance technician for rail and light rail infrastructure (3)", AMBER),
      ("Maintenance engineering manager (6)", RED)]),
    ("Installation",
     [("Electrical installer (2)", GREEN), ("Installation electrician (3)", GREEN),
      ("Smart home installer", BLACK)]),
    ("Repair",
     [("Plant repair technician (3)", AMBER), ("Lift and escalator repair engineer (3)", GREEN)]),
]
KEY = [("Green: approved for delivery", GREEN), ("Amber: standard published", AMBER),
       ("Red: standard in development", RED), ("Black: occupation awaiting standard", BLACK)]


def span(colours, text, colour):
    return ('<text:p text:style-name="Body"><text:span text:style-name="%s">%s'
            "</text:span></text:p>" % (colours[colour], escape(text)))


def body():
    colours = {c: "C%d" % i for i, c in enumerate((GREEN, AMBER, RED, BLACK))}
    styles = "".join('<style:style style:name="%s" style:family="text">'
                     '<style:text-properties fo:color="%s"/></style:style>' % (n, c)
                     for c, n in colours.items())
    out = [fodt.paragraph("Title", "%s occupational map" % ROUTE),
           fodt.paragraph("Body", "This map shows the occupations in the route, grouped by pathway and "
                        "cluster."),
           fodt.paragraph("Pathway", "Pathway: " + PATHWAY),
           '<table:table table:name="Map" table:style-name="Map">'
           '<table:table-column table:style-name="Map.A" table:number-columns-repeated="%d"/>'
           % len(CLUSTERS),
           "<table:table-header-rows><table:table-row>"]
    out += ['<table:table-cell table:style-name="Cell">%s</table:table-cell>'
            % fodt.paragraph("Cluster", name) for name, _ in CLUSTERS]
    out.append("</table:table-row></table:table-header-rows><table:table-row>")
    for _, occupations in CLUSTERS:
        cell = "".join(span(colours, t, c) for t, c in occupations)
        out.append('<table:table-cell table:style-name="Cell">%s</table:table-cell>' % cell)
    out.append("</table:table-row></table:table>")
    out.append(fodt.paragraph("KeyHead", "Key"))
    out += [span(colours, t, c) for t, c in KEY]
    return styles, "".join(out)


TEMPLATE = fodt.HEAD + """<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.15cm"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph"/>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="17pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Pathway" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cluster" style:family="paragraph">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="KeyHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.5cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 %s
 <style:style style:name="Map" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Map.A" style:family="table-column"><style:table-column-properties style:column-width="5.33cm"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.15cm" fo:border="0.5pt solid #8a8a8a"/></style:style>
</office:automatic-styles>
""" + fodt.BODY

if __name__ == "__main__":
    fodt.write(sys.argv[1], TEMPLATE % body())
