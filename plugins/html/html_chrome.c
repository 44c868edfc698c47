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
/* Not "banner": a status or legacy banner under the title is the
 * document's; a site's banner is its header (role=banner) or a cookie box. */
static const char *const drop_tokens[] = {
    "nav", "navbar", "navigation", "menu", "skip", "modal", "tooltip", "popup",
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
/* Class names of icon fonts, whose text is a ligature the font draws as a
 * picture ("assignment_turned_in"). */
static const char *const icon_classes[] = {"material-icons", "material-symbols", "glyphicon",
                                           NULL};
/* Form controls and their labels: what they show is a value or the name
 * of one ("Filter duties by option"), not the document's text. */
static const char *const control_elements[] = {"button", "input", "select", "textarea",
                                               "option", "label", NULL};

static gboolean
in_list(const char *s, const char *const *list)
{
    for (guint i = 0; list[i] != NULL; i++)
        if (g_ascii_strcasecmp(s, list[i]) == 0)
            return TRUE;
    return FALSE;
}

static char
ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* @p s starts with the lower-case @p prefix, ASCII case ignored. */
static gboolean
starts_with(const char *s, const char *prefix)
{
    while (*prefix != '\0')
        if (ascii_lower(*s++) != *prefix++)
            return FALSE;
    return TRUE;
}

/* What a class or id word says, as bits: a word can be in several lists. */
enum {
    DROP_PREFIX = 1 << 0,
    DROP_TOKEN = 1 << 1,
    KEEP_PREFIX = 1 << 2,
    KEEP_TOKEN = 1 << 3,
};

typedef struct name_word {
    const char *word;
    gsize len;
    guint kind;
} name_word;

/* The words of the lists above by first letter, NULL-terminated: a word
 * is compared only with the entries that start like it. */
#define WORDS_PER_LETTER 12
static name_word words_by_letter[26][WORDS_PER_LETTER];

static void
index_words(const char *const *list, guint kind)
{
    for (guint i = 0; list[i] != NULL; i++) {
        name_word *w = words_by_letter[list[i][0] - 'a'];
        while (w->word != NULL)
            w++;
        g_assert(w < words_by_letter[list[i][0] - 'a'] + WORDS_PER_LETTER - 1);
        *w = (name_word){list[i], strlen(list[i]), kind};
    }
}

/* The kinds of the word @p tok of @p len bytes, ASCII case ignored. */
static guint
word_kinds(const char *tok, gsize len)
{
    static gsize indexed;
    if (g_once_init_enter(&indexed)) {
        index_words(drop_prefixes, DROP_PREFIX);
        index_words(drop_tokens, DROP_TOKEN);
        index_words(keep_prefixes, KEEP_PREFIX);
        index_words(keep_tokens, KEEP_TOKEN);
        g_once_init_leave(&indexed, 1);
    }
    char first = ascii_lower(tok[0]);
    if (first < 'a' || first > 'z')
        return 0;
    guint kinds = 0;
    for (const name_word *w = words_by_letter[first - 'a']; w->word != NULL; w++) {
        gboolean prefix = (w->kind & (DROP_PREFIX | KEEP_PREFIX)) != 0;
        if ((prefix ? len >= w->len : len == w->len) && starts_with(tok, w->word))
            kinds |= w->kind;
    }
    return kinds;
}

static const gboolean name_separators[256] = {
    [' '] = TRUE, ['\t'] = TRUE, ['\n'] = TRUE, ['-'] = TRUE, ['_'] = TRUE,
};

static gboolean
name_separator(char c)
{
    return name_separators[(guint8)c];
}

/* Classify the words of class and id attributes; *widget (optional) is
 * set when they name a links widget (see __ost_html_link_widget). Every
 * element with a class is asked, so the value is cut into words where it
 * stands, each compared caselessly with the words of its first letter;
 * strtok_r and hashed word sets made this 3,400 instructions a name,
 * walking every list with strncmp and strstr 1,700, a lower-cased copy on
 * the stack 320 a class, this 260. */
static html_chrome
by_names(const char *value, gboolean *widget)
{
    if (widget != NULL)
        *widget = FALSE;
    if (value == NULL || *value == '\0')
        return HTML_CONTENT;
    /* A multi-word class name of hidden_classes, anywhere in the value. */
    gboolean hidden_class = __ost_html_contains_caseless(value, hidden_classes);
    gboolean drop = hidden_class, keep = FALSE, prefixed = FALSE;
    for (const char *p = value; *p != '\0';) {
        if (name_separator(*p)) {
            p++;
            continue;
        }
        const char *tok = p;
        while (*p != '\0' && !name_separator(*p))
            p++;
        guint kinds = word_kinds(tok, (gsize)(p - tok));
        prefixed |= (kinds & DROP_PREFIX) != 0;
        if (kinds & (DROP_PREFIX | DROP_TOKEN))
            drop = TRUE;
        else if (!drop && (kinds & (KEEP_TOKEN | KEEP_PREFIX)))
            keep = TRUE;
    }
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
    /* Only text opening with a first letter of the pattern's words (or a
     * non-ASCII byte, see __ost_html_ascii) is worth the regex, which is
     * caseless: the text needs no lower-cased copy. */
    gboolean control = FALSE;
    gboolean may_match = (guint8)text[0] >= 0x80 ||
                         (text[0] != '\0' && strchr("brsjgthp", g_ascii_tolower(text[0])) != NULL);
    if (may_match)
        control = __ost_html_match(
            "^(back|return|skip|jump|go|scroll) to\\b|^(back to )?top$|^(show|hide|print)\\b", text);
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
    static const char *const cookie[] = {"cookie", NULL};
    char *text = __ost_html_text(node, FALSE, 0);
    gboolean cookies = strlen(text) < 2000 && __ost_html_contains_caseless(text, cookie);
    g_free(text);
    return cookies;
}

static html_chrome classify(const xmlNode *node);

static gboolean
holds_control(const xmlNode *node)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE &&
            (in_list((const char *)c->name, control_elements) || holds_control(c)))
            return TRUE;
    return FALSE;
}

