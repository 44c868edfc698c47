/* SPDX-License-Identifier: MIT */
/* Text helpers shared by the recognisers: white space, paragraphs, values. */
#ifndef OST_RECOGNIZE_TEXT_H
#define OST_RECOGNIZE_TEXT_H

#include <ost/pipeline.h>

#include "labels.h"

/* ---- Whitespace and line classes ------------------------------------- */

/* The white space of g_unichar_isspace, no-break spaces included; ASCII
 * is answered without a table lookup, as nearly every character is. */
static inline gboolean
__ost_text_is_space(gunichar c)
{
    if (c < 0x80)
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    return g_unichar_isspace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

/* Collapse runs of white space (including no-break spaces) to one space
 * and trim. Returns NULL for NULL or all-blank text. */
char *__ost_text_clean(const char *text);

/* __ost_text_clean of the first @p n bytes of @p text: a part of a line
 * cleaned without copying it out first. */
char *__ost_text_clean_n(const char *text, gsize n);

/* Whether __ost_text_clean(@p text) would end with the ASCII byte @p c,
 * without building it: most callers asking only that dropped the text. */
gboolean __ost_text_clean_ends_with(const char *text, char c);

/* Number of characters (not bytes) in @p text. */
glong __ost_text_len(const char *text);

/* The text after a leading list bullet ("•", "-", "*", "▪", "·", "–"), or
 * NULL when @p text does not start with one. */
const char *__ost_text_after_bullet(const char *text);

/* TRUE when @p text ends a sentence: '.', '!', '?', ':' or ';', possibly
 * followed by closing quotes or brackets. */
gboolean __ost_text_ends_sentence(const char *text);

/* A lead-in before a list of statements or duties ("The apprentice will
 * know:", "what is required?"). */
gboolean __ost_text_is_intro(const char *para);

/* TRUE when @p text is placeholder filler (lorem ipsum, "TBC", ...). */
gboolean __ost_text_is_placeholder(const char *text);

/* When @p text is web-page residue carried along with a document's content
 * (blog comment footer, share widgets, a licence footer), a short
 * description of it; else NULL. @p foreign (optional) is set when such
 * residue shows the page was published outside the standard's publisher
 * (a blog's comment form), not merely by its own site. */
const char *__ost_text_residue(const char *text, gboolean *foreign);

/* ---- Paragraphs ------------------------------------------------------- */

/* Layout facts measured once per document: whether its lines are wrapped
 * at a fixed width (text extracted from PDFs) and whether blank lines
 * separate every line (so they do not mark paragraphs). */
typedef struct ost_layout {
    gboolean wrapped;
    gboolean double_spaced;
    glong width;           /* widest line, in characters, when wrapped */
    /* Every line carries its font size: a reader of page geometry (PDF)
     * made them, and its BREAKs already mark where paragraphs end, which
     * character counts cannot tell in columns or mixed widths. */
    gboolean laid_out;
} ost_layout;

void __ost_layout_measure(const ost_blocks *blocks, ost_layout *layout);

/* Assembles paragraphs from LINE, BREAK and ITEM blocks: lines of one
 * paragraph are joined with ost_repairer_join, paragraphs are kept apart.
 * In wrapped, double-spaced text a paragraph ends where a line ends a
 * sentence and the next line's first word would have fitted on it. */
typedef struct ost_para_builder {
    const ost_layout *layout;
    ost_repairer *rep;
    ost_doc *doc;
    GPtrArray *paras;      /* char*: finished paragraphs */
    GString *cur;
    glong last_len;        /* length of the last line added to cur */
    gboolean last_ends;    /* that line ended a sentence */
    gboolean pending_break;
} ost_para_builder;

void __ost_para_init(ost_para_builder *pb, const ost_layout *layout,
                     ost_repairer *rep, ost_doc *doc);
/* Feed one block (LINE, BREAK or ITEM; others end the paragraph). */
void __ost_para_add_block(ost_para_builder *pb, const ost_block *block);
/* Feed one line of text, as if it were a LINE block. */
void __ost_para_add_line(ost_para_builder *pb, const char *line);
/* End the current paragraph. */
void __ost_para_flush(ost_para_builder *pb);
/* Finish and return the paragraphs (transfer full; char* owned). */
GPtrArray *__ost_para_finish(ost_para_builder *pb);
/* Paragraphs joined with "\n\n" (transfer full), NULL when there are none. */
char *__ost_paras_join(GPtrArray *paras, guint from);

/* ---- Values ------------------------------------------------------------ */

/* "Level 3", "3", "4 (equivalent to ...)", "This standard is at level 4",
 * "Stage 4" -> 3 / 4; 0 when there is no level 1..8. */
int __ost_parse_level(const char *text);

/* "18 months", "1 year", "2 years 6 months", "A minimum of 1 yr.",
 * "1.5 years", "24 to 30 months" (the first figure) -> months; 0 when none. */
int __ost_parse_duration_months(const char *text);

/* "01/06/2023" (day first, UK usage), "1 June 2023", "2023-06-01",
 * "June 2023" -> "2023-06-01" (transfer full); NULL when not a date. */
char *__ost_parse_date(const char *text);

/* Leading "Yes" / "No" (also "Y", "N", "True", "False"); OST_UNSET if none.
 * @p rest (optional) receives the text after the answer. */
ost_tristate __ost_parse_yes_no(const char *text, const char **rest);

/* "K1 K2 S1 B1", "K1, K2, S3", "K1-K3" -> list of codes (transfer full)
 * when every token of @p text is a KSB code; NULL otherwise. */
GPtrArray *__ost_parse_codes(const char *text);

/* A statement's code alone on its line ("K1", " S12 "): a heading above
 * the statement's text, or a cell of its own. */
gboolean __ost_is_bare_code(const char *text);

/* "K12: text", "S3. text", "B1 - text" -> TRUE with the code in @p code
 * (transfer full) and the text after it in @p rest; either may be NULL
 * when only whether the text starts with a code is asked. */
gboolean __ost_parse_coded(const char *text, char **code, const char **rest);

/* The first standard reference ("ST0499") or occupation code ("OCC0499")
 * in @p text (transfer full), or NULL. */
char *__ost_standard_reference_in(const char *text);
char *__ost_occupation_code_in(const char *text);

/* Split a comma/semicolon separated list into trimmed items (transfer full). */
GPtrArray *__ost_split_list(const char *text);

#endif
