/* SPDX-License-Identifier: MIT */
/* The repairer: fast path, then mojibake, then word damage, then NFC. */
#include "repair_private.h"
/* Fixed text is appended a word at a time. */
#include "../../plugins/common/gstring_put.h"

#include <string.h>

static const char *const kind_names[REPAIR_N_KINDS] = {
    "ligature", "unicode_ligature", "mojibake", "soft_hyphen", "hyphenation", "unresolved",
};

ost_repairer *
ost_repairer_new(GError **error)
{
    if (!__ost_dict_available(error))
        return NULL;
    ost_repairer *rep = g_new0(ost_repairer, 1);
    rep->ev = __ost_evidence_new();
    rep->mojibake = __ost_mojibake_scratch_new();
    for (gsize b = 0; b < G_N_ELEMENTS(rep->stages); b++)
        rep->stages[b] = g_string_new(NULL);
    rep->resolved = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    rep->warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return rep;
}

void
ost_repairer_free(ost_repairer *rep)
{
    if (rep == NULL)
        return;
    __ost_evidence_free(rep->ev);
    __ost_mojibake_scratch_free(rep->mojibake);
    for (gsize b = 0; b < G_N_ELEMENTS(rep->stages); b++)
        g_string_free(rep->stages[b], TRUE);
    g_hash_table_unref(rep->resolved);
    g_hash_table_unref(rep->warned);
    g_free(rep);
}

void
ost_repairer_learn(ost_repairer *rep, const char *text)
{
    if (text != NULL)
        __ost_evidence_learn(rep->ev, text, strlen(text));
}

void
ost_repairer_learn_later(ost_repairer *rep, const char *text, gsize len)
{
    __ost_evidence_learn_later(rep->ev, text, len);
}

guint64
ost_repairer_count(const ost_repairer *rep, const char *kind)
{
    for (int k = 0; k < REPAIR_N_KINDS; k++)
        if (g_strcmp0(kind, kind_names[k]) == 0)
            return rep->counts[k];
    return 0;
}

void
__ost_record(ost_repairer *rep, ost_doc *doc, repair_kind kind, const char *from,
             gsize from_len, const char *to, gsize to_len)
{
    if (from_len == to_len && memcmp(from, to, from_len) == 0)
        return;
    rep->counts[kind]++;
    if (doc == NULL)
        return;
    char *f = g_strndup(from, from_len), *t = g_strndup(to, to_len);
    ost_doc_add_repair(doc, kind_names[kind], f, t, 1);
    g_free(f);
    g_free(t);
}

/* Bytes that are no UTF-8 are taken as Windows-1252, the likeliest
 * encoding of stray legacy text. */
