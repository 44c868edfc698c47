#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A published apprenticeship standard as a flat OpenDocument text (.fodt),
for LibreOffice to print to PDF: serif body, sans headings, a two-column
key-facts table, a Duty / KSBs table, KSB lists, running header and footer
with a page-number field. Usage: standard_fodt.py OUT.fodt"""
import sys

import fodt

KEY_FACTS = [
    ("Reference", "ST0611"),
    ("Version", "1.2"),
    ("Level", "4"),
    ("Typical duration to gateway", "24 months"),
    ("Route", "Protective services"),
    ("Status", "Approved for delivery"),
    ("Integrated degree", "Not integrated"),
    ("Review", "This standard will be reviewed after three years"),
]

SUMMARY = [
    "This occupation is found in fire and rescue services, local authority building control "
    "teams and specialist fire engineering consultancies. Fire safety inspection technicians "
    "make sure that buildings used by the public, offices, factories and residential blocks "
    "meet the fire safety requirements that apply to them.",
    "The broad purpose of the occupation is to inspect premises, identify fire risks and "
    "deficiencies in fire safety arrangements, advise the responsible person on how to put "
    "them right and, where necessary, take formal enforcement action. Technicians work "
    "independently, managing a caseload of inspections, and report to a fire safety manager.",
]

DUTIES = [
    ("Duty 1", "Plan and carry out risk-based fire safety inspections of premises, "
     "identifying significant findings.", "K1 K2 K3 S1 S2 B1"),
    ("Duty 2", "Assess the adequacy of means of escape, fire detection and warning "
     "systems and firefighting equipment.", "K2 K4 K5 S2 S3"),
    ("Duty 3", "Advise responsible persons on the actions needed to comply with fire safety "
     "legislation, confirming advice in writing.", "K1 K6 S4 S5 B2"),
    ("Duty 4", "Prepare and serve formal notices where there is a serious risk or a "
     "failure to comply, following the enforcement policy.", "K6 K7 S5 S6 B1 B3"),
    ("Duty 5", "Maintain accurate inspection records and case files in the service's "
     "information systems.", "K8 S7 B3"),
    ("Duty 6", "Keep own technical knowledge up to date and reflect on inspection practice "
     "with colleagues.", "K9 S8 B4"),
]

KNOWLEDGE = [
    "Fire safety legislation, regulations and guidance that apply to non-domestic premises.",
    "Fire science: how fires start, grow and spread and how smoke and toxic gases behave.",
    "Methods of risk assessment and how to prioritise inspection findings.",
    "Means of escape design principles and the factors affecting safe evacuation.",
    "Fire detection, warning and suppression systems and their maintenance requirements.",
    "The enforcement policy and the types of formal notice and when each is used.",
    "Rules of evidence gathering and the standard of proof required for enforcement.",
    "Record keeping, data protection and freedom of information requirements.",
    "Sources of technical updates and professional development in fire safety.",
]

SKILLS = [
    "Plan inspection programmes using risk-based targeting.",
    "Inspect premises and identify significant fire safety deficiencies.",
    "Assess the effectiveness of fire safety systems and management arrangements.",
    "Communicate findings clearly to responsible persons, orally and in writing.",
    "Draft formal notices and letters that are legally accurate.",
    "Gather and preserve evidence to the required standard.",
    "Maintain complete and accurate records in case management systems.",
    "Reflect on own practice and plan own professional development.",
]

BEHAVIOURS = [
    "Acts fairly, impartially and openly, following the code of ethics.",
    "Treats responsible persons and the public with courtesy and respect.",
    "Takes ownership of own caseload and decisions.",
    "Seeks feedback and keeps own knowledge current.",
]




def table(name, widths, rows, header=None, styles=("Cell", "Cell")):
    out = ['<table:table table:name="%s" table:style-name="%s">' % (name, name)]
    for i, _ in enumerate(widths):
        out.append('<table:table-column table:style-name="%s.%s"/>' % (name, "AB"[i]))
    if header:
        out.append("<table:table-header-rows><table:table-row>")
        for c in header:
            out.append('<table:table-cell table:style-name="TC" office:value-type="string">%s'
                       "</table:table-cell>" % fodt.p("TableHead", c))
        out.append("</table:table-row></table:table-header-rows>")
    for row in rows:
        out.append("<table:table-row>")
        for c, style in zip(row, styles):
            out.append('<table:table-cell table:style-name="TC" office:value-type="string">%s'
                       "</table:table-cell>" % fodt.p(style, c))
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "\n".join(out) + "\n"


def body():
    out = [fodt.p("Kicker", "Apprenticeship standard"), fodt.h(1, "Fire safety inspection technician")]
    out.append(table("Facts", ("5cm", "11cm"), KEY_FACTS, styles=("FactLabel", "Cell")))
    out.append(fodt.h(2, "Occupation summary"))
    out += [fodt.p("Body", s) for s in SUMMARY]
    out.append(fodt.h(2, "Typical job titles"))
    out.append(fodt.p("Body", "Fire safety inspecting officer, Fire safety advisor, "
                         "Fire safety enforcement officer"))
    out.append(fodt.h(2, "Entry requirements"))
    out.append(fodt.p("Body", "Employers will set their own entry requirements, which will "
                         "usually include a full driving licence."))
    out.append(fodt.h(2, "Occupation duties"))
    out.append(table("Duties", ("12.5cm", "3.5cm"),
                     [("%s %s" % (d, t), k) for d, t, k in DUTIES], header=("Duty", "KSBs")))
    out.append(fodt.h(2, "Knowledge"))
    out += [fodt.p("Body", "K%d: %s" % (i, t)) for i, t in enumerate(KNOWLEDGE, 1)]
    out.append(fodt.h(2, "Skills"))
    out += [fodt.p("Body", "S%d: %s" % (i, t)) for i, t in enumerate(SKILLS, 1)]
    out.append(fodt.h(2, "Behaviours"))
    out += [fodt.p("Body", "B%d: %s" % (i, t)) for i, t in enumerate(BEHAVIOURS, 1)]
    out.append(fodt.h(2, "Qualifications"))
    out.append(fodt.h(3, "English and maths"))
    out.append(fodt.p("Body", "Apprentices without level 2 English and maths will need to achieve "
                         "this level prior to taking the end-point assessment."))
    out.append(fodt.h(3, "Other mandatory qualifications"))
    out.append(fodt.p("Body", "Level 4 Certificate in Fire Safety"))
    return "".join(out)


TEMPLATE = fodt.HEAD + """<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Kicker" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:color="#1d4f91"/>
 </style:style>
 <style:style style:name="H1" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.1cm" fo:margin-bottom="0.4cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="22pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H2" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="H3" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="12.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-size="10.5pt"/>
 </style:style>
 <style:style style:name="FactLabel" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="TableHead" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Facts" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Facts.A" style:family="table-column"><style:table-column-properties style:column-width="5cm"/></style:style>
 <style:style style:name="Facts.B" style:family="table-column"><style:table-column-properties style:column-width="11cm"/></style:style>
 <style:style style:name="Duties" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Duties.A" style:family="table-column"><style:table-column-properties style:column-width="12.5cm"/></style:style>
 <style:style style:name="Duties.B" style:family="table-column"><style:table-column-properties style:column-width="3.5cm"/></style:style>
 <style:style style:name="TC" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.15cm" fo:border="0.5pt solid #999999"/>
 </style:style>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.5cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.5cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Header">Fire safety inspection technician (ST0611) apprenticeship standard</text:p></style:header>
  <style:footer><text:p text:style-name="Header">Page <text:page-number text:select-page="current"/> of <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
""" + fodt.BODY

if __name__ == "__main__":
    fodt.write(sys.argv[1], TEMPLATE % body())
