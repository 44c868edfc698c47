/* SPDX-License-Identifier: MIT */
/* What on a page is site furniture rather than the document it carries. */
#include "html_private.h"

#include <string.h>

/* Furniture that says nothing about the document: skipped whole. */
static const char *const drop_elements[] = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "map", "button", "input", "select", "textarea", "option",
    "nav", "dialog", "head", "link", "meta", "datalist", "progress", "meter", NULL,
};

/* Furniture whose text can tell who published the copy ("Leave a Reply",
 * "Powered by WordPress", "© Crown copyright"): kept as chrome blocks. */
static const char *const keep_elements[] = {"header", "footer", "aside", "form", NULL};

static const char *const drop_roles[] = {
    "navigation", "search", "dialog", "alertdialog", "tablist", "tab", "menu", "menubar",
    "toolbar", "button", "tooltip", NULL,
};
static const char *const keep_roles[] = {"banner", "contentinfo", "complementary", NULL};

/* Class and id words. Distinctive words match at the start of a token
 * ("feedbackFooter", "cookie-banner"); short common words must be the
 * whole token ("site-nav", not "canvas"). Markup changes, so these only
 * add to what element names, roles and attributes already say. */
static const char *const drop_prefixes[] = {
    "cookie", "consent", "gdpr", "breadcrumb", "feedback", "skiplink", "share", "social",
    "newsletter", "pagination", "advert", NULL,
};
static const char *const drop_tokens[] = {
    "nav", "navbar", "navigation", "menu", "skip", "modal", "tooltip", "popup", "banner",
    "toolbar", "search", "ads", "ad", NULL,
};
static const char *const keep_prefixes[] = {"comment", "sidebar", "widget", "respond",
                                            "relatedpost", NULL};
static const char *const keep_tokens[] = {
    "header", "footer", "masthead", "byline", "author", "copyright", "printonly", "reply",
    "postmeta", "meta", NULL,
};
/* Multi-word class names of text kept for screen readers only. */
static const char *const hidden_classes[] = {"visually-hidden", "visuallyhidden", "sr-only",
                                             "screen-reader", NULL};

