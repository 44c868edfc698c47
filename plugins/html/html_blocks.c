/* SPDX-License-Identifier: MIT */
/* The walk from a parsed page to the block stream (see blocks.h). */
#include "html_private.h"

#include <stdlib.h>
#include <string.h>

#define STATUS_TEXT_MAX 160

typedef struct walker {
    ost_blocks *blocks;
    ost_read_context *ctx;
    html_legend *legend;
    const xmlNode *main;        /* the page's main element, or NULL */
    GHashTable *main_path;      /* elements enclosing it */
    GHashTable *tab_labels;     /* id of a tab panel -> its tab's text */
    int in_main;
    int chrome;                 /* > 0 inside kept furniture */
    int bold;                   /* > 0 inside b / strong */
    int list_depth;
    GString *line;              /* inline text not yet emitted */
    /* Scratch text for label_row(), label_shaped(), walk_item(), chips and
     * headings, which run for most boxes and items: a GString made and
     * freed by each cost 4M instructions for the sample pages, 1.5M more
     * for headings and chips. None is used across a call of the others. */
    GString *label, *value;
    /* The texts of a table row's cells, one GString each, kept from row
     * to row (only between gathering a row and adding it: nested tables
     * reuse them): a string per cell and two arrays per row were made and
     * freed for 1,240 cells of the sample pages, 1M instructions. */
    GPtrArray *cell_texts;
    gsize bold_chars;
    const xmlNode *block;       /* the block element the line belongs to */
    GArray *unshown;            /* unshown_text: reported after the line */
    gboolean too_deep;
} walker;

/* Text a page carries but does not show as the document's: reported as a
 * block of its own, after the line it stands in. */
typedef struct unshown_text {
    guint flags;                /* OST_BLOCK_HIDDEN, _ICON or _CONTROL */
    char *text;
} unshown_text;

static void walk_node(walker *w, const xmlNode *node, int depth);

/* Tabbed pages name each panel only in the tab strip, which is dropped as
 * navigation: remember the names, to head their panels with them. */
static void
collect_tabs(GHashTable *labels, const xmlNode *node, int depth)
{
    for (const xmlNode *c = node; c != NULL && depth < HTML_MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *role = __ost_html_attr(c, "role");
        const char *panel = __ost_html_attr(c, "aria-controls");
        if (role != NULL && g_ascii_strcasecmp(role, "tab") == 0 && panel != NULL && *panel != '\0') {
            char *text = __ost_html_text(c, FALSE, depth);
            if (*text != '\0' && !g_hash_table_contains(labels, panel))
                g_hash_table_insert(labels, g_strdup(panel), text);
            else
                g_free(text);
            continue;
        }
        collect_tabs(labels, c->children, depth + 1);
    }
}

static ost_block *
emit(walker *w, ost_block_kind kind, const char *text, const xmlNode *node)
{
    ost_block *b = ost_blocks_add(w->blocks, kind, text);
    if (w->chrome > 0)
        b->flags |= OST_BLOCK_CHROME;
    /* Occupations on a map are short; running text has no status. */
    if (node != NULL && kind != OST_BLOCK_HEADING && strlen(text) <= STATUS_TEXT_MAX)
        b->status = __ost_html_status(w->legend, node);
    return b;
}

static void
paragraph_break(walker *w)
{
    GPtrArray *items = w->blocks->items;
    if (items->len == 0)
        return;
    const ost_block *last = g_ptr_array_index(items, items->len - 1);
    if (last->kind != OST_BLOCK_BREAK)
        ost_blocks_add(w->blocks, OST_BLOCK_BREAK, NULL);
}

static void
emit_unshown(walker *w)
{
    for (guint i = 0; i < w->unshown->len; i++) {
        unshown_text *u = &g_array_index(w->unshown, unshown_text, i);
        emit(w, OST_BLOCK_LINE, u->text, NULL)->flags |= u->flags;
        g_free(u->text);
    }
    g_array_set_size(w->unshown, 0);
}

static void
flush(walker *w)
{
    __ost_html_trim(w->line);
    if (w->line->len > 0) {
        ost_block *b = emit(w, OST_BLOCK_LINE, w->line->str, w->block);
        /* A paragraph set wholly in bold is often a heading in disguise. */
        if (w->bold_chars * 10 >= w->line->len * 9)
            b->flags |= OST_BLOCK_BOLD;
    }
    g_string_truncate(w->line, 0);
    w->bold_chars = 0;
    emit_unshown(w);
}

