/* SPDX-License-Identifier: MIT */
/* One-byte code pages, as mojibake undoes them: text back to its bytes,
 * and those bytes read as UTF-8 (or its CESU-8 variant). */
#include "repair_private.h"

#include <string.h>

/* The byte tables come from the system's iconv, one byte at a time, so no
 * table is written out here. A byte a code page leaves undefined is taken
 * as the C1 control of the same value, as decoders that "never fail" read
 * it; Windows-1252 also takes every C1 control, as Latin-1 reads them. */
static const char *const iconv_names[CP_N] = {
    [CP_WINDOWS_1252] = "WINDOWS-1252", [CP_WINDOWS_1251] = "WINDOWS-1251",
    [CP_MAC_ROMAN] = "MACINTOSH",       [CP_WINDOWS_1250] = "WINDOWS-1250",
    [CP_ISO_8859_2] = "ISO-8859-2",     [CP_WINDOWS_1257] = "WINDOWS-1257",
    [CP_437] = "IBM437",
};

/* Characters below this have a direct byte lookup; the few above it that
 * a code page holds are searched for. */
#define DIRECT_CHARS CP_DIRECT_CHARS

typedef struct {
    gunichar to_char[128];           /* high byte -> character */
    guint8 from_char[DIRECT_CHARS];  /* character -> high byte, 0: none */
} codepage_table;

static codepage_table *tables;
static guint8 *lead_masks, *continuation_masks; /* character -> code pages */

/* The few characters above DIRECT_CHARS that some code page holds. */
#define MAX_HIGH_CHARS 16
static struct {
    gunichar c;
    guint8 lead, continuation;
} high_chars[MAX_HIGH_CHARS];
static guint n_high_chars;

/* Apple's own Mac Roman mapping, which other decoders follow, differs
 * from iconv's in two bytes: both readings are undone. */
static const struct {
    ost_codepage cp;
    gunichar c;
    guchar b;
} aliases[] = {
    {CP_MAC_ROMAN, 0x2206, 0xC6},
    {CP_MAC_ROMAN, 0xF8FF, 0xF0},
};

static void
note_byte(ost_codepage cp, gunichar c, guchar b)
{
    guint8 lead = b >= 0xC2 && b <= 0xF4 ? (guint8)(1u << cp) : 0;
    guint8 continuation = b <= 0xBF ? (guint8)(1u << cp) : 0;
    if (c < DIRECT_CHARS) {
        if (tables[cp].from_char[c] == 0)
            tables[cp].from_char[c] = b;
        lead_masks[c] |= lead;
        continuation_masks[c] |= continuation;
        return;
    }
    guint i = 0;
    while (i < n_high_chars && high_chars[i].c != c)
        i++;
    if (i == MAX_HIGH_CHARS)
        return;
    n_high_chars += i == n_high_chars;
    high_chars[i].c = c;
    high_chars[i].lead |= lead;
    high_chars[i].continuation |= continuation;
}

static gunichar
byte_to_char(GIConv cd, guchar b)
{
    char in[1] = {(char)b}, out[8];
    gchar *ip = in, *op = out;
    gsize il = 1, ol = sizeof out;
    g_iconv(cd, NULL, NULL, NULL, NULL);
    if (g_iconv(cd, &ip, &il, &op, &ol) == (gsize)-1 || op == out)
        return b;
    gunichar c = g_utf8_get_char_validated(out, (gssize)(op - out));
    return c == (gunichar)-1 || c == (gunichar)-2 ? b : c;
}

static gpointer
build_tables(gpointer unused)
{
    (void)unused;
    tables = g_new0(codepage_table, CP_N);
    lead_masks = g_new0(guint8, DIRECT_CHARS);
    continuation_masks = g_new0(guint8, DIRECT_CHARS);
    for (int cp = 0; cp < CP_N; cp++) {
        GIConv cd = g_iconv_open("UTF-8", iconv_names[cp]);
        codepage_table *t = &tables[cp];
        for (int b = 0x80; b <= 0xFF; b++) {
            gunichar c = cd == (GIConv)-1 ? (gunichar)b : byte_to_char(cd, (guchar)b);
            t->to_char[b - 0x80] = c;
            note_byte((ost_codepage)cp, c, (guchar)b);
        }
        if (cd != (GIConv)-1)
            g_iconv_close(cd);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++)
        note_byte(aliases[i].cp, aliases[i].c, aliases[i].b);
    for (int b = 0x80; b <= 0x9F; b++)
        note_byte(CP_WINDOWS_1252, (gunichar)b, (guchar)b);
    return NULL;
}

