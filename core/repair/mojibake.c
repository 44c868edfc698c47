/* SPDX-License-Identifier: MIT */
/* Mojibake: UTF-8 that was decoded with a one-byte code page, undone. */
#include "repair_private.h"

#include <string.h>

/* UTF-8 read as a one-byte code page turns every multi-byte character into
 * a lead character followed by one to three standing for continuation
 * bytes. Like ftfy, we encode the text back to bytes with each code page
 * it may have been read as, read those as UTF-8, and keep a reading only
 * when it is valid and lowers the implausibility of the text: Welsh
 * "â’ch", Portuguese "JOÃO" or a trademark "NESTLÉ®" stay as they are.
 * The whole text is tried first; where real characters sit beside the
 * damage, each sequence is tried on its own (Windows-1252 and Latin-1
 * only, by far the commonest). Text mangled more than once is undone a
 * round at a time. */

#define MAX_ROUNDS 4
#define LOOKAHEAD 2

typedef struct mojibake_scratch {
    GArray *units, *offsets;
    GString *piece, *window, *cur, *next;
} scratch;

mojibake_scratch *
__ost_mojibake_scratch_new(void)
{
    scratch *sc = g_new(scratch, 1);
    sc->units = g_array_new(FALSE, FALSE, sizeof(guint16));
    sc->offsets = g_array_new(FALSE, FALSE, sizeof(gsize));
    sc->piece = g_string_new(NULL);
    sc->window = g_string_new(NULL);
    sc->cur = g_string_new(NULL);
    sc->next = g_string_new(NULL);
    return sc;
}

void
__ost_mojibake_scratch_free(mojibake_scratch *sc)
{
    if (sc == NULL)
        return;
    g_array_free(sc->units, TRUE);
    g_array_free(sc->offsets, TRUE);
    g_string_free(sc->piece, TRUE);
    g_string_free(sc->window, TRUE);
    g_string_free(sc->cur, TRUE);
    g_string_free(sc->next, TRUE);
    g_free(sc);
}

static gboolean fix_whole(const char *s, gsize len, int cost, int depth, scratch *sc,
                          GString *out, int *out_cost);

/* The code pages that may have made the mojibake in @s: where a lead is
 * followed by a continuation, a lost byte, or a space. */
static guint
suspect_codepages(const char *s, gsize len)
{
    guint mask = 0;
    gint32 prev = -1;
    for (gsize i = 0; i < len;) {
        if (prev < 0x80) {
            gsize end = __ost_ascii_end(s, i, len);
            if (end > i) {
                prev = (guchar)s[end - 1];
                i = end;
                continue;
            }
        }
        gsize n;
        gint32 c = __ost_utf8_get(s + i, len - i, &n);
        if (prev >= 0x80) {
            guint lead = __ost_cp_lead_mask((gunichar)prev);
            if (c >= 0x80)
                mask |= lead & (c == 0xFFFD ? ~0u : __ost_cp_continuation_mask((gunichar)c));
            else if (c == ' ' || c == '?')
                mask |= lead;
        }
        prev = c;
        i += n;
    }
    return mask;
}

/* Code pages whose byte 0xA0 is a no-break space, one that may have
 * become a plain space since. */
#define SPACED_CODEPAGES                                                               \
    ((1u << CP_WINDOWS_1252) | (1u << CP_WINDOWS_1250) | (1u << CP_ISO_8859_2) |        \
     (1u << CP_WINDOWS_1257))

/* The whole of @s read with the code page that makes it most plausible,
 * into @out; FALSE when none does better than @cost. A reading that is
 * no better may still be one step of several ("√©" is "é" read as Mac
 * Roman twice): with @depth left, the next round is looked at too. */
static gboolean
fix_whole(const char *s, gsize len, int cost, int depth, scratch *sc, GString *out,
          int *out_cost)
{
    guint mask = suspect_codepages(s, len);
    int best = cost;
    /* A round looked at ahead needs buffers of its own. */
    GString *piece = depth == LOOKAHEAD ? sc->piece : g_string_new(NULL), *further = NULL;
    for (int cp = 0; cp < CP_N && best > 0; cp++) {
        if (!(mask & (1u << cp)) ||
            !__ost_cp_encode((ost_codepage)cp, s, len, FALSE, sc->units, NULL))
            continue;
        const guint16 *u = (const guint16 *)sc->units->data;
        guint spaces = (SPACED_CODEPAGES & (1u << cp)) ? DECODE_SPACES : 0;
        g_string_truncate(piece, 0);
        if (!__ost_utf8_decode_units(u, sc->units->len, spaces, piece)) {
            g_string_truncate(piece, 0);
            if (!__ost_utf8_decode_units(u, sc->units->len, spaces | DECODE_QUESTION, piece))
                continue;
        }
        int c = __ost_implausibility(piece->str, piece->len);
        if (c < best) {
            best = c;
            g_string_assign(out, piece->str);
        } else if (depth > 0 && !(piece->len == len && memcmp(piece->str, s, len) == 0)) {
            if (further == NULL)
                further = g_string_new(NULL);
            int c2;
            if (fix_whole(piece->str, piece->len, best, depth - 1, sc, further, &c2)) {
                best = c2;
                g_string_assign(out, further->str);
            }
        }
    }
    if (piece != sc->piece)
        g_string_free(piece, TRUE);
    if (further != NULL)
        g_string_free(further, TRUE);
    *out_cost = best;
    return best < cost;
}

