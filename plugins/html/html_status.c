/* SPDX-License-Identifier: MIT */
/* Occupational map status from colour: the page's legend first, colour
 * names and hues when it has none. */
#include "html_private.h"

#include <stdio.h>
#include <string.h>

struct html_legend {
    GHashTable *keys;    /* colour key -> GINT_TO_POINTER(status), -1 when ambiguous */
    GHashTable *entries; /* the legend's elements */
    gboolean coloured;   /* some element has a key status_of_colour() can read */
    GString *text;       /* scratch for consider_entry() */
};

#define SMALL_SUBTREE 24
#define ANCESTORS 3

/* The status a piece of legend wording names, or NONE. Checked most
 * specific first: "standard published, not yet approved for delivery".
 * @p low is lower case. */
static ost_map_status
status_of_words(const char *low)
{
    ost_map_status st = OST_MAP_STATUS_NONE;
    guint named = 0;
    if (strstr(low, "awaiting") != NULL)
        st = OST_MAP_STATUS_AWAITING_STANDARD, named++;
    if (strstr(low, "in development") != NULL || strstr(low, "being developed") != NULL)
        st = OST_MAP_STATUS_IN_DEVELOPMENT, named++;
    if (strstr(low, "published") != NULL)
        st = OST_MAP_STATUS_STANDARD_PUBLISHED, named++;
    if (strstr(low, "approved for delivery") != NULL)
        st = OST_MAP_STATUS_APPROVED_FOR_DELIVERY, named++;
    /* Text naming several statuses is the legend as a whole, not an entry. */
    return named == 1 ? st : OST_MAP_STATUS_NONE;
}

static const struct {
    const char *name;
    const char *hex;
} named_colours[] = {
    {"green", "#008000"}, {"darkgreen", "#006400"}, {"limegreen", "#32cd32"},
    {"amber", "#ffbf00"}, {"orange", "#ffa500"},    {"gold", "#ffd700"},
    {"yellow", "#ffff00"}, {"red", "#ff0000"},      {"darkred", "#8b0000"},
    {"crimson", "#dc143c"}, {"black", "#000000"},
};

/* "#0b0", "#00bb00", "rgb(0, 187, 0)", "green" -> "#00bb00" in @p hex;
 * FALSE when @p v is no colour. */
static gboolean
normalise_colour(const char *v, char hex[8])
{
    while (*v == ' ')
        v++;
    if (*v == '#') {
        const char *h = v + 1;
        gsize n = strspn(h, "0123456789abcdefABCDEF");
        if (n == 3)
            g_snprintf(hex, 8, "#%c%c%c%c%c%c", h[0], h[0], h[1], h[1], h[2], h[2]);
        else if (n == 6 || n == 8)
            g_strlcpy(hex, v, 8);
        else
            return FALSE;
        for (char *c = hex; *c != '\0'; c++)
            *c = g_ascii_tolower(*c);
        return TRUE;
    }
    if (g_ascii_strncasecmp(v, "rgb", 3) == 0) {
        const char *p = strchr(v, '(');
        int r, g, b;
        if (p == NULL || sscanf(p + 1, "%d ,%d ,%d", &r, &g, &b) != 3)
            return FALSE;
        g_snprintf(hex, 8, "#%02x%02x%02x", CLAMP(r, 0, 255), CLAMP(g, 0, 255), CLAMP(b, 0, 255));
        return TRUE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(named_colours); i++)
        if (g_ascii_strncasecmp(v, named_colours[i].name, strlen(named_colours[i].name)) == 0 &&
            !g_ascii_isalpha(v[strlen(named_colours[i].name)])) {
            g_strlcpy(hex, named_colours[i].hex, 8);
            return TRUE;
        }
    return FALSE;
}

/* Called with each key of an element in turn; TRUE stops the calls. The
 * key lives only for the call. */
typedef gboolean (*key_visitor)(const char *key, gpointer data);