static void
ensure_tables(void)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, build_tables, NULL);
}

static guint
high_char_mask(gunichar c, gboolean lead)
{
    for (guint i = 0; i < n_high_chars; i++)
        if (high_chars[i].c == c)
            return lead ? high_chars[i].lead : high_chars[i].continuation;
    return 0;
}

guint
__ost_cp_lead_mask(gunichar c)
{
    ensure_tables();
    return c < DIRECT_CHARS ? lead_masks[c] : high_char_mask(c, TRUE);
}

guint
__ost_cp_continuation_mask(gunichar c)
{
    ensure_tables();
    return c < DIRECT_CHARS ? continuation_masks[c] : high_char_mask(c, FALSE);
}

ost_cp_masks
__ost_cp_masks(void)
{
    ensure_tables();
    return (ost_cp_masks){lead_masks, continuation_masks};
}

gunichar
__ost_cp_char(ost_codepage cp, guchar b)
{
    ensure_tables();
    return b < 0x80 ? b : tables[cp].to_char[b - 0x80];
}

int
__ost_cp_byte(ost_codepage cp, gunichar c)
{
    ensure_tables();
    if (c < 0x80)
        return (int)c;
    const codepage_table *t = &tables[cp];
    if (c < DIRECT_CHARS)
        return t->from_char[c] != 0 ? t->from_char[c] : -1;
    for (int i = 0; i < 128; i++)
        if (t->to_char[i] == c)
            return 0x80 + i;
    for (gsize i = 0; i < G_N_ELEMENTS(aliases); i++)
        if (aliases[i].cp == cp && aliases[i].c == c)
            return aliases[i].b;
    return -1;
}

gboolean
__ost_cp_encode(ost_codepage cp, const char *s, gsize len, gboolean partial, GArray *units,
                GArray *offsets)
{
    g_array_set_size(units, len);
    if (offsets != NULL)
        g_array_set_size(offsets, len);
    guint16 *u = (guint16 *)units->data;
    gsize *off = offsets != NULL ? (gsize *)offsets->data : NULL;
    gsize k = 0;
    for (gsize i = 0; i < len; k++) {
        gsize ascii = __ost_ascii_end(s, i, len);
        for (; i < ascii; i++, k++) {
            u[k] = (guchar)s[i];
            if (off != NULL)
                off[k] = i;
        }
        if (i == len)
            break;
        guchar b = (guchar)s[i];
        gsize n = 1;
        int byte = b;
        if (b >= 0x80) {
            gint32 c = __ost_utf8_get(s + i, len - i, &n);
            byte = c == 0xFFFD ? UNIT_LOST : c < 0 ? -1 : __ost_cp_byte(cp, (gunichar)c);
            if (byte < 0 && !partial)
                return FALSE;
            if (byte < 0)
                byte = UNIT_NONE;
        }
        u[k] = (guint16)byte;
        if (off != NULL)
            off[k] = i;
        i += n;
    }
    g_array_set_size(units, k);
    if (offsets != NULL)
        g_array_set_size(offsets, k);
    return TRUE;
}

/* ---- reading bytes as UTF-8 -------------------------------------------- */

static gsize
sequence_length(guint16 lead)
{
    return lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
         : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
}

/* The Portuguese contractions whose "à" is written joined: "às", "àquele",
 * "àquela", "àquilo" (and plurals). */
static gboolean
joined_contraction(const guint16 *u, gsize n)
{
    static const char *const words[] = {"s", "quele", "queles", "quela", "quelas", "quilo"};
    gsize len = 0;
    while (len < n && u[len] < 0x80 && g_ascii_isalpha(u[len]))
        len++;
    if (len < n && u[len] == '\'')
        return FALSE;
    for (gsize w = 0; w < G_N_ELEMENTS(words); w++) {
        if (strlen(words[w]) != len)
            continue;
        gsize k = 0;
        while (k < len && u[k] == (guchar)words[w][k])
            k++;
        if (k == len)
            return TRUE;
    }
    return FALSE;
}

