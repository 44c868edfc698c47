/* SPDX-License-Identifier: MIT */
/* A standard's duties from its duties section, whatever its layout. */
#ifndef OST_RECOGNIZE_DUTIES_H
#define OST_RECOGNIZE_DUTIES_H

#include "sections.h"

/* Reads the duties of @p sec into @p duties (ost_duty*): table rows, "Duty
 * N" items with their wrapped text and codes, lists without codes. Under
 * an option's heading (the section's own, or a line within it) duties
 * belong to that option, which joins @p options (ost_option*). */
void __ost_duties_parse(GPtrArray *duties, GPtrArray *options, const ost_section *sec,
                        ost_repairer *rep, ost_doc *doc);

/* A heading naming one option's duties ("Option 2: Cyber security
 * professional duties", "Option B - Field engineer"): TRUE with the
 * option's id ("O2", "OB") and its title, or NULL when the heading gives
 * none (transfer full; @p id and @p title may be NULL when only whether
 * is asked). */
gboolean __ost_duties_option_heading(const char *heading, char **id, char **title);

/* The KSB codes @p b holds and nothing else, or NULL (transfer full): a
 * line of codes, or a row of them under a label that names them ("KSBs",
 * "Related KSBs", "Knowledge, skills and behaviours"): what the duty
 * above cites, whatever layout put them apart from it. */
GPtrArray *__ost_duties_cited(const ost_block *b);

/* Where in @p sec a run of stated duties starts that lies outside the
 * duties section (a floated box printed between the duties' heading and
 * its duties): the first "Duty N" line with KSB codes after it, or
 * sec->n_blocks when there is none. */
guint __ost_duties_stray_start(const ost_section *sec);

#endif
