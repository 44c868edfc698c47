/* SPDX-License-Identifier: MIT */
/* Mojibake: UTF-8 that was decoded as Windows-1252 or Latin-1, undone. */
#include "repair_private.h"

#include <string.h>

/* UTF-8 read as a one-byte code page turns every multi-byte character into
 * a lead character (Â..ô) followed by one to three characters standing for
 * continuation bytes (0x80..0xBF). Like ftfy, we find such sequences,
 * encode them back to bytes, and keep the decoding only when it is valid
 * UTF-8 and the sequence could hardly be meant: Welsh "â’ch", Portuguese
 * "JOÃO" or "Siân" never form valid UTF-8 and stay as they are. */

int
__ost_cp1252_byte(gint32 c)
{
    if (c >= 0 && c <= 0xFF)
        return c;
    switch (c) {
    case 0x20AC: return 0x80;
    case 0x201A: return 0x82;
    case 0x0192: return 0x83;
    case 0x201E: return 0x84;
    case 0x2026: return 0x85;
    case 0x2020: return 0x86;
    case 0x2021: return 0x87;
    case 0x02C6: return 0x88;
    case 0x2030: return 0x89;
    case 0x0160: return 0x8A;
    case 0x2039: return 0x8B;
    case 0x0152: return 0x8C;
    case 0x017D: return 0x8E;
    case 0x2018: return 0x91;
    case 0x2019: return 0x92;
    case 0x201C: return 0x93;
    case 0x201D: return 0x94;
    case 0x2022: return 0x95;
    case 0x2013: return 0x96;
    case 0x2014: return 0x97;
    case 0x02DC: return 0x98;
    case 0x2122: return 0x99;
    case 0x0161: return 0x9A;
    case 0x203A: return 0x9B;
    case 0x0153: return 0x9C;
    case 0x017E: return 0x9E;
    case 0x0178: return 0x9F;
    default: return -1;
    }
}

static gboolean
is_continuation(gint32 c)
{
    int b = __ost_cp1252_byte(c);
    return b >= 0x80 && b <= 0xBF;
}

/* Characters that legitimately follow a capital letter often enough
 * ("CAFÉ”", "Ö’s") that a lone two-byte reading of them is not trusted. */
static gboolean
common_follower(gint32 c)
{
    switch (c) {
    case 0xAD: case 0xB7: case 0xB4: case 0xB0: case 0xAB: case 0xBB:
    case 0x2013: case 0x2014: case 0x2015: case 0x2026: case 0x2018: case 0x2019:
    case 0x201C: case 0x201D: case 0x2022:
        return TRUE;
    default:
        return FALSE;
    }
}

typedef struct {
    const char *s;
    gsize len;
    gboolean relaxed;  /* the text already showed mojibake */
} line;

/* One candidate sequence: a lead and its continuations, as bytes. */
typedef struct {
    guchar bytes[4];
    gsize need;
    gint32 decoded;
    gint32 follower;  /* the character standing for the first continuation */
} sequence;

/* Parse the sequence at @i; returns its end, or 0 when there is none. */
static gsize
parse_sequence(const line *l, gsize i, sequence *seq)
{
    gsize n;
    int b0 = __ost_cp1252_byte(__ost_utf8_get(l->s + i, l->len - i, &n));
    if (b0 < 0xC2 || b0 > 0xF4)
        return 0;
    seq->need = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    seq->bytes[0] = (guchar)b0;
    seq->follower = -1;
    gsize j = i + n, k = 1;
    for (; k < seq->need && j < l->len; k++) {
        gsize m;
        gint32 c = __ost_utf8_get(l->s + j, l->len - j, &m);
        if (!is_continuation(c))
            break;
        if (k == 1)
            seq->follower = c;
        seq->bytes[k] = (guchar)__ost_cp1252_byte(c);
        j += m;
    }
    if (k < seq->need) {
        /* "â€" whose third byte, 0x9D, Windows-1252 does not define: the
         * right double quote, its byte dropped or replaced. */
        if (!(seq->need == 3 && k == 2 && seq->bytes[0] == 0xE2 && seq->bytes[1] == 0x80))
            return 0;
        seq->bytes[2] = 0x9D;
        gsize m;
        if (j < l->len && __ost_utf8_get(l->s + j, l->len - j, &m) == 0xFFFD)
            j += m;
    }
    gsize dn;
    seq->decoded = __ost_utf8_get((const char *)seq->bytes, seq->need, &dn);
    if (seq->decoded < 0 || dn != seq->need)
        return 0;
    GUnicodeType t = g_unichar_type((gunichar)seq->decoded);
    if (t == G_UNICODE_UNASSIGNED || t == G_UNICODE_PRIVATE_USE || t == G_UNICODE_SURROGATE)
        return 0;
    return j;
}

/* Is a run of @n sequences, the first @first, after @prev, mojibake?
 * Long runs and three- and four-byte sequences hardly occur in real text;
 * a lone two-byte one is trusted only where a capital letter followed by
 * punctuation is unlikely. */