/* The colours of one declaration "prop: value", cut out in @p decl. */
static gboolean
declaration_keys(char *decl, key_visitor visit, gpointer data)
{
    char *colon = strchr(decl, ':');
    if (colon == NULL)
        return FALSE;
    *colon = '\0';
    char *prop = g_strstrip(decl);
    if (g_ascii_strcasecmp(prop, "color") != 0 && strstr(prop, "background") == NULL &&
        strstr(prop, "border") == NULL && g_ascii_strcasecmp(prop, "fill") != 0)
        return FALSE;
    /* The colour is any word of the value; spaces within parentheses are
     * squeezed out where the value stands ("rgb(0, 112, 60)"). */
    gboolean text = g_ascii_strcasecmp(prop, "color") == 0;
    char *value = colon + 1, *end = value;
    int paren = 0;
    for (const char *p = value; *p != '\0'; p++) {
        paren += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        if (paren == 0 || *p != ' ')
            *end++ = *p;
    }
    *end = '\0';
    char key[9] = "t"; /* 't' and "#rrggbb" */
    for (char *word = value;; word++) {
        char *space = strchr(word, ' ');
        if (space != NULL)
            *space = '\0';
        if (normalise_colour(word, key + 1) && visit(text ? key : key + 1, data))
            return TRUE;
        if (space == NULL)
            return FALSE;
        word = space;
    }
}

/* The colours of an inline style: "border-left: 6px solid #00703c" gives
 * "#00703c". Text colours are marked 't': black text is no status by itself.
 * Declarations are cut in a copy on the stack: maps colour every box by
 * its style, and g_strsplit, g_strsplit_set and a string for each colour
 * made about 12 allocations a style; without them the keys of the sample
 * pages cost 1.12M instructions, not 1.43M. */
static gboolean
style_keys(const char *style, key_visitor visit, gpointer data)
{
    gsize n = strlen(style);
    char stack[256];
    char *copy = n < sizeof stack ? memcpy(stack, style, n + 1) : g_strdup(style);
    gboolean stop = FALSE;
    for (char *decl = copy; !stop;) {
        char *semicolon = strchr(decl, ';');
        if (semicolon != NULL)
            *semicolon = '\0';
        stop = declaration_keys(decl, visit, data);
        if (semicolon == NULL)
            break;
        decl = semicolon + 1;
    }
    if (copy != stack)
        g_free(copy);
    return stop;
}

static gboolean
text_colour_key(const char *key, gpointer rgb)
{
    unsigned r, g, b;
    if (key[0] != 't' || sscanf(key + 1, "#%02x%02x%02x", &r, &g, &b) != 3)
        return FALSE;
    *(guint32 *)rgb = OST_RGB(r, g, b);
    return TRUE;
}

gboolean
__ost_html_text_colour(const xmlNode *node, guint32 *rgb)
{
    for (const xmlNode *a = node; a != NULL && a->type == XML_ELEMENT_NODE; a = a->parent) {
        const char *style = __ost_html_attr(a, "style");
        if (style != NULL && strstr(style, "color") != NULL && style_keys(style, text_colour_key, rgb))
            return TRUE;
    }
    return FALSE;
}

static gboolean
class_separator(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* A class word "w" gives the key ".w". Every block of a coloured page asks
 * about several elements' classes: words are cut in a buffer on the stack
 * (g_strsplit_set and g_strconcat cost 4.2M instructions for the sample
 * pages). */
static gboolean
class_keys(const char *cls, key_visitor visit, gpointer data)
{
    char stack[128];
    for (const char *p = cls; *p != '\0';) {
        if (class_separator(*p)) {
            p++;
            continue;
        }
        const char *word = p;
        while (*p != '\0' && !class_separator(*p))
            p++;
        gsize n = (gsize)(p - word);
        char *key = n + 2 <= sizeof stack ? stack : g_malloc(n + 2);
        key[0] = '.';
        memcpy(key + 1, word, n);
        key[n + 1] = '\0';
        gboolean stop = visit(key, data);
        if (key != stack)
            g_free(key);
        if (stop)
            return TRUE;
    }
    return FALSE;
}

/* The colour keys an element carries, in order: the colours of its inline
 * style, then its class words. Markup varies; both are compared against
 * the legend. */
static void
element_keys_each(const xmlNode *node, key_visitor visit, gpointer data)
{
    const char *style = __ost_html_attr(node, "style");
    if (style != NULL && style_keys(style, visit, data))
        return;
    const char *cls = __ost_html_attr(node, "class");
    if (cls != NULL)
        class_keys(cls, visit, data);
}

static gboolean
collect_key(const char *key, gpointer keys)
{
    g_ptr_array_add(keys, g_strdup(key));
    return FALSE;
}

static void
element_keys(const xmlNode *node, GPtrArray *keys)
{
    element_keys_each(node, collect_key, keys);
}

static guint
subtree_size(const xmlNode *node, guint limit)
{
    guint n = 0;
    for (const xmlNode *c = node->children; c != NULL && n <= limit; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += 1 + subtree_size(c, limit - n);
    return n;
}

/* Legend and occupations may colour text or boxes: compare colours alone. */
static const char *
bare_key(const char *key)
{
    return key[0] == 't' ? key + 1 : key;
}

static void
legend_add(html_legend *legend, const char *key, ost_map_status st)
{
    gpointer old;
    key = bare_key(key);
    if (g_hash_table_lookup_extended(legend->keys, key, NULL, &old)) {
        if (GPOINTER_TO_INT(old) != (int)st)
            g_hash_table_replace(legend->keys, g_strdup(key), GINT_TO_POINTER(-1));
        return;
    }
    g_hash_table_insert(legend->keys, g_strdup(key), GINT_TO_POINTER((int)st));
}

static gboolean
empty(const xmlNode *node, int depth)
{
    return !__ost_html_has_text(node, depth);
}

/* Keys in @p node's subtree: of empty elements (swatches) to @p swatches,
 * of the others to @p keys. */
static void
subtree_swatches(const xmlNode *node, GPtrArray *keys, GPtrArray *swatches, int depth)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            element_keys(c, empty(c, depth + 1) ? swatches : keys);
            subtree_swatches(c, keys, swatches, depth + 1);
        }
}

