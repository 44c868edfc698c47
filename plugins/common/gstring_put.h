/* SPDX-License-Identifier: MIT */
/* Appending to a GString on the hot paths of readers and writers. */
#ifndef OST_PLUGINS_GSTRING_PUT_H
#define OST_PLUGINS_GSTRING_PUT_H

#include <glib.h>
#include <string.h>

/* Append @p n bytes of @p s: in place while @p out has room. Written by
 * hand because GLib 2.74's g_string_append_len (through
 * g_string_insert_len) showed as a bottleneck of the HTML reader, the JSON
 * writer and the repairer, which append a few bytes at a time
 * (bench/README.md). */
static inline void
__ost_gstring_put(GString *out, const char *s, gsize n)
{
    if (out->len + n < out->allocated_len) {
        memcpy(out->str + out->len, s, n);
        out->len += n;
        out->str[out->len] = '\0';
    } else {
        g_string_append_len(out, s, (gssize)n);
    }
}

#endif
