/* SPDX-License-Identifier: MIT */
/* Cutting a block stream into labelled sections, for the recognisers. */
#ifndef OST_RECOGNIZE_SECTIONS_H
#define OST_RECOGNIZE_SECTIONS_H

#include "recognize_private.h"
#include "text.h"

/* Field ids below zero are the sectioniser's own; callers use ids >= 0. */
enum {
    OST_SECTION_LOOSE = -1,    /* text under no label (before the first, after a value) */
    OST_SECTION_HEADING = -2,  /* under a heading that matched no label */
    OST_SECTION_QUESTION = -3, /* an unknown question answered Yes/No */
    OST_SECTION_UNKNOWN = -4,  /* a label/value row whose label matched nothing */
    OST_SECTION_RESIDUE = -5,  /* web-page residue (comment forms, footers) */
};

typedef struct ost_section {
    int field;
    const ost_label *label;   /* the label wording that matched, or NULL */
    char *label_text;         /* the label (or heading) as written */
    char *value;              /* the value on the label's own line or cell */
    char *before;             /* text before a label that ended its line */
    int heading_level;        /* > 0 when the label was a heading */
    const ost_block *start;   /* the block that opened the section, or NULL */
    const ost_block **blocks; /* the content: a run of ost_sections.content */
    guint n_blocks;
} ost_section;

/* A document's sections. Only the last section opened takes blocks, so the
 * sections' contents follow each other in one array: an array per section cost
 * 3,180 arrays and 2,600 reallocations on the sample pages. */
typedef struct ost_sections {
    GPtrArray *items;   /* ost_section*, in reading order */
    GPtrArray *content; /* const ost_block* (not owned) */
} ost_sections;

/* What a recogniser tells the sectioniser about its fields. */
typedef struct ost_section_rules {
    const ost_label *labels;
    gsize n_labels;
    /* TRUE for fields whose value is one line: on the label's line, or the
     * next line when @p is_value accepts it. */
    gboolean (*single)(int field);
    /* TRUE when @p line looks like a value of @p field. */
    gboolean (*is_value)(int field, const char *line);
} ost_section_rules;

/* The sections of @p blocks in reading order (transfer full). Chrome
 * blocks are dropped; residue opens an OST_SECTION_RESIDUE section. */
ost_sections *__ost_sections_split(const ost_blocks *blocks, const ost_section_rules *rules);

void __ost_sections_free(ost_sections *sections);

/* Paragraphs of a section: its value, then its content (transfer full). */
GPtrArray *__ost_section_paragraphs(const ost_section *sec, const ost_layout *layout,
                                    ost_repairer *rep, ost_doc *doc);

/* A list printed without its bullets: lines, none ending a sentence,
 * where a capital starts an item and a lower-case word goes on with the
 * item above it ("... working at height and asbestos" / "awareness").
 * NULL when the section is not such a list of two items or more
 * (transfer full). */
GPtrArray *__ost_section_unpointed_items(const ost_section *sec, ost_repairer *rep, ost_doc *doc);

/* The entries of a list section: each list item and table cell whole; the
 * value and paragraphs split at semicolons and line ends, and at commas too
 * when @p commas (names of routes may themselves hold commas). */
GPtrArray *__ost_section_entries(const ost_section *sec, const ost_layout *layout,
                                 ost_repairer *rep, ost_doc *doc, gboolean commas);

/* The title a document states on its first line, above its first label
 * ("Finance assistant" heading a text copy), or NULL (transfer full).
 * Reference codes and versions on that line are dropped ("ST0999 v1.2");
 * a line that is a level, a date, a sentence or residue is no title. */
char *__ost_leading_title(const GPtrArray *sections);

/* "line 12" / "page 3" for warnings about @p block (transfer full), or NULL. */
char *__ost_block_where(const ost_block *block);

/* Decide doc->source.trust from the stream and the labels the recogniser
 * matched, and warn with the reasons when the document is a copy. */
void __ost_assess_trust(rec_ctx *ctx, const GPtrArray *sections);

#endif
