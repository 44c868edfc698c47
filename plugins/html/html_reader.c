/* SPDX-License-Identifier: MIT */
/* Input plugin for web pages: libxml2's HTML parser, then the block walk. */
#include "html_private.h"

#include <string.h>

static const char *const html_extensions[] = {"html", "htm", "xhtml", NULL};
static const char *const html_mime_types[] = {"text/html", "application/xhtml+xml", NULL};

#define SNIFF_BYTES 4096
/* Most pages open with their doctype: this many bytes settle those, and
 * only the others have all SNIFF_BYTES lowered and searched (the bid was
 * 43 thousand instructions a page, and every page is bid on). */
#define OPENING_BYTES 512

static gboolean
has_utf16_bom(const ost_input *in)
{
    const guint8 *d = in->data;
    return in->len >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF));
}

/* The first @p limit bytes as lower-case ASCII, NULs of UTF-16 dropped. */
static char *
sniff_prefix(const ost_input *in, gsize limit)
{
    const guint8 *d = in->data;
    gsize n = MIN(in->len, limit);
    gboolean utf16 = has_utf16_bom(in);
    /* Every page is bid on before it is read: one plain loop, no calls per byte. */
    char *s = g_malloc(n + 1);
    gsize len = 0;
    for (gsize i = utf16 ? 2 : 0; i < n; i++) {
        guint8 c = d[i];
        if (c == 0)
            continue;
        s[len++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    s[len] = '\0';
    return s;
}

/* Skip a BOM, white space, comments and an XML declaration. */
static const char *
skip_prologue(const char *p)
{
    if (g_str_has_prefix(p, "\xef\xbb\xbf"))
        p += 3;
    for (;;) {
        while (g_ascii_isspace(*p))
            p++;
        const char *end = NULL;
        if (g_str_has_prefix(p, "<!--"))
            end = strstr(p + 4, "-->");
        else if (g_str_has_prefix(p, "<?"))
            end = strstr(p + 2, "?>");
        if (end == NULL)
            return p;
        p = end + (p[1] == '!' ? 3 : 2);
    }
}

/* The bid of a page that opens with its doctype or root element, read
 * from @p head (lowered): OST_BID_NONE when it opens otherwise. */
static int
opening_bid(const char *head)
{
    const char *p = skip_prologue(head);
    if (g_str_has_prefix(p, "<!doctype html"))
        return 95;
    if (g_str_has_prefix(p, "<html") || g_str_has_prefix(p, "<head") ||
        g_str_has_prefix(p, "<body"))
        return 90;
    return OST_BID_NONE;
}

/* The bid of markup further in: a root element, or a fragment with
 * several common elements, as saved from a page's body. */
static int
inner_bid(const char *head)
{
    const char *p = skip_prologue(head);
    if (strstr(p, "<html") != NULL || strstr(p, "<body") != NULL)
        return 60;
    static const char *const tags[] = {"<p>", "<p ", "<div", "<h1", "<h2", "<h3", "<table",
                                       "<ul", "<li", "<br", "<a href", "<span", NULL};
    guint found = 0;
    for (guint i = 0; tags[i] != NULL; i++)
        found += strstr(p, tags[i]) != NULL;
    return found >= 2 ? 30 : OST_BID_NONE;
}

static int
html_bid(const ost_input *in)
{
    gsize n = MIN(in->len, SNIFF_BYTES);
    /* A NUL outside UTF-16 is binary data, wherever it is in the first bytes. */
    if (!has_utf16_bom(in) && memchr(in->data, 0, n) != NULL)
        return OST_BID_NONE;
    char *head = sniff_prefix(in, OPENING_BYTES);
    int bid = opening_bid(head);
    if (bid == OST_BID_NONE) {
        if (n > OPENING_BYTES) {
            g_free(head);
            head = sniff_prefix(in, SNIFF_BYTES);
            bid = opening_bid(head);
        }
        if (bid == OST_BID_NONE)
            bid = inner_bid(head);
    }
    g_free(head);
    return bid;
}

static ost_status
html_read(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    if (html_bid(in) == OST_BID_NONE) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "not an HTML document: no HTML markup in its first %d bytes%s", SNIFF_BYTES,
                    memchr(in->data, 0, MIN(in->len, SNIFF_BYTES)) != NULL ? " (binary data)" : "");
        return OST_ERR_PARSE;
    }
    gsize len = 0;
    char *utf8 = __ost_html_decode(in->data, in->len, ctx, &len);
    if (utf8 == NULL || len > G_MAXINT) {
        g_free(utf8);
        g_set_error(error, OST_ERROR, OST_ERR_PARSE, "the page's characters could not be decoded");
        return OST_ERR_PARSE;
    }
    /* The bytes are UTF-8 now: forcing the encoding stops libxml2 from
     * switching to a <meta charset> the bytes contradict. No network, no
     * DTD, no huge-document mode: the limits above hold. */
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (ctxt == NULL) {
        g_free(utf8);
        g_set_error(error, OST_ERROR, OST_ERR_NOMEM, "out of memory for the HTML parser");
        return OST_ERR_NOMEM;
    }
    xmlDoc *html = htmlCtxtReadMemory(ctxt, utf8, (int)len, NULL, "UTF-8",
                                      HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                          HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                                          HTML_PARSE_COMPACT);
    htmlFreeParserCtxt(ctxt);
    g_free(utf8);
    if (html == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE, "the HTML parser could not read this page");
        return OST_ERR_PARSE;
    }
    __ost_html_walk(html, blocks, ctx);
    xmlFreeDoc(html);
    if (blocks->items->len == 0) {
        g_set_error(error, OST_ERROR, OST_ERR_EMPTY, "the page holds no readable text");
        return OST_ERR_EMPTY;
    }
    return OST_OK;
}

static const ost_reader_info html_reader = {
    .size = sizeof(ost_reader_info),
    .name = "html",
    .description = "Web pages (HTML, XHTML) of standards, occupations and maps",
    .extensions = html_extensions,
    .mime_types = html_mime_types,
    .bid = html_bid,
    .read = html_read,
    .max_input = HTML_MAX_INPUT,
};

static ost_status
html_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &html_reader);
}

OST_PLUGIN_DEFINE(html, "Web page input", OST_VERSION, "MIT", html_init)