/* One sequence that may be mojibake: bytes [from, to) of the text and
 * their reading. */
typedef struct {
    gsize from, to;
    gsize units;
    char *reading;
} candidate;

/* The character at @p, a C1 control as the punctuation it will become. */
static void
append_neighbour(GString *window, const char *p)
{
    gunichar c = g_utf8_get_char(p);
    if (c >= 0x80 && c < 0xA0)
        c = __ost_cp_char(CP_WINDOWS_1252, (guchar)c);
    g_string_append_unichar(window, c);
}

/* The last character of @s[0, @end) (or of @reading when a candidate
 * ends there) and the first of @s[@start, @len) (or of the next
 * candidate's reading), around a middle, into @window. */
static void
with_neighbours(const char *s, gsize len, const candidate *prev, const candidate *next,
                gsize from, gsize to, const char *middle, gsize middle_len, GString *window)
{
    g_string_truncate(window, 0);
    if (prev != NULL && prev->to == from) {
        const char *r = prev->reading, *p = g_utf8_find_prev_char(r, r + strlen(r));
        g_string_append(window, p != NULL ? p : r);
    } else if (from > 0) {
        append_neighbour(window, g_utf8_find_prev_char(s, s + from));
    }
    g_string_append_len(window, middle, (gssize)middle_len);
    if (next != NULL && next->from == to)
        g_string_append_len(window, next->reading, g_utf8_skip[(guchar)next->reading[0]]);
    else if (to < len)
        append_neighbour(window, s + to);
}

/* Each Windows-1252 sequence of @s decoded where that alone makes its
 * neighbourhood wholly plausible, into @out. A lone two-byte sequence is
 * too weak a sign ("DrÃ¥ber" beside a real dash may be a name); two, or
 * one of three bytes or more, are taken, when they halve the text's
 * implausibility at least. */
static gboolean
fix_sequences(const char *s, gsize len, int cost, scratch *sc, GString *out, int *out_cost)
{
    __ost_cp_encode(CP_WINDOWS_1252, s, len, TRUE, sc->units, sc->offsets);
    const guint16 *u = (const guint16 *)sc->units->data;
    const gsize *off = (const gsize *)sc->offsets->data;
    gsize n = sc->units->len;
    GArray *cands = g_array_new(FALSE, FALSE, sizeof(candidate));
    for (gsize i = 0; i < n;) {
        g_string_truncate(sc->piece, 0);
        gsize used = u[i] >= 0xC2 && u[i] <= 0xF4
                         ? __ost_utf8_decode_one(u, n, i, DECODE_SPACES, sc->piece) : 0;
        if (used == 0) {
            i++;
            continue;
        }
        candidate c = {off[i], i + used < n ? off[i + used] : len, used,
                       g_strndup(sc->piece->str, sc->piece->len)};
        g_array_append_val(cands, c);
        i += used;
    }
    guint taken = 0, strong = 0;
    gboolean long_one = FALSE;
    gsize copied = 0;
    g_string_truncate(out, 0);
    for (guint k = 0; k < cands->len; k++) {
        const candidate *c = &g_array_index(cands, candidate, k);
        const candidate *prev = k > 0 ? c - 1 : NULL, *next = k + 1 < cands->len ? c + 1 : NULL;
        with_neighbours(s, len, NULL, NULL, c->from, c->to, s + c->from, c->to - c->from,
                        sc->window);
        int before = __ost_implausibility(sc->window->str, sc->window->len);
        with_neighbours(s, len, prev, next, c->from, c->to, c->reading, strlen(c->reading),
                        sc->window);
        if (__ost_implausibility(sc->window->str, sc->window->len) > 0)
            continue;
        /* "Ã " before a word is "à": nothing on its own, but taken
         * beside other repairs. */
        gboolean grave_a = c->units == 1 && strcmp(c->reading, "\xC3\xA0") == 0;
        if (before == 0 && !grave_a)
            continue;
        strong += before > 0;
        g_string_append_len(out, s + copied, (gssize)(c->from - copied));
        g_string_append(out, c->reading);
        copied = c->to;
        taken++;
        long_one |= c->units >= 3;
    }
    g_string_append_len(out, s + copied, (gssize)(len - copied));
    for (guint k = 0; k < cands->len; k++)
        g_free(g_array_index(cands, candidate, k).reading);
    g_array_free(cands, TRUE);
    if (strong == 0 || (taken < 2 && !long_one))
        return FALSE;
    /* Text left mostly garbled was not read right by any of it. */
    *out_cost = __ost_implausibility(out->str, out->len);
    return *out_cost * 2 <= cost;
}