/* What a dropped element @p node would show or say: an input's value, a
 * select's chosen option (else its first), or all its text. */
static char *
unshown_text_of(const xmlNode *node)
{
    GString *out = g_string_new(NULL);
    const xmlNode *shown = node;
    if (__ost_html_is(node, "input")) {
        const char *value = __ost_html_attr(node, "value");
        shown = NULL;
        if (value != NULL)
            __ost_html_append_collapsed(out, value);
    } else if (__ost_html_is(node, "select")) {
        const xmlNode *first = NULL;
        for (const xmlNode *c = node->children; c != NULL; c = c->next) {
            if (!__ost_html_is(c, "option"))
                continue;
            if (first == NULL)
                first = c;
            if (__ost_html_attr(c, "selected") != NULL) {
                first = c;
                break;
            }
        }
        shown = first;
    }
    if (shown != NULL) {
        xmlChar *text = xmlNodeGetContent(shown);
        if (text != NULL)
            __ost_html_append_collapsed(out, (const char *)text);
        xmlFree(text);
    }
    __ost_html_trim(out);
    return g_string_free(out, FALSE);
}

/* Readers report what they leave out of the text, flagged: the core
 * decides what it is worth. */
static void
note_unshown(walker *w, const xmlNode *node)
{
    guint flags = __ost_html_unshown(node);
    if (flags == 0)
        return;
    char *text = unshown_text_of(node);
    if (*text == '\0') {
        g_free(text);
        return;
    }
    unshown_text u = {flags, text};
    g_array_append_val(w->unshown, u);
    if (w->line->len == 0)
        emit_unshown(w);
}

static void
append_inline_text(walker *w, const char *text)
{
    gsize before = w->line->len;
    __ost_html_append_collapsed(w->line, text);
    if (w->bold > 0)
        w->bold_chars += w->line->len - before;
}

/* Children that matter: elements and text that is not only white space. */
static gboolean
significant(const xmlNode *c)
{
    if (c->type == XML_ELEMENT_NODE)
        return __ost_html_chrome(c) != HTML_DROP;
    if (c->type != XML_TEXT_NODE || c->content == NULL)
        return FALSE;
    for (const xmlChar *p = c->content; *p != '\0'; p++)
        if (!g_ascii_isspace(*p) && !(p[0] == 0xC2 && p[1] == 0xA0))
            return TRUE;
    return FALSE;
}

static gboolean
contains_any(const xmlNode *node, const char *const *names, int depth)
{
    if (depth > HTML_MAX_DEPTH)
        return FALSE;
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        for (guint i = 0; names[i] != NULL; i++)
            if (__ost_html_is(c, names[i]))
                return TRUE;
        int lv;
        if (__ost_html_is_heading(c, &lv) || contains_any(c, names, depth + 1))
            return TRUE;
    }
    return FALSE;
}

static const char *const block_names[] = {"p", "div", "ul", "ol", "dl", "table", "section",
                                          "article", "blockquote", NULL};
static const char *const structure_names[] = {"table", "h1", "h2", "h3", "h4", "h5", "h6", NULL};

/* Whether @p text may hold a digit: an ASCII one, or any non-ASCII
 * character (GRegex's \d also matches other scripts' digits). */
static gboolean
may_hold_digit(const char *text)
{
    for (const char *p = text; *p != '\0'; p++)
        if (g_ascii_isdigit(*p) || (guint8)*p >= 0x80)
            return TRUE;
    return FALSE;
}

/* White space to PCRE2's \s, ASCII part (g_ascii_isspace leaves out \v). */
static gboolean
regex_space(char c)
{
    return c != '\0' && strchr(" \t\n\v\f\r", c) != NULL;
}

/* PCRE2's '$' as GRegex sets it (any newline): the end, or a newline
 * just before it. */
static gboolean
regex_end(const char *p)
{
    if (p[0] == '\r' && p[1] == '\n')
        p++;
    if (*p != '\0' && strchr("\n\v\f\r", *p) != NULL)
        p++;
    return *p == '\0';
}

/* ASCII @p text is an id, "K1", "S12a", "Duty 2": the regex of label_text()
 * spelt out, as most text is ASCII (0.9M instructions for the sample
 * pages; checked against GRegex on 3 million random strings). Letters are
 * neither space nor digit, so the run of letters is the whole opening. */