static void
decode_invalid(ost_repairer *rep, const char *s, gsize len, GString *out, ost_doc *doc)
{
    static const guint16 high[32] = {
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
        0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    };
    for (gsize i = 0; i < len;) {
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        if (c >= 0) {
            g_string_append_len(out, s + i, (gssize)n);
        } else {
            guchar b = (guchar)s[i];
            g_string_append_unichar(out, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
        }
        i += n;
    }
    if (doc != NULL && !rep->warned_invalid)
        ost_doc_warn(doc, "invalid_utf8", NULL,
                     "text that is not UTF-8 was read as Windows-1252");
    rep->warned_invalid = TRUE;
}

static gboolean
is_digit_at(const char *s, gsize len, gsize i)
{
    return i < len && g_ascii_isdigit(s[i]);
}

static gboolean
is_apostrophe(gint32 c)
{
    return c == '\'' || c == 0x2019;
}

/* The damage @c is, as a SCAN_ flag; 0 for none. */
static guint
damage_of(gint32 c)
{
    return c == 0xFFFD                   ? SCAN_REPLACEMENT
           : c == 0xAD                   ? SCAN_SOFT_HYPHEN
           : c >= 0xFB00 && c <= 0xFB06 ? SCAN_PRESENTATION
                                         : 0;
}

/* The start of the character before @i (> 0) in the valid UTF-8 @s. */
static gsize
prev_char(const char *s, gsize i)
{
    do
        i--;
    while (i > 0 && ((guchar)s[i] & 0xC0) == 0x80);
    return i;
}

/* The start of the word holding the character at @i: back over letters,
 * and over apostrophes with a letter on either side. */
static gsize
word_start(const char *s, gsize i)
{
    while (i > 0) {
        guchar b = (guchar)s[i - 1];
        if (b < 0x80 && b != '\'') {
            if (!g_ascii_isalpha(b))
                break;
            i--;
            continue;
        }
        gsize p = prev_char(s, i), n;
        gint32 c = __ost_utf8_get(s + p, i - p, &n);
        if (__ost_is_word_char((gunichar)c)) {
            i = p;
            continue;
        }
        if (!is_apostrophe(c) || p == 0)
            break;
        gsize q = prev_char(s, p);
        if (!__ost_is_word_char((gunichar)__ost_utf8_get(s + q, p - q, &n)))
            break;
        i = q;
    }
    return i;
}

/* The end of the word starting at @i: letters, apostrophes inside; and
 * the damage it holds, in @damage (SCAN_REPLACEMENT, SCAN_PRESENTATION,
 * SCAN_SOFT_HYPHEN). */
static gsize
word_end(const char *s, gsize len, gsize i, guint *damage)
{
    gsize start = i;
    *damage = 0;
    while (i < len) {
        guchar b = (guchar)s[i];
        if (b < 0x80 && b != '\'') {
            if (!g_ascii_isalpha(b))
                break;
            i++;
            continue;
        }
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        if (is_apostrophe(c)) {
            gsize m;
            gint32 next = i + n < len ? __ost_utf8_get(s + i + n, len - i - n, &m) : -1;
            if (i == start || next < 0 || !__ost_is_word_char((gunichar)next))
                break;
        } else if (!__ost_is_word_char((gunichar)c)) {
            break;
        }
        *damage |= damage_of(c);
        i += n;
    }
    return i;
}

/* Words are runs of letters, apostrophes inside them included; hyphens
 * and everything else separate them, so each part of a compound is
 * repaired on its own. Only words holding damage are looked at: the text
 * is passed over to the next damaged character, and its word found
 * around it. */
static void
fix_words(ost_repairer *rep, const char *s, gsize len, GString *out, ost_doc *doc)
{
    gsize i = 0, copied = 0;
    while ((i = __ost_ascii_end(s, i, len)) < len) {
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        if (damage_of(c) == 0) {
            i += n;
            continue;
        }
        gsize start = word_start(s, i);
        start = MAX(start, copied);
        guint damage;
        gsize end = word_end(s, len, start, &damage);
        if (end <= i) { /* damage on its own, no word around it */
            i += n;
            continue;
        }
        gboolean by_digit = (start > 0 && is_digit_at(s, len, start - 1)) || is_digit_at(s, len, end);
        gsize rest = end;
        while (rest < len && g_ascii_isspace(s[rest]))
            rest++;
        __ost_gstring_put(out, s + copied, start - copied);
        __ost_word_fix(rep, s + start, end - start, damage, by_digit, rest == len, out, doc);
        copied = i = end;
    }
    __ost_gstring_put(out, s + copied, len - copied);
}

void
ost_repairer_fix_append(ost_repairer *rep, const char *text, gssize len, GString *out,
                        ost_doc *doc)
{
    gsize n = len < 0 ? strlen(text) : (gsize)len;
    guint flags = __ost_scan(text, n);
    if (flags == 0) {
        __ost_gstring_put(out, text, n);
        return;
    }
    GString **bufs = rep->stages;
    const char *s = text;
    if (flags & SCAN_INVALID) {
        g_string_truncate(bufs[0], 0);
        decode_invalid(rep, s, n, bufs[0], doc);
        s = bufs[0]->str, n = bufs[0]->len;
        flags = __ost_scan(s, n);
    }
    if (flags & SCAN_MOJIBAKE) {
        g_string_truncate(bufs[1], 0);
        __ost_mojibake_fix(rep, s, n, bufs[1], doc);
        s = bufs[1]->str, n = bufs[1]->len;
        flags = __ost_scan(s, n);
    }
    if (flags & (SCAN_REPLACEMENT | SCAN_PRESENTATION | SCAN_SOFT_HYPHEN)) {
        if (!(flags & SCAN_NOT_NFC)) {
            fix_words(rep, s, n, out, doc);
            return;
        }
        g_string_truncate(bufs[2], 0);
        fix_words(rep, s, n, bufs[2], doc);
        s = bufs[2]->str, n = bufs[2]->len;
    }
    char *nfc = (flags & SCAN_NOT_NFC) ? g_utf8_normalize(s, (gssize)n, G_NORMALIZE_NFC) : NULL;
    if (nfc != NULL)
        g_string_append(out, nfc);
    else
        __ost_gstring_put(out, s, n);
    g_free(nfc);
}

char *
ost_repairer_fix(ost_repairer *rep, const char *text, ost_doc *doc)
{
    if (text == NULL)
        return NULL;
    GString *out = g_string_sized_new(strlen(text) + 16);
    ost_repairer_fix_append(rep, text, -1, out, doc);
    return g_string_free(out, FALSE);
}
