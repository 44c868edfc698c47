/* SPDX-License-Identifier: MIT */
/* Occupational maps: route > pathways > clusters > occupations from blocks. */
#include "pattern.h"
#include "sections.h"
#include "unplaced.h"

#include <stdlib.h>
#include <string.h>

/*
 * Readers give the map in different shapes, and all are handled here:
 * - extracted text: the pathway and its clusters on one tab-separated ROW
 *   ("Protective services", "Cluster: Name [APPRENTICESHIP ONLY] Description"
 *   ...), the next ROW holding each cluster's occupations in the same column,
 *   run together ("Coastguard Community safety advisor (3) ...");
 * - HTML: "Pathway:"/"Cluster:" headings or unprefixed headings (the deepest
 *   heading level above the occupations is the cluster, the next one up the
 *   pathway), occupations as ITEMs or LINEs, one per block, with a status;
 * - label rows ("Route", "Pathway", "Cluster", "Description").
 * Status comes only from the block (colour); the colour legend itself is
 * furniture, never data.
 */

typedef struct omap_state {
    rec_ctx *ctx;
    ost_occupational_map *map;
    ost_map_pathway *pathway;
    ost_map_cluster *cluster;
    GString *intro;              /* the map's description, paragraph by paragraph */
    GString *para;               /* the paragraph being read */
    const ost_block *para_at;    /* where it started */
    gboolean intro_done;
    GPtrArray *columns;          /* ROW column -> ost_map_cluster* (borrowed) or NULL */
    int pathway_level, cluster_level; /* heading levels of unprefixed headings */
    gboolean any_flag;           /* some cluster is marked apprenticeship-only */
    const ost_block *pathway_line; /* the line after a pathway's name line */
    gboolean by_paragraphs;      /* pathways and clusters known only by paragraphs */
    gboolean headed;             /* sub-headings or "Pathway:" labels give the structure */
    /* A table of one row per cluster: the columns of its pathway, cluster
     * and occupations, from its header row; -1 when there is none. */
    int record[3];
} omap_state;

enum { RECORD_PATHWAY, RECORD_CLUSTER, RECORD_OCCUPATIONS };

/* Clean text, "" rather than NULL when blank. */
static char *
squash(const char *text)
{
    char *c = __ost_text_clean(text);
    return c != NULL ? c : g_strdup("");
}

static gboolean
all_null(const GPtrArray *a)
{
    for (guint i = 0; i < a->len; i++)
        if (g_ptr_array_index(a, i) != NULL)
            return FALSE;
    return TRUE;
}

/* Each test here holds for every text the pattern can match, so that skipping
 * the regex when it fails changes nothing. */

/* The level patterns need a digit 1-8 (ASCII: [1-8] takes no other). */
static gboolean
has_level_digit(const char *text)
{
    return strpbrk(text, "12345678") != NULL;
}

/* ---- occupation titles run together ---------------------------------- */

static GRegex *
level_regex(void)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("\\(\\s*(?:level\\s*|L)?([1-8])\\s*\\)", G_REGEX_CASELESS, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return re;
}

/* "(3)", "(Level 3)", "(L3)". */
static gboolean
has_level_bracket(const char *text)
{
    return strchr(text, '(') != NULL && has_level_digit(text) &&
           g_regex_match(level_regex(), text, 0, NULL);
}

/* A level after a title, bracketed or not: "(3)", "(Level 3)", "(L3)", "Level
 * 3", "- L3". Unbracketed, it ends the title: the end of the text or a
 * capitalised word (the next title) follows. Prose says "level 3" too, so only
 * titles are read with this. */
static GRegex *
title_level_regex(void)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("(?|(?i:\\(\\s*(?:level\\s*|L)?)([1-8])\\s*\\)"
                         "|(?:\\s[-–—,:])?\\s*\\b(?:Level|LEVEL|level|L)\\s*([1-8])\\b"
                         "(?=\\s*$|\\s+\\p{Lu}))",
                         G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return re;
}

