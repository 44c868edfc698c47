/* SPDX-License-Identifier: MIT */
/* Literal text a regular expression needs, to skip it on lines without. */
#ifndef OST_RECOGNIZE_PREFILTER_H
#define OST_RECOGNIZE_PREFILTER_H

#include <glib.h>

#define OST_PREFILTER_ALTS 6
#define OST_PREFILTER_ALSO 3
#define OST_PREFILTER_LEN 40

/* Recognisers try tens of patterns on every block; most fail, and each
 * g_regex_match costs about 1,700 instructions even then. A prefilter
 * holds text a pattern cannot match without: one of a few literals, at
 * the start of the subject when the pattern is anchored there (after its
 * leading white space for "^\s*"), and every other literal run of the
 * pattern anywhere. It is derived from the pattern itself, so it follows
 * edits of the pattern. */
typedef struct ost_prefilter {
    gboolean anchored;                                /* a literal must start the text */
    gboolean after_space;                             /* ... after its leading white space */
    guint32 first[256 / 32];                          /* anchored: bytes a literal starts with */
    guint n_alts;                                     /* 0: no filter, try the regex */
    char alts[OST_PREFILTER_ALTS][OST_PREFILTER_LEN]; /* lower case; '#' is a digit */
    guint n_also;
    char also[OST_PREFILTER_ALSO][OST_PREFILTER_LEN]; /* each needed too, anywhere */
    guint32 with_digits;                              /* bit i: alts[i]; bit 8 + i: also[i] */
} ost_prefilter;

/* Derive the filter of @p pattern (GRegex syntax, caseless or not, not
 * G_REGEX_EXTENDED). Patterns whose needs are not plain get no filter. */
void __ost_prefilter_init(ost_prefilter *f, const char *pattern);

/* @p text as the filters compare it: ASCII in lower case, the two other
 * characters that caseless matching takes for ASCII letters (U+017F long
 * s, U+212A Kelvin sign) as 's' and 'k', digits of other scripts (which
 * \d matches) as ASCII digits. Written to @p buf when it fits, else
 * allocated; free with __ost_prefilter_fold_free. */
char *__ost_prefilter_fold(const char *text, char *buf, gsize size);
void __ost_prefilter_fold_free(char *folded, char *buf);

/* Whether @p text, folded so, contains @p folded_word (lower-case ASCII):
 * a cheap test a caseless pattern needing that word cannot pass without. */
gboolean __ost_prefilter_contains(const char *text, const char *folded_word);

/* A text asked of several filters. Anchored filters read the text itself;
 * it is folded once, when the first unanchored filter needs it. */
typedef struct ost_prefilter_subject {
    const char *text;
    char *folded;
    char buf[512];
} ost_prefilter_subject;

void __ost_prefilter_subject_init(ost_prefilter_subject *s, const char *text);
void __ost_prefilter_subject_clear(ost_prefilter_subject *s);

/* FALSE only when the subject cannot match the pattern. */
gboolean __ost_prefilter_may_match(const ost_prefilter *f, ost_prefilter_subject *s);

/* Up to 32 filters asked of each of many texts (the cues of document
 * types, the kinds of residue): the anchored ones indexed by the first
 * character they accept, so that a text tries only those that may start
 * with its own and the others. */
typedef struct ost_prefilter_set {
    guint32 at_start[256];       /* anchored at the text's start, by first byte */
    guint32 after_space[256];    /* anchored after the leading white space */
    guint32 anywhere;            /* unanchored or unfiltered: always tried */
    gboolean has_after_space;
} ost_prefilter_set;

void __ost_prefilter_set_init(ost_prefilter_set *set, const ost_prefilter *filters, guint n);

/* Bit i set for each filter i that @p text may pass; the others fail it. */
guint32 __ost_prefilter_set_candidates(const ost_prefilter_set *set, const char *text);

#endif
