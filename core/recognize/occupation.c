/* SPDX-License-Identifier: MIT */
/* Recognising an occupation (OCC) page in a block stream. */
#include "chrome.h"
#include "pattern.h"
#include "sections.h"
#include "unplaced.h"

#include <string.h>

enum {
    O_IGNORE, O_CODE, O_TITLE, O_LEVEL, O_STATUS, O_SOC, O_ROUTES, O_EMPLOYERS,
    O_SUMMARY, O_OVERVIEW, O_STANDARD, O_PROGRESSION, O_EXTRA,
};

/* A SOC 2020 code leading its group's name ("3314/01 Prison service
 * officers", "4122 - Book-keepers"). */
static ost_pattern soc_code = OST_PATTERN("^\\d{4}\\b", 0);

static const ost_label labels[] = {
    {O_CODE, "reference", 0, 0},
    {O_CODE, "reference number", 0, 0},
    {O_CODE, "occupation reference", 0, 0},
    {O_CODE, "occupation code", 0, 0},
    {O_CODE, "reference quantity", 0, TRUE},
    {O_TITLE, "title", 0, 0},
    {O_TITLE, "occupation title", 0, 0},
    {O_TITLE, "occupation name", 0, 0},
    {O_LEVEL, "level", 0, 0},
    {O_LEVEL, "level of occupation", 0, 0},
    {O_LEVEL, "occupational level", 0, 0},
    {O_LEVEL, "stage", 0, TRUE},
    {O_STATUS, "status", 0, 0},
    {O_STATUS, "occupation status", 0, 0},
    {O_SOC, "soc 2020 sub unit groups", 0, 0},
    {O_SOC, "soc 2020 sub-unit groups", 0, 0},
    {O_SOC, "soc 2020 unit groups", 0, 0},
    {O_SOC, "soc 2020", 0, 0},
    {O_SOC, "soc codes", 0, 0},
    {O_SOC, "soc 2020 codes", 0, 0},
    {O_SOC, "soc 2020 code", 0, 0},
    {O_SOC, "soc code", 0, 0},
    {O_SOC, "standard occupational classification", 0, 0},
    {O_ROUTES, "route", 0, 0},
    {O_ROUTES, "routes", 0, 0},
    {O_ROUTES, "related routes", 0, 0},
    {O_ROUTES, "occupational route", 0, 0},
    {O_EMPLOYERS, "employers involved", 0, 0},
    {O_EMPLOYERS, "involved employers", 0, 0},
    {O_EMPLOYERS, "employers involved in creating the standard", 0, 0},
    {O_EMPLOYERS, "employers involved in developing the standard", 0, 0},
    {O_EMPLOYERS, "trailblazer employers", 0, 0},
    {O_SUMMARY, "summary", 0, 0},
    {O_SUMMARY, "occupation summary", 0, 0},
    {O_SUMMARY, "occupational summary", 0, 0},
    {O_SUMMARY, "occupational profile", 0, 0},
    {O_SUMMARY, "occupation profile", 0, 0},
    {O_SUMMARY, "about the occupation", 0, 0},
    {O_SUMMARY, "about this occupation", 0, 0},
    {O_SUMMARY, "what they do", 0, 0},
    {O_OVERVIEW, "overview", 0, 0},
    {O_OVERVIEW, "overview of the role", 0, 0},
    {O_STANDARD, "standard", 0, 0},
    {O_STANDARD, "apprenticeship standard", 0, 0},
    {O_STANDARD, "standard reference", 0, 0},
    {O_STANDARD, "related apprenticeship", 0, 0},
    {O_PROGRESSION, "progression map", 0, 0},
    {O_PROGRESSION, "occupational progression map", 0, 0},
    {O_PROGRESSION, "progression", 0, 0},
    {O_EXTRA, "date updated", 0, 0},
    {O_EXTRA, "last updated", 0, 0},
    {O_EXTRA, "regulated occupation", 0, 0},
    {O_IGNORE, "key information", 0, 0},
};

static gboolean
single_field(int field)
{
    switch (field) {
    case O_CODE: case O_TITLE: case O_LEVEL: case O_STATUS: case O_SOC: case O_STANDARD:
    case O_EXTRA:
        return TRUE;
    default:
        return FALSE;
    }
}

static const char *const status_phrases[] = {
    "approved for delivery", "in development", "proposal in development", "in revision",
    "retired", "withdrawn", "approved", "standard published", "awaiting standard", NULL,
};

static gboolean
known_status(const char *line)
{
    char *norm = __ost_label_norm(line);
    gboolean found = FALSE;
    for (int i = 0; status_phrases[i] != NULL && !found; i++)
        found = strcmp(norm, status_phrases[i]) == 0;
    g_free(norm);
    return found;
}