static gboolean
is_connector(const char *w)
{
    static const char *const words[] = {"and", "or", "of", "in", "for", "the", "to",
                                        "with", "on", "at", "by", "a", "an", "&", "-",
                                        "–", "/", NULL};
    for (gsize i = 0; words[i] != NULL; i++)
        if (g_ascii_strcasecmp(w, words[i]) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
starts_upper(const char *w)
{
    return g_unichar_isupper(g_utf8_get_char(w));
}

static gboolean
starts_lower(const char *w)
{
    return g_unichar_islower(g_utf8_get_char(w));
}

/* "HM", "NHS": two or more letters, all capitals. */
static gboolean
is_acronym(const char *w)
{
    int letters = 0;
    for (const char *p = w; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return FALSE;
        if (g_unichar_isalpha(c))
            letters++;
    }
    return letters >= 2;
}

/*
 * Where does the title that starts at token @p start end? Occupation and
 * cluster names are written in sentence case ("Community safety advisor"):
 * one capitalised word, then lower case apart from acronyms and the odd
 * title-cased proper name ("Trading Standards Officer"). When a list loses
 * its separators, a new title therefore starts
 *  (a) at a capitalised word right after a lower-case word, unless that
 *      lower-case word is a connector ("and", "of", ...) that cannot end a
 *      title ("officer | Business fire safety advisor"); or
 *  (b) at a capitalised word (not an acronym) that follows a run of
 *      capitalised words and is itself followed by a lower-case word:
 *      sentence case puts only one capital before the lower-case words, so
 *      the run before it is a title of its own ("Coastguard | Community
 *      safety advisor", "Protective Service Manager | Lead and manage ..."),
 *      unless that run is only acronyms ("HM Coastguard officer"). An
 *      acronym never starts a title after a capitalised word, as in
 *      "Senior IT technician"; after a lower-case word rule (a) applies.
 * A fully title-cased run followed by nothing lower case stays whole
 * ("Trading Standards Officer"). Words in parentheses never start a title.
 * Returns the index of the first token of the next title, or @p n.
 */
static guint
title_end(char **tok, guint start, guint n)
{
    int depth = 0;
    gboolean only_acronyms = TRUE;
    for (guint i = start; i < n; i++) {
        const char *w = tok[i];
        if (i > start && depth == 0 && starts_upper(w)) {
            const char *prev = tok[i - 1];
            if (starts_lower(prev) && !is_connector(prev))
                return i;
            if (starts_upper(prev) && !is_acronym(w) && !only_acronyms && i + 1 < n &&
                starts_lower(tok[i + 1]) && !g_str_has_suffix(prev, ")"))
                return i;
        }
        if (!is_acronym(w))
            only_acronyms = FALSE;
        for (const char *p = w; *p != '\0'; p++)
            depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        if (depth < 0)
            depth = 0;
    }
    return n;
}

static char *
join_tokens(char **tok, guint from, guint to)
{
    GString *s = g_string_new(NULL);
    for (guint i = from; i < to; i++) {
        if (s->len > 0)
            g_string_append_c(s, ' ');
        g_string_append(s, tok[i]);
    }
    return g_string_free(s, FALSE);
}

static void
add_titles(ost_map_cluster *cluster, const char *piece, int level, ost_map_status status)
{
    char **tok = g_strsplit_set(piece, " \t\n", -1);
    GPtrArray *words = g_ptr_array_new();
    for (guint i = 0; tok[i] != NULL; i++)
        if (tok[i][0] != '\0')
            g_ptr_array_add(words, tok[i]);
    char **w = (char **)words->pdata;
    for (guint start = 0; start < words->len;) {
        guint end = title_end(w, start, words->len);
        char *title = join_tokens(w, start, end);
        /* Only the last title before a level bracket has that level. */
        g_ptr_array_add(cluster->occupations,
                        ost_map_occupation_new(title, end == words->len ? level : 0, status));
        g_free(title);
        start = end;
    }
    g_ptr_array_free(words, TRUE);
    g_strfreev(tok);
}

/* A level bracket "(3)" always ends a title; split on those first, then on
 * capitalisation inside each piece. */
static void
add_occupations(ost_map_cluster *cluster, const char *text, ost_map_status status)
{
    GMatchInfo *mi = NULL;
    const char *rest = text;
    if (has_level_digit(text))
        g_regex_match(title_level_regex(), text, 0, &mi);
    while (mi != NULL && g_match_info_matches(mi)) {
        int so, eo;
        g_match_info_fetch_pos(mi, 0, &so, &eo);
        char *piece = g_strndup(rest, (gsize)(text + so - rest));
        char *digit = g_match_info_fetch(mi, 1);
        add_titles(cluster, piece, atoi(digit), status);
        g_free(digit);
        g_free(piece);
        rest = text + eo;
        g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    add_titles(cluster, rest, 0, status);
}

/* ---- clusters and pathways ------------------------------------------- */

static GRegex *
flag_regex(void)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("\\s*\\bapprenticeships?[ -]only\\b\\s*", G_REGEX_CASELESS, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return re;
}

/* Remove an "APPRENTICESHIP ONLY" marker from @p text in place; TRUE when
 * there was one. */
static gboolean
take_flag(char **text)
{
    if (!g_regex_match(flag_regex(), *text, 0, NULL))
        return FALSE;
    char *cut = g_regex_replace_literal(flag_regex(), *text, -1, 0, " ", 0, NULL);
    g_free(*text);
    *text = squash(cut);
    g_free(cut);
    return TRUE;
}

static ost_map_pathway *
start_pathway(omap_state *st, const char *name)
{
    if (st->pathway != NULL && st->pathway->name != NULL && name != NULL &&
        g_ascii_strcasecmp(st->pathway->name, name) == 0)
        return st->pathway;
    st->pathway = ost_map_pathway_new(name);
    g_ptr_array_add(st->map->pathways, st->pathway);
    st->cluster = NULL;
    return st->pathway;
}

static void
set_flag(omap_state *st, ost_map_cluster *c)
{
    c->apprenticeship_only = OST_YES;
    st->any_flag = TRUE;
}

/* "Name [APPRENTICESHIP ONLY] [Description]", as a cluster cell or heading
 * gives it: the name ends where the description's sentence begins. A cell
 * that keeps its lines has the name on the first. */
static ost_map_cluster *
start_cluster(omap_state *st, const char *text)
{
    if (st->pathway == NULL)
        start_pathway(st, NULL);
    char *name, *desc = NULL;
    gboolean flag;
    const char *nl = strchr(text, '\n');
    /* A line that goes on in lower case is the name wrapped in a narrow
     * cell, not a description, which starts a sentence. */
    while (nl != NULL && starts_lower(nl + 1))
        nl = strchr(nl + 1, '\n');
    if (nl != NULL) {
        char *first = g_strndup(text, (gsize)(nl - text));
        name = squash(first);
        g_free(first);
        desc = squash(nl + 1);
        flag = take_flag(&name) | take_flag(&desc);
    } else {
        char *body = squash(text);
        flag = take_flag(&body);
        char **tok = g_strsplit(body, " ", -1);
        guint n = g_strv_length(tok);
        guint end = title_end(tok, 0, n);
        name = join_tokens(tok, 0, end);
        if (end < n)
            desc = join_tokens(tok, end, n);
        g_strfreev(tok);
        g_free(body);
    }
    st->cluster = ost_map_cluster_new(name[0] != '\0' ? name : NULL);
    if (desc != NULL && desc[0] != '\0')
        st->cluster->description = g_strdup(desc);
    if (flag)
        set_flag(st, st->cluster);
    g_ptr_array_add(st->pathway->clusters, st->cluster);
    g_free(name);
    g_free(desc);
    return st->cluster;
}

/* ---- lines ----------------------------------------------------------- */

static const char *
after_prefix(const char *text, const char *label)
{
    gsize n = strlen(label);
    if (g_ascii_strncasecmp(text, label, n) != 0)
        return NULL;
    const char *p = text + n;
    while (*p == ' ')
        p++;
    if (*p != ':')
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    return *p != '\0' ? p : NULL;
}

/* The colour key and links about the map, not part of it. */
static gboolean
is_furniture(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^(?:occupations? (?:in|shown in|coloured) \\w+\\s*[:\\-–]"
                         "|(?:green|amber|red|black|grey)\\s*[:=\\-–]"
                         "|\\(\\s*\\d?\\s*\\)\\s*[:\\-–]|key$|legend$|click here\\b"
                         "|key to (?:the )?colou?rs?$|colou?r key$"
                         "|(?:approved for delivery|(?:standard )?published|(?:standard )?in development"
                         "|(?:occupation )?awaiting (?:a )?standard)$"
                         "|occupations (?:in|of) .{1,80}\\bby pathway\\b"
                         "|(?:find out|see) more\\b|occupational maps?$)",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return g_regex_match(re, text, 0, NULL);
}

/* "Occupational map: Protective services", "Protective services occupational
 * map", or a "Route:" label. */
static char *
route_from(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^(?:occupational map\\s*[:\\-–—]\\s*(?<a>.+)|route\\s*:\\s*(?<b>.+)"
                         "|(?<c>.+?)\\s*[-–—:|]?\\s+occupational map)$",
                         G_REGEX_CASELESS | G_REGEX_DUPNAMES | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    GMatchInfo *mi = NULL;
    char *route = NULL;
    if (g_regex_match(re, text, 0, &mi)) {
        const char *names[] = {"a", "b", "c"};
        for (gsize i = 0; i < G_N_ELEMENTS(names) && route == NULL; i++) {
            char *v = g_match_info_fetch_named(mi, names[i]);
            if (v != NULL && v[0] != '\0')
                route = squash(v);
            g_free(v);
        }
    }
    g_match_info_free(mi);
    return route;
}

/* Text inside the map that belongs to no cluster (a note between two
 * pathways' tables): the map has no field for it, so a warning names it
 * rather than dropping it unnoticed. Text after the colour key and before
 * the first pathway is the key's own explanation, not the map's. */
static void
unplaced(omap_state *st, const char *text, const ost_block *at)
{
    if (st->pathway == NULL)
        return;
    char *where = __ost_block_where(at);
    char *start = __ost_excerpt(text, 40);
    ost_doc_warn(st->ctx->doc, "unplaced_content", where,
                 "Text in the map outside any cluster (%ld characters, \"%s\") has no field; "
                 "it is left out", __ost_text_len(text), start);
    g_free(start);
    g_free(where);
}

static void
end_paragraph(omap_state *st)
{
    if (st->para->len == 0)
        return;
    if (st->cluster != NULL) {
        /* A description of several paragraphs keeps them all. */
        char *d = st->cluster->description != NULL
                      ? g_strconcat(st->cluster->description, "\n\n", st->para->str, NULL)
                      : g_strdup(st->para->str);
        g_free(st->cluster->description);
        st->cluster->description = d;
    } else if (st->map->route != NULL && st->pathway == NULL && !st->intro_done) {
        if (st->intro->len > 0)
            g_string_append(st->intro, "\n\n");
        g_string_append(st->intro, st->para->str);
    } else {
        unplaced(st, st->para->str, st->para_at);
    }
    g_string_truncate(st->para, 0);
}

/* Add @p text to the paragraph being read, which starts at @p b. */
static void
para_add(omap_state *st, const ost_block *b, const char *text)
{
    if (st->para->len == 0)
        st->para_at = b;
    ost_repairer_join(st->ctx->rep, st->para, text, NULL);
}

/* Does block @p idx start a description rather than occupations? A
 * description reads as a sentence: one of the lines that run on from it
 * ends with a full stop (a wrapped description only on its last line),
 * and none carries a level bracket as titles do. Colour is no guide: body
 * text and "awaiting standard" occupations are both black. */
static gboolean
paragraph_is_prose(const omap_state *st, guint idx)
{
    const GPtrArray *items = st->ctx->blocks->items;
    for (guint i = idx; i < items->len && i < idx + 8; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->kind != OST_BLOCK_LINE || b->text == NULL || has_level_bracket(b->text))
            return FALSE;
        if (__ost_text_ends_sentence(b->text))
            return TRUE;
    }
    return FALSE;
}

/* One occupation per block: the reader knew where each one starts. */
static void
add_one(ost_map_cluster *cluster, const char *text, ost_map_status status)
{
    int level = 0;
    char *title = NULL;
    GMatchInfo *mi = NULL;
    if (has_level_digit(text) && g_regex_match(title_level_regex(), text, 0, &mi)) {
        int so, eo;
        g_match_info_fetch_pos(mi, 0, &so, &eo);
        char *digit = g_match_info_fetch(mi, 1);
        level = atoi(digit);
        g_free(digit);
        GString *s = g_string_new_len(text, so);
        g_string_append(s, text + eo);
        title = squash(s->str);
        g_string_free(s, TRUE);
    } else {
        title = squash(text);
    }
    g_match_info_free(mi);
    if (title[0] != '\0')
        g_ptr_array_add(cluster->occupations, ost_map_occupation_new(title, level, status));
    g_free(title);
}

/* A short title-like line: a capital first, no sentence, no level, no
 * label. */
static gboolean
is_name(const char *text)
{
    if (text == NULL || text[0] == '\0' || !starts_upper(text) ||
        __ost_text_ends_sentence(text) || strpbrk(text, ":.!?") != NULL ||
        g_regex_match(flag_regex(), text, 0, NULL))
        return FALSE;
    if (has_level_digit(text) && g_regex_match(title_level_regex(), text, 0, NULL))
        return FALSE;
    char **tok = g_strsplit(text, " ", -1);
    guint n = g_strv_length(tok);
    g_strfreev(tok);
    return n <= 8;
}

static gboolean
is_caption(const char *text)
{
    return g_ascii_strcasecmp(text, "occupational map") == 0;
}

/* Without headings, rows or a table, a map in plain text has only its
 * paragraphs to go by. */
static gboolean
has_structure(const omap_state *st)
{
    return st->headed || st->cluster_level != 0 || st->pathway_level != 0 ||
           st->record[RECORD_OCCUPATIONS] >= 0 || st->columns->len > 0;
}

/* The next block with text after @p idx, NULL at a paragraph break. */
static const ost_block *
next_content(const omap_state *st, guint idx)
{
    const GPtrArray *items = st->ctx->blocks->items;
    for (guint i = idx + 1; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->flags & OST_BLOCK_CHROME)
            continue;
        return b->kind == OST_BLOCK_BREAK || b->kind == OST_BLOCK_PAGE ? NULL : b;
    }
    return NULL;
}

/* Does the line after block @p idx go on in lower case, as a wrapped
 * sentence does? */
static gboolean
wraps_on(const omap_state *st, guint idx)
{
    const ost_block *next = next_content(st, idx);
    return next != NULL && next->text != NULL && starts_lower(next->text);
}

/* Does block @p idx open a paragraph (or follow a pathway's name line)? */
static gboolean
starts_paragraph(const omap_state *st, guint idx)
{
    const GPtrArray *items = st->ctx->blocks->items;
    const ost_block *b = g_ptr_array_index(items, idx);
    if (b == st->pathway_line)
        return TRUE;
    for (guint i = idx; i-- > 0;) {
        const ost_block *p = g_ptr_array_index(items, i);
        if (p->flags & OST_BLOCK_CHROME)
            continue;
        return p->kind == OST_BLOCK_BREAK || p->kind == OST_BLOCK_PAGE ||
               p->kind == OST_BLOCK_HEADING;
    }
    return TRUE;
}

static void
handle_text(omap_state *st, const ost_block *b, guint idx, const char *text)
{
    /* A bulleted line of extracted text is a list item that lost its
     * structure; a heading printed inside a list keeps the list's bullet. */
    ost_block_kind kind = b->kind;
    const char *item = kind == OST_BLOCK_LINE || kind == OST_BLOCK_HEADING
                           ? __ost_text_after_bullet(text)
                           : NULL;
    if (item != NULL) {
        if (kind == OST_BLOCK_LINE)
            kind = OST_BLOCK_ITEM;
        text = item;
    }
    const char *v;
    if (is_furniture(text)) {
        /* "Health and science" above an "Occupational map" caption: the
         * title names the route. */
        if (st->map->route == NULL && st->pathway == NULL && is_caption(text) &&
            is_name(st->para->str))
            st->map->route = g_strdup(st->para->str);
        else
            end_paragraph(st);
        g_string_truncate(st->para, 0);
        if (st->map->route != NULL && st->intro->len > 0)
            st->intro_done = TRUE;
        return;
    }
    if (st->map->route == NULL) {
        char *route = route_from(text);
        if (route != NULL) {
            st->map->route = route;
            return;
        }
    }
    /* "Creative and design route" heading the map; "Craft and design
     * pathway", "Design cluster" naming what they are by their last word. */
    static ost_pattern route_heading = OST_PATTERN("^(\\S.{0,80}?)\\s+route$", OST_CASELESS);
    static ost_pattern named = OST_PATTERN("^(\\S.{0,80}?)\\s+(pathway|cluster)$", OST_CASELESS);
    char *parts[2];
    gboolean opens = kind != OST_BLOCK_LINE || starts_paragraph(st, idx);
    if (kind != OST_BLOCK_ITEM && opens && st->map->route == NULL &&
        __ost_pattern_fetch(&route_heading, text, 1, parts)) {
        st->map->route = parts[0];
        /* The description follows the title; what stood above it was the
         * page's (breadcrumbs, navigation). */
        if (kind == OST_BLOCK_HEADING)
            g_string_truncate(st->para, 0);
        return;
    }
    if (opens && __ost_pattern_fetch(&named, text, 2, parts)) {
        end_paragraph(st);
        if (g_ascii_strcasecmp(parts[1], "pathway") == 0) {
            start_pathway(st, parts[0]);
            st->pathway_line = next_content(st, idx);
        } else {
            start_cluster(st, parts[0]);
        }
        g_free(parts[0]);
        g_free(parts[1]);
        return;
    }
    if ((v = after_prefix(text, "pathway")) != NULL) {
        end_paragraph(st);
        char *name = squash(v);
        start_pathway(st, name);
        g_free(name);
        return;
    }
    if ((v = after_prefix(text, "cluster")) != NULL) {
        end_paragraph(st);
        start_cluster(st, v);
        return;
    }
    if (kind == OST_BLOCK_HEADING) {
        end_paragraph(st);
        /* A heading above the pathways that did not say "Occupational
         * map: ..." still names the route ("Health and science" over an
         * "Occupational map" caption). */
        int below = st->pathway_level != 0 ? st->pathway_level : st->cluster_level;
        /* The route's own heading under a printed title that named it:
         * the map's description follows it, and the text before it was
         * the page's (breadcrumbs). */
        char *named_route = route_from(text);
        if (named_route == NULL && !__ost_pattern_fetch(&route_heading, text, 1, &named_route))
            named_route = NULL;
        gboolean repeats = st->map->route != NULL && st->pathway == NULL &&
                           (below == 0 || b->level < below) &&
                           g_utf8_collate(named_route != NULL ? named_route : text,
                                          st->map->route) == 0;
        g_free(named_route);
        if (repeats) {
            g_string_truncate(st->para, 0);
            g_string_truncate(st->intro, 0);
            return;
        }
        if (st->map->route == NULL && st->pathway == NULL && below != 0 && b->level < below)
            st->map->route = g_strdup(text);
        else if (st->pathway_level != 0 && b->level <= st->pathway_level)
            start_pathway(st, text);
        else if (st->cluster_level != 0 && b->level == st->cluster_level)
            start_cluster(st, text);
        else
            unplaced(st, text, b);
        return;
    }
    if (kind == OST_BLOCK_LINE && !has_structure(st) && st->map->route != NULL &&
        (st->pathway == NULL || st->by_paragraphs) && is_name(text) &&
        starts_paragraph(st, idx) && !wraps_on(st, idx)) {
        const ost_block *next = next_content(st, idx);
        end_paragraph(st);
        st->by_paragraphs = TRUE;
        if (next != NULL && next->kind == OST_BLOCK_LINE && next->text != NULL &&
            is_name(next->text) && !has_level_bracket(next->text)) {
            start_pathway(st, text);
            st->pathway_line = next;
        } else {
            start_cluster(st, text);
        }
        return;
    }
    /* Prose after a cluster's occupations is no title and not the
     * cluster's description, which comes before them: the cluster has
     * ended (a note below the map). */
    if (st->cluster != NULL && kind == OST_BLOCK_LINE && st->para->len == 0 &&
        st->cluster->occupations->len > 0 && b->status == OST_MAP_STATUS_NONE &&
        __ost_text_ends_sentence(text) && !has_level_bracket(text))
        st->cluster = NULL;
    if (st->cluster != NULL) {
        char *copy = g_strdup(text);
        if (take_flag(&copy))
            set_flag(st, st->cluster);
        if (copy[0] == '\0') {
            /* only the marker */
        } else if (kind == OST_BLOCK_LINE &&
                   ((st->para->len > 0 && !__ost_text_ends_sentence(st->para->str)) ||
                    (st->cluster->occupations->len == 0 && paragraph_is_prose(st, idx)))) {
            para_add(st, b, copy);
        } else if (kind == OST_BLOCK_ITEM || b->status != OST_MAP_STATUS_NONE) {
            end_paragraph(st);
            add_one(st->cluster, copy, b->status);
        } else {
            end_paragraph(st);
            add_occupations(st->cluster, copy, b->status);
        }
        g_free(copy);
        return;
    }
    para_add(st, b, text);
}

/* Column headers and field labels naming a map's parts. */
static ost_pattern column_names[] = {
    OST_PATTERN("^(occupational )?pathways?$", OST_CASELESS),
    OST_PATTERN("^(occupational )?clusters?$", OST_CASELESS),
    OST_PATTERN("^occupations?( and levels?)?$", OST_CASELESS),
};

/* A term naming a cluster over its occupations: a name, not a field
 * label, whose value carries levels. */
static gboolean
is_cluster_term(const ost_block *b)
{
    if (b->kind != OST_BLOCK_ROW || !(b->flags & OST_BLOCK_LABEL) || b->cells->len != 2)
        return FALSE;
    const char *label = g_ptr_array_index(b->cells, 0), *value = g_ptr_array_index(b->cells, 1);
    for (gsize k = 0; k < G_N_ELEMENTS(column_names); k++)
        if (__ost_pattern_match(&column_names[k], label))
            return FALSE;
    return is_name(label) && g_ascii_strcasecmp(label, "route") != 0 &&
           has_level_digit(value) && g_regex_match(title_level_regex(), value, 0, NULL);
}

static gboolean
is_description_label(const char *label)
{
    return g_ascii_strncasecmp(label, "description", 11) == 0 ||
           g_ascii_strncasecmp(label, "summary", 7) == 0;
}

/* A row of clusters: "Cluster:" cells, or a table's header row. Cells before
 * the first cluster name the pathway. */
static void
cluster_row(omap_state *st, const ost_block *b, char **cells, guint n)
{
    end_paragraph(st);
    g_ptr_array_set_size(st->columns, 0);
    for (guint i = 0; i < n; i++) {
        const char *v;
        ost_map_cluster *c = NULL;
        if (cells[i][0] == '\0' || is_furniture(cells[i]))
            ;
        else if ((v = after_prefix(cells[i], "cluster")) != NULL)
            c = start_cluster(st, v);
        else if ((v = after_prefix(cells[i], "pathway")) != NULL)
            start_pathway(st, v);
        else if (st->columns->len == 0 || all_null(st->columns)) {
            if ((b->flags & OST_BLOCK_HEADER_ROW) && i > 0)
                c = start_cluster(st, cells[i]);
            else
                start_pathway(st, cells[i]);
        } else {
            c = start_cluster(st, cells[i]);
        }
        g_ptr_array_add(st->columns, c);
    }
    /* Occupations now come by column; text after the table belongs to no
     * one cluster. */
    st->cluster = NULL;
}

/* "Occupations" as a field label (a dt, a label cell). */
static gboolean
is_occupations_label(const char *label)
{
    return __ost_pattern_match(&column_names[RECORD_OCCUPATIONS], label);
}

/* A header row naming a pathway, a cluster and an occupations column
 * ("Pathway | Occupational cluster | Occupations"): the table gives one
 * cluster a row. */
static gboolean
record_header(omap_state *st, char **cells, guint n)
{
    int found[3] = {-1, -1, -1};
    for (guint i = 0; i < n; i++)
        for (guint k = 0; k < G_N_ELEMENTS(column_names); k++)
            if (found[k] < 0 && __ost_pattern_match(&column_names[k], cells[i]))
                found[k] = (int)i;
    if (found[RECORD_CLUSTER] < 0 || found[RECORD_OCCUPATIONS] < 0)
        return FALSE;
    memcpy(st->record, found, sizeof found);
    return TRUE;
}

/* A row of such a table: its pathway, its cluster, its occupations. */
static void
record_row(omap_state *st, const ost_block *b, char **cells, guint n)
{
    end_paragraph(st);
    int p = st->record[RECORD_PATHWAY];
    if (p >= 0 && (guint)p < n && cells[p][0] != '\0') {
        char *name = squash(cells[p]);
        start_pathway(st, name);
        g_free(name);
    }
    guint c = (guint)st->record[RECORD_CLUSTER];
    if (c < n && cells[c][0] != '\0')
        start_cluster(st, cells[c]);
    guint o = (guint)st->record[RECORD_OCCUPATIONS];
    if (o < n && st->cluster != NULL)
        add_occupations(st->cluster, cells[o], b->status);
}

static void
handle_row(omap_state *st, const ost_block *b, guint idx)
{
    guint n = b->cells->len;
    char **cells = g_new0(char *, n + 1);
    guint filled = 0, prefixed = 0, last = 0;
    for (guint i = 0; i < n; i++) {
        cells[i] = g_strstrip(g_strdup(g_ptr_array_index(b->cells, i)));
        if (cells[i][0] != '\0') {
            filled++;
            last = i;
        }
        if (after_prefix(cells[i], "cluster") != NULL)
            prefixed++;
    }
    if ((b->flags & OST_BLOCK_HEADER_ROW) && record_header(st, cells, n)) {
        ;
    } else if (st->record[RECORD_OCCUPATIONS] >= 0 && !(b->flags & OST_BLOCK_LINK)) {
        record_row(st, b, cells, n);
    } else if ((b->flags & OST_BLOCK_LABEL) && n == 2) {
        if (after_prefix(cells[0], "pathway") != NULL || after_prefix(cells[0], "cluster") != NULL) {
            /* A term that names itself ("Pathway: Road") over its details,
             * one a line. */
            handle_text(st, b, idx, cells[0]);
            char **lines = g_strsplit(cells[1], "\n", -1);
            for (guint i = 0; lines[i] != NULL; i++) {
                char *t = squash(lines[i]);
                if (t[0] != '\0')
                    handle_text(st, b, idx, t);
                g_free(t);
            }
            g_strfreev(lines);
        } else if (__ost_pattern_match(&column_names[RECORD_PATHWAY], cells[0])) {
            end_paragraph(st);
            char *name = squash(cells[1]);
            start_pathway(st, name);
            g_free(name);
        } else if (__ost_pattern_match(&column_names[RECORD_CLUSTER], cells[0])) {
            end_paragraph(st);
            start_cluster(st, cells[1]);
        } else if (is_cluster_term(b)) {
            end_paragraph(st);
            add_occupations(start_cluster(st, cells[0]), cells[1], b->status);
        } else if (g_ascii_strcasecmp(cells[0], "route") == 0) {
            if (st->map->route == NULL)
                st->map->route = squash(cells[1]);
        } else if (is_occupations_label(cells[0]) && st->cluster != NULL) {
            end_paragraph(st);
            add_occupations(st->cluster, cells[1], b->status);
        } else if (is_description_label(cells[0])) {
            char *d = squash(cells[1]);
            if (st->cluster != NULL)
                ost_set_str(&st->cluster->description, d);
            else
                ost_set_str(&st->map->description, d);
            g_free(d);
        } else {
            char *t = g_strdup_printf("%s: %s", cells[0], cells[1]);
            handle_text(st, b, idx, t);
            g_free(t);
        }
    } else if (prefixed > 0 || (b->flags & OST_BLOCK_HEADER_ROW)) {
        cluster_row(st, b, cells, n);
    } else if (filled == 1 && (st->columns->len <= last ||
                               g_ptr_array_index(st->columns, last) == NULL)) {
        handle_text(st, b, idx, cells[last]);
    } else if (st->columns->len > 0) {
        for (guint i = 0; i < n && i < st->columns->len; i++) {
            ost_map_cluster *c = g_ptr_array_index(st->columns, i);
            if (c != NULL && cells[i][0] != '\0')
                add_occupations(c, cells[i], b->status);
        }
    } else {
        char *t = g_strjoinv(" ", cells);
        char *s = squash(t);
        handle_text(st, b, idx, s);
        g_free(s);
        g_free(t);
    }
    g_strfreev(cells);
}

/* Unprefixed headings: the deepest level that has content under it holds
 * clusters, the next level up pathways. Headings with a "Pathway:" or
 * "Cluster:" prefix, the route heading and furniture do not count. */
static void
heading_levels(omap_state *st)
{
    const GPtrArray *items = st->ctx->blocks->items;
    int levels_with_content = 0, cur = 0; /* bit i: level i has content */
    int levels_seen = 0;
    gboolean terms = FALSE; /* clusters as terms under the headings */
    for (guint i = 0; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if ((b->flags & OST_BLOCK_CHROME) || b->text == NULL)
            continue;
        gboolean labelled = b->kind == OST_BLOCK_ROW && (b->flags & OST_BLOCK_LABEL) &&
                            b->cells->len == 2 &&
                            __ost_pattern_match(&column_names[RECORD_CLUSTER],
                                                g_ptr_array_index(b->cells, 0));
        if (labelled || (b->kind == OST_BLOCK_ROW && (b->flags & OST_BLOCK_HEADER_ROW) &&
                         record_header(st, (char **)b->cells->pdata, b->cells->len))) {
            /* The table or the field labels name pathways and clusters; a
             * heading above them names the route. */
            st->record[RECORD_PATHWAY] = st->record[RECORD_CLUSTER] =
                st->record[RECORD_OCCUPATIONS] = -1;
            st->pathway_level = 0;
            st->cluster_level = 7;
            return;
        }
        /* Sub-headings or labelled pathways: the map is not plain
         * paragraphs. */
        if ((b->kind == OST_BLOCK_HEADING && b->level >= 2) ||
            after_prefix(b->text, "pathway") != NULL)
            st->headed = TRUE;
        if (b->kind == OST_BLOCK_HEADING) {
            char *route = route_from(b->text);
            gboolean skip = route != NULL || is_furniture(b->text) ||
                            after_prefix(b->text, "pathway") != NULL ||
                            after_prefix(b->text, "cluster") != NULL;
            g_free(route);
            cur = skip || b->level < 1 || b->level > 6 ? 0 : b->level;
            if (cur != 0)
                levels_seen |= 1 << cur;
        } else if (cur != 0 && b->kind != OST_BLOCK_BREAK && b->kind != OST_BLOCK_PAGE) {
            levels_with_content |= 1 << cur;
            terms |= is_cluster_term(b);
        }
    }
    for (int l = 6; l >= 1; l--)
        if (levels_with_content & (1 << l)) {
            st->cluster_level = l;
            break;
        }
    for (int l = st->cluster_level - 1; l >= 1; l--)
        if (levels_seen & (1 << l)) {
            st->pathway_level = l;
            break;
        }
    if (terms) {
        /* The terms are the clusters: the headings over them, pathways. */
        st->pathway_level = st->cluster_level;
        st->cluster_level = 7;
    }
}

/* Display headings are often title-cased ("Protective Services") while the
 * body keeps the route's own sentence-case name; when a pathway carries the
 * same name, its spelling is the route's. */
static void
settle_route_spelling(ost_occupational_map *map)
{
    if (map->route == NULL)
        return;
    for (guint p = 0; p < map->pathways->len; p++) {
        const ost_map_pathway *pw = g_ptr_array_index(map->pathways, p);
        if (pw->name != NULL && g_utf8_collate(pw->name, map->route) != 0) {
            char *a = g_utf8_casefold(pw->name, -1), *r = g_utf8_casefold(map->route, -1);
            if (strcmp(a, r) == 0)
                ost_set_str(&map->route, pw->name);
            g_free(a);
            g_free(r);
        }
    }
}

void
__ost_recognize_occupational_map(rec_ctx *ctx)
{
    omap_state st = {0};
    st.ctx = ctx;
    st.map = ost_occupational_map_new();
    st.intro = g_string_new(NULL);
    st.para = g_string_new(NULL);
    st.columns = g_ptr_array_new();
    st.record[RECORD_PATHWAY] = st.record[RECORD_CLUSTER] = st.record[RECORD_OCCUPATIONS] = -1;
    heading_levels(&st);

    const GPtrArray *items = ctx->blocks->items;
    for (guint i = 0; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->flags & OST_BLOCK_CHROME)
            continue;
        if (b->kind == OST_BLOCK_BREAK || b->kind == OST_BLOCK_PAGE) {
            end_paragraph(&st);
            continue;
        }
        if (b->kind == OST_BLOCK_ROW && b->cells != NULL) {
            handle_row(&st, b, i);
            continue;
        }
        if (st.record[RECORD_OCCUPATIONS] >= 0) {
            /* After a table of one cluster a row, text is no cluster's. */
            st.record[RECORD_OCCUPATIONS] = -1;
            st.cluster = NULL;
        }
        /* Nested list items run together on one line keep their bullets
         * between them: each piece is an item of its own. */
        static ost_pattern bullets = OST_PATTERN("\\s[•▪◦●]\\s", 0);
        char *text = squash(b->text);
        char **pieces = __ost_pattern_split(&bullets, text);
        for (guint k = 0; pieces[k] != NULL; k++) {
            char *piece = squash(pieces[k]);
            if (piece[0] != '\0')
                handle_text(&st, b, i, piece);
            g_free(piece);
        }
        g_strfreev(pieces);
        g_free(text);
    }
    end_paragraph(&st);

    if (st.map->description == NULL && st.intro->len > 0)
        st.map->description = g_strdup(st.intro->str);
    settle_route_spelling(st.map);
    /* A map that marks some clusters apprenticeship-only says "no" for the
     * others; without any marker the source does not say. */
    for (guint p = 0; st.any_flag && p < st.map->pathways->len; p++) {
        ost_map_pathway *pw = g_ptr_array_index(st.map->pathways, p);
        for (guint c = 0; c < pw->clusters->len; c++) {
            ost_map_cluster *cl = g_ptr_array_index(pw->clusters, c);
            if (cl->apprenticeship_only == OST_UNSET)
                cl->apprenticeship_only = OST_NO;
        }
    }
    if (st.map->route != NULL || st.map->pathways->len > 0)
        g_ptr_array_add(ctx->doc->occupational_maps, st.map);
    else
        ost_occupational_map_free(st.map);
    g_ptr_array_free(st.columns, TRUE);
    g_string_free(st.intro, TRUE);
    g_string_free(st.para, TRUE);
}
