/* SPDX-License-Identifier: MIT */
/* The links of a page's content, handed on as link rows (see blocks.h). */
#include "html_private.h"

#include <string.h>

/* Targets that are no other document: a place in this page, a script, an
 * address to write to. */
static gboolean
document_target(const char *href)
{
    static const char *const schemes[] = {"javascript:", "mailto:", "tel:", "data:", NULL};
    if (*href == '\0' || *href == '#')
        return FALSE;
    for (guint i = 0; schemes[i] != NULL; i++)
        if (g_ascii_strncasecmp(href, schemes[i], strlen(schemes[i])) == 0)
            return FALSE;
    return TRUE;
}

static void
add_link(const xmlNode *a, ost_blocks *blocks, int depth)
{
    const char *raw = __ost_html_attr(a, "href");
    if (raw == NULL)
        return;
    char *href = g_strstrip(g_strdup(raw));
    if (document_target(href)) {
        /* Icon links name their target only for screen readers. */
        char *text = __ost_html_text(a, FALSE, depth);
        const char *label = __ost_html_attr(a, "aria-label");
        if (*text == '\0' && label == NULL)
            label = __ost_html_attr(a, "title");
        const char *cells[2] = {*text != '\0' || label == NULL ? text : label, href};
        ost_block *b = ost_blocks_add_row(blocks, cells, 2);
        b->flags |= OST_BLOCK_LINK | OST_BLOCK_CHROME;
        g_free(text);
    }
    g_free(href);
}

typedef struct link_at {
    const xmlNode *a;
    int depth;
} link_at;

/* Gather the links first and ask about the furniture around them after:
 * most elements hold no link, and asking each one cost more than a third
 * of the reader's own time (24 of 60 million instructions for the sample
 * pages). The links found inside a widget or kept chrome are let go. */
static void
collect(const xmlNode *node, GArray *links, int depth)
{
    for (const xmlNode *c = node->children; c != NULL && depth < HTML_MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        guint mark = links->len;
        if (__ost_html_is(c, "a"))
            g_array_append_val(links, ((link_at){c, depth + 1}));
        else
            collect(c, links, depth + 1);
        if (links->len > mark &&
            (__ost_html_link_widget(c) || __ost_html_chrome(c) == HTML_KEEP_CHROME))
            g_array_set_size(links, mark);
    }
}

void
__ost_html_links(const xmlNode *content, ost_blocks *blocks)
{
    if (content == NULL)
        return;
    GArray *links = g_array_new(FALSE, FALSE, sizeof(link_at));
    collect(content, links, 0);
    for (guint i = 0; i < links->len; i++) {
        const link_at *l = &g_array_index(links, link_at, i);
        add_link(l->a, blocks, l->depth);
    }
    g_array_unref(links);
}
