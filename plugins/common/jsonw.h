/* SPDX-License-Identifier: MIT */
/* A small streaming JSON emitter: pretty-printed or compact, deterministic. */
#ifndef OST_JSONW_H
#define OST_JSONW_H

#include <glib.h>

/* The fixed dependency set has no JSON library, and the writer needs only
 * emission in a fixed key order, so this is written by hand. */
typedef struct jsonw {
    GString *out;
    int depth;
    gboolean first;     /* no value yet at this depth */
    gboolean after_key; /* a key was written; the value follows on its line */
    gboolean compact;   /* all on one line, no spaces */
} jsonw;

void jsonw_init(jsonw *w, GString *out);
void jsonw_init_compact(jsonw *w, GString *out);
void jsonw_begin_object(jsonw *w);
void jsonw_end_object(jsonw *w);
void jsonw_begin_array(jsonw *w);
void jsonw_end_array(jsonw *w);
void jsonw_key(jsonw *w, const char *key);
/* A key known to need no escape (printable ASCII, no '"' nor '\\'):
 * the writer's own field names. */
void jsonw_plain_key(jsonw *w, const char *key);
/* NULL is written as null. */
void jsonw_string(jsonw *w, const char *s);
void jsonw_int(jsonw *w, gint64 v);
void jsonw_null(jsonw *w);
void jsonw_bool(jsonw *w, gboolean v);

/* Escape @s as a JSON string literal, quotes included, onto @out. */
void jsonw_escape(GString *out, const char *s);

#endif