static gboolean
is_value(int field, const char *line)
{
    static ost_pattern occupation_code = OST_PATTERN("^OCC\\d{4}\\b", 0);
    static ost_pattern standard_reference = OST_PATTERN("^ST\\d{4}\\b", 0);
    switch (field) {
    case O_CODE: return __ost_pattern_match(&occupation_code, line);
    case O_STANDARD: return __ost_pattern_match(&standard_reference, line);
    case O_LEVEL: return __ost_parse_level(line) > 0;
    /* Empty facts show as icons on the page: the next line is then some
     * other content, never a status word or a SOC code. */
    case O_STATUS: return known_status(line);
    case O_SOC: return __ost_pattern_match(&soc_code, line);
    case O_TITLE: return __ost_text_len(line) <= 120 && !__ost_text_ends_sentence(line);
    default: return __ost_text_len(line) <= 120;
    }
}

static const ost_section_rules rules = {labels, G_N_ELEMENTS(labels), single_field, is_value};

/* The progression map's explanatory text and legend: the same on every
 * occupation page, never part of this occupation's fields. */
static gboolean
progression_boilerplate(const char *para)
{
    static ost_pattern phrases = OST_PATTERN(
        "progression map|focused occupation|transferable knowledge and skills|"
        "progression decisions|progression links|learner movement data|"
        "learning options available", OST_CASELESS);
    return __ost_pattern_match(&phrases, para);
}

static gboolean
progression_legend(const char *para)
{
    /* Each level band of the legend, its name and its levels on one line
     * or two ("Technical Occupations Levels 2-3"), or several bands run
     * together on one printed line. */
    static ost_pattern map_legend = OST_PATTERN(
        "^(?:(?:(?:higher )?technical|professional) occupations\\s*"
        "(?:levels? \\d+\\s*(?:-|–|to)\\s*\\d+\\s*)?"
        "|levels? \\d+\\s*(?:-|–|to)\\s*\\d+\\s*)+$", OST_CASELESS);
    return para != NULL && para[0] != '\0' && __ost_pattern_match(&map_legend, para);
}

/* "A, B, C and D" lists of names: three or more short items. */
static gboolean
name_list(const char *para, GPtrArray **items)
{
    if (__ost_text_ends_sentence(para))
        return FALSE;
    GPtrArray *parts = __ost_split_list(para);
    gboolean ok = parts->len >= 3;
    for (guint i = 0; ok && i < parts->len; i++) {
        const char *p = g_ptr_array_index(parts, i);
        int words = 1;
        for (const char *q = p; *q != '\0'; q++)
            words += *q == ' ';
        ok = words <= 6;
    }
    if (ok)
        *items = parts;
    else
        g_ptr_array_unref(parts);
    return ok;
}

/* "Level 4", "Level 4 - Higher technical occupation" heading the page. */
static int
level_line(const char *para)
{
    static ost_pattern level_heading = OST_PATTERN("^level\\s+\\d\\b\\s*(?:[-–—:]|$)", OST_CASELESS);
    if (!__ost_pattern_match(&level_heading, para) ||
        __ost_text_len(para) > 60)
        return 0;
    return __ost_parse_level(para);
}

/* "Level 3 Providing a customer-focused service ...": a level badge run
 * into the one-line description after it. The description, or NULL. */
static const char *
level_prefixed(const char *para, int *level)
{
    static ost_pattern badge = OST_PATTERN("^(?:LEVEL|[Ll]evel)\\s+[1-8]\\s*[-–—:]?\\s+(?=\\p{Lu})", 0);
    int start, end;
    if (!__ost_pattern_span(&badge, para, 0, &start, &end) || !__ost_text_ends_sentence(para + end))
        return NULL;
    *level = __ost_parse_level(para);
    return *level > 0 ? para + end : NULL;
}

static gboolean
short_name(const char *para)
{
    int words = 1;
    for (const char *q = para; *q != '\0'; q++)
        words += *q == ' ';
    return words <= 8 && !__ost_text_ends_sentence(para);
}

typedef struct occ_ctx {
    rec_ctx *rc;
    ost_occupation *o;
    ost_layout layout;
    gboolean labelled;        /* a labelled fact has been seen */
    gboolean after_map;       /* inside the progression map */
    GString *summary;
    gboolean soc_open;        /* SOC groups may go on below their label */
    char *name;               /* the short line just read under no label */
    gboolean ended;           /* the page's footer has begun */
} occ_ctx;

