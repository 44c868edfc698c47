/* SPDX-License-Identifier: MIT */
/* Telling document types apart from their content, never their file name. */
#include "recognize_private.h"
#include "prefilter.h"

#include <string.h>

/* Each document type leaves characteristic wording; count the cues of each
 * and take the strongest. Cues are matched case-insensitively on whole
 * blocks, so site chrome mentioning a word once does not decide. */
typedef struct cue {
    const char *type;
    const char *pattern;   /* GRegex, caseless */
    int weight;
} cue;

static const cue cues[] = {
    {"functional_map", "^source reference\\s*:", 1},
    {"functional_map", "^areas? of competence$", 3},
    {"functional_map", "^national occupational standards", 1},
    {"occupational_map", "^occupational map\\b", 6},
    {"occupational_map", "\\bcluster\\s*:", 3},
    {"occupational_map", "^occupations in (green|amber|red|black)", 3},
    {"occupational_map", "^(green|amber|red|black)\\s*[:=\\x{2013}-]\\s*(approved|standard|"
                         "occupation|in development)", 2},
    {"occupational_map", "^.{1,80}\\boccupational map$", 4},
    {"occupation", "^reference\\s*:?\\s*OCC\\d{4}", 8},
    {"occupation", "^SOC 2020", 2},
    {"occupation", "progression map", 2},
    {"occupation", "^employers involved", 2},
    {"standard", "\\bST\\d{4}\\b", 2},
    {"standard", "^(knowledge|skills|behaviours)\\b", 3},
    {"standard", "^[KSB]\\d+\\s*[:.]", 1},
    {"standard", "^duty \\d+", 2},
    {"standard", "typical duration|occupation summary|occupational profile", 3},
    {"standard", "^(typical job titles|entry requirements|occupation duties)\\b", 2},
    {"standard", "^(target date for approval|resubmission|core and options)$", 2},
    /* 2017-layout copies introduce their statement lists with a dash. */
    {"standard", "^\\w+ [–-] the (apprentice|\\w+) will\\b", 2},
    /* A standard's page before its content is published: its status
     * notice, version log and trailblazer contact. */
    {"standard", "^this (apprenticeship|standard) is (in development|in revision|"
                 "approved for delivery|retired|withdrawn)\\b", 2},
    {"standard", "^version log$", 2},
    {"standard", "\\btrailblazer contact\\b", 1},
};

#define MAX_SCORE 60

static const char *const types[] = {"standard", "occupation", "occupational_map",
                                    "functional_map"};

typedef struct cue_index {
    GRegex *regexes[G_N_ELEMENTS(cues)];
    ost_prefilter filters[G_N_ELEMENTS(cues)];
    ost_prefilter_set set;
    gsize type_of[G_N_ELEMENTS(cues)];
    guint32 cues_of[G_N_ELEMENTS(types)]; /* bit i: cue i is of that type */
} cue_index;

G_STATIC_ASSERT(G_N_ELEMENTS(cues) <= 32);

static const cue_index *
cue_index_get(void)
{
    static cue_index index;
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        for (gsize i = 0; i < G_N_ELEMENTS(cues); i++) {
            index.regexes[i] =
                g_regex_new(cues[i].pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
            __ost_prefilter_init(&index.filters[i], cues[i].pattern);
            for (gsize t = 0; t < G_N_ELEMENTS(types); t++)
                if (strcmp(types[t], cues[i].type) == 0)
                    index.type_of[i] = t;
            index.cues_of[index.type_of[i]] |= 1u << i;
        }
        __ost_prefilter_set_init(&index.set, index.filters, G_N_ELEMENTS(cues));
        g_once_init_leave(&once, 1);
    }
    return &index;
}

const char *
__ost_detect_document_type(const ost_blocks *blocks)
{
    /* Nearly every cue fails on nearly every block. A block tries only the
     * anchored cues that can start with its first character and the
     * unanchored ones, each behind its prefilter, and is folded once for
     * the unanchored ones. On the 220 sample pages detection took 73
     * million instructions with regexes alone, 32.5 with a prefilter for
     * every cue, 22.1 so (with the 20 cues of then; 6.1 in the regexes).
     * A type at MAX_SCORE scores no more: its cues leave the live set.
     * The decision cannot be settled earlier: until the end any type below
     * MAX_SCORE may still overtake one above it. */
    const cue_index *index = cue_index_get();
    guint32 live = (guint32)((1ull << G_N_ELEMENTS(cues)) - 1);
    int score[G_N_ELEMENTS(types)] = {0};
    for (guint b = 0; b < blocks->items->len && live != 0; b++) {
        const ost_block *block = g_ptr_array_index(blocks->items, b);
        if (block->text == NULL || (block->flags & OST_BLOCK_CHROME))
            continue;
        const char *text = block->text;
        while (*text == ' ' || *text == '\t')
            text++;
        guint32 todo = __ost_prefilter_set_candidates(&index->set, text) & live;
        if (todo == 0)
            continue;
        ost_prefilter_subject subject;
        __ost_prefilter_subject_init(&subject, text);
        /* In the cues' order, as before the index: a type reaching
         * MAX_SCORE stops the later cues of its block. (g_bit_nth_lsf
         * loops over the bits too, behind a call: 2.4 million.) */
        for (guint i = 0; todo != 0; i++, todo >>= 1) {
            gsize t = index->type_of[i];
            if (!(todo & 1) || !(live & (1u << i)) ||
                !__ost_prefilter_may_match(&index->filters[i], &subject) ||
                !g_regex_match(index->regexes[i], text, 0, NULL))
                continue;
            score[t] += cues[i].weight;
            if (score[t] >= MAX_SCORE)
                live &= ~index->cues_of[t];
        }
        __ost_prefilter_subject_clear(&subject);
    }
    gsize best = 0;
    for (gsize t = 1; t < G_N_ELEMENTS(types); t++)
        if (score[t] > score[best])
            best = t;
    return score[best] >= 4 ? types[best] : NULL;
}