static gboolean
ascii_id(const char *text)
{
    const char *p = text;
    while (g_ascii_isalpha(*p))
        p++;
    gsize letters = (gsize)(p - text);
    gboolean duty = letters == 4 && g_ascii_strncasecmp(text, "duty", 4) == 0;
    if (duty)
        while (regex_space(*p))
            p++;
    else if (letters >= 1 && letters <= 3 && regex_space(*p))
        p++;
    else if (letters < 1 || letters > 3)
        return FALSE;
    if (!g_ascii_isdigit(*p))
        return FALSE;
    while (g_ascii_isdigit(*p))
        p++;
    if (!duty && g_ascii_isalpha(*p))
        p++;
    return regex_end(p);
}

/* "Level:" is a label; "K1:" and "Duty 2:" are ids that start a statement.
 * An id holds a digit: most labels are told apart without the regex (1.7M
 * instructions for the sample pages). */
static gboolean
label_text(GString *s)
{
    if (s->len < 2 || s->len > 80 || s->str[s->len - 1] != ':')
        return FALSE;
    g_string_truncate(s, s->len - 1);
    __ost_html_trim(s);
    if (s->len == 0 || !may_hold_digit(s->str))
        return s->len > 0;
    if (__ost_html_ascii(s->str))
        return !ascii_id(s->str);
    return !__ost_html_match("^([a-z]{1,3}\\s?\\d+[a-z]?|duty\\s*\\d+)$", s->str);
}

/* Label/value boxes: "<p><strong>Level:</strong> 3</p>", "<li><span>Route:
 * </span><span>Digital</span></li>", "<div><b>Typical job titles:</b>
 * <ul>...</ul></div>". The label is the first child, ends with a colon and
 * is short; the value is the rest. */
static gboolean
label_row(walker *w, const xmlNode *node, int depth)
{
    const xmlNode *first = node->children;
    while (first != NULL && !significant(first))
        first = first->next;
    if (first == NULL || first->type != XML_ELEMENT_NODE || contains_any(first, block_names, depth))
        return FALSE;
    int lv;
    if (__ost_html_is_heading(first, &lv) || __ost_html_is(first, "table") ||
        !(__ost_html_is_inline(first) || __ost_html_is(first, "div") || __ost_html_is(first, "dt") ||
          __ost_html_is(first, "th")))
        return FALSE;
    GString *label = w->label, *value = w->value;
    g_string_truncate(label, 0);
    g_string_truncate(value, 0);
    __ost_html_append_text(label, first, FALSE, depth + 1);
    __ost_html_trim(label);
    gboolean ok = label_text(label);
    for (const xmlNode *c = first->next; ok && c != NULL; c = c->next) {
        int l;
        if (c->type == XML_ELEMENT_NODE &&
            (__ost_html_is_heading(c, &l) || contains_any(c, structure_names, depth + 1) ||
             __ost_html_is(c, "table")))
            ok = FALSE;
        else
            __ost_html_append_text(value, c, TRUE, depth + 1);
    }
    __ost_html_trim(value);
    /* A value that starts with ':' means the colon was outside the label. */
    if (ok && value->len > 0) {
        const char *cells[2] = {label->str, value->str};
        flush(w);
        ost_block *b = ost_blocks_add_row(w->blocks, cells, 2);
        b->flags |= OST_BLOCK_LABEL | (w->chrome > 0 ? OST_BLOCK_CHROME : 0);
        b->status = __ost_html_status(w->legend, node);
    } else {
        ok = FALSE;
    }
    return ok;
}

/* Tags or chips: a box of like inline elements with nothing between them
 * but space ("<div><span class=tag>A</span><span class=tag>B</span></div>").
 * On screen each is its own box; run together they would merge. */
static gboolean
same_class(const xmlNode *a, const xmlNode *b)
{
    const char *ca = __ost_html_attr(a, "class"), *cb = __ost_html_attr(b, "class");
    return ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
}

/* The label of a "<span><b>Level:</b> 2</span>" box, without emitting it. */
static gboolean
label_shaped(walker *w, const xmlNode *node, int depth)
{
    const xmlNode *first = node->children;
    while (first != NULL && !significant(first))
        first = first->next;
    if (first == NULL || first->type != XML_ELEMENT_NODE || first->next == NULL)
        return FALSE;
    g_string_truncate(w->label, 0);
    __ost_html_append_text(w->label, first, FALSE, depth + 1);
    __ost_html_trim(w->label);
    return label_text(w->label);
}