/* Names up to the page's footer, if the list runs into it, without the
 * progression map's legend. */
static void
add_names(occ_ctx *c, GPtrArray *list, GPtrArray *names)
{
    for (guint i = 0; i < names->len && !c->ended; i++) {
        const char *name = g_ptr_array_index(names, i);
        if (__ost_chrome_footer_link(name))
            c->ended = TRUE;
        else if (!__ost_chrome_print_line(name) && !progression_legend(name))
            ost_strlist_add_unique(list, name);
    }
}

/* SOC 2020 groups: "4122 - Book-keepers, payroll managers and wages
 * clerks; 4131". Commas separate groups only before a code: group names
 * hold commas of their own. */
static void
add_soc(ost_occupation *o, const char *text)
{
    static ost_pattern soc_separator = OST_PATTERN("[;\\n]|,\\s*(?=\\d{4}\\b)|\\s[•·|]\\s", 0);
    if (text == NULL)
        return;
    char **items = __ost_pattern_split(&soc_separator, text);
    for (guint i = 0; items[i] != NULL; i++) {
        char *item = __ost_text_clean(items[i]);
        if (item != NULL && __ost_pattern_match(&soc_code, item))
            ost_strlist_add_unique(o->soc_codes, item);
        g_free(item);
    }
    g_strfreev(items);
}

/* A fact the occupation has no field for, kept as written. */
static void
add_extra(occ_ctx *c, const char *label, const char *value)
{
    char *k = __ost_extra_key(label);
    char *v = __ost_text_clean(value);
    if (k != NULL && v != NULL && __ost_extra_find(c->o->extra, k) == NULL &&
        !__ost_text_is_placeholder(v))
        g_ptr_array_add(c->o->extra, ost_pair_new(k, v));
    g_free(k);
    g_free(v);
}

/* One paragraph under no label: the header's level and one-line
 * description, the employer list, the summary, the progression map and
 * its routes, facts under labels without a field. FALSE when it is none
 * of these; prose is the summary only when @p summary allows. */
static gboolean
loose_para(occ_ctx *c, const char *p, gboolean summary)
{
    GPtrArray *names = NULL;
    char *label = NULL, *value = NULL;
    int level;
    /* Text copied from a page has no heading: its title is the name on
     * the line above the one-line description. */
    g_autofree char *name = g_steal_pointer(&c->name);
    /* Below the facts, a footer's link ends the page: what follows is the
     * site's (licence, copyright), not a route or the summary. */
    if (c->ended || (c->labelled && __ost_chrome_footer_link(p)))
        return c->ended = TRUE;
    if (__ost_chrome_print_line(p))
        return TRUE;
    /* SOC groups listed one per line under their label. */
    if (c->soc_open && __ost_pattern_match(&soc_code, p)) {
        add_soc(c->o, p);
        return TRUE;
    }
    c->soc_open = FALSE;
    const char *described = c->labelled ? NULL : level_prefixed(p, &level);
    if (described != NULL) {
        if (c->o->level == 0)
            c->o->level = level;
        c->name = g_steal_pointer(&name);
        return loose_para(c, described, summary);
    }
    if ((level = level_line(p)) > 0) {
        if (c->o->level == 0)
            c->o->level = level;
    } else if (progression_boilerplate(p)) {
        c->after_map = TRUE;
    } else if (progression_legend(p)) {
        return TRUE;
    } else if (c->after_map) {
        if (short_name(p))
            ost_strlist_add_unique(c->o->related_routes, p);
    } else if (name_list(p, &names)) {
        add_names(c, c->o->involved_employers, names);
        g_ptr_array_unref(names);
    } else if (!c->labelled && c->o->overview == NULL && __ost_text_len(p) <= 300 &&
               __ost_text_ends_sentence(p)) {
        c->o->overview = g_strdup(p);
        if (c->o->title == NULL && name != NULL)
            c->o->title = g_steal_pointer(&name);
    } else if (__ost_text_ends_sentence(p) || __ost_text_len(p) > 120) {
        if (!summary)
            return FALSE;
        if (c->summary->len > 0)
            g_string_append(c->summary, "\n\n");
        g_string_append(c->summary, p);
    } else if (__ost_loose_fact(p, &label, &value)) {
        add_extra(c, label, value);
        g_free(label);
        g_free(value);
    } else {
        if (short_name(p))
            c->name = g_strdup(p);
        /* The page's title repeated is no loss. */
        return c->o->title != NULL && strcmp(p, c->o->title) == 0;
    }
    return TRUE;
}

/* The paragraphs of a section under no field's label. Those that are
 * none of the page's parts are kept under the section's heading (or
 * unknown label), when it has one below the page's title: text above the
 * first label is the page's header (captions, breadcrumbs' leftovers). */