/* C1 controls left over are Windows-1252 punctuation read as Latin-1. */
static void
fix_c1_controls(const char *s, gsize len, GString *out)
{
    gsize copied = 0;
    for (const char *p = s; (p = memchr(p, 0xC2, len - (gsize)(p - s))) != NULL; p++) {
        gsize at = (gsize)(p - s);
        guchar next = at + 1 < len ? (guchar)p[1] : 0;
        gunichar to = next >= 0x80 && next < 0xA0 ? __ost_cp_char(CP_WINDOWS_1252, next) : 0;
        if (to == 0 || to == next)
            continue;
        g_string_append_len(out, s + copied, (gssize)(at - copied));
        g_string_append_unichar(out, to);
        copied = at + 2;
        p++;
    }
    g_string_append_len(out, s + copied, (gssize)(len - copied));
}

/* Record the change from @from to @to, both trimmed of what they share
 * at either end. */
static void
record_change(ost_repairer *rep, ost_doc *doc, const char *from, gsize from_len, const char *to,
              gsize to_len)
{
    gsize head = 0;
    while (head < from_len && head < to_len && from[head] == to[head])
        head++;
    while (head > 0 && ((guchar)from[head] & 0xC0) == 0x80)
        head--;
    gsize tail = 0;
    while (tail < from_len - head && tail < to_len - head &&
           from[from_len - 1 - tail] == to[to_len - 1 - tail])
        tail++;
    while (tail > 0 && ((guchar)from[from_len - tail] & 0xC0) == 0x80)
        tail--;
    __ost_record(rep, doc, REPAIR_MOJIBAKE, from + head, from_len - head - tail, to + head,
                 to_len - head - tail);
}

static gsize
non_ascii_end(const char *s, gsize i, gsize len)
{
    while (i < len && (guchar)s[i] >= 0x80)
        i++;
    return i;
}

/* Record each stretch that changed from @from to @to. Mojibake changes
 * runs of characters beyond ASCII, so both are walked together over the
 * ASCII they share, a run at a time; where they stop agreeing (a space
 * taken for a no-break one), the rest is one change. */
static void
record_changes(ost_repairer *rep, ost_doc *doc, const char *from, gsize from_len,
               const char *to, gsize to_len)
{
    gsize i = 0, j = 0;
    while (i < from_len && j < to_len) {
        if (from[i] == to[j] && (guchar)from[i] < 0x80) {
            i++, j++;
            continue;
        }
        gsize i2 = non_ascii_end(from, i, from_len), j2 = non_ascii_end(to, j, to_len);
        gboolean aligned = i2 > i && j2 > j && (i2 == from_len) == (j2 == to_len) &&
                           (i2 == from_len || from[i2] == to[j2]);
        if (!aligned)
            break;
        __ost_record(rep, doc, REPAIR_MOJIBAKE, from + i, i2 - i, to + j, j2 - j);
        i = i2, j = j2;
    }
    if (i < from_len || j < to_len)
        record_change(rep, doc, from + i, from_len - i, to + j, to_len - j);
}

/* Only the stretch from two characters before the first byte beyond
 * ASCII to a little after the last needs reading again: no cost of the
 * implausibility measure involves ASCII alone, and a sequence reaches at
 * most a space and the word after it into ASCII. */
#define CONTEXT_BEFORE 2
#define CONTEXT_AFTER 12

void
__ost_mojibake_fix(ost_repairer *rep, const char *s, gsize len, GString *out, ost_doc *doc)
{
    gsize first = __ost_ascii_end(s, 0, len), last = len;
    while (last > first && (guchar)s[last - 1] < 0x80)
        last--;
    gsize from = first > CONTEXT_BEFORE ? first - CONTEXT_BEFORE : 0;
    gsize to = MIN(len, last + CONTEXT_AFTER);
    g_string_append_len(out, s, (gssize)from);
    const char *rest = s + to;
    gsize rest_len = len - to;
    s += from;
    len = to - from;

    scratch *sc = rep->mojibake;
    GString *cur = sc->cur, *next = sc->next;
    g_string_assign(cur, "");
    g_string_append_len(cur, s, (gssize)len);
    int cost = __ost_implausibility(s, len);
    for (int round = 0; round < MAX_ROUNDS && cost > 0; round++) {
        int next_cost;
        if (!fix_whole(cur->str, cur->len, cost, LOOKAHEAD, sc, next, &next_cost) &&
            !fix_sequences(cur->str, cur->len, cost, sc, next, &next_cost))
            break;
        GString *t = cur;
        cur = next, next = t;
        cost = next_cost;
    }
    gsize start = out->len;
    fix_c1_controls(cur->str, cur->len, out);
    record_changes(rep, doc, s, len, out->str + start, out->len - start);
    g_string_append_len(out, rest, (gssize)rest_len);
}