static gboolean
chips(walker *w, const xmlNode *node, int depth)
{
    const xmlNode *first = NULL;
    guint n = 0;
    gboolean classed = TRUE, labelled = TRUE;
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (!significant(c))
            continue;
        if (c->type != XML_ELEMENT_NODE || !__ost_html_is_inline(c) || __ost_html_is(c, "br"))
            return FALSE;
        if (first == NULL)
            first = c;
        else if (strcmp((const char *)first->name, (const char *)c->name) != 0)
            return FALSE;
        classed = classed && same_class(first, c);
        labelled = labelled && label_shaped(w, c, depth + 1);
        n++;
    }
    if (n < 2 || !(classed || labelled))
        return FALSE;
    flush(w);
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (!significant(c) || (labelled && label_row(w, c, depth + 1)))
            continue;
        __ost_html_text_into(w->label, c, FALSE, depth + 1);
        if (w->label->len > 0)
            emit(w, OST_BLOCK_ITEM, w->label->str, c)->level = w->list_depth + 1;
    }
    return TRUE;
}

static void
walk_children(walker *w, const xmlNode *node, int depth)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        walk_node(w, c, depth + 1);
}

/* A block element: its inline content becomes lines, closed by a break. */
static void
walk_block(walker *w, const xmlNode *node, int depth)
{
    flush(w);
    const xmlNode *saved = w->block;
    w->block = node;
    if (!label_row(w, node, depth) && (__ost_html_is(node, "p") || !chips(w, node, depth)))
        walk_children(w, node, depth);
    flush(w);
    w->block = saved;
    paragraph_break(w);
}

/* "xiv" for 14: ordered lists of type i or I. */
static void
append_roman(GString *out, int n)
{
    static const struct {
        int value;
        const char *digits;
    } numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
                    {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"},
                    {1, "i"}};
    for (gsize i = 0; i < G_N_ELEMENTS(numerals); i++)
        for (; n >= numerals[i].value; n -= numerals[i].value)
            g_string_append(out, numerals[i].digits);
}

static int
attr_int(const xmlNode *node, const char *name, int fallback)
{
    const char *v = __ost_html_attr(node, name);
    char *end = NULL;
    long n = v != NULL ? strtol(v, &end, 10) : 0;
    return v != NULL && end != v && n > -100000 && n < 100000 ? (int)n : fallback;
}

/* The number a browser prints before an item of an ordered list ("3.",
 * "c.", "iv."), from the list's start and type and the items' values;
 * NULL for other items. */
static char *
printed_number(const xmlNode *item)
{
    const xmlNode *list = item->parent;
    if (list == NULL || !__ost_html_is(list, "ol"))
        return NULL;
    int n = attr_int(list, "start", 1) - 1;
    for (const xmlNode *c = list->children; c != NULL; c = c->next) {
        if (!__ost_html_is(c, "li"))
            continue;
        n = attr_int(c, "value", n + 1);
        if (c == item)
            break;
    }
    const char *type = __ost_html_attr(list, "type");
    char kind = type != NULL ? type[0] : '1';
    GString *out = g_string_new(NULL);
    if ((kind == 'a' || kind == 'A') && n >= 1 && n <= 26)
        g_string_append_c(out, (char)(kind + n - 1));
    else if ((kind == 'i' || kind == 'I') && n >= 1 && n < 4000) {
        append_roman(out, n);
        if (kind == 'I')
            g_string_ascii_up(out);
    } else
        g_string_append_printf(out, "%d", n);
    g_string_append_c(out, '.');
    return g_string_free(out, FALSE);
}

