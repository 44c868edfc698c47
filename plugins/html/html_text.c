/* SPDX-License-Identifier: MIT */
/* Element kinds and the visible text of a subtree, white space collapsed. */
#include "html_private.h"

#include <stdlib.h>
#include <string.h>

/* libxml2's HTML parser lower-cases element and attribute names, so plain
 * comparisons suffice. */
gboolean
__ost_html_is(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

gboolean
__ost_html_in_set(const char *name, const char *const *names, GHashTable **set)
{
    if (g_once_init_enter(set)) {
        GHashTable *s = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; names[i] != NULL; i++)
            g_hash_table_add(s, (gpointer)names[i]);
        g_once_init_leave(set, s);
    }
    return g_hash_table_contains(*set, name);
}

gboolean
__ost_html_match(const char *pattern, const char *text)
{
    static GMutex lock;
    static GHashTable *cache;
    g_mutex_lock(&lock);
    if (cache == NULL)
        cache = g_hash_table_new(g_direct_hash, g_direct_equal);
    GRegex *re = g_hash_table_lookup(cache, pattern);
    if (re == NULL) {
        re = g_regex_new(pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_hash_table_insert(cache, (gpointer)pattern, re);
    }
    g_mutex_unlock(&lock);
    return g_regex_match(re, text, 0, NULL);
}

gboolean
__ost_html_is_heading(const xmlNode *node, int *level)
{
    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return FALSE;
    const char *n = (const char *)node->name;
    if ((n[0] == 'h' || n[0] == 'H') && n[1] >= '1' && n[1] <= '6' && n[2] == '\0') {
        *level = n[1] - '0';
        return TRUE;
    }
    /* Script-built pages mark headings with ARIA instead of h1..h6. */
    const char *role = __ost_html_attr(node, "role");
    if (role != NULL && g_ascii_strcasecmp(role, "heading") == 0) {
        const char *al = __ost_html_attr(node, "aria-level");
        int lv = al != NULL ? atoi(al) : 2;
        *level = CLAMP(lv, 1, 6);
        return TRUE;
    }
    return FALSE;
}

/* Phrasing content: flows within a line. Anything else, including custom
 * elements, is taken as a block, which at worst splits a line. */
static const char *const inline_names[] = {
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn",
    "em", "font", "i", "img", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s",
    "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
    "wbr", "del", "ins", NULL,
};

gboolean
__ost_html_is_inline(const xmlNode *node)
{
    static GHashTable *set;
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           __ost_html_in_set((const char *)node->name, inline_names, &set);
}

const char *
__ost_html_attr(const xmlNode *node, const char *name)
{
    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->next == NULL)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

static gboolean
ends_with_space(const GString *out)
{
    return out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n';
}

void
__ost_html_append_collapsed(GString *out, const char *text)
{
    gboolean space = FALSE;
    for (const char *p = text; *p != '\0';) {
        guint8 c = (guint8)*p;
        gsize n = 1;
        gboolean ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
        /* A no-break space lays out as a space; "&nbsp;" alone is an empty paragraph. */
        if (c == 0xC2 && (guint8)p[1] == 0xA0) {
            ws = TRUE;
            n = 2;
        }
        if (ws) {
            space = TRUE;
        } else {
            if (space && !ends_with_space(out))
                g_string_append_c(out, ' ');
            space = FALSE;
            g_string_append_c(out, (char)c);
        }
        p += n;
    }
    if (space && !ends_with_space(out))
        g_string_append_c(out, ' ');
}

void
__ost_html_trim(GString *s)
{
    gsize start = 0;
    while (start < s->len && (s->str[start] == ' ' || s->str[start] == '\n'))
        start++;
    g_string_erase(s, 0, start);
    while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '\n'))
        g_string_truncate(s, s->len - 1);
}

static void
separate(GString *out, gboolean keep_lines)
{
    while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate(out, out->len - 1);
    if (out->len == 0 || out->str[out->len - 1] == '\n')
        return;
    g_string_append_c(out, keep_lines ? '\n' : ' ');
}

void
__ost_html_append_text(GString *out, const xmlNode *node, gboolean keep_lines, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != NULL)
            __ost_html_append_collapsed(out, (const char *)node->content);
        return;
    }
    if (node->type != XML_ELEMENT_NODE || __ost_html_chrome(node) == HTML_DROP)
        return;
    if (__ost_html_is(node, "br")) {
        separate(out, keep_lines);
        return;
    }
    gboolean block = !__ost_html_is_inline(node);
    if (block)
        separate(out, keep_lines);
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        __ost_html_append_text(out, c, keep_lines, depth + 1);
    if (block)
        separate(out, keep_lines);
}

char *
__ost_html_text(const xmlNode *node, gboolean keep_lines, int depth)
{
    GString *out = g_string_new(NULL);
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        __ost_html_append_text(out, c, keep_lines, depth + 1);
    __ost_html_trim(out);
    return g_string_free(out, FALSE);
}
