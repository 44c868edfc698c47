/* SPDX-License-Identifier: MIT */
/* Keeping content no model field names: in `extra`, or named in a warning. */
#ifndef OST_RECOGNIZE_UNPLACED_H
#define OST_RECOGNIZE_UNPLACED_H

#include <ost/model.h>

/* Text longer than this (in characters) under one unknown heading is a
 * chapter of its own, not a fact: it is named in a warning, not kept. */
#define OST_UNPLACED_MAX_CHARS 2000

/* An `extra` key from a label as written: cleaned, without a trailing
 * colon (transfer full); NULL when blank. */
char *__ost_extra_key(const char *label);

/* The pair of @p extra with key @p key, or NULL (transfer none). */
ost_pair *__ost_extra_find(GPtrArray *extra, const char *key);

/* Keep @p text (clean paragraphs joined with "\n\n"), found under
 * @p heading, in @p extra: appended to the pair the heading already has,
 * or a new pair. Text of OST_UNPLACED_MAX_CHARS or more is left out with
 * an `unplaced_content` warning naming the heading, its size and
 * @p where (may be NULL). */
void __ost_keep_unplaced(GPtrArray *extra, ost_doc *doc, const char *heading, const char *text,
                         const char *where);

/* The start of @p text for a warning: at most @p max characters, cut at
 * a character boundary, "…" when cut (transfer full). */
char *__ost_excerpt(const char *text, glong max);

/* "Version: 1.1", "Funding band: 9": a fact stated on a line of running
 * text under a label the recogniser has no field for. On TRUE @p label and
 * @p value receive the two parts (transfer full). Statements that start
 * with a code ("K1: ..."), sentences that merely contain a colon and
 * addresses are no such facts. */
gboolean __ost_loose_fact(const char *text, char **label, char **value);

#endif