static void
walk_item(walker *w, const xmlNode *node, int depth)
{
    flush(w);
    if (label_row(w, node, depth))
        return;
    /* The item's own text; nested lists and tables follow as their own blocks. */
    static const char *const nested[] = {"ul", "ol", "dl", "table", NULL};
    GString *text = w->value;
    g_string_truncate(text, 0);
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        gboolean is_nested = FALSE;
        for (guint i = 0; nested[i] != NULL; i++)
            is_nested |= __ost_html_is(c, nested[i]);
        if (!is_nested)
            __ost_html_append_text(text, c, TRUE, depth + 1);
    }
    __ost_html_trim(text);
    /* A hard line break in an item ends a line, as in the text it stands
     * for: "AA1 Title<br>Source reference: X" is an item and a line. The
     * lines are cut in place. */
    char *rest = text->len > 0 ? text->str : NULL;
    for (guint i = 0; rest != NULL; i++) {
        char *end = strchr(rest, '\n');
        if (end != NULL)
            *end = '\0';
        const char *line = g_strstrip(rest);
        rest = end != NULL ? end + 1 : NULL;
        if (*line == '\0')
            continue;
        ost_block *b = emit(w, i == 0 ? OST_BLOCK_ITEM : OST_BLOCK_LINE, line, node);
        if (i == 0) {
            b->level = MAX(w->list_depth, 1);
            b->number = printed_number(node);
        }
    }
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        for (guint i = 0; nested[i] != NULL; i++)
            if (__ost_html_is(c, nested[i]))
                walk_node(w, c, depth + 1);
}

static void
emit_pair(walker *w, GString *label, GString *value, const xmlNode *node)
{
    __ost_html_trim(label);
    __ost_html_trim(value);
    if (label->len > 0 && label->str[label->len - 1] == ':')
        g_string_truncate(label, label->len - 1);
    if (label->len > 0 && value->len > 0) {
        const char *cells[2] = {label->str, value->str};
        ost_block *b = ost_blocks_add_row(w->blocks, cells, 2);
        b->flags |= OST_BLOCK_LABEL | (w->chrome > 0 ? OST_BLOCK_CHROME : 0);
    } else if (label->len > 0 || value->len > 0) {
        emit(w, OST_BLOCK_LINE, label->len > 0 ? label->str : value->str, node);
    }
    g_string_truncate(label, 0);
    g_string_truncate(value, 0);
}

/* dt/dd pairs, also when wrapped in divs (GOV.UK summary lists). */
static void
collect_pairs(walker *w, const xmlNode *node, GString *label, GString *value, int depth)
{
    for (const xmlNode *c = node->children; c != NULL && depth < HTML_MAX_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || __ost_html_chrome(c) == HTML_DROP)
            continue;
        if (__ost_html_is(c, "dt")) {
            emit_pair(w, label, value, node);
            __ost_html_append_text(label, c, FALSE, depth + 1);
        } else if (__ost_html_is(c, "dd")) {
            if (value->len > 0)
                g_string_append_c(value, '\n');
            __ost_html_append_text(value, c, TRUE, depth + 1);
            __ost_html_trim(value);
            if (label->len == 0)
                emit_pair(w, label, value, c);
        } else {
            collect_pairs(w, c, label, value, depth + 1);
        }
    }
}

static void
walk_dl(walker *w, const xmlNode *node, int depth)
{
    flush(w);
    GString *label = g_string_new(NULL), *value = g_string_new(NULL);
    collect_pairs(w, node, label, value, depth);
    emit_pair(w, label, value, node);
    g_string_free(label, TRUE);
    g_string_free(value, TRUE);
    paragraph_break(w);
}

static void
table_rows(const xmlNode *node, GPtrArray *rows, int depth)
{
    for (const xmlNode *c = node->children; c != NULL && depth < HTML_MAX_DEPTH; c = c->next) {
        if (__ost_html_is(c, "tr"))
            g_ptr_array_add(rows, (gpointer)c);
        else if (__ost_html_is(c, "thead") || __ost_html_is(c, "tbody") || __ost_html_is(c, "tfoot"))
            table_rows(c, rows, depth + 1);
    }
}

static void
row_cells(const xmlNode *tr, GPtrArray *cells)
{
    for (const xmlNode *c = tr->children; c != NULL; c = c->next)
        if ((__ost_html_is(c, "td") || __ost_html_is(c, "th")) && __ost_html_chrome(c) != HTML_DROP)
            g_ptr_array_add(cells, (gpointer)c);
}

static gboolean
header_row(const xmlNode *tr, GPtrArray *cells)
{
    if (__ost_html_is(tr->parent, "thead"))
        return TRUE;
    for (guint i = 0; i < cells->len; i++)
        if (!__ost_html_is(g_ptr_array_index(cells, i), "th"))
            return FALSE;
    return cells->len > 1;
}

/* The texts of @p cells, at @p depth, into @p texts, which point into
 * w->cell_texts until the next row; TRUE when any is not empty. */
