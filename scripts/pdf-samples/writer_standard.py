#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A published standard laid out the way a word processor user would: a flat
OpenDocument text (.fodt) for LibreOffice to print to PDF, in DejaVu type,
with a borderless key-facts table (labels on the left), the occupation
summary set in two text columns, a duty table long enough to run over a page
break (a row split by it, the header row repeated), KSBs as tables with the
codes in a narrow column of their own, behaviour names in bold before a colon
or a dash, the standard's title as running header and "Page N of M" as
footer. Usage: writer_standard.py OUT.fodt"""
import sys
from xml.sax.saxutils import escape

import fodt

TITLE = "Supply chain coordinator"

KEY_FACTS = [
    ("Reference number", "ST0742"),
    ("Version", "1.1"),
    ("Level of occupation", "Level 3"),
    ("Route", "Transport and logistics"),
    ("Typical duration to gateway", "18 months"),
    ("Status", "Approved for delivery"),
]

SUMMARY = [
    "This occupation is found in manufacturers, wholesalers, retailers and logistics "
    "service providers of every size, wherever goods have to be bought, stored and moved "
    "to meet the demand of customers. Supply chain coordinators work in warehouses, "
    "transport offices and planning teams, often across several sites.",
    "The broad purpose of the occupation is to keep the flow of goods and information "
    "between suppliers, the organisation and its customers running to plan. Coordinators "
    "schedule orders and deliveries, monitor stock levels, resolve exceptions and report "
    "on performance against agreed service levels.",
    "In their daily work, an employee in this occupation interacts with suppliers, "
    "hauliers, warehouse teams, customer service colleagues and customers. They report "
    "to a supply chain or logistics manager and are responsible for the accuracy of the "
    "plans and records they keep.",
]

DUTIES = [
    ("Plan and schedule inbound deliveries from suppliers against forecast demand and "
     "warehouse capacity.", "K1 K2 S1 S2"),
    ("Raise, amend and track purchase orders in the organisation's planning system.",
     "K2 K3 S2 S3 B1"),
    ("Monitor stock levels and replenishment, identifying risks of shortage or excess "
     "stock and agreeing corrective actions with planners and suppliers.", "K3 K4 S3 S4"),
    ("Coordinate outbound orders with warehouse and transport teams so that customer "
     "orders are picked, packed and despatched on time.", "K4 K5 S4 S5 B2"),
    ("Resolve delivery exceptions such as late, short or damaged consignments, "
     "investigating the cause with the parties involved, agreeing the remedy, updating "
     "the records and the customer, and recording the lessons learned so that the same "
     "exception is less likely to happen again; where the exception involves dangerous "
     "goods, hazardous substances or temperature-controlled products, follow the "
     "organisation's escalation procedure and the applicable regulations, keeping the "
     "evidence needed for any claim or investigation and informing the compliance "
     "team of the outcome.", "K5 K6 S5 S6 B1 B3"),
    ("Produce performance reports on service levels, costs and supplier performance for "
     "managers.", "K7 S7 B2"),
    ("Maintain accurate master data for products, suppliers and customers.", "K8 S8"),
    ("Contribute to continuous improvement of supply chain processes and systems.",
     "K9 S9 B4"),
]

KNOWLEDGE = [
    "The structure of supply chains and the role of each party in them.",
    "Demand forecasting methods and how forecasts drive supply plans.",
    "Purchasing and order management processes and the documents used.",
    "Inventory management principles: safety stock, reorder points and stock turns.",
    "Warehouse and transport operations and their lead times and constraints.",
    "Contract terms, incoterms and the basics of claims for loss or damage.",
    "Key performance indicators used to measure supply chain performance.",
    "Data quality principles and the master data used in planning systems.",
    "Continuous improvement techniques such as root cause analysis.",
]

SKILLS = [
    "Build delivery schedules that balance demand, capacity and cost.",
    "Use planning and order management systems accurately.",
    "Analyse stock data to identify risks and opportunities.",
    "Coordinate the work of internal teams and external partners.",
    "Communicate clearly with suppliers and customers, orally and in writing.",
    "Investigate problems and agree practical solutions.",
    "Prepare reports that present data clearly for decision makers.",
    "Check and correct data to keep records accurate.",
    "Propose and test improvements to processes.",
]

# (title, separator, text): the title is set in bold; with no separator it
# is a paragraph of its own above the text.
BEHAVIOURS = [
    ("Team working", ":", "Works collaboratively with colleagues, suppliers and customers "
     "to meet shared goals."),
    ("Ownership", " \u2013", "Takes responsibility for own work and sees issues through "
     "to resolution."),
    ("Integrity", ":", "Acts honestly and ethically, following policies and regulations."),
    ("Curiosity", None, "Seeks out new ways of working and keeps own knowledge up "
     "to date."),
]




def cell(content):
    return ('<table:table-cell table:style-name="%s" office:value-type="string">%s'
            "</table:table-cell>" % content)


def table(name, rows, header=None):
    """rows: lists of (cell style, paragraph xml)."""
    out = ['<table:table table:name="%s" table:style-name="%s">' % (name, name),
           '<table:table-column table:style-name="%s.A"/>' % name,
           '<table:table-column table:style-name="%s.B"/>' % name]
    if header:
        out.append("<table:table-header-rows><table:table-row>")
        out += [cell(c) for c in header]
        out.append("</table:table-row></table:table-header-rows>")
    for row in rows:
        out.append("<table:table-row>")
        out += [cell(c) for c in row]
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out) + "\n"


def ksb_table(name, letter, statements):
    return table(name, [[("Ruled", fodt.p("Code", "%s%d" % (letter, i))), ("Ruled", fodt.p("Cell", t))]
                        for i, t in enumerate(statements, 1)])


def body():
    out = [fodt.p("Kicker", "Occupational standard"), fodt.h(1, TITLE)]
    out.append(table("Facts", [[("Plain", fodt.p("FactLabel", k)), ("Plain", fodt.p("Cell", v))]
                               for k, v in KEY_FACTS]))
    out.append(fodt.h(2, "Occupation summary"))
    out.append('<text:section text:style-name="TwoCols" text:name="Summary">\n')
    out += [fodt.p("Body", s) for s in SUMMARY]
    out.append("</text:section>\n")
    out.append(fodt.h(2, "Typical job titles"))
    out.append(fodt.p("Body", "Supply chain coordinator, Logistics coordinator, Planning "
                         "coordinator, Supply chain administrator"))
    out.append(fodt.h(2, "Occupation duties"))
    out.append(table("Duties",
                     [[("Ruled", fodt.p("Cell", "Duty %d %s" % (i, t))), ("Ruled", fodt.p("Cell", k))]
                      for i, (t, k) in enumerate(DUTIES, 1)],
                     header=[("Ruled", fodt.p("TableHead", "Duty")),
                             ("Ruled", fodt.p("TableHead", "KSBs"))]))
    out.append(fodt.h(2, "Knowledge"))
    out.append(ksb_table("Knowledge", "K", KNOWLEDGE))
    out.append(fodt.h(2, "Skills"))
    out.append(ksb_table("Skills", "S", SKILLS))
    out.append(fodt.h(2, "Behaviours"))
    rows = []
    for i, (title, sep, text) in enumerate(BEHAVIOURS, 1):
        if sep is None:
            para = fodt.p("Code", title) + fodt.p("Cell", text)
        else:
            para = ('<text:p text:style-name="Cell"><text:span text:style-name="Strong">%s'
                    "</text:span>%s %s</text:p>" % (escape(title), escape(sep), escape(text)))
        rows.append([("Ruled", fodt.p("Code", "B%d" % i)), ("Ruled", para)])
    out.append(table("Behaviours", rows))
    out.append(fodt.h(2, "Qualifications"))
    out.append(fodt.h(3, "English and maths"))
    out.append(fodt.p("Body", "Apprentices without level 2 English and maths will need to achieve "
                         "this level prior to taking the end-point assessment."))
    return "".join(out)


def column_styles(name, a, b):
    return ('<style:style style:name="%s" style:family="table"><style:table-properties '
            'style:width="16cm" table:align="left"/></style:style>'
            '<style:style style:name="%s.A" style:family="table-column">'
            '<style:table-column-properties style:column-width="%s"/></style:style>'
            '<style:style style:name="%s.B" style:family="table-column">'
            '<style:table-column-properties style:column-width="%s"/></style:style>\n'
            % (name, name, a, name, b))


TEMPLATE = fodt.HEAD + """<office:font-face-decls>
 <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"/>
 <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="DejaVu Sans" fo:font-size="10pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="Kicker" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" fo:color="#4c2c92"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.4cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="20pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="14pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H3" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="DejaVu Serif" fo:font-size="12pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
 </style:style>
 <style:style style:name="Code" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="FactLabel" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="TableHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Strong" style:family="text">
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Running" style:family="paragraph">
  <style:text-properties fo:font-size="8pt" fo:color="#505a5f"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 %s
 <style:style style:name="Ruled" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.12cm" fo:border="0.5pt solid #b1b4b6"/>
 </style:style>
 <style:style style:name="Plain" style:family="table-cell">
  <style:table-cell-properties fo:padding-top="0.08cm" fo:padding-bottom="0.08cm" fo:border="none"/>
 </style:style>
 <style:style style:name="TwoCols" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Running">%s</text:p></style:header>
  <style:footer><text:p text:style-name="Running">Page <text:page-number text:select-page="current"/> of <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
""" + fodt.BODY

if __name__ == "__main__":
    styles = (column_styles("Facts", "5.5cm", "10.5cm") + column_styles("Duties", "13cm", "3cm")
              + "".join(column_styles(n, "1.4cm", "14.6cm")
                        for n in ("Knowledge", "Skills", "Behaviours")))
    fodt.write(sys.argv[1], TEMPLATE % (styles, escape(TITLE), body()))
