/* SPDX-License-Identifier: MIT */
/* A small streaming JSON emitter: pretty-printed, deterministic. */
#include "jsonw.h"

#include <string.h>

void
jsonw_init(jsonw *w, GString *out)
{
    w->out = out;
    w->depth = 0;
    w->first = TRUE;
    w->after_key = FALSE;
}

static void
newline_indent(jsonw *w)
{
    g_string_append_c(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
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
    g_string_append(w->out, ": ");
    w->after_key = TRUE;
}

void
jsonw_escape(GString *out, const char *s)
{
    /* The model holds valid UTF-8, but a third-party plugin might not:
     * never let one bad byte make the whole output invalid JSON. */
    char *valid = g_utf8_validate(s, -1, NULL) ? NULL : g_utf8_make_valid(s, -1);
    const unsigned char *p = (const unsigned char *)(valid != NULL ? valid : s);
    g_string_append_c(out, '"');
    for (; *p; p++) {
        switch (*p) {
        case '"': g_string_append(out, "\\\""); break;
        case '\\': g_string_append(out, "\\\\"); break;
        case '\n': g_string_append(out, "\\n"); break;
        case '\r': g_string_append(out, "\\r"); break;
        case '\t': g_string_append(out, "\\t"); break;
        case '\b': g_string_append(out, "\\b"); break;
        case '\f': g_string_append(out, "\\f"); break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                g_string_append_printf(out, "\\u%04x", *p);
            /* U+2028 and U+2029 are valid JSON but end lines in JavaScript. */
            else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
                g_string_append_printf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
                p += 2;
            } else
                g_string_append_c(out, (char)*p);
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
    g_string_append_printf(w->out, "%" G_GINT64_FORMAT, v);
}

void
jsonw_null(jsonw *w)
{
    before_item(w);
    g_string_append(w->out, "null");
}

void
jsonw_bool(jsonw *w, gboolean v)
{
    before_item(w);
    g_string_append(w->out, v ? "true" : "false");
}
