/* SPDX-License-Identifier: MIT */
/* A standard's duties from its duties section, whatever its layout. */
#ifndef OST_RECOGNIZE_DUTIES_H
#define OST_RECOGNIZE_DUTIES_H

#include "sections.h"

/* Reads the duties of @p sec into @p duties (ost_duty*): table rows, "Duty
 * N" items with their wrapped text and codes, lists without codes. */
void __ost_duties_parse(GPtrArray *duties, const ost_section *sec, ost_repairer *rep,
                        ost_doc *doc);

#endif
