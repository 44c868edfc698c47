/* SPDX-License-Identifier: MIT */
/* Character sets of web pages: BOM, declaration, and what the bytes say. */
#include "html_private.h"

#include <string.h>

#define SNIFF_BYTES 4096

/* Windows-1252 code points of bytes 0x80..0x9F; the other bytes are Latin-1.
 * Browsers read ISO-8859-1 and US-ASCII declarations as Windows-1252, and
 * so do we: pages declaring Latin-1 routinely carry curly quotes there. */
static const gunichar cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static char *
decode_cp1252(const guint8 *data, gsize len, gsize *out_len)
{
    GString *out = g_string_sized_new(len + len / 8 + 1);
    for (gsize i = 0; i < len; i++) {
        guint8 c = data[i];
        if (c < 0x80)
            g_string_append_c(out, (char)c);
        else
            g_string_append_unichar(out, c < 0xA0 ? cp1252_high[c - 0x80] : c);
    }
    *out_len = out->len;
    return g_string_free(out, FALSE);
}

static gboolean
names_utf8(const char *cs)
{
    return g_ascii_strcasecmp(cs, "utf-8") == 0 || g_ascii_strcasecmp(cs, "utf8") == 0;
}

/* Labels the WHATWG encoding standard maps to Windows-1252. */
static gboolean
names_cp1252(const char *cs)
{
    static const char *const labels[] = {
        "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
        "latin1", "l1", "us-ascii", "ascii", "iso-ir-100", "ibm819", "cp819", NULL,
    };
    for (guint i = 0; labels[i] != NULL; i++)
        if (g_ascii_strcasecmp(cs, labels[i]) == 0)
            return TRUE;
    return FALSE;
}