/* Keys that can be a legend's swatch: a colour, or a class naming a colour
 * or a status; a paragraph's "govuk-body" class is neither. The regex is
 * left for non-ASCII classes only (see __ost_html_ascii). */
static gboolean
swatch_key(const char *key)
{
    static const char *const words[] = {"green",   "amber",   "orange",   "yellow", "red",
                                        "black",   "grey",    "gray",     "approved",
                                        "publish", "develop", "awaiting", "status", "color",
                                        "colour",  NULL};
    if (key[0] != '.' || __ost_html_contains_caseless(key, words))
        return TRUE;
    return !__ost_html_ascii(key) &&
           __ost_html_match("green|amber|orange|yellow|red|black|grey|gray|approved|publish|"
                            "develop|awaiting|status|colou?r",
                            key);
}

/* @p p starts with @p word (lower case), ASCII case ignored. */
static gboolean
starts_caseless(const char *p, const char *word)
{
    for (; *word != '\0'; p++, word++)
        if ((*p | 0x20) != *word)
            return FALSE;
    return TRUE;
}

/* @p p, within @p text, starts with @p word (lower case), ASCII case
 * ignored; @p back is where @p p stands in the word. */
static gboolean
word_at(const char *text, const char *p, gsize back, const char *word)
{
    return (gsize)(p - text) >= back && starts_caseless(p - back, word);
}

/* One pass over the text: legends name statuses with "approved",
 * "published", "development", "developed" or "awaiting". Every text node
 * of every page is asked, so strpbrk finds the words by a letter rare in
 * running text ('v', 'w', 'b') and looks back to their start; stopping at
 * every 'a', 'p' or 'd' cost 3.2M instructions for the sample pages, this
 * 0.7M. */
static gboolean
mentions_status(const char *text)
{
    for (const char *p = strpbrk(text, "vVwWbB"); p != NULL; p = strpbrk(p + 1, "vVwWbB")) {
        switch (*p | 0x20) {
        case 'v':
            if (word_at(text, p, 5, "approved") ||
                (word_at(text, p, 2, "develop") &&
                 (starts_caseless(p + 5, "ment") || starts_caseless(p + 5, "ed"))))
                return TRUE;
            break;
        case 'w':
            if (word_at(text, p, 1, "awaiting"))
                return TRUE;
            break;
        default:
            if (word_at(text, p, 2, "published"))
                return TRUE;
            break;
        }
    }
    return FALSE;
}

/* A legend entry is a short element naming one status, with its swatch on
 * itself, inside it, or just before it. Starting from the text that names
 * the status, try the enclosing elements, innermost first. */
