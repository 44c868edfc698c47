/* SPDX-License-Identifier: MIT */
/* Telling document types apart from their content, never their file name. */
#include "recognize_private.h"
#include "pattern.h"

#include <string.h>

/* Each document type leaves characteristic wording; count the cues of each
 * and take the strongest. Cues are matched case-insensitively on whole
 * blocks, so site chrome mentioning a word once does not decide. */
typedef struct cue {
    const char *type;
    const char *pattern;   /* PCRE2, caseless */
    int weight;
} cue;

static const cue cues[] = {
    {"functional_map", "^source reference\\s*:", 1},
    {"functional_map", "^areas? of competence$", 3},
    {"functional_map", "^national occupational standards", 1},
    {"occupational_map", "^occupational map\\b", 6},
    /* "Cluster: Name", or a label cell "Cluster" beside its value. */
    {"occupational_map", "\\bcluster(\\s*:|\t)", 3},
    {"occupational_map", "^occupations in (green|amber|red|black)", 3},
    {"occupational_map", "^(green|amber|red|black)\\s*[:=\\x{2013}-]\\s*(approved|standard|"
                         "occupation|in development)", 2},
    {"occupational_map", "^.{1,80}\\boccupational map$", 4},
    /* Pathways and clusters named as such ("Craft and design pathway"). */
    {"occupational_map", "^\\S.{0,80}\\s(pathway|cluster)$", 2},
    /* A map as a table: its header row names the columns. */
    {"occupational_map", "^(occupational\\s+)?pathways?\\s+(occupational\\s+)?clusters?\\s+occupations?\\b", 6},
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

/* Each cue's pattern, compiled on first use, and the cues of each type. */
typedef struct cue_index {
    ost_pattern patterns[G_N_ELEMENTS(cues)];
    gsize type_of[G_N_ELEMENTS(cues)];
    guint32 cues_of[G_N_ELEMENTS(types)]; /* bit i: cue i is of that type */
} cue_index;

G_STATIC_ASSERT(G_N_ELEMENTS(cues) <= 32);

static cue_index *
cue_index_get(void)
{
    static cue_index index;
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        for (gsize i = 0; i < G_N_ELEMENTS(cues); i++) {
            index.patterns[i] = (ost_pattern)OST_PATTERN(cues[i].pattern, OST_CASELESS);
            for (gsize t = 0; t < G_N_ELEMENTS(types); t++)
                if (strcmp(types[t], cues[i].type) == 0)
                    index.type_of[i] = t;
            index.cues_of[index.type_of[i]] |= 1u << i;
        }
        g_once_init_leave(&once, 1);
    }
    return &index;
}

const char *
__ost_detect_document_type(const ost_blocks *blocks)
{
    /* A type at MAX_SCORE scores no more: its cues leave the live set.
     * The decision cannot be settled earlier: until the end any type below
     * MAX_SCORE may still overtake one above it. */
    cue_index *index = cue_index_get();
    guint32 live = (guint32)((1ull << G_N_ELEMENTS(cues)) - 1);
    int score[G_N_ELEMENTS(types)] = {0};
    for (guint b = 0; b < blocks->items->len && live != 0; b++) {
        const ost_block *block = g_ptr_array_index(blocks->items, b);
        if (block->text == NULL || (block->flags & OST_BLOCK_CHROME))
            continue;
        const char *text = block->text;
        while (*text == ' ' || *text == '\t')
            text++;
        for (guint i = 0; i < G_N_ELEMENTS(cues); i++) {
            gsize t = index->type_of[i];
            if (!(live & (1u << i)) || !__ost_pattern_match(&index->patterns[i], text))
                continue;
            score[t] += cues[i].weight;
            if (score[t] >= MAX_SCORE)
                live &= ~index->cues_of[t];
        }
    }
    gsize best = 0;
    for (gsize t = 1; t < G_N_ELEMENTS(types); t++)
        if (score[t] > score[best])
            best = t;
    return score[best] >= 4 ? types[best] : NULL;
}
