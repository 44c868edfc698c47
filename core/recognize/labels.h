/* SPDX-License-Identifier: MIT */
/* Label matching: the wordings of fields and how lines are matched to them. */
#ifndef OST_RECOGNIZE_LABELS_H
#define OST_RECOGNIZE_LABELS_H

#include <glib.h>

/* How a label phrase may appear in a line. */
typedef enum {
    OST_LABEL_PLAIN = 0, /* the whole line, or the part before ':' / ' – ' */
    OST_LABEL_QUESTION,  /* a question (ends with '?') that contains the phrase */
    OST_LABEL_INTRO,     /* a short line ending with ':' that contains the phrase
                          * as words ("Duties typically include:") */
} ost_label_mode;

/* One wording of a label. Phrases are written normalised (see
 * __ost_label_norm): lowercase, single spaces, "and" for "&". `spun` marks
 * wordings that only a synonym spinner produces ("reference quantity" for
 * "reference number"); they are matched like the others and also count as
 * evidence of a third-party copy. */
typedef struct ost_label {
    int field;           /* caller's field id */
    const char *phrase;
    ost_label_mode mode;
    gboolean spun;
} ost_label;

/* A successful label match on one line. */
typedef struct ost_label_hit {
    const ost_label *label;
    char *before;        /* text before the label when it ends the line, else NULL */
    char *rest;          /* the value after the separator, trimmed, or NULL */
    char *label_text;    /* the label as written, trimmed */
} ost_label_hit;

/* Lowercase, fold curly quotes, "&" to "and", drop surrounding braces,
 * brackets, asterisks and trailing ':' '?' '.', collapse white space. */
char *__ost_label_norm(const char *text);

/* Match @p text against @p table: the whole line ("Level of occupation"),
 * a label and its value ("Route: Care services", "Data – the apprentice
 * will know:"), a question, or (for phrases of two words or more) a label
 * ending the line after other text ("... Occupational profile:").
 * The longest matching phrase wins, the first in @p table of equally long
 * ones. Returns FALSE when nothing matches; on TRUE the caller frees @p hit
 * with __ost_label_hit_clear. @p table is indexed on first use and the
 * index kept for the process by address: it must be a static, unchanging
 * array, always passed whole (@p n its full length). */
gboolean __ost_label_match(const ost_label *table, gsize n, const char *text,
                           ost_label_hit *hit);
void __ost_label_hit_clear(ost_label_hit *hit);

#endif
