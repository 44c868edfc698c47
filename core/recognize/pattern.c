/* SPDX-License-Identifier: MIT */
/* Regular expressions of the recognisers, compiled once with PCRE2. */
#include "pattern.h"

#include <string.h>

static pcre2_code *
code_of(ost_pattern *p)
{
    if (g_once_init_enter(&p->ready)) {
        pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
        pcre2_set_newline(cc, PCRE2_NEWLINE_ANY);
        int err;
        PCRE2_SIZE at;
        p->code = pcre2_compile((PCRE2_SPTR)p->source, PCRE2_ZERO_TERMINATED,
                                PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | p->options,
                                &err, &at, cc);
        pcre2_compile_context_free(cc);
        /* A pattern is part of the program: one that does not compile is a
         * bug, caught by the first test that reaches it. */
        if (p->code == NULL)
            g_error("pattern \"%s\" does not compile (offset %zu, error %d)", p->source,
                    (size_t)at, err);
        pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE);
        g_once_init_leave(&p->ready, 1);
    }
    return p->code;
}

/* Room for the groups of every pattern of the recognisers. */
#define MAX_GROUPS 16

static void
match_data_free(gpointer md)
{
    pcre2_match_data_free(md);
}

/* The calling thread's match data, made once: one per match cost an
 * allocation and a free on every line asked. */
static pcre2_match_data *
match_data(void)
{
    static GPrivate key = G_PRIVATE_INIT(match_data_free);
    pcre2_match_data *md = g_private_get(&key);
    if (md == NULL) {
        md = pcre2_match_data_create(MAX_GROUPS + 1, NULL);
        g_private_set(&key, md);
    }
    return md;
}

/* The first match from byte @p from, in @p md; FALSE when none. */
static gboolean
run(ost_pattern *p, const char *text, gsize from, pcre2_match_data *md)
{
    return pcre2_match(code_of(p), (PCRE2_SPTR)text, strlen(text), from, 0, md, NULL) >= 0;
}

gboolean
__ost_pattern_match(ost_pattern *p, const char *text)
{
    if (text == NULL)
        return FALSE;
    return run(p, text, 0, match_data());
}

gboolean
__ost_pattern_span(ost_pattern *p, const char *text, guint group, int *start, int *end)
{
    if (text == NULL)
        return FALSE;
    pcre2_match_data *md = match_data();
    gboolean ok = run(p, text, 0, md) && group < pcre2_get_ovector_count(md);
    if (ok) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        ok = ov[2 * group] != PCRE2_UNSET;
        if (ok) {
            *start = (int)ov[2 * group];
            *end = (int)ov[2 * group + 1];
        }
    }
    return ok;
}

gboolean
__ost_pattern_fetch(ost_pattern *p, const char *text, guint n, char **groups)
{
    if (text == NULL)
        return FALSE;
    pcre2_match_data *md = match_data();
    gboolean ok = run(p, text, 0, md);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    guint count = pcre2_get_ovector_count(md);
    for (guint g = 1; ok && g <= n; g++) {
        gboolean set = g < count && ov[2 * g] != PCRE2_UNSET;
        groups[g - 1] = set ? g_strndup(text + ov[2 * g], ov[2 * g + 1] - ov[2 * g]) : g_strdup("");
    }
    return ok;
}

char *
__ost_pattern_group(ost_pattern *p, const char *text, guint group)
{
    int start, end;
    return __ost_pattern_span(p, text, group, &start, &end)
               ? g_strndup(text + start, (gsize)(end - start))
               : NULL;
}

/* Each match of @p in @p text in turn: @p at (0 first) moves past the one
 * found, an empty match moving on by a character. */
static gboolean
next_match(ost_pattern *p, const char *text, gsize *at, pcre2_match_data *md, gsize *start,
           gsize *end)
{
    gsize len = strlen(text);
    while (*at <= len && run(p, text, *at, md)) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        *start = ov[0];
        *end = ov[1];
        if (*end > *start) {
            *at = *end;
            return TRUE;
        }
        *at = *start + 1; /* an empty match cuts nothing */
        while (*at < len && ((guchar)text[*at] & 0xC0) == 0x80)
            (*at)++;
    }
    return FALSE;
}

char **
__ost_pattern_split(ost_pattern *p, const char *text)
{
    GPtrArray *parts = g_ptr_array_new();
    pcre2_match_data *md = match_data();
    gsize at = 0, piece = 0, start, end;
    while (next_match(p, text, &at, md, &start, &end)) {
        g_ptr_array_add(parts, g_strndup(text + piece, start - piece));
        piece = end;
    }
    g_ptr_array_add(parts, g_strdup(text + piece));
    g_ptr_array_add(parts, NULL);
    return (char **)g_ptr_array_free(parts, FALSE);
}

char *
__ost_pattern_replace(ost_pattern *p, const char *text, const char *with)
{
    GString *out = g_string_new(NULL);
    pcre2_match_data *md = match_data();
    gsize at = 0, piece = 0, start, end;
    while (next_match(p, text, &at, md, &start, &end)) {
        g_string_append_len(out, text + piece, (gssize)(start - piece));
        g_string_append(out, with);
        piece = end;
    }
    g_string_append(out, text + piece);
    return g_string_free(out, FALSE);
}
