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
};

#define MAX_SCORE 60

const char *
__ost_detect_document_type(const ost_blocks *blocks)
{
    static const char *const types[] = {"standard", "occupation", "occupational_map",
                                        "functional_map"};
    static GRegex *regexes[G_N_ELEMENTS(cues)];
    /* Nearly every cue fails on nearly every block: its prefilter and a
     * type already at MAX_SCORE spare the regex. On the sample pages this
     * took detection from 73 to 8 million instructions. */
    static ost_prefilter filters[G_N_ELEMENTS(cues)];
    static gsize cue_type[G_N_ELEMENTS(cues)];
    static gsize once = 0;
    if (g_once_init_enter(&once)) {
        for (gsize i = 0; i < G_N_ELEMENTS(cues); i++) {
            regexes[i] = g_regex_new(cues[i].pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
            __ost_prefilter_init(&filters[i], cues[i].pattern);
            for (gsize t = 0; t < G_N_ELEMENTS(types); t++)
                if (strcmp(types[t], cues[i].type) == 0)
                    cue_type[i] = t;
        }
        g_once_init_leave(&once, 1);
    }

    int score[G_N_ELEMENTS(types)] = {0};
    for (guint b = 0; b < blocks->items->len; b++) {
        const ost_block *block = g_ptr_array_index(blocks->items, b);
        if (block->text == NULL || (block->flags & OST_BLOCK_CHROME))
            continue;
        const char *text = block->text;
        while (*text == ' ' || *text == '\t')
            text++;
        ost_prefilter_subject subject;
        __ost_prefilter_subject_init(&subject, text);
        for (gsize i = 0; i < G_N_ELEMENTS(cues); i++) {
            gsize t = cue_type[i];
            if (score[t] >= MAX_SCORE || !__ost_prefilter_may_match(&filters[i], &subject) ||
                !g_regex_match(regexes[i], text, 0, NULL))
                continue;
            score[t] += cues[i].weight;
        }
        __ost_prefilter_subject_clear(&subject);
    }
    gsize best = 0;
    for (gsize t = 1; t < G_N_ELEMENTS(types); t++)
        if (score[t] > score[best])
            best = t;
    return score[best] >= 4 ? types[best] : NULL;
}