/* A button that opens and closes a part of the page (an accordion's
 * trigger, aria-expanded) shows that part's heading: its text is the
 * document's, not a control's value. */
static gboolean
disclosure(const xmlNode *node)
{
    const char *role = __ost_html_attr(node, "role");
    return (__ost_html_is(node, "button") || (role != NULL && g_ascii_strcasecmp(role, "button") == 0)) &&
           __ost_html_attr(node, "aria-expanded") != NULL;
}

/* Verdicts are asked for again and again while text is gathered; each
 * element keeps its own (see __ost_html_memo_get). */
html_chrome
__ost_html_chrome(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE)
        return HTML_CONTENT;
    int known = __ost_html_memo_get(node, HTML_MEMO_CHROME);
    if (known >= 0)
        return (html_chrome)known;
    html_chrome verdict = classify(node);
    __ost_html_memo_set(node, HTML_MEMO_CHROME, verdict);
    return verdict;
}

static html_chrome
classify(const xmlNode *node)
{
    const char *name = (const char *)node->name;
    static html_name_set *drop_set, *keep_set;
    if (disclosure(node))
        return HTML_CONTENT;
    /* A control's label standing apart from it ("for" names the control);
     * one wrapping its control keeps its text, the control is dropped. */
    if (__ost_html_is(node, "label") && !holds_control(node))
        return HTML_DROP;
    if (__ost_html_in_set(name, drop_elements, &drop_set) || hidden(node))
        return HTML_DROP;
    const char *role = __ost_html_attr(node, "role");
    if (role != NULL && in_list(role, drop_roles))
        return HTML_DROP;
    const char *label = __ost_html_attr(node, "aria-label");
    if (label != NULL && by_names(label, NULL) == HTML_DROP)
        return HTML_DROP;
    const char *cls = __ost_html_attr(node, "class");
    if (cls != NULL && __ost_html_contains_caseless(cls, icon_classes))
        return HTML_DROP;
    html_chrome c = by_names(__ost_html_attr(node, "class"), NULL);
    html_chrome i = by_names(__ost_html_attr(node, "id"), NULL);
    if (c == HTML_DROP || i == HTML_DROP || control_link(node) || cookie_banner(node))
        return HTML_DROP;
    /* A link styled as a button is an action ("View occupation in map"). */
    if (__ost_html_is(node, "a")) {
        static const char *const words[] = {"btn", "button", NULL};
        /* No Unicode character folds to these letters: an ASCII test
         * rules out most classes before the regex. */
        if (cls != NULL && __ost_html_contains_caseless(cls, words) &&
            __ost_html_match("(^|[\\s_-])(btn|button)", cls))
            return HTML_DROP;
    }
    if (!__ost_html_in_set(name, keep_elements, &keep_set) && (role == NULL || !in_list(role, keep_roles)) &&
        c != HTML_KEEP_CHROME && i != HTML_KEEP_CHROME)
        return HTML_CONTENT;
    /* The header of an article is its title and byline, not the site's. */
    if (__ost_html_is(node, "header") || (cls != NULL && strstr(cls, "header") != NULL))
        for (const xmlNode *a = node->parent; a != NULL; a = a->parent)
            if (__ost_html_is(a, "article") || __ost_html_is(a, "main"))
                return HTML_CONTENT;
    return HTML_KEEP_CHROME;
}

guint
__ost_html_unshown(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE)
        return 0;
    const char *cls = __ost_html_attr(node, "class");
    const char *role = __ost_html_attr(node, "role");
    if (hidden(node) || (cls != NULL && __ost_html_contains_caseless(cls, hidden_classes)))
        return OST_BLOCK_HIDDEN;
    if (cls != NULL && __ost_html_contains_caseless(cls, icon_classes))
        return OST_BLOCK_ICON;
    if ((in_list((const char *)node->name, control_elements) && !disclosure(node)) ||
        (role != NULL && g_ascii_strcasecmp(role, "button") == 0) || control_link(node))
        return OST_BLOCK_CONTROL;
    return 0;
}

/* Widgets whose links send the page elsewhere rather than name another
 * document: share and social buttons, cookie and consent boxes,
 * newsletters, ads (the prefixes of drop_prefixes), and what is not shown
 * at all. Other dropped furniture (a side box classed as navigation, a
 * link styled as a button) still links the documents the page is about. */
gboolean
__ost_html_link_widget(const xmlNode *node)
{
    static html_name_set *drop_set;
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
