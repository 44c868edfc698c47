/* SPDX-License-Identifier: MIT */
/* How plausible a folded string is as a word: dictionary, evidence, affixes. */
#include "repair_private.h"

#include <string.h>

/* Inflections and derivations SCOWL may not list for a rarer stem:
 * suffix -> what the stem ends with instead. */
static const struct {
    const char *suffix, *stem_end;
} suffixes[] = {
    {"'s", ""}, {"'", ""}, {"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"},
    {"d", ""}, {"ing", ""}, {"ing", "e"}, {"er", ""}, {"ers", ""}, {"ly", ""},
    {"ness", ""}, {"ment", ""}, {"ments", ""}, {"able", ""}, {"ability", ""},
    {"ity", ""}, {"al", ""}, {"ally", ""}, {"ful", ""}, {"less", ""}, {"ship", ""},
    {"ships", ""}, {"ise", ""}, {"ised", ""}, {"ising", ""}, {"isation", ""},
    {"ize", ""}, {"ized", ""}, {"izing", ""}, {"ization", ""},
};

static const char *const prefixes[] = {
    "un", "re", "non", "pre", "co", "de", "dis", "mis", "over", "under", "sub",
    "super", "inter", "multi", "anti", "self", "cross", "counter", "post", "semi",
    "micro", "out", "up", "in", "im", "cyber", "tele", "eco", "hyper", "mega",
};

static int
stem_tier(const ost_dict *d, const char *stem, gsize len, const char *end)
{
    gsize elen = strlen(end);
    if (len + elen < 3)
        return 0;
    if (elen == 0)
        return __ost_dict_tier(d, stem, len);
    char buf[80];
    if (len + elen >= sizeof buf)
        return 0;
    memcpy(buf, stem, len);
    memcpy(buf + len, end, elen);
    return __ost_dict_tier(d, buf, len + elen);
}

/* A word the lists lack but that is a known word with an affix. Scores
 * below every listed word, so it only decides when nothing else can. */
static double
affix_score(const ost_dict *d, const char *w, gsize len)
{
    int best = 0;
    for (gsize i = 0; i < G_N_ELEMENTS(suffixes); i++) {
        gsize sl = strlen(suffixes[i].suffix);
        if (len > sl && memcmp(w + len - sl, suffixes[i].suffix, sl) == 0)
            best = MAX(best, stem_tier(d, w, len - sl, suffixes[i].stem_end));
    }
    for (gsize i = 0; i < G_N_ELEMENTS(prefixes); i++) {
        gsize pl = strlen(prefixes[i]);
        if (len > pl + 2 && memcmp(w, prefixes[i], pl) == 0)
            best = MAX(best, __ost_dict_tier(d, w + pl, len - pl));
    }
    return best > 0 ? 0.2 + 0.1 * best : 0.0;
}

double
__ost_word_score(ost_repairer *rep, const char *w, gsize len, gboolean affixes)
{
    const ost_dict *d = __ost_dict_get();
    int tier = __ost_dict_tier(d, w, len);
    guint seen = __ost_evidence_count(rep->ev, w, len);
    /* A word the document uses outranks any tier. */
    double score = tier + (seen > 0 ? DICT_MAX_TIER + 1.0 + 0.1 * MIN(seen, 10u) : 0.0);
    return score > 0 || !affixes ? score : affix_score(d, w, len);
}
