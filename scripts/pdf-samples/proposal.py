#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A standard proposal laid out like the published proposal forms: labelled
fields (label above value), a DUTY / KSBS table, numbered KSB lists, several
pages with a running header, footer and page numbers. Usage: proposal.py OUT.pdf"""
import sys

from cairodoc import Doc

REF = "ST1187"
TITLE = "Community safety liaison officer"

SUMMARY = [
    "This occupation is found in local authorities, housing associations, police support "
    "services, fire and rescue services and voluntary sector organisations that work to "
    "reduce crime, anti-social behaviour and the fear of crime in their communities. "
    "Community safety liaison officers are the first point of contact between residents, "
    "partner agencies and their own organisation when a safety concern is raised.",
    "The broad purpose of the occupation is to identify emerging community safety issues, "
    "gather and share information with partner agencies, and coordinate effective, "
    "proportionate responses that reflect the needs of different communities. A "
    "community safety liaison officer will support staff and volunteers to recognise "
    "risk, offer advice on prevention, and make sure that decisions and actions are "
    "recorded accurately and shared securely in line with data protection legislation.",
    "In their daily work, an employee in this occupation interacts with residents, "
    "elected members, police officers, social care staff and specialist services. They "
    "will report to a community safety manager and work with a high degree of autonomy, "
    "managing their own caseload and workflow across a defined geographical area.",
]

DUTIES = [
    ("Duty 1 Act as the first point of contact for residents and partner agencies "
     "reporting community safety concerns.", "K1 K2 K3\nS1 S2\nB1 B2"),
    ("Duty 2 Gather, analyse and share information and intelligence on anti-social "
     "behaviour, crime and disorder with partner agencies in line with information "
     "sharing agreements.", "K3 K4 K5 K6 K11\nS3 S4 S5\nB3"),
    ("Duty 3 Assess risk to victims, witnesses and communities and prioritise cases "
     "for action using a tailored approach.", "K2 K6 K7\nS2 S6 S7\nB1 B4"),
    ("Duty 4 Coordinate multi-agency problem-solving meetings and agree actions, "
     "owners and timescales with partners.", "K8 K9\nS6 S8 S9\nB2 B3 B5"),
    ("Duty 5 Offer advice and guidance to residents, staff and volunteers on crime "
     "prevention and personal safety.", "K1 K9 K10\nS1 S8\nB2 B4"),
    ("Duty 6 Maintain accurate case records, logs and registers in accordance with "
     "organisational policies and audit requirements.", "K5 K11\nS4 S10\nB3"),
    ("Duty 7 Contribute to community engagement events and campaigns that build "
     "confidence and reduce the fear of crime.", "K10 K12\nS8 S9\nB2 B5"),
    ("Duty 8 Reflect on own practice and keep own knowledge of legislation, policy and "
     "best practice up to date.", "K12\nS10\nB4 B5"),
]

KNOWLEDGE = [
    "Principles of community safety and how to respond to concerns within own scope of "
    "practice and organisational protocol.",
    "Methods of person-centred communication, including with people in distress or conflict.",
    "Legislation and statutory guidance on anti-social behaviour, crime and disorder.",
    "Sources of information and intelligence available to community safety partnerships.",
    "Data protection, confidentiality and information sharing agreements, and when and how "
    "to share information lawfully.",
    "Risk assessment models used to identify vulnerability and repeat victimisation.",
    "How to prioritise cases and escalate complex or high-risk cases to senior staff.",
    "The roles and responsibilities of partner agencies in the criminal justice system.",
    "Problem-solving models used in community safety, such as the SARA model.",
    "Crime prevention and personal safety advice for different groups and settings.",
    "Record keeping standards, case management systems and audit requirements.",
    "Sources of continuing professional development and reflective practice.",
]

SKILLS = [
    "Respond to community safety concerns, recording the facts and the people affected.",
    "Communicate with people from different backgrounds, adapting style to their needs.",
    "Analyse information and intelligence to identify patterns and hotspots.",
    "Record, store and share information securely and in line with agreements.",
    "Produce clear, concise reports for meetings and partners.",
    "Assess and manage risk using approved tools and escalate where required.",
    "Prioritise a caseload and manage own time and workflow effectively.",
    "Facilitate meetings and agree actions with partners and residents.",
    "Plan and deliver engagement activity with community groups.",
    "Reflect on own performance and identify development needs.",
]

BEHAVIOURS = [
    "Acts with integrity, fairness and respect for diversity in all interactions.",
    "Builds trusting relationships with residents, colleagues and partners.",
    "Takes responsibility for own decisions and actions and for the quality of work.",
    "Shows professional curiosity and challenges assumptions constructively.",
    "Is committed to own development and open to feedback.",
]


def field(doc, label, *values):
    doc.ensure(3 * doc.size + 6)
    doc.para(label, bold=True, space_after=3)
    for v in values:
        doc.para(v, space_after=3)
    doc.gap(8)


def main(out):
    doc = Doc(out, font="DejaVu Sans", size=10.5, margin=64,
              header="Apprenticeship standard proposal: %s %s" % (REF, TITLE),
              footer="Institute for Apprenticeships and Technical Education: proposal form",
              title="%s %s" % (REF, TITLE))
    doc.para("Standard proposal", size=11, color=(0.2, 0.3, 0.5), space_after=2)
    doc.para(TITLE, size=20, bold=True, space_after=10)
    field(doc, "Reference number", REF)
    field(doc, "Core and options", "No")
    field(doc, "Level of occupation", "Level 4")
    field(doc, "Occupational maps data", "Route: Protective services",
          "Pathway: Protective services", "Cluster: Protective service officer")
    field(doc, "Typical duration of apprenticeship", "24 months")
    field(doc, "Target date for approval", "01/03/2024")
    field(doc, "Resubmission", "No")
    field(doc, "Would your proposed apprenticeship standard replace an existing framework?", "No")
    field(doc, "Does professional recognition exist for the occupation?", "Yes")
    doc.heading("Occupation summary", size=13)
    for p in SUMMARY:
        doc.para(p, space_after=8)
    field(doc, "Typical job titles",
          "Community safety officer  Anti-social behaviour officer  Neighbourhood liaison officer")
    field(doc, "Are there any statutory/regulatory or other typical entry requirements?", "Yes")
    field(doc, "Entry requirements",
          "A satisfactory enhanced DBS check will be an entry requirement for the programme.")
    doc.heading("Occupation duties", size=13)
    doc.table(DUTIES, [345, 122], header=("DUTY", "KSBS"))
    doc.heading("KSBs", size=13)
    for heading, prefix, items in (("Knowledge", "K", KNOWLEDGE), ("Skills", "S", SKILLS),
                                   ("Behaviours", "B", BEHAVIOURS)):
        doc.heading(heading, size=11.5, space_before=4)
        for i, text in enumerate(items, 1):
            doc.para("%s%d: %s" % (prefix, i, text), space_after=5)
    doc.heading("Qualifications", size=13)
    field(doc, "English and maths",
          "Apprentices without level 2 English and maths will need to achieve this level "
          "prior to taking the end-point assessment.")
    field(doc, "Does the apprenticeship need to include any mandated qualifications?", "No")
    doc.heading("Consultation", size=13)
    doc.para("The proposal was shared with 46 employers through the trailblazer group, two "
             "regional community safety networks and a national professional body; feedback "
             "confirmed that the occupation is distinct from existing standards.", space_after=8)
    doc.heading("Progression routes", size=13)
    doc.para("Community safety manager (level 5); Partnership and performance officer.", space_after=8)
    doc.finish()


if __name__ == "__main__":
    main(sys.argv[1])