static void
loose(occ_ctx *c, const ost_section *sec)
{
    if (sec->field == OST_SECTION_RESIDUE)
        return;
    /* An unknown label's value is kept with its label by the caller. */
    ost_section body = *sec;
    if (sec->field == OST_SECTION_UNKNOWN)
        body.value = NULL;
    GPtrArray *paras = __ost_section_paragraphs(&body, &c->layout, c->rc->rep, c->rc->doc);
    GPtrArray *left = g_ptr_array_new();
    gboolean headed = sec->label_text != NULL && sec->heading_level != 1 &&
                      sec->field != O_PROGRESSION;
    for (guint i = 0; i < paras->len; i++) {
        const char *p = g_ptr_array_index(paras, i);
        /* Prose under a heading of its own is that section's, not the
         * summary ("Physical requirements"). */
        if (!loose_para(c, p, !headed || c->after_map))
            g_ptr_array_add(left, (gpointer)p);
    }
    if (headed && left->len > 0 && !c->after_map) {
        g_ptr_array_add(left, NULL);
        char *text = g_strjoinv("\n\n", (char **)left->pdata);
        char *where = __ost_block_where(sec->start);
        __ost_keep_unplaced(c->o->extra, c->rc->doc, sec->label_text, text, where);
        g_free(where);
        g_free(text);
    }
    g_ptr_array_unref(left);
    g_ptr_array_unref(paras);
}

/* Prose: a sentence of some length, not a name in a list. */
static gboolean
is_prose(const char *para)
{
    int words = 1;
    for (const char *q = para; *q != '\0'; q++)
        words += *q == ' ';
    return __ost_text_ends_sentence(para) && words >= 12;
}

/* Names given as "A, B, C" in running text, which may wrap from line to
 * line anywhere, even inside a name: the paragraphs, joined where the
 * text wrapped, are split at their commas rather than at their lines. */
static gboolean
comma_list(GPtrArray *paras)
{
    for (guint i = 0; i < paras->len; i++)
        if (strchr(g_ptr_array_index(paras, i), ',') != NULL)
            return TRUE;
    return FALSE;
}

/* Names listed under a label ("Employers involved:"). A list copied from a
 * page runs straight into the text after it; from the first paragraph of
 * prose on, the text is the page's own, read as if under no label. With no
 * @p list the label was a link in the site's navigation ("Occupations",
 * "Routes", "Search") above all of the page's facts: its neighbours, the
 * page's title among them, are read as if under no label. */
static void
names_section(occ_ctx *c, const ost_section *sec, GPtrArray *list, gboolean commas)
{
    GPtrArray *paras = __ost_section_paragraphs(sec, &c->layout, c->rc->rep, c->rc->doc);
    guint prose = 0;
    while (prose < paras->len && !is_prose(g_ptr_array_index(paras, prose)))
        prose++;
    if (list == NULL) {
        for (guint i = 0; i < paras->len; i++)
            loose_para(c, g_ptr_array_index(paras, i), TRUE);
    } else if (prose == paras->len && !(commas && comma_list(paras))) {
        GPtrArray *names = __ost_section_entries(sec, &c->layout, c->rc->rep, c->rc->doc, commas);
        add_names(c, list, names);
        g_ptr_array_unref(names);
    } else {
        for (guint i = 0; i < paras->len; i++) {
            const char *p = g_ptr_array_index(paras, i);
            if (i >= prose) {
                loose_para(c, p, TRUE);
                continue;
            }
            GPtrArray *names = commas ? __ost_split_list(p) : NULL;
            if (names == NULL) {
                names = g_ptr_array_new();
                g_ptr_array_add(names, (gpointer)p);
            }
            add_names(c, list, names);
            g_ptr_array_unref(names);
        }
    }
    g_ptr_array_unref(paras);
}

static char *
section_text(occ_ctx *c, const ost_section *sec)
{
    GPtrArray *paras = __ost_section_paragraphs(sec, &c->layout, c->rc->rep, c->rc->doc);
    char *t = __ost_paras_join(paras, 0);
    g_ptr_array_unref(paras);
    return t;
}

