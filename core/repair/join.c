/* SPDX-License-Identifier: MIT */
/* Rejoining lines of a wrapped paragraph, line-end hyphens decided. */
#include "repair_private.h"

#include <string.h>

/* First elements of compounds that are hyphenated more often than not
 * ("multi-agency", "self-assessment") though the lists hold no such
 * compound and, alone, no such word. */
static const char *const hyphen_prefixes[] = {
    "anti", "co", "cross", "multi", "non", "self", "semi", "socio", "cyber",
};

static gboolean
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static gboolean
is_letter_at(const char *s, gsize len, gsize i, gsize *n)
{
    gint32 c = __ost_utf8_get(s + i, len - i, n);
    return c >= 0 && c != 0xFFFD && c != 0xAD && __ost_is_word_char((gunichar)c);
}

/* The letters just before byte @end of @s. */
static gsize
word_start_before(const char *s, gsize end)
{
    gsize i = end;
    while (i > 0) {
        const char *p = g_utf8_find_prev_char(s, s + i);
        gsize n;
        if (p == NULL || !is_letter_at(s, end, (gsize)(p - s), &n))
            break;
        i = (gsize)(p - s);
    }
    return i;
}

static double
score_of(ost_repairer *rep, const char *a, gsize alen, const char *mid, const char *b,
         gsize blen, GString *tmp)
{
    GString *raw = g_string_sized_new(alen + blen + 2);
    g_string_append_len(raw, a, (gssize)alen);
    g_string_append(raw, mid);
    g_string_append_len(raw, b, (gssize)blen);
    g_string_truncate(tmp, 0);
    __ost_fold(raw->str, raw->len, tmp);
    g_string_free(raw, TRUE);
    return __ost_word_score(rep, tmp->str, tmp->len, FALSE);
}

static gboolean
is_hyphen_prefix(const char *w, gsize len)
{
    for (gsize i = 0; i < G_N_ELEMENTS(hyphen_prefixes); i++)
        if (strlen(hyphen_prefixes[i]) == len && g_ascii_strncasecmp(w, hyphen_prefixes[i], len) == 0)
            return TRUE;
    return FALSE;
}

/* Does the hyphen between @left and @right only split one word? The
 * document's own spelling decides first, then the dictionary: a spelling
 * it lists with the hyphen keeps it, a common solid word loses it, a
 * compound of two words keeps it, and pieces that are no words are one. */
static gboolean
hyphen_splits_word(ost_repairer *rep, const char *left, gsize llen, const char *right,
                   gsize rlen)
{
    gsize n;
    if (!g_unichar_islower((gunichar)__ost_utf8_get(right, rlen, &n)))
        return FALSE;
    GString *tmp = g_string_new(NULL);
    double joined = score_of(rep, left, llen, "", right, rlen, tmp);
    double hyphenated = score_of(rep, left, llen, "-", right, rlen, tmp);
    double l = score_of(rep, left, llen, "", "", 0, tmp);
    double r = score_of(rep, right, rlen, "", "", 0, tmp);
    g_string_free(tmp, TRUE);
    /* Evidence counts above the most a listed word scores. */
    if (joined > DICT_MAX_TIER || hyphenated > DICT_MAX_TIER)
        return joined > hyphenated;
    if (hyphenated > 0)
        return FALSE;
    if (joined >= 3)
        return TRUE;
    gboolean left_word = (l > 0 && llen > 1) || is_hyphen_prefix(left, llen);
    return !(left_word && r > 0 && rlen > 1);
}

void
ost_repairer_join(ost_repairer *rep, GString *para, const char *line, ost_doc *doc)
{
    while (is_space(*line))
        line++;
    while (para->len > 0 && is_space(para->str[para->len - 1]))
        g_string_truncate(para, para->len - 1);
    if (*line == '\0')
        return;
    if (para->len == 0) {
        g_string_append(para, line);
        return;
    }
    gsize hyphen_len = 0;
    if (para->str[para->len - 1] == '-')
        hyphen_len = 1;
    else if (g_str_has_suffix(para->str, "\xC2\xAD") || g_str_has_suffix(para->str, "\xE2\x80\x90"))
        hyphen_len = para->str[para->len - 1] == '\xAD' ? 2 : 3;
    gsize hyphen_at = para->len - hyphen_len;
    gsize left_at = hyphen_len > 0 ? word_start_before(para->str, hyphen_at) : hyphen_at;
    gsize rlen = 0, n;
    gsize line_len = strlen(line);
    while (rlen < line_len && is_letter_at(line, line_len, rlen, &n))
        rlen += n;
    /* "day-to-" + "day": part of a longer compound, whose hyphens stay. */
    gboolean chain = left_at > 0 && para->str[left_at - 1] == '-';
    if (hyphen_len == 0 || left_at == hyphen_at || rlen == 0) {
        g_string_append_c(para, ' ');
        g_string_append(para, line);
        return;
    }
    gboolean soft = hyphen_len == 2;
    if (soft || (!chain && hyphen_splits_word(rep, para->str + left_at, hyphen_at - left_at, line, rlen))) {
        GString *from = g_string_new(NULL);
        g_string_append_len(from, para->str + left_at, (gssize)(para->len - left_at));
        g_string_append_c(from, '\n');
        g_string_append_len(from, line, (gssize)rlen);
        g_string_truncate(para, hyphen_at);
        gsize to_at = left_at;
        g_string_append(para, line);
        __ost_record(rep, doc, soft ? REPAIR_SOFT_HYPHEN : REPAIR_HYPHENATION, from->str,
                     from->len, para->str + to_at, hyphen_at - left_at + rlen);
        g_string_free(from, TRUE);
        return;
    }
    g_string_append(para, line);
}