static void
consider_entry(html_legend *legend, const xmlNode *el, int depth)
{
    for (int up = 0; el != NULL && el->type == XML_ELEMENT_NODE && up < 4;
         up++, el = el->parent, depth--) {
        if (g_hash_table_contains(legend->entries, el) ||
            subtree_size(el, SMALL_SUBTREE) > SMALL_SUBTREE)
            return;
        GString *text = legend->text;
        __ost_html_text_into(text, el, FALSE, depth);
        ost_map_status st = OST_MAP_STATUS_NONE;
        if (text->len < 80) {
            for (gsize i = 0; i < text->len; i++)
                text->str[i] = g_ascii_tolower(text->str[i]);
            st = status_of_words(text->str);
        }
        if (st == OST_MAP_STATUS_NONE)
            return;
        /* Keys of empty swatches count whatever their names; a class on
         * text must name a colour or a status. */
        GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
        GPtrArray *swatches = g_ptr_array_new_with_free_func(g_free);
        element_keys(el, keys);
        subtree_swatches(el, keys, swatches, depth);
        const xmlNode *prev = el->prev;
        while (prev != NULL && prev->type != XML_ELEMENT_NODE)
            prev = prev->prev;
        if (prev != NULL && subtree_size(prev, 2) == 0 && empty(prev, depth))
            element_keys(prev, swatches);
        gboolean entry = FALSE;
        for (guint k = 0; k < keys->len; k++)
            if (swatch_key(g_ptr_array_index(keys, k))) {
                legend_add(legend, g_ptr_array_index(keys, k), st);
                entry = TRUE;
            }
        for (guint k = 0; k < swatches->len; k++) {
            legend_add(legend, g_ptr_array_index(swatches, k), st);
            entry = TRUE;
        }
        g_ptr_array_unref(keys);
        g_ptr_array_unref(swatches);
        if (entry) {
            g_hash_table_add(legend->entries, (gpointer)el);
            return;
        }
    }
}

/* A class word status_of_colour() reads: a colour name between the
 * separators of element_keys() and of status_of_colour(). Every class of
 * every page is asked: the first letter is tested before the words. */
static gboolean
colour_class(const char *cls)
{
    static const char *const words[] = {"green", "amber", "orange", "yellow", "red", "black", NULL};
    for (const char *p = cls; *p != '\0';) {
        gsize n = strcspn(p, " \t\n-_");
        char first = (char)(*p | 0x20);
        for (guint i = 0; n > 0 && words[i] != NULL; i++)
            if (words[i][0] == first && strlen(words[i]) == n &&
                g_ascii_strncasecmp(p, words[i], n) == 0)
                return TRUE;
        p += n;
        if (*p != '\0')
            p++;
    }
    return FALSE;
}

/* A style that may set a box colour, by the properties element_keys() reads. */
static gboolean
box_colour_style(const char *style)
{
    if (strstr(style, "background") != NULL || strstr(style, "border") != NULL)
        return TRUE;
    for (const char *p = strpbrk(style, "fF"); p != NULL; p = strpbrk(p + 1, "fF"))
        if (starts_caseless(p, "fill"))
            return TRUE;
    return FALSE;
}

/* Whether an element may show a status without a legend: a colour word
 * in its class, or a box colour in its style (text colours alone are no
 * status). Most pages are no map: this lets them skip gathering every
 * short block's keys. Dropped furniture counts too, as
 * __ost_html_status() reads a block's whole subtree. */
static gboolean
element_coloured(const xmlNode *node)
{
    const char *cls = __ost_html_attr(node, "class");
    const char *style = __ost_html_attr(node, "style");
    return (cls != NULL && colour_class(cls)) || (style != NULL && box_colour_style(style));
}

/* Some element of @p node's subtree is coloured, @p node included. */
static gboolean
subtree_coloured(const xmlNode *node)
{
    if (node->type != XML_ELEMENT_NODE)
        return FALSE;
    if (element_coloured(node))
        return TRUE;
    for (const xmlNode *c = node->children; c != NULL; c = c->next)
        if (subtree_coloured(c))
            return TRUE;
    return FALSE;
}

/* The page is read for its legend and its colours in one pass: the
 * elements read_legend() leaves (dropped furniture, what lies too deep)
 * are looked at for colours alone. A second pass over the whole page
 * cost 2.8M instructions for the sample pages, reading the colours in
 * this one 1.2M. */
static void
note_coloured(html_legend *legend, const xmlNode *node)
{
    legend->coloured = legend->coloured || subtree_coloured(node);
}

static void
read_legend(html_legend *legend, const xmlNode *node, int depth)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (depth >= HTML_MAX_DEPTH)
            note_coloured(legend, c);
        else if (c->type == XML_TEXT_NODE && c->content != NULL &&
                 mentions_status((const char *)c->content))
            consider_entry(legend, node, depth);
        else if (c->type != XML_ELEMENT_NODE)
            continue;
        else if (__ost_html_chrome(c) == HTML_DROP)
            note_coloured(legend, c);
        else {
            legend->coloured = legend->coloured || element_coloured(c);
            read_legend(legend, c, depth + 1);
        }
    }
}

