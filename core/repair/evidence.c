/* SPDX-License-Identifier: MIT */
/* Per-document evidence: the words a document shows intact. */
#include "repair_private.h"

#include <string.h>

/* Enough for any real document; a stream past it keeps what it has, so
 * memory stays bounded however long the input. */
#define EVIDENCE_MAX_WORDS 100000

/* Text handed over to be learnt once evidence is first asked for. */
typedef struct {
    const char *text;
    gsize len;
} later_span;

struct evidence {
    GHashTable *words;   /* folded word -> count */
    guint generation;
    GString *folded;
    GArray *later;       /* of later_span, in the order given */
};

evidence *
__ost_evidence_new(void)
{
    evidence *ev = g_new0(evidence, 1);
    ev->words = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    ev->folded = g_string_sized_new(64);
    ev->later = g_array_new(FALSE, FALSE, sizeof(later_span));
    return ev;
}

void
__ost_evidence_free(evidence *ev)
{
    if (ev == NULL)
        return;
    g_hash_table_unref(ev->words);
    g_string_free(ev->folded, TRUE);
    g_array_free(ev->later, TRUE);
    g_free(ev);
}

static void
note(evidence *ev, const char *w, gsize len)
{
    g_string_truncate(ev->folded, 0);
    __ost_fold(w, len, ev->folded);
    guint *count = g_hash_table_lookup(ev->words, ev->folded->str);
    if (count != NULL) {
        if (*count < G_MAXUINT)
            (*count)++;
        return;
    }
    if (g_hash_table_size(ev->words) >= EVIDENCE_MAX_WORDS)
        return;
    count = g_new(guint, 1);
    *count = 1;
    g_hash_table_insert(ev->words, g_strdup(ev->folded->str), count);
    ev->generation++;
}

static gboolean
ligature_pair(const char *s, gsize i, gsize len)
{
    if (i + 1 >= len || (s[i] | 0x20) != 'f')
        return FALSE;
    char n = (char)(s[i + 1] | 0x20);
    return n == 'f' || n == 'i' || n == 'l';
}

/* The end of the word, or hyphenated compound of words, starting at @i
 * (letters, with apostrophes and hyphens only between letters), and
 * whether it holds damage, a hyphen, an f-ligature pair. */
static gsize
word_end(const char *s, gsize i, gsize len, gboolean *damaged, gboolean *hyphen, gboolean *lig)
{
    *damaged = *hyphen = *lig = FALSE;
    while (i < len) {
        guchar b = (guchar)s[i];
        if (g_ascii_isalpha(b)) {
            *lig |= ligature_pair(s, i, len);
            i++;
            continue;
        }
        gsize n = 1;
        gint32 c = b < 0x80 ? b : __ost_utf8_get(s + i, len - i, &n);
        gboolean joiner = c == '\'' || c == '-' || c == 0x2019;
        if (joiner) {
            gsize m;
            gint32 next = i + n < len ? __ost_utf8_get(s + i + n, len - i - n, &m) : -1;
            if (next < 0 || !__ost_is_word_char((gunichar)next))
                return i;
            *hyphen |= c == '-';
            i += n;
            continue;
        }
        if (c < 0x80 || !__ost_is_word_char((gunichar)c))
            return i;
        *damaged |= c == 0xFFFD || c == 0xAD || (c >= 0xFB00 && c <= 0xFB06);
        i += n;
    }
    return i;
}

static void
learn_span(evidence *ev, const char *s, gsize len)
{
    gsize i = 0;
    while (i < len) {
        guchar b = (guchar)s[i];
        if (b < 0x80 && !g_ascii_isalpha(b)) {
            i++;
            continue;
        }
        gsize n = 1;
        if (b >= 0x80) {
            gint32 c = __ost_utf8_get(s + i, len - i, &n);
            if (c < 0 || !__ost_is_word_char((gunichar)c)) {
                i += n;
                continue;
            }
        }
        gboolean damaged, hyphen, lig;
        gsize end = word_end(s, i, len, &damaged, &hyphen, &lig);
        if (!damaged && hyphen) {
            note(ev, s + i, end - i);
            for (gsize p = i, q; p < end; p = q + 1) {
                for (q = p; q < end && s[q] != '-'; q++)
                    ;
                gboolean part_lig = FALSE;
                for (gsize k = p; k < q; k++)
                    part_lig |= ligature_pair(s, k, q);
                if (part_lig)
                    note(ev, s + p, q - p);
            }
        } else if (!damaged && lig) {
            note(ev, s + i, end - i);
        }
        i = end > i ? end : i + n;
    }
}