/* The value after "charset=" or "encoding=", up to a quote, space, ';' or '>'. */
static char *
value_after(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '"' || *p == '\''))
        p++;
    const char *start = p;
    while (p < end && (g_ascii_isalnum(*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
        p++;
    return p > start ? g_ascii_strdown(start, p - start) : NULL;
}

/* The first @p needle (lower-case ASCII) in [p, end), ignoring case, or NULL. */
static const char *
find_ascii_ci(const char *p, const char *end, const char *needle)
{
    gsize n = strlen(needle);
    for (; p + n <= end; p++)
        if ((*p | 0x20) == needle[0] && g_ascii_strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* The first tag in [p, end) opening with @p open ("<meta"), ignoring case. */
static const char *
find_tag(const char *p, const char *end, const char *open)
{
    gsize n = strlen(open);
    for (p = memchr(p, '<', end - p); p != NULL; p = memchr(p + 1, '<', end - p - 1))
        if ((gsize)(end - p) >= n && (p[1] | 0x20) == open[1] &&
            g_ascii_strncasecmp(p, open, n) == 0)
            return p;
    return NULL;
}

/* The value of @p attr ("charset=") inside the tag at @p tag, or NULL. */
static char *
tag_value(const char *tag, const char *tag_end, const char *end, const char *attr)
{
    const char *v = find_ascii_ci(tag, tag_end != NULL ? tag_end : end, attr);
    return v != NULL ? value_after(v + strlen(attr), tag_end != NULL ? tag_end : end) : NULL;
}

/* Read in place, from one '<' to the next: lowering the whole head first
 * (g_ascii_strdown) was 10 of the 16.5 million instructions of decoding
 * the sample pages, a byte-by-byte search 7.5. A NUL ends the head: pages
 * with NULs declare nothing we can read. */
char *
__ost_html_declared_charset(const guint8 *data, gsize len)
{
    const char *head = (const char *)data;
    const char *nul = memchr(head, 0, MIN(len, SNIFF_BYTES));
    const char *end = nul != NULL ? nul : head + MIN(len, SNIFF_BYTES);
    const char *xml = find_tag(head, end, "<?xml");
    if (xml != NULL) {
        char *found = tag_value(xml, find_ascii_ci(xml, end, "?>"), end, "encoding=");
        if (found != NULL)
            return found;
    }
    for (const char *meta = find_tag(head, end, "<meta"); meta != NULL;
         meta = find_tag(meta + 1, end, "<meta")) {
        char *found = tag_value(meta, memchr(meta, '>', end - meta), end, "charset=");
        if (found != NULL)
            return found;
    }
    return NULL;
}

/* Bytes that are not valid UTF-8 may still be UTF-8 with a few stray
 * bytes, or text in a single-byte charset. Count both kinds of evidence. */
static void
count_utf8(const guint8 *data, gsize len, gsize *multibyte, gsize *invalid)
{
    *multibyte = *invalid = 0;
    const char *p = (const char *)data, *end = p + len;
    while (p < end) {
        const char *bad = NULL;
        g_utf8_validate_len(p, end - p, &bad);
        for (const char *q = p; q < bad; q++)
            if (((guint8)*q & 0xC0) == 0xC0)
                (*multibyte)++;
        if (bad >= end)
            break;
        (*invalid)++;
        p = bad + 1;
    }
}

static char *
dup_len(const char *data, gsize len, gsize *out_len)
{
    *out_len = len;
    return g_strndup(data, len);
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* g_utf8_validate_len, with the ASCII that makes up nearly all of a page
 * passed over eight bytes at a time; GLib still judges every run of
 * non-ASCII bytes (a character never holds an ASCII byte, so runs are
 * judged alone). Checking the sample pages took 9 instructions a byte
 * with GLib alone, about 1.5 so. *non_ascii is set when a byte >= 0x80 was
 * seen. NUL is invalid, as for g_utf8_validate_len. */
static gboolean
valid_utf8(const guint8 *d, gsize len, gboolean *non_ascii)
{
    *non_ascii = FALSE;
    gsize i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            guint64 w;
            memcpy(&w, d + i, 8);
            /* No byte with its high bit set, and no NUL byte. */
            if (((w & HIGHS) | ((w - ONES) & ~w & HIGHS)) == 0) {
                i += 8;
                continue;
            }
        }
        if (d[i] == 0)
            return FALSE;
        if (d[i] < 0x80) {
            i++;
            continue;
        }
        gsize j = i;
        while (j < len && d[j] >= 0x80)
            j++;
        if (!g_utf8_validate_len((const char *)d + i, j - i, NULL))
            return FALSE;
        *non_ascii = TRUE;
        i = j;
    }
    return TRUE;
}

char *
__ost_html_decode(const guint8 *data, gsize len, ost_read_context *ctx, gsize *out_len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
        gboolean non_ascii;
        if (valid_utf8(data, len, &non_ascii))
            return dup_len((const char *)data, len, out_len);
        char *fixed = g_utf8_make_valid((const char *)data, len);
        *out_len = strlen(fixed);
        return fixed;
    }
    if (len >= 2 && (memcmp(data, "\xFF\xFE", 2) == 0 || memcmp(data, "\xFE\xFF", 2) == 0)) {
        gsize written = 0;
        char *utf8 = g_convert((const char *)data + 2, len - 2, "UTF-8",
                               data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, &written, NULL);
        if (utf8 != NULL) {
            *out_len = written;
            return utf8;
        }
    }

    char *declared = __ost_html_declared_charset(data, len);
    char *result = NULL;
    gboolean non_ascii;
    if (valid_utf8(data, len, &non_ascii)) {
        /* Valid multi-byte UTF-8 does not happen by chance in Latin-1 text:
         * the bytes win over a declaration they contradict. */
        if (declared != NULL && !names_utf8(declared) && non_ascii)
            ost_read_context_warn(ctx, "charset_mismatch", NULL,
                                  "The page declares %s but its bytes are UTF-8; read as UTF-8",
                                  declared);
        result = dup_len((const char *)data, len, out_len);
        goto out;
    }

    gsize multibyte, invalid;
    count_utf8(data, len, &multibyte, &invalid);
    if (multibyte > invalid) {
        ost_read_context_warn(ctx, "invalid_utf8", NULL,
                              "%" G_GSIZE_FORMAT " bytes are not valid UTF-8 and were replaced",
                              invalid);
        result = g_utf8_make_valid((const char *)data, len);
        *out_len = strlen(result);
        goto out;
    }
    if (declared != NULL && !names_utf8(declared) && !names_cp1252(declared)) {
        gsize written = 0;
        result = g_convert((const char *)data, len, "UTF-8", declared, NULL, &written, NULL);
        if (result != NULL) {
            *out_len = written;
            goto out;
        }
        ost_read_context_warn(ctx, "charset_unknown", NULL,
                              "The page declares %s, which could not be decoded; read as "
                              "Windows-1252", declared);
    } else if (declared != NULL && names_utf8(declared)) {
        ost_read_context_warn(ctx, "charset_mismatch", NULL,
                              "The page declares UTF-8 but its bytes are not; read as "
                              "Windows-1252");
    }
    result = decode_cp1252(data, len, out_len);
out:
    g_free(declared);
    return result;
}