/* Colours on the page outside @p root's subtree, and on @p root itself:
 * its ancestors, the subtrees beside the path up to them (<head>), and
 * what follows the top element. */
static gboolean
coloured_around(const xmlNode *root)
{
    if (element_coloured(root))
        return TRUE;
    const xmlNode *a = root;
    for (; a->parent != NULL && a->parent->type == XML_ELEMENT_NODE; a = a->parent) {
        if (element_coloured(a->parent))
            return TRUE;
        for (const xmlNode *s = a->parent->children; s != NULL; s = s->next)
            if (s != a && subtree_coloured(s))
                return TRUE;
    }
    for (const xmlNode *s = a->next; s != NULL; s = s->next)
        if (subtree_coloured(s))
            return TRUE;
    return FALSE;
}

html_legend *
__ost_html_legend_new(const xmlNode *root)
{
    html_legend *legend = g_new0(html_legend, 1);
    legend->keys = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    legend->entries = g_hash_table_new(g_direct_hash, g_direct_equal);
    legend->text = g_string_new(NULL);
    if (root != NULL) {
        legend->coloured = coloured_around(root);
        read_legend(legend, root, 0);
    }
    /* A legend tells statuses apart; one coloured "Approved" tag is not one. */
    guint seen = 0;
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init(&it, legend->keys);
    while (g_hash_table_iter_next(&it, NULL, &v))
        if (GPOINTER_TO_INT(v) > 0)
            seen |= 1u << GPOINTER_TO_INT(v);
    if ((seen & (seen - 1)) == 0) {
        g_hash_table_remove_all(legend->keys);
        g_hash_table_remove_all(legend->entries);
    }
    return legend;
}

void
__ost_html_legend_free(html_legend *legend)
{
    if (legend == NULL)
        return;
    g_hash_table_unref(legend->keys);
    g_hash_table_unref(legend->entries);
    g_string_free(legend->text, TRUE);
    g_free(legend);
}

/* Asked for every element; most pages have no legend, so no hashing then. */
gboolean
__ost_html_legend_has(const html_legend *legend, const xmlNode *node)
{
    return g_hash_table_size(legend->entries) > 0 && g_hash_table_contains(legend->entries, node);
}

/* Without a legend: the usual traffic-light meaning of a colour. */
static ost_map_status
status_of_colour(const char *key)
{
    if (key[0] == '.') {
        static const struct {
            const char *word;
            ost_map_status st;
        } words[] = {
            {"green", OST_MAP_STATUS_APPROVED_FOR_DELIVERY},
            {"amber", OST_MAP_STATUS_STANDARD_PUBLISHED},
            {"orange", OST_MAP_STATUS_STANDARD_PUBLISHED},
            {"yellow", OST_MAP_STATUS_STANDARD_PUBLISHED},
            {"red", OST_MAP_STATUS_IN_DEVELOPMENT},
            {"black", OST_MAP_STATUS_AWAITING_STANDARD},
        };
        /* Words between '-' and '_', caseless, compared where they stand,
         * first letter first: every class of a coloured page is asked, and
         * lower-casing and g_strsplit_set cost 5M instructions for the
         * sample pages, strlen and g_ascii_strncasecmp for each word 0.6M. */
        for (const char *p = key + 1;;) {
            gsize n = strcspn(p, "-_");
            for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
                if ((*p | 0x20) == words[i].word[0] && strlen(words[i].word) == n &&
                    g_ascii_strncasecmp(p, words[i].word, n) == 0)
                    return words[i].st;
            if (p[n] == '\0')
                return OST_MAP_STATUS_NONE;
            p += n + 1;
        }
    }
    unsigned r, g, b;
    if (sscanf(key, "#%02x%02x%02x", &r, &g, &b) != 3)
        return OST_MAP_STATUS_NONE;
    double max = MAX(r, MAX(g, b)) / 255.0, min = MIN(r, MIN(g, b)) / 255.0;
    if (max < 0.2)
        return OST_MAP_STATUS_AWAITING_STANDARD;
    if (max - min < 0.25)
        return OST_MAP_STATUS_NONE; /* grey or white: no status */
    double h;
    double d = max - min, rf = r / 255.0, gf = g / 255.0, bf = b / 255.0;
    if (max == rf)
        h = 60.0 * ((gf - bf) / d + (gf < bf ? 6.0 : 0.0));
    else if (max == gf)
        h = 60.0 * ((bf - rf) / d + 2.0);
    else
        h = 60.0 * ((rf - gf) / d + 4.0);
    if (h < 18.0 || h >= 330.0)
        return OST_MAP_STATUS_IN_DEVELOPMENT;
    if (h < 65.0)
        return OST_MAP_STATUS_STANDARD_PUBLISHED;
    if (h >= 75.0 && h < 170.0)
        return OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    return OST_MAP_STATUS_NONE;
}