static gboolean
row_texts(walker *w, const GPtrArray *cells, GPtrArray *texts, int depth)
{
    gboolean any = FALSE;
    g_ptr_array_set_size(texts, 0);
    for (guint i = 0; i < cells->len; i++) {
        if (i == w->cell_texts->len)
            g_ptr_array_add(w->cell_texts, g_string_new(NULL));
        GString *t = g_ptr_array_index(w->cell_texts, i);
        __ost_html_text_into(t, g_ptr_array_index(cells, i), TRUE, depth);
        any |= t->len > 0;
        g_ptr_array_add(texts, t->str);
    }
    return any;
}

static void
walk_table(walker *w, const xmlNode *node, int depth)
{
    static const char *const tables[] = {"table", NULL};
    flush(w);
    GPtrArray *rows = g_ptr_array_new();
    GPtrArray *cells = g_ptr_array_new(), *texts = g_ptr_array_new();
    table_rows(node, rows, depth + 1);
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (__ost_html_is(c, "caption"))
            walk_node(w, c, depth + 1);
    gboolean has_header = FALSE;
    for (guint r = 0; r < rows->len && !has_header; r++) {
        g_ptr_array_set_size(cells, 0);
        row_cells(g_ptr_array_index(rows, r), cells);
        has_header = header_row(g_ptr_array_index(rows, r), cells);
    }
    for (guint r = 0; r < rows->len; r++) {
        const xmlNode *tr = g_ptr_array_index(rows, r);
        if (__ost_html_chrome(tr) == HTML_DROP)
            continue;
        g_ptr_array_set_size(cells, 0);
        row_cells(tr, cells);
        /* Layout tables hold pages, not rows: walk their cells as boxes. */
        gboolean layout = FALSE;
        for (guint i = 0; i < cells->len; i++)
            layout |= contains_any(g_ptr_array_index(cells, i), tables, depth + 2);
        if (layout || cells->len == 1) {
            for (guint i = 0; i < cells->len; i++)
                walk_block(w, g_ptr_array_index(cells, i), depth + 2);
            continue;
        }
        if (row_texts(w, cells, texts, depth + 2)) {
            gboolean head = header_row(tr, cells);
            GString *first = g_ptr_array_index(w->cell_texts, 0);
            gboolean label = !has_header && cells->len == 2 && first->len > 0 &&
                             (__ost_html_is(g_ptr_array_index(cells, 0), "th") ||
                              first->str[first->len - 1] == ':');
            if (label && first->str[first->len - 1] == ':')
                g_string_truncate(first, first->len - 1);
            ost_block *b = ost_blocks_add_row(w->blocks, (const char *const *)texts->pdata,
                                              texts->len);
            gboolean legend = __ost_html_legend_has(w->legend, tr);
            for (guint i = 0; i < cells->len; i++)
                legend |= __ost_html_legend_has(w->legend, g_ptr_array_index(cells, i));
            if (w->chrome > 0 || legend)
                b->flags |= OST_BLOCK_CHROME;
            if (head)
                b->flags |= OST_BLOCK_HEADER_ROW;
            else if (label)
                b->flags |= OST_BLOCK_LABEL;
            b->status = __ost_html_status(w->legend, tr);
        }
    }
    g_ptr_array_unref(texts);
    g_ptr_array_unref(cells);
    g_ptr_array_unref(rows);
    paragraph_break(w);
}

static void
walk_element(walker *w, const xmlNode *node, int depth)
{
    int level;
    if (__ost_html_is(node, "br")) {
        flush(w);
    } else if (__ost_html_is_heading(node, &level)) {
        flush(w);
        __ost_html_text_into(w->label, node, FALSE, depth);
        if (w->label->len > 0)
            emit(w, OST_BLOCK_HEADING, w->label->str, node)->level = level;
    } else if (__ost_html_is_inline(node)) {
        gboolean bold = __ost_html_is(node, "b") || __ost_html_is(node, "strong");
        w->bold += bold;
        walk_children(w, node, depth);
        w->bold -= bold;
    } else if (__ost_html_is(node, "li")) {
        walk_item(w, node, depth);
    } else if (__ost_html_is(node, "ul") || __ost_html_is(node, "ol") || __ost_html_is(node, "menu")) {
        flush(w);
        w->list_depth++;
        walk_children(w, node, depth);
        w->list_depth--;
        flush(w);
        paragraph_break(w);
    } else if (__ost_html_is(node, "dl")) {
        walk_dl(w, node, depth);
    } else if (__ost_html_is(node, "table")) {
        walk_table(w, node, depth);
    } else {
        walk_block(w, node, depth);
    }
}

