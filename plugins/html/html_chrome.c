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

/* @p tok (NUL-terminated, lower case) starts with a word of @p list; the
 * first byte is compared inline, as nearly every word fails on it. */
static gboolean
has_prefix_in(const char *tok, const char *const *list)
{
    for (guint i = 0; list[i] != NULL; i++)
        if (list[i][0] == tok[0] && strncmp(tok, list[i], strlen(list[i])) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
word_in(const char *tok, const char *const *list)
{
    for (guint i = 0; list[i] != NULL; i++)
        if (list[i][0] == tok[0] && strcmp(tok, list[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
name_separator(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '_';
}

/* Classify the words of class and id attributes; *widget (optional) is
 * set when they name a links widget (see __ost_html_link_widget). Every
 * element with a class is asked, so the value is lower-cased once into a
 * buffer on the stack and cut into words in the same pass; strtok_r and
 * hashed word sets made this 3,400 instructions an element, this about
 * 600. */
static html_chrome
by_names(const char *value, gboolean *widget)
{
    if (widget != NULL)
        *widget = FALSE;
    if (value == NULL || *value == '\0')
        return HTML_CONTENT;
    gsize n = strlen(value);
    char stack[256];
    char *low = n < sizeof stack ? stack : g_malloc(n + 1);
    for (gsize i = 0; i <= n; i++)
        low[i] = g_ascii_tolower(value[i]);
    gboolean drop = FALSE, keep = FALSE, prefixed = FALSE;
    for (guint i = 0; hidden_classes[i] != NULL && !drop; i++)
        drop = strstr(low, hidden_classes[i]) != NULL;
    gboolean hidden_class = drop;
    for (char *p = low; *p != '\0';) {
        if (name_separator(*p)) {
            p++;
            continue;
        }
        char *tok = p;
        while (*p != '\0' && !name_separator(*p))
            p++;
        char end = *p;
        *p = '\0';
        gboolean pre = has_prefix_in(tok, drop_prefixes);
        prefixed |= pre;
        if (pre || word_in(tok, drop_tokens))
            drop = TRUE;
        else if (!drop && (word_in(tok, keep_tokens) || has_prefix_in(tok, keep_prefixes)))
            keep = TRUE;
        *p = end;
    }
    if (low != stack)
        g_free(low);
    if (widget != NULL)
        *widget = hidden_class || prefixed;
    return drop ? HTML_DROP : keep ? HTML_KEEP_CHROME : HTML_CONTENT;
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
    /* Maps colour every box by its style: squeeze it on the stack. */
    gsize n = strlen(style);
    char stack[256];
    char *s = n < sizeof stack ? stack : g_malloc(n + 1);
    gsize len = 0;
    for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace(*p))
            s[len++] = g_ascii_tolower(*p);
    s[len] = '\0';
    gboolean h = strstr(s, "display:none") != NULL || strstr(s, "visibility:hidden") != NULL;
    if (s != stack)
        g_free(s);
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
    if (label != NULL && by_names(label, NULL) == HTML_DROP)
        return HTML_DROP;
    html_chrome c = by_names(__ost_html_attr(node, "class"), NULL);
    html_chrome i = by_names(__ost_html_attr(node, "id"), NULL);
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

/* Widgets whose links send the page elsewhere rather than name another
 * document: share and social buttons, cookie and consent boxes,
 * newsletters, ads (the prefixes of drop_prefixes), and what is not shown
 * at all. Other dropped furniture (a side box classed as navigation, a
 * link styled as a button) still links the documents the page is about. */
gboolean
__ost_html_link_widget(const xmlNode *node)
{
    static GHashTable *drop_set;
    if (node->type != XML_ELEMENT_NODE)
        return FALSE;
    const char *name = (const char *)node->name;
    if ((__ost_html_in_set(name, drop_elements, &drop_set) && strcmp(name, "nav") != 0) ||
        hidden(node))
        return TRUE;
    const char *attrs[] = {__ost_html_attr(node, "class"), __ost_html_attr(node, "id"),
                           __ost_html_attr(node, "aria-label")};
    for (gsize a = 0; a < G_N_ELEMENTS(attrs); a++) {
        gboolean widget;
        by_names(attrs[a], &widget);
        if (widget)
            return TRUE;
    }
    return FALSE;
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
