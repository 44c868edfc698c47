/* SPDX-License-Identifier: MIT */
/* Element kinds and the visible text of a subtree, white space collapsed. */
#include "html_private.h"

#include "common/gstring_put.h"

#include <stdlib.h>
#include <string.h>

/* Names by first letter, each list NULL-terminated. Element names are
 * asked about 60,000 times for the sample pages; a GHashTable lookup cost
 * 165 instructions each (hashing, then strcmp through g_str_equal), this
 * about 50: few names share a first letter. */
struct html_name_set {
    const char **by_letter[26];
};

static html_name_set *
name_set_new(const char *const *names)
{
    html_name_set *set = g_new0(html_name_set, 1);
    guint count[26] = {0};
    for (guint i = 0; names[i] != NULL; i++) {
        g_assert(names[i][0] >= 'a' && names[i][0] <= 'z');
        count[names[i][0] - 'a']++;
    }
    for (guint l = 0; l < 26; l++)
        set->by_letter[l] = g_new0(const char *, count[l] + 1);
    for (guint i = 0; names[i] != NULL; i++) {
        const char **slot = set->by_letter[names[i][0] - 'a'];
        while (*slot != NULL)
            slot++;
        *slot = names[i];
    }
    return set;
}

gboolean
__ost_html_in_set(const char *name, const char *const *names, html_name_set **set)
{
    if (g_once_init_enter(set))
        g_once_init_leave(set, name_set_new(names));
    if (name[0] < 'a' || name[0] > 'z')
        return FALSE;
    for (const char **n = (*set)->by_letter[name[0] - 'a']; *n != NULL; n++)
        if ((*n)[1] == name[1] && strcmp(*n, name) == 0)
            return TRUE;
    return FALSE;
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
__ost_html_ascii(const char *text)
{
    for (const char *p = text; *p != '\0'; p++)
        if ((guint8)*p >= 0x80)
            return FALSE;
    return TRUE;
}

/* The words are letters: setting bit 0x20 lower-cases a letter and makes
 * no other byte (NUL included) a lower-case letter, so bytes are compared
 * inline, and only where a word may start (g_ascii_tolower and
 * g_ascii_strncasecmp at every byte made this 2.9M instructions for the
 * sample pages, this 0.4M). */
gboolean
__ost_html_contains_caseless(const char *text, const char *const *words)
{
    guint32 firsts = 0;
    for (const char *const *w = words; *w != NULL; w++)
        firsts |= 1u << ((*w)[0] - 'a');
    for (const char *p = text; *p != '\0'; p++) {
        guint letter = (guint)(guint8)(*p | 0x20) - 'a';
        if (letter >= 26 || !(firsts & (1u << letter)))
            continue;
        for (const char *const *w = words; *w != NULL; w++) {
            if ((*w)[0] != (char)(*p | 0x20))
                continue;
            gsize i = 1;
            while ((*w)[i] != '\0' && (char)(p[i] | 0x20) == (*w)[i])
                i++;
            if ((*w)[i] == '\0')
                return TRUE;
        }
    }
    return FALSE;
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
    static html_name_set *set;
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           __ost_html_in_set((const char *)node->name, inline_names, &set);
}

static gboolean
ends_with_space(const GString *out)
{
    return out->len == 0 || out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\n';
}

/* Bytes that end a run of visible text: white space, the lead byte of a
 * no-break space, and the terminating NUL. */
static const gboolean run_stop[256] = {
    ['\0'] = TRUE, [' '] = TRUE, ['\t'] = TRUE, ['\n'] = TRUE, ['\r'] = TRUE, ['\f'] = TRUE,
    [0xC2] = TRUE,
};
static const gboolean ascii_space[256] = {
    [' '] = TRUE, ['\t'] = TRUE, ['\n'] = TRUE, ['\r'] = TRUE, ['\f'] = TRUE,
};

/* A no-break space lays out as a space; "&nbsp;" alone is an empty paragraph. */
static gboolean
no_break_space(const char *p)
{
    return (guint8)p[0] == 0xC2 && (guint8)p[1] == 0xA0;
}

/* The end of the white space starting at @p p (@p p itself if none).
 * Most runs are one space between words; longer ones are mostly
 * indentation, which strspn skips many bytes at a time (a byte loop cost
 * the real captures 0.8M instructions more). */
static const char *
space_end(const char *p)
{
    for (;;) {
        if (ascii_space[(guint8)*p])
            p++;
        if (ascii_space[(guint8)*p])
            p += strspn(p, " \t\n\r\f");
        if (!no_break_space(p))
            return p;
        p += 2;
    }
}

/* The end of the run starting at @p p that collapsing leaves as it is:
 * visible text and the single spaces between its words. */
static const char *
run_end(const char *p)
{
    for (;;) {
        while (!run_stop[(guint8)*p])
            p++;
        if ((*p == ' ' && !run_stop[(guint8)p[1]]) || ((guint8)*p == 0xC2 && !no_break_space(p)))
            p++;
        else
            return p;
    }
}

/* Text is appended in whole runs, and white space skipped, with tables:
 * byte by byte, this and GString's appends were 26M instructions for the
 * sample pages, word by word 15M. */
void
__ost_html_append_collapsed(GString *out, const char *text)
{
    gboolean space = FALSE;
    const char *p = text;
    while (*p != '\0') {
        const char *after = space_end(p);
        if (after != p) {
            space = TRUE;
            p = after;
            continue;
        }
        p = run_end(after);
        if (space && !ends_with_space(out))
            g_string_append_c(out, ' ');
        space = FALSE;
        __ost_gstring_put(out, after, (gsize)(p - after));
    }
    if (space && !ends_with_space(out))
        g_string_append_c(out, ' ');
}

void
__ost_html_trim(GString *s)
{
    /* Most text needs no trimming: g_string_erase costs even when it has
     * nothing to erase (1M instructions for the sample pages). */
    gsize start = 0;
    while (start < s->len && (s->str[start] == ' ' || s->str[start] == '\n'))
        start++;
    if (start > 0)
        g_string_erase(s, 0, start);
    gsize end = s->len;
    while (end > 0 && (s->str[end - 1] == ' ' || s->str[end - 1] == '\n'))
        end--;
    if (end < s->len)
        g_string_truncate(s, end);
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

gboolean
__ost_html_has_text(const xmlNode *node, int depth)
{
    for (const xmlNode *c = node->children; c != NULL && depth + 1 <= HTML_MAX_DEPTH; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content != NULL && *space_end((const char *)c->content) != '\0')
                return TRUE;
        } else if (c->type == XML_ELEMENT_NODE && __ost_html_chrome(c) != HTML_DROP &&
                   !__ost_html_is(c, "br") && __ost_html_has_text(c, depth + 1)) {
            return TRUE;
        }
    }
    return FALSE;
}

void
__ost_html_text_into(GString *out, const xmlNode *node, gboolean keep_lines, int depth)
{
    g_string_truncate(out, 0);
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        __ost_html_append_text(out, c, keep_lines, depth + 1);
    __ost_html_trim(out);
}

char *
__ost_html_text(const xmlNode *node, gboolean keep_lines, int depth)
{
    GString *out = g_string_new(NULL);
    __ost_html_text_into(out, node, keep_lines, depth);
    return g_string_free(out, FALSE);
}