static gboolean
is_mojibake(const line *l, const sequence *first, guint n, gboolean has_long,
            gboolean has_control, gint32 prev)
{
    if (prev >= 0x80 && is_continuation(prev))
        return FALSE; /* inside a garble, fixing a piece makes things worse */
    if (has_control)
        return n >= 2; /* a control character is only a step of double mangling */
    if (has_long || n >= 2 || l->relaxed)
        return TRUE;
    gboolean after_lower = prev >= 0 && g_unichar_islower((gunichar)prev);
    gboolean after_upper = prev >= 0 && g_unichar_isupper((gunichar)prev);
    if (first->bytes[0] == 0xC2 || first->bytes[0] == 0xC3)
        return !(after_upper && common_follower(first->follower));
    return g_unichar_isalpha((gunichar)first->decoded) &&
           (after_lower || !common_follower(first->follower));
}

/* Decode @s, without recording; TRUE when anything changed. */
static gboolean
fix_text(const char *s, gsize len, gboolean relaxed, GString *out, int depth);

/* The maximal run of sequences from @i, decoded (again, when it was
 * mangled twice) into @to. Returns the end of the run, or 0. */
static gsize
fix_run(const line *l, gsize i, gint32 prev, GString *to, int depth)
{
    GString *bytes = g_string_new(NULL);
    sequence first = {0}, seq;
    guint n = 0;
    gboolean has_long = FALSE, has_control = FALSE;
    gsize end = i, next;
    while (end < l->len && (next = parse_sequence(l, end, &seq)) != 0) {
        if (n++ == 0)
            first = seq;
        has_long |= seq.need > 2;
        has_control |= seq.decoded < 0xA0;
        g_string_append_len(bytes, (const char *)seq.bytes, (gssize)seq.need);
        end = next;
    }
    if (n == 0 || !is_mojibake(l, &first, n, has_long, has_control, prev)) {
        g_string_free(bytes, TRUE);
        return 0;
    }
    GString *again = g_string_new(NULL);
    gboolean twice = depth < 2 && fix_text(bytes->str, bytes->len, TRUE, again, depth + 1);
    g_string_append_len(to, twice ? again->str : bytes->str,
                        (gssize)(twice ? again->len : bytes->len));
    g_string_free(again, TRUE);
    g_string_free(bytes, TRUE);
    return end;
}

typedef struct {
    ost_repairer *rep;
    ost_doc *doc;
} recorder;

static gboolean
fix_pass(const line *l, GString *out, int depth, const recorder *rec)
{
    gboolean changed = FALSE;
    gint32 prev = -1;
    gsize i = 0, copied = 0;
    GString *to = g_string_new(NULL);
    while (i < l->len) {
        if ((guchar)l->s[i] != 0xC3) { /* every lead is U+00C2..U+00F4 */
            gsize n;
            prev = (guchar)l->s[i] < 0x80 ? (guchar)l->s[i]
                                          : __ost_utf8_get(l->s + i, l->len - i, &n);
            i += (guchar)l->s[i] < 0x80 ? 1 : n;
            continue;
        }
        g_string_truncate(to, 0);
        gsize end = fix_run(l, i, prev, to, depth);
        if (end == 0) {
            gsize n;
            prev = __ost_utf8_get(l->s + i, l->len - i, &n);
            i += n;
            continue;
        }
        g_string_append_len(out, l->s + copied, (gssize)(i - copied));
        g_string_append_len(out, to->str, (gssize)to->len);
        if (rec != NULL)
            __ost_record(rec->rep, rec->doc, REPAIR_MOJIBAKE, l->s + i, end - i, to->str,
                         to->len);
        changed = TRUE;
        gsize n;
        const char *last = g_utf8_find_prev_char(l->s, l->s + end);
        prev = __ost_utf8_get(last, (gsize)(l->s + end - last), &n);
        i = copied = end;
    }
    g_string_append_len(out, l->s + copied, (gssize)(l->len - copied));
    g_string_free(to, TRUE);
    return changed;
}

/* Strict first; when that finds mojibake, the text is known to be
 * mangled and the less certain sequences are taken too. */
static gboolean
fix_line(const char *s, gsize len, gboolean relaxed, GString *out, int depth,
         const recorder *rec)
{
    line l = {s, len, relaxed};
    if (!relaxed) {
        GString *probe = g_string_new(NULL);
        l.relaxed = fix_pass(&l, probe, depth, NULL);
        g_string_free(probe, TRUE);
    }
    return fix_pass(&l, out, depth, rec);
}

static gboolean
fix_text(const char *s, gsize len, gboolean relaxed, GString *out, int depth)
{
    if (!g_utf8_validate(s, (gssize)len, NULL))
        return FALSE;
    return fix_line(s, len, relaxed, out, depth, NULL);
}

void
__ost_mojibake_fix(ost_repairer *rep, const char *s, gsize len, GString *out, ost_doc *doc)
{
    recorder rec = {rep, doc};
    fix_line(s, len, FALSE, out, 0, &rec);
}