static void learn_text(evidence *ev, const char *s, gsize len);

/* Text handed over for later is learnt, in order, before any answer, so
 * answers are the same as had it been learnt at once. */
static void
learn_later_text(evidence *ev)
{
    if (ev->later->len == 0)
        return;
    for (guint k = 0; k < ev->later->len; k++) {
        const later_span *sp = &g_array_index(ev->later, later_span, k);
        learn_text(ev, sp->text, sp->len);
    }
    g_array_set_size(ev->later, 0);
}

guint
__ost_evidence_count(evidence *ev, const char *w, gsize len)
{
    learn_later_text(ev);
    if (g_hash_table_size(ev->words) == 0)
        return 0;
    char *key = g_strndup(w, len);
    const guint *count = g_hash_table_lookup(ev->words, key);
    g_free(key);
    return count != NULL ? *count : 0;
}

guint
__ost_evidence_generation(evidence *ev)
{
    learn_later_text(ev);
    return ev->generation;
}

static gboolean
word_byte(guchar b)
{
    return g_ascii_isalpha(b) || b >= 0x80 || b == '\'' || b == '-';
}

/* Whether the eight bytes of @w may hold an 'f', 'F' or '-': each byte
 * with bit 0x20 set is compared with 'f' and '-' at once (a CR passes
 * too, and is then looked at byte by byte). */
static gboolean
may_hold_f_or_hyphen(guint64 w)
{
    const guint64 ones = G_GUINT64_CONSTANT(0x0101010101010101);
    const guint64 highs = G_GUINT64_CONSTANT(0x8080808080808080);
    guint64 v = w | (ones * 0x20);
    guint64 f = v ^ (ones * 'f'), hyphen = v ^ (ones * '-');
    return ((((f - ones) & ~f) | ((hyphen - ones) & ~hyphen)) & highs) != 0;
}

/* Most text holds no word worth remembering: only the spans around an
 * f-ligature pair or a hyphen are looked at closely. Eight bytes are
 * passed over at a time where they hold neither: byte by byte, finding
 * them was 4.5M of the 7.1M instructions learning 10,040 blocks (220
 * small pages) took. */
static void
learn_text(evidence *ev, const char *s, gsize len)
{
    /* Bytes before @c checked were passed by the eight-byte test already:
     * a window that may hold one is then read byte by byte, once (testing
     * again from every byte made learning clean prose 20% slower). */
    gsize checked = 0;
    for (gsize i = 0; i < len; i++) {
        if (i >= checked) {
            for (guint64 w; i + 8 <= len; i += 8) {
                memcpy(&w, s + i, 8);
                if (may_hold_f_or_hyphen(w))
                    break;
            }
            checked = i + 8;
        }
        if (i >= len)
            break;
        if (!ligature_pair(s, i, len) && s[i] != '-')
            continue;
        gsize start = i, end = i;
        while (start > 0 && word_byte((guchar)s[start - 1]))
            start--;
        while (end < len && word_byte((guchar)s[end]))
            end++;
        learn_span(ev, s + start, end - start);
        i = end;
    }
}

void
__ost_evidence_learn(evidence *ev, const char *s, gsize len)
{
    learn_later_text(ev);
    learn_text(ev, s, len);
}

void
__ost_evidence_learn_later(evidence *ev, const char *s, gsize len)
{
    /* Text that continues the last span joins it, so a document given
     * line by line is held as one span. */
    if (ev->later->len > 0) {
        later_span *last = &g_array_index(ev->later, later_span, ev->later->len - 1);
        if (last->text + last->len == s) {
            last->len += len;
            return;
        }
    }
    later_span sp = {s, len};
    g_array_append_val(ev->later, sp);
}