static void
handle(occ_ctx *c, const ost_section *sec)
{
    ost_occupation *o = c->o;
    const char *v = sec->value;
    gboolean in_header = !c->labelled && v == NULL && sec->heading_level == 0;
    if (sec->field >= 0 && sec->field != O_IGNORE && !(in_header && sec->field == O_ROUTES))
        c->labelled = TRUE;
    if (sec->field != OST_SECTION_LOOSE)
        c->soc_open = FALSE;
    switch (sec->field) {
    case OST_SECTION_LOOSE:
    case OST_SECTION_RESIDUE:
        loose(c, sec);
        break;
    case OST_SECTION_HEADING:
        if (sec->heading_level == 1 && o->title == NULL)
            o->title = g_strdup(sec->label_text);
        if (progression_boilerplate(sec->label_text))
            c->after_map = TRUE;
        loose(c, sec);
        break;
    case O_CODE:
        if (o->code == NULL)
            o->code = __ost_occupation_code_in(v);
        if (o->standard_reference == NULL)
            o->standard_reference = __ost_standard_reference_in(v);
        break;
    case O_STANDARD:
        if (o->standard_reference == NULL)
            o->standard_reference = __ost_standard_reference_in(v);
        break;
    case O_TITLE:
        if (o->title == NULL)
            o->title = __ost_text_clean(v);
        break;
    case O_LEVEL:
        if (o->level == 0 && (o->level = __ost_parse_level(v)) == 0)
            add_extra(c, sec->label_text, v);
        break;
    case O_STATUS:
        if (o->status == NULL)
            o->status = __ost_text_clean(v);
        break;
    case O_SOC:
        add_soc(o, v);
        c->soc_open = TRUE;
        break;
    case O_ROUTES:
    case O_EMPLOYERS:
        if (sec->field == O_ROUTES && in_header)
            names_section(c, sec, NULL, FALSE);
        else
            names_section(c, sec, sec->field == O_ROUTES ? o->related_routes : o->involved_employers,
                          sec->field == O_EMPLOYERS);
        break;
    case O_SUMMARY: {
        char *t = section_text(c, sec);
        if (t != NULL) {
            if (c->summary->len > 0)
                g_string_append(c->summary, "\n\n");
            g_string_append(c->summary, t);
        }
        g_free(t);
        break;
    }
    case O_OVERVIEW:
        if (o->overview == NULL)
            o->overview = section_text(c, sec);
        break;
    case O_PROGRESSION:
        c->after_map = TRUE;
        loose(c, sec);
        break;
    case O_EXTRA:
        if (v != NULL && sec->label_text != NULL)
            g_ptr_array_add(o->extra, ost_pair_new(sec->label_text, v));
        break;
    case OST_SECTION_QUESTION:
        add_extra(c, sec->label_text, v);
        break;
    case OST_SECTION_UNKNOWN:
        add_extra(c, sec->label_text, v);
        loose(c, sec);
        break;
    default:
        break;
    }
}

void
__ost_recognize_occupation(rec_ctx *ctx)
{
    occ_ctx c = {ctx, ost_occupation_new(), {0}, FALSE, FALSE, g_string_new(NULL), FALSE, NULL, FALSE};
    __ost_layout_measure(ctx->blocks, &c.layout);
    ost_sections *sections = __ost_sections_split(ctx->blocks, &rules);
    for (guint i = 0; i < sections->items->len; i++)
        handle(&c, g_ptr_array_index(sections->items, i));

    ost_occupation *o = c.o;
    if (c.summary->len > 0)
        o->summary = g_strdup(c.summary->str);
    g_string_free(c.summary, TRUE);
    g_free(c.name);
    if (o->summary != NULL && __ost_text_is_placeholder(o->summary)) {
        ost_doc_warn(ctx->doc, "placeholder_text", NULL,
                     "The occupation summary holds placeholder text only; it is left empty");
        g_clear_pointer(&o->summary, g_free);
    }
    char *link_version = NULL;
    if (o->standard_reference == NULL)
        __ost_standard_link(ctx->blocks, &o->standard_reference, &link_version);
    g_free(link_version);
    if (o->standard_reference == NULL) {
        for (guint i = 0; i < ctx->blocks->items->len && o->standard_reference == NULL; i++) {
            const ost_block *b = g_ptr_array_index(ctx->blocks->items, i);
            if (!(b->flags & OST_BLOCK_CHROME))
                o->standard_reference = __ost_standard_reference_in(b->text);
        }
    }
    if (o->code == NULL)
        ost_doc_warn(ctx->doc, "reference_missing", NULL,
                     "No occupation reference (OCC followed by four digits) found");
    if (o->title == NULL)
        o->title = __ost_leading_title(sections->items);
    if (o->title == NULL)
        ost_doc_warn(ctx->doc, "title_missing", NULL,
                     "No title found: the text has no page heading or title label");
    __ost_assess_trust(ctx, sections->items);
    __ost_sections_free(sections);
    g_ptr_array_add(ctx->doc->occupations, o);
}
