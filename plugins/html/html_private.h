/* SPDX-License-Identifier: MIT */
/* Shared by the files of the HTML reader. */
#ifndef OST_HTML_PRIVATE_H
#define OST_HTML_PRIVATE_H

#include <ost.h>

#include <libxml/HTMLparser.h>

#include <string.h>

/* Safety limits: inputs larger than this are refused before parsing, and
 * elements nested deeper than this are not walked (libxml2 itself stops
 * building the tree at depth 256 without HTML_PARSE_HUGE). */
#define HTML_MAX_INPUT (16u * 1024u * 1024u)
#define HTML_MAX_DEPTH 200

/* Verdicts asked for again and again about one element (its furniture
 * kind, the status its colour shows) are kept in libxml2's slot for
 * applications, xmlNode._private, as small fields of one integer. A
 * field holds the verdict + 1, 0 while it is not known. */
typedef enum html_memo_field {
    HTML_MEMO_CHROME = 0,        /* html_chrome */
    HTML_MEMO_LEGEND_STATUS = 3, /* ost_map_status by the page's legend */
    HTML_MEMO_COLOUR_STATUS = 6, /* ost_map_status by colour names and hues */
} html_memo_field;
#define HTML_MEMO_MASK 7u

/* The verdict kept in @p field of element @p node, or -1. */
static inline int
__ost_html_memo_get(const xmlNode *node, html_memo_field field)
{
    return (int)((GPOINTER_TO_UINT(node->_private) >> field) & HTML_MEMO_MASK) - 1;
}

static inline void
__ost_html_memo_set(const xmlNode *node, html_memo_field field, int verdict)
{
    guint bits = GPOINTER_TO_UINT(node->_private) & ~(HTML_MEMO_MASK << field);
    ((xmlNode *)node)->_private = GUINT_TO_POINTER(bits | ((guint)(verdict + 1) << field));
}

/* --- html_charset.c --- */

/* Decode @p in to UTF-8 from its BOM, its declaration (meta charset,
 * http-equiv, XML declaration) or its bytes, whichever is trustworthy.
 * Notes a warning on @p ctx when the declaration is contradicted.
 * @return a newly allocated NUL-terminated UTF-8 buffer; *len gets its length. */
char *__ost_html_decode(const guint8 *data, gsize len, ost_read_context *ctx,
                        gsize *out_len);

/* The charset a page declares in its first bytes, lower case, or NULL. */
char *__ost_html_declared_charset(const guint8 *data, gsize len);

/* --- html_text.c --- */

/* Element names compared case-insensitively: libxml2 lower-cases them, so
 * a plain comparison does. Inline, first byte first: the walk asks about
 * 250,000 times for the 220 sample pages and nearly every answer is no at
 * the first byte; the strcmp calls alone cost 5.6M instructions. */
static inline gboolean
__ost_html_is(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE && node->name[0] == (xmlChar)name[0] &&
           strcmp((const char *)node->name, name) == 0;
}
gboolean __ost_html_is_heading(const xmlNode *node, int *level);
gboolean __ost_html_is_inline(const xmlNode *node);
/* Attribute value (owned by the tree) compared without allocating, or NULL.
 * libxml2's HTML parser lower-cases attribute names too. Inline, first byte
 * first, as with __ost_html_is: about 190,000 calls for the sample pages,
 * and most elements carry several attributes. */
static inline const char *
__ost_html_attr(const xmlNode *node, const char *name)
{
    if (node == NULL || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = node->properties; a != NULL; a = a->next) {
        if (a->name[0] != (xmlChar)name[0] || strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->next == NULL)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}
/* @p name is one of the NULL-terminated lower-case @p names; @p set, NULL
 * at first, indexes them. */
typedef struct html_name_set html_name_set;
gboolean __ost_html_in_set(const char *name, const char *const *names, html_name_set **set);
/* Caseless match of @p text against a literal @p pattern compiled once. */
gboolean __ost_html_match(const char *pattern, const char *text);
/* Cheap exact tests before a regex: most subjects are ASCII, where
 * GRegex's caseless matching is ASCII's (the Unicode folds that reach
 * ASCII letters, such as U+017F to 's', come from other bytes). A regex
 * costs about 2,500 instructions a call. */
gboolean __ost_html_ascii(const char *text);
/* One of the NULL-terminated lower-case ASCII-letter @p words occurs in
 * @p text, ASCII case ignored. */
gboolean __ost_html_contains_caseless(const char *text, const char *const *words);

/* Collapsed text of an element's subtree. Block-level descendants and <br>
 * start a new line ('\n') when @p keep_lines is set, else a space. Dropped
 * chrome is skipped. @p depth is the element's depth in the tree. */
void __ost_html_append_text(GString *out, const xmlNode *node, gboolean keep_lines, int depth);
char *__ost_html_text(const xmlNode *node, gboolean keep_lines, int depth);
/* The same text in @p out, replacing what it held: for text that is only
 * looked at or copied, a GString made and freed per call costs two
 * allocations. */
void __ost_html_text_into(GString *out, const xmlNode *node, gboolean keep_lines, int depth);
/* Whether __ost_html_text() would give any text, without making it. */
gboolean __ost_html_has_text(const xmlNode *node, int depth);
/* Append raw text, collapsing white space (no leading space on an empty or
 * space/newline-ended buffer). */
void __ost_html_append_collapsed(GString *out, const char *text);
/* Trim spaces and newlines at both ends, in place. */
void __ost_html_trim(GString *s);

/* --- html_chrome.c --- */

typedef enum html_chrome {
    HTML_CONTENT = 0,   /* ordinary content */
    HTML_DROP,          /* furniture with nothing to say: skipped */
    HTML_KEEP_CHROME,   /* furniture whose text may tell where the page
                           comes from: kept, flagged OST_BLOCK_CHROME */
} html_chrome;

html_chrome __ost_html_chrome(const xmlNode *node);
/* What a dropped element is that a reader still reports: OST_BLOCK_HIDDEN
 * (visually hidden), OST_BLOCK_ICON (an icon-font ligature) or
 * OST_BLOCK_CONTROL (a form control), or 0. */
guint __ost_html_unshown(const xmlNode *node);
/* TRUE when the links in @p node's subtree are a widget's (share,
 * social, cookie, ads) or hidden, not links to other documents. */
gboolean __ost_html_link_widget(const xmlNode *node);
/* The page's main content element (<main>, role=main), or NULL. */
const xmlNode *__ost_html_find_main(const xmlNode *root);

/* --- html_status.c --- */

typedef struct html_legend html_legend;

/* Read the page's colour legend ("green: approved for delivery"). */
html_legend *__ost_html_legend_new(const xmlNode *root);
void __ost_html_legend_free(html_legend *legend);
/* TRUE when @p node is one entry of the legend. */
gboolean __ost_html_legend_has(const html_legend *legend, const xmlNode *node);
/* The map status a block made from @p node shows by its colour. */
ost_map_status __ost_html_status(const html_legend *legend, const xmlNode *node);

/* --- html_links.c --- */

/* Add a link row (OST_BLOCK_LINK, see blocks.h) for each link to another
 * document in @p content: the page's <main>, or its body without the
 * furniture kept as chrome. */
void __ost_html_links(const xmlNode *content, ost_blocks *blocks);

/* --- html_blocks.c --- */

/* Walk the parsed page into @p blocks. */
void __ost_html_walk(xmlDoc *html, ost_blocks *blocks, ost_read_context *ctx);

#endif