static void
walk_node(walker *w, const xmlNode *node, int depth)
{
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != NULL)
            append_inline_text(w, (const char *)node->content);
        return;
    }
    if (node->type != XML_ELEMENT_NODE)
        return;
    if (depth > HTML_MAX_DEPTH) {
        if (!w->too_deep)
            ost_read_context_warn(w->ctx, "html_too_deep", NULL,
                                  "Elements nested deeper than %d levels were skipped",
                                  HTML_MAX_DEPTH);
        w->too_deep = TRUE;
        return;
    }
    html_chrome kind = __ost_html_chrome(node);
    if (kind == HTML_DROP) {
        note_unshown(w, node);
        return;
    }
    /* Beside the page's <main> everything is furniture. */
    if (w->main != NULL && w->in_main == 0 && node != w->main &&
        !g_hash_table_contains(w->main_path, node))
        kind = HTML_KEEP_CHROME;
    /* The colour legend of a map is furniture too: it names statuses, it
     * is not an occupation. */
    if (kind == HTML_CONTENT && __ost_html_legend_has(w->legend, node))
        kind = HTML_KEEP_CHROME;
    const char *id = __ost_html_attr(node, "id");
    const char *tab = id != NULL ? g_hash_table_lookup(w->tab_labels, id) : NULL;
    if (tab != NULL) {
        flush(w);
        emit(w, OST_BLOCK_HEADING, tab, NULL)->level = 2;
    }
    gboolean is_main = node == w->main;
    gboolean enters = kind == HTML_KEEP_CHROME && w->chrome == 0;
    if (enters)
        flush(w);
    w->chrome += kind == HTML_KEEP_CHROME;
    w->in_main += is_main;
    walk_element(w, node, depth);
    w->in_main -= is_main;
    if (enters)
        flush(w);
    w->chrome -= kind == HTML_KEEP_CHROME;
}

/* A page's title sits in its header on many sites; when no level-1 heading
 * was found outside the furniture, the furniture's ones are the title. */
static void
unflag_title(ost_blocks *blocks)
{
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->kind == OST_BLOCK_HEADING && b->level == 1 && !(b->flags & OST_BLOCK_CHROME))
            return;
    }
    for (guint i = 0; i < blocks->items->len; i++) {
        ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->kind == OST_BLOCK_HEADING && b->level == 1)
            b->flags &= ~OST_BLOCK_CHROME;
    }
}

void
__ost_html_walk(xmlDoc *html, ost_blocks *blocks, ost_read_context *ctx)
{
    const xmlNode *root = xmlDocGetRootElement(html);
    if (root == NULL)
        return;
    const xmlNode *body = root;
    for (const xmlNode *c = root->children; c != NULL; c = c->next)
        if (__ost_html_is(c, "body"))
            body = c;
    walker w = {
        .blocks = blocks,
        .ctx = ctx,
        .legend = __ost_html_legend_new(body),
        .main = __ost_html_find_main(body),
        .main_path = g_hash_table_new(g_direct_hash, g_direct_equal),
        .tab_labels = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free),
        .line = g_string_new(NULL),
        .label = g_string_new(NULL),
        .value = g_string_new(NULL),
        .cell_texts = g_ptr_array_new(),
        .unshown = g_array_new(FALSE, FALSE, sizeof(unshown_text)),
    };
    for (const xmlNode *a = w.main != NULL ? w.main->parent : NULL; a != NULL; a = a->parent)
        g_hash_table_add(w.main_path, (gpointer)a);
    collect_tabs(w.tab_labels, body, 0);
    walk_node(&w, body, 0);
    flush(&w);
    unflag_title(blocks);
    __ost_html_links(w.main != NULL ? w.main : body, blocks);
    g_string_free(w.line, TRUE);
    g_string_free(w.label, TRUE);
    g_string_free(w.value, TRUE);
    for (guint i = 0; i < w.cell_texts->len; i++)
        g_string_free(g_ptr_array_index(w.cell_texts, i), TRUE);
    g_ptr_array_unref(w.cell_texts);
    g_array_unref(w.unshown);
    g_hash_table_unref(w.main_path);
    g_hash_table_unref(w.tab_labels);
    __ost_html_legend_free(w.legend);
}