typedef struct key_statuses {
    const html_legend *legend;
    ost_map_status by_legend; /* of the first key the legend gives a status */
    ost_map_status by_colour; /* of the first key the legend does not know
                                 whose colour names one */
} key_statuses;

static gboolean
key_status(const char *key, gpointer data)
{
    key_statuses *found = data;
    GHashTable *known = found->legend->keys;
    /* Most coloured pages have no legend: skip hashing for nothing. */
    gboolean legend = g_hash_table_size(known) > 0;
    if (found->by_legend == OST_MAP_STATUS_NONE && legend) {
        gpointer v;
        if (g_hash_table_lookup_extended(known, bare_key(key), NULL, &v) && GPOINTER_TO_INT(v) > 0)
            found->by_legend = (ost_map_status)GPOINTER_TO_INT(v);
    }
    if (found->by_colour == OST_MAP_STATUS_NONE && key[0] != 't' &&
        !(legend && g_hash_table_contains(known, key)))
        found->by_colour = status_of_colour(key);
    return found->by_legend != OST_MAP_STATUS_NONE && found->by_colour != OST_MAP_STATUS_NONE;
}

/* The status of one element's own keys: by the legend (the first key the
 * legend gives a status), or by colour (the first key the legend does not
 * know whose colour names one). Blocks ask about the same ancestors again
 * and again, so both are kept on the element: gathering the keys anew for
 * every block cost 30M instructions for the sample pages. */
static ost_map_status
element_status(const html_legend *legend, const xmlNode *node, html_memo_field field)
{
    if (node->type != XML_ELEMENT_NODE)
        return OST_MAP_STATUS_NONE;
    int known = __ost_html_memo_get(node, field);
    if (known >= 0)
        return (ost_map_status)known;
    key_statuses found = {.legend = legend};
    element_keys_each(node, key_status, &found);
    ost_map_status by_legend = found.by_legend, by_colour = found.by_colour;
    __ost_html_memo_set(node, HTML_MEMO_LEGEND_STATUS, by_legend);
    __ost_html_memo_set(node, HTML_MEMO_COLOUR_STATUS, by_colour);
    return field == HTML_MEMO_LEGEND_STATUS ? by_legend : by_colour;
}

/* The first status @p field gives in @p node's subtree, in document order. */
static ost_map_status
subtree_status(const html_legend *legend, const xmlNode *node, html_memo_field field)
{
    for (const xmlNode *c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        ost_map_status st = element_status(legend, c, field);
        if (st == OST_MAP_STATUS_NONE)
            st = subtree_status(legend, c, field);
        if (st != OST_MAP_STATUS_NONE)
            return st;
    }
    return OST_MAP_STATUS_NONE;
}

/* The first status @p field gives, looking at the block, its subtree when
 * small (a swatch inside it), then its near ancestors. */
static ost_map_status
block_status(const html_legend *legend, const xmlNode *node, gboolean small,
             html_memo_field field)
{
    ost_map_status st = element_status(legend, node, field);
    if (st == OST_MAP_STATUS_NONE && small)
        st = subtree_status(legend, node, field);
    const xmlNode *a = node->parent;
    for (int i = 0; st == OST_MAP_STATUS_NONE && i < ANCESTORS && a != NULL &&
                    a->type == XML_ELEMENT_NODE;
         i++, a = a->parent)
        st = element_status(legend, a, field);
    return st;
}

/* The legend's word wins over any colour's usual meaning. */
ost_map_status
__ost_html_status(const html_legend *legend, const xmlNode *node)
{
    if (!legend->coloured && g_hash_table_size(legend->keys) == 0)
        return OST_MAP_STATUS_NONE;
    gboolean small = subtree_size(node, SMALL_SUBTREE) <= SMALL_SUBTREE;
    ost_map_status st = block_status(legend, node, small, HTML_MEMO_LEGEND_STATUS);
    if (st == OST_MAP_STATUS_NONE)
        st = block_status(legend, node, small, HTML_MEMO_COLOUR_STATUS);
    return st;
}
