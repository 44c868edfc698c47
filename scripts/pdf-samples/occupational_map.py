#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""An occupational map laid out like the published route maps: a landscape
page, a legend, one pathway band and its clusters side by side, each
occupation coloured by its status. Usage: occupational_map.py OUT.pdf"""
import sys

from cairodoc import Doc

GREEN, AMBER, RED, BLACK = (0.0, 0.5, 0.18), (0.93, 0.6, 0.0), (0.8, 0.1, 0.1), (0, 0, 0)

ROUTE = "Construction and the built environment"
INTRO = ("This is one of 15 occupational maps that group together occupations that require "
         "similar knowledge, skills and behaviours. Career pathways and occupational clusters "
         "group the occupations further, with the pathways indicating options for likely "
         "career progression. Every apprenticeship standard in the route has been captured, "
         "as well as other skilled occupations with a substantial requirement for technical "
         "knowledge and practical skills.")

CLUSTERS = [
    ("Cluster: Building services engineering technician", True,
     "Install, commission and maintain the engineering systems that make buildings safe, "
     "comfortable and efficient to use.",
     [("Building services engineering installer (3)", GREEN),
      ("Heating and ventilation fitter (3)", GREEN),
      ("Fire sprinkler installer (3)", AMBER),
      ("Low carbon heating technician (3)", RED),
      ("Lift and escalator electrician", BLACK)]),
    ("Cluster: Construction site supervisor", False,
     "Plan, organise and supervise construction work on site, making sure that it is "
     "delivered safely, on time and to the required quality.",
     [("Construction site supervisor (4)", GREEN),
      ("Building services engineering site supervisor (4)", AMBER),
      ("Demolition site supervisor", BLACK),
      ("Highways site supervisor (4)", RED)]),
    ("Cluster: Construction design and management professional", False,
     "Lead the design, planning and management of construction projects and the "
     "teams that deliver them, often across several sites at once.",
     [("Construction site manager (6)", GREEN),
      ("Civil engineer (6)", GREEN),
      ("Building control surveyor (6)", AMBER),
      ("Digital engineering manager (6)", RED),
      ("Infrastructure asset manager", BLACK)]),
]


def main(out):
    doc = Doc(out, width=842, height=595, margin=40, font="Liberation Sans", size=9,
              title="Occupational map: " + ROUTE)
    doc.para("Occupational Map: " + ROUTE, size=18, bold=True, space_after=8)
    doc.para(INTRO, space_after=8)
    for text, color in (("Occupations in green: approved for delivery", GREEN),
                        ("Occupations in amber: standard published", AMBER),
                        ("Occupations in red: standard in development", RED),
                        ("Occupations in black: occupation awaiting standard", BLACK)):
        doc.para(text, color=color, space_after=1)
    doc.para("(): the number shown in brackets is the level of the apprenticeship "
             "(if the level is known)", space_after=10)
    doc.para("Pathway: Building services engineering", size=12, bold=True, space_after=8)
    columns = []
    for name, only, desc, occupations in CLUSTERS:
        col = [(name, dict(bold=True, size=10.5, space_after=3))]
        if only:
            col.append(("APPRENTICESHIP ONLY", dict(bold=True, size=7.5, color=(0.3, 0.3, 0.3),
                                                    space_after=3)))
        col.append((desc, dict(italic=True, size=8.5, space_after=9)))
        for title, color in occupations:
            col.append((title, dict(color=color, space_after=6)))
        columns.append(col)
    doc.columns(columns, gutter=28)
    doc.finish()


if __name__ == "__main__":
    main(sys.argv[1])
