/* SPDX-License-Identifier: MIT */
/* A small streaming JSON emitter: pretty-printed or compact, deterministic. */
#include "jsonw.h"

#include "gstring_put.h"

#include <string.h>

void
jsonw_init(jsonw *w, GString *out)
{
    w->out = out;
    w->depth = 0;
    w->first = TRUE;
    w->after_key = FALSE;
    w->compact = FALSE;
}

void
jsonw_init_compact(jsonw *w, GString *out)
{
    jsonw_init(w, out);
    w->compact = TRUE;
}

/* Two spaces per level, appended in one piece: appending "  " once per
 * level cost 11.7M of the writer's 44.5M instructions on 220 small pages. */
static void
newline_indent(jsonw *w)
{
    static const char spaces[] = "\n                                                                ";
    if (w->compact)
        return;
    gsize want = 1 + 2 * (gsize)w->depth;
    __ost_gstring_put(w->out, spaces, MIN(want, sizeof spaces - 1));
    for (gsize have = sizeof spaces - 1; have < want; have += 2)
        g_string_append(w->out, "  ");
}

/* Separator and indentation before a value or key at the current depth. */
static void
before_item(jsonw *w)
{
    if (w->after_key) {
        w->after_key = FALSE;
        return;
    }
    if (!w->first)
        g_string_append_c(w->out, ',');
    if (w->depth > 0)
        newline_indent(w);
    w->first = FALSE;
}

static void
begin(jsonw *w, char open)
{
    before_item(w);
    g_string_append_c(w->out, open);
    w->depth++;
    w->first = TRUE;
}

static void
end(jsonw *w, char close)
{
    w->depth--;
    if (!w->first)
        newline_indent(w);
    g_string_append_c(w->out, close);
    w->first = FALSE;
}

void jsonw_begin_object(jsonw *w) { begin(w, '{'); }
void jsonw_end_object(jsonw *w) { end(w, '}'); }
void jsonw_begin_array(jsonw *w) { begin(w, '['); }
void jsonw_end_array(jsonw *w) { end(w, ']'); }

void
jsonw_key(jsonw *w, const char *key)
{
    before_item(w);
    jsonw_escape(w->out, key);
    __ost_gstring_put(w->out, ": ", w->compact ? 1 : 2);
    w->after_key = TRUE;
}

/* Scanning the writer's own keys for bytes to escape cost 1.7M
 * instructions on 220 small pages, and none ever has one. */
void
jsonw_plain_key(jsonw *w, const char *key)
{
    before_item(w);
    g_string_append_c(w->out, '"');
    __ost_gstring_put(w->out, key, strlen(key));
    __ost_gstring_put(w->out, "\": ", w->compact ? 2 : 3);
    w->after_key = TRUE;
}

/* Which bytes go out as they are within a run: PLAIN_ASCII ones always,
 * PLAIN_UTF8 ones once the text is known to be valid UTF-8 (bytes from
 * 0x80 but 0xE2, which may start U+2028 or U+2029). A table: the scan
 * looks at every byte written, a million on 220 small pages. */
enum { PLAIN_ASCII = 1, PLAIN_UTF8 = 2 };

static const guint8 *
plain_bytes(void)
{
    static guint8 table[256];
    static gsize once;
    if (g_once_init_enter(&once)) {
        for (guint c = 0x20; c < 0x7f; c++)
            table[c] = c == '"' || c == '\\' ? 0 : PLAIN_ASCII;
        for (guint c = 0x80; c < 0x100; c++)
            table[c] = c == 0xE2 ? 0 : PLAIN_UTF8;
        g_once_init_leave(&once, 1);
    }
    return table;
}

/* The escape of the ASCII byte @p c, which is not plain. */
static void
escape_ascii(GString *out, guchar c)
{
    static const char hex[] = "0123456789abcdef";
    char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
    switch (c) {
    case '"': __ost_gstring_put(out, "\\\"", 2); break;
    case '\\': __ost_gstring_put(out, "\\\\", 2); break;
    case '\n': __ost_gstring_put(out, "\\n", 2); break;
    case '\r': __ost_gstring_put(out, "\\r", 2); break;
    case '\t': __ost_gstring_put(out, "\\t", 2); break;
    case '\b': __ost_gstring_put(out, "\\b", 2); break;
    case '\f': __ost_gstring_put(out, "\\f", 2); break;
    default: __ost_gstring_put(out, u, sizeof u); break;
    }
}

/* Text is copied in runs of bytes that need no escape, each appended at
 * once: escaping byte by byte cost 23.8M instructions for 220 small pages
 * (half the writer), runs about a quarter of that. Text that is all ASCII,
 * most keys and codes, is never checked as UTF-8. */
void
jsonw_escape(GString *out, const char *s)
{
    const guint8 *plain = plain_bytes();
    guint8 as_is = PLAIN_ASCII; /* PLAIN_UTF8 added once the text is checked */
    char *valid = NULL;
    const guchar *p = (const guchar *)s;
    g_string_append_c(out, '"');
    while (*p != '\0') {
        const guchar *run = p;
        while (plain[*p] & as_is)
            p++;
        if (p > run)
            __ost_gstring_put(out, (const char *)run, (gsize)(p - run));
        if (*p == '\0')
            break;
        if (*p < 0x80) {
            escape_ascii(out, *p++);
        } else if (!(as_is & PLAIN_UTF8)) {
            /* The model holds valid UTF-8, but a third-party plugin might
             * not: never let one bad byte make the whole output invalid
             * JSON. What went before was ASCII, so only the rest needs it. */
            if (!g_utf8_validate((const char *)p, -1, NULL))
                p = (const guchar *)(valid = g_utf8_make_valid((const char *)p, -1));
            as_is |= PLAIN_UTF8;
        } else if (p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
            /* U+2028 and U+2029 are valid JSON but end lines in JavaScript. */
            __ost_gstring_put(out, p[2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
            p += 3;
        } else {
            g_string_append_c(out, (char)*p++); /* 0xE2 starting another character */
        }
    }
    g_string_append_c(out, '"');
    g_free(valid);
}

void
jsonw_string(jsonw *w, const char *s)
{
    if (s == NULL) {
        jsonw_null(w);
        return;
    }
    before_item(w);
    jsonw_escape(w->out, s);
}

void
jsonw_int(jsonw *w, gint64 v)
{
    before_item(w);
    /* By hand: g_string_append_printf costs about 1,000 instructions. */
    char digits[24];
    char *d = digits + sizeof digits;
    guint64 u = v < 0 ? -(guint64)v : (guint64)v;
    do {
        *--d = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        *--d = '-';
    __ost_gstring_put(w->out, d, (gsize)(digits + sizeof digits - d));
}

void
jsonw_null(jsonw *w)
{
    before_item(w);
    __ost_gstring_put(w->out, "null", 4);
}

void
jsonw_bool(jsonw *w, gboolean v)
{
    before_item(w);
    if (v)
        __ost_gstring_put(w->out, "true", 4);
    else
        __ost_gstring_put(w->out, "false", 5);
}