static gboolean
in_list(const char *s, const char *const *list)
{
    for (guint i = 0; list[i] != NULL; i++)
        if (g_ascii_strcasecmp(s, list[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
has_prefix_in(const char *s, const char *const *list)
{
    for (guint i = 0; list[i] != NULL; i++)
        if (g_str_has_prefix(s, list[i]))
            return TRUE;
    return FALSE;
}

/* Classify the words of class and id attributes. */
static html_chrome
by_names(const char *value)
{
    if (value == NULL || *value == '\0')
        return HTML_CONTENT;
    char *low = g_ascii_strdown(value, -1);
    html_chrome verdict = HTML_CONTENT;
    for (guint i = 0; hidden_classes[i] != NULL; i++)
        if (strstr(low, hidden_classes[i]) != NULL)
            verdict = HTML_DROP;
    char *save = NULL;
    for (char *tok = strtok_r(low, " \t\n-_", &save); tok != NULL && verdict != HTML_DROP;
         tok = strtok_r(NULL, " \t\n-_", &save)) {
        if (in_list(tok, drop_tokens) || has_prefix_in(tok, drop_prefixes))
            verdict = HTML_DROP;
        else if (in_list(tok, keep_tokens) || has_prefix_in(tok, keep_prefixes))
            verdict = HTML_KEEP_CHROME;
    }
    g_free(low);
    return verdict;
}

static gboolean
hidden(const xmlNode *node)
{
    if (__ost_html_attr(node, "hidden") != NULL)
        return TRUE;
    const char *aria = __ost_html_attr(node, "aria-hidden");
    if (aria != NULL && g_ascii_strcasecmp(aria, "true") == 0)
        return TRUE;
    const char *style = __ost_html_attr(node, "style");
    if (style == NULL)
        return FALSE;
    GString *s = g_string_new(NULL);
    for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace(*p))
            g_string_append_c(s, g_ascii_tolower(*p));
    gboolean h = strstr(s->str, "display:none") != NULL ||
                 strstr(s->str, "visibility:hidden") != NULL;
    g_string_free(s, TRUE);
    return h;
}

/* In-page controls dressed as links: "Back to Duty", "Skip to content". */
static gboolean
control_link(const xmlNode *node)
{
    if (!__ost_html_is(node, "a"))
        return FALSE;
    const char *href = __ost_html_attr(node, "href");
    if (href != NULL && href[0] != '#' && g_ascii_strncasecmp(href, "javascript:", 11) != 0)
        return FALSE;
    char *text = __ost_html_text(node, FALSE, 0);
    char *low = g_ascii_strdown(text, -1);
    gboolean control = __ost_html_match(
        "^(back|return|skip|jump|go|scroll) to\\b|^(back to )?top$|^(show|hide|print)\\b", low);
    g_free(low);
    g_free(text);
    return control;
}

static guint
count_elements(const xmlNode *node, guint limit)
{
    guint n = 0;
    for (const xmlNode *c = node->children; c != NULL && n <= limit; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += 1 + count_elements(c, limit - n);
    return n;
}

static gboolean
has_control(const xmlNode *node)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (__ost_html_is(c, "button") || __ost_html_is(c, "input") || __ost_html_is(c, "form"))
            return TRUE;
        const char *role = __ost_html_attr(c, "role");
        if ((role != NULL && g_ascii_strcasecmp(role, "button") == 0) || has_control(c))
            return TRUE;
    }
    return FALSE;
}

/* A cookie banner: a small top-level box that talks about cookies and
 * offers buttons, whatever its markup calls itself. */
static gboolean
cookie_banner(const xmlNode *node)
{
    const xmlNode *p = node->parent;
    gboolean top = __ost_html_is(p, "body") || (p != NULL && __ost_html_is(p->parent, "body"));
    if (!top || count_elements(node, 80) > 80 || !has_control(node))
        return FALSE;
    char *text = __ost_html_text(node, FALSE, 0);
    char *low = g_ascii_strdown(text, -1);
    gboolean cookies = strlen(low) < 2000 && strstr(low, "cookie") != NULL;
    g_free(low);
    g_free(text);
    return cookies;
}

static html_chrome classify(const xmlNode *node);

/* Verdicts are asked for again and again while text is gathered; each
 * element keeps its own in libxml2's slot for applications. */
html_chrome
__ost_html_chrome(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE)
        return HTML_CONTENT;
    if (node->_private == NULL)
        ((xmlNode *)node)->_private = GINT_TO_POINTER(classify(node) + 1);
    return (html_chrome)(GPOINTER_TO_INT(node->_private) - 1);
}

static html_chrome
classify(const xmlNode *node)
{
    const char *name = (const char *)node->name;
    static GHashTable *drop_set, *keep_set;
    if (__ost_html_in_set(name, drop_elements, &drop_set) || hidden(node))
        return HTML_DROP;
    const char *role = __ost_html_attr(node, "role");
    if (role != NULL && in_list(role, drop_roles))
        return HTML_DROP;
    const char *label = __ost_html_attr(node, "aria-label");
    if (label != NULL && by_names(label) == HTML_DROP)
        return HTML_DROP;
    html_chrome c = by_names(__ost_html_attr(node, "class"));
    html_chrome i = by_names(__ost_html_attr(node, "id"));
    if (c == HTML_DROP || i == HTML_DROP || control_link(node) || cookie_banner(node))
        return HTML_DROP;
    /* A link styled as a button is an action ("View occupation in map"). */
    if (__ost_html_is(node, "a")) {
        const char *cls = __ost_html_attr(node, "class");
        if (cls != NULL && __ost_html_match("(^|[\\s_-])(btn|button)", cls))
            return HTML_DROP;
    }
    if (!__ost_html_in_set(name, keep_elements, &keep_set) && (role == NULL || !in_list(role, keep_roles)) &&
        c != HTML_KEEP_CHROME && i != HTML_KEEP_CHROME)
        return HTML_CONTENT;
    /* The header of an article is its title and byline, not the site's. */
    const char *cls = __ost_html_attr(node, "class");
    if (__ost_html_is(node, "header") || (cls != NULL && strstr(cls, "header") != NULL))
        for (const xmlNode *a = node->parent; a != NULL; a = a->parent)
            if (__ost_html_is(a, "article") || __ost_html_is(a, "main"))
                return HTML_CONTENT;
    return HTML_KEEP_CHROME;
}

static const xmlNode *
find_main(const xmlNode *node, int depth)
{
    for (const xmlNode *c = node; c != NULL && depth < HTML_MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *role = __ost_html_attr(c, "role");
        if (__ost_html_is(c, "main") || (role != NULL && g_ascii_strcasecmp(role, "main") == 0))
            return c;
        const xmlNode *m = find_main(c->children, depth + 1);
        if (m != NULL)
            return m;
    }
    return NULL;
}

const xmlNode *
__ost_html_find_main(const xmlNode *root)
{
    return root != NULL ? find_main(root, 0) : NULL;
}