/* Where a continuation was expected but a space stands, the byte was 0xA0
 * (a no-break space in the one-byte reading) made a plain space. The
 * space stays too after a lone "Ã" before a lower-case word: "à" is a
 * word of its own, and the no-break space that followed it was dropped. */
static gboolean
space_for_a0(const guint16 *u, gsize n, gsize i, gsize j, guint flags, gboolean *keep_space)
{
    *keep_space = FALSE;
    if (u[j] != ' ')
        return FALSE;
    if (j == i + 1 && u[i] == 0xC3 && j + 1 < n && u[j + 1] < 0x80 &&
        g_ascii_islower(u[j + 1]) && !joined_contraction(u + j + 1, n - j - 1))
        *keep_space = TRUE;
    return *keep_space || (flags & DECODE_SPACES);
}

/* The continuation bytes of a sequence of @need from @i, into @bytes:
 * each one a continuation, a space standing for 0xA0 (DECODE_SPACES), or
 * a lost byte (U+FFFD, or with DECODE_QUESTION a question mark). Returns
 * the units read, 0 when there is no such sequence. */
static gsize
read_sequence(const guint16 *u, gsize n, gsize i, gsize need, guint flags,
              guchar *bytes, gboolean *lost, gboolean *keep_space)
{
    bytes[0] = (guchar)u[i];
    *lost = *keep_space = FALSE;
    gsize j = i + 1;
    for (gsize k = 1; k < need; k++, j++) {
        if (j >= n)
            return 0;
        if (u[j] >= 0x80 && u[j] <= 0xBF) {
            bytes[k] = (guchar)u[j];
        } else if (u[j] == UNIT_LOST || ((flags & DECODE_QUESTION) && u[j] == '?')) {
            *lost = TRUE;
            bytes[k] = 0x80;
        } else if (space_for_a0(u, n, i, j, flags, keep_space)) {
            bytes[k] = 0xA0;
            if (*keep_space)
                return j - i;
        } else {
            return 0;
        }
    }
    return j - i;
}

static gint32
sequence_value(const guchar *b, gsize need)
{
    gint32 c = b[0] & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
    for (gsize k = 1; k < need; k++)
        c = (c << 6) | (b[k] & 0x3F);
    static const gint32 min[] = {0, 0, 0x80, 0x800, 0x10000};
    return c < min[need] || c > 0x10FFFF ? -1 : c;
}

gsize
__ost_utf8_decode_one(const guint16 *u, gsize n, gsize i, guint flags, GString *out)
{
    gsize need = sequence_length(u[i]);
    guchar bytes[4];
    gboolean lost, keep_space;
    gsize used = need ? read_sequence(u, n, i, need, flags, bytes, &lost, &keep_space) : 0;
    if (used == 0)
        return 0;
    if (keep_space || lost) {
        g_string_append_unichar(out, keep_space ? 0xE0 : 0xFFFD);
        return used;
    }
    gint32 c = sequence_value(bytes, need);
    if (c >= 0xD800 && c <= 0xDBFF && i + 6 <= n && u[i + 3] == 0xED) {
        /* CESU-8: a character beyond the BMP as two surrogates. */
        guchar low[4];
        if (read_sequence(u, n, i + 3, 3, 0, low, &lost, &keep_space) != 3 || lost)
            return 0;
        gint32 l = sequence_value(low, 3);
        if (l < 0xDC00 || l > 0xDFFF)
            return 0;
        g_string_append_unichar(out, 0x10000 + ((c - 0xD800) << 10) + (l - 0xDC00));
        return 6;
    }
    if (c < 0 || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    g_string_append_unichar(out, (gunichar)c);
    return used;
}

gboolean
__ost_utf8_decode_units(const guint16 *u, gsize n, guint flags, GString *out)
{
    for (gsize i = 0; i < n;) {
        if (u[i] < 0x80) {
            gsize end = i + 1;
            while (end < n && u[end] < 0x80)
                end++;
            gsize at = out->len;
            g_string_set_size(out, at + (end - i));
            for (; i < end; i++)
                out->str[at++] = (char)u[i];
            continue;
        }
        if (u[i] == UNIT_LOST) {
            g_string_append_unichar(out, 0xFFFD);
            i++;
            continue;
        }
        gsize used = __ost_utf8_decode_one(u, n, i, flags, out);
        if (used == 0)
            return FALSE;
        i += used;
    }
    return TRUE;
}
