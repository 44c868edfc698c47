/* SPDX-License-Identifier: MIT */
/* NOS functional maps: roles, key areas > areas > functions > units. */
#include "recognize_private.h"
#include "pattern.h"
#include "text.h"
#include "unplaced.h"

#include <string.h>

/*
 * A functional map lists the same units from up to three sides, in any
 * order and with or without its section labels:
 * - roles -> units: a role name, "National Occupational Standards", then
 *   "CODE - Title" lines each with a "Source reference: X" line;
 * - units -> roles: a unit line, "Roles", then role names;
 * - the map: "A. Key area" ("Areas of competence"), "AA. Area"
 *   ("Functions"), function titles each with "Details" and the function's
 *   units after "National Occupational Standards (NOS)".
 * Every line is first classified on its own; what a plain line is (role,
 * function title, details) then follows from the state and the next line.
 */

typedef enum {
    FL_TEXT,
    FL_NOS,        /* "National Occupational Standards (NOS)" */
    FL_ROLES,      /* "Roles" */
    FL_AREAS,      /* "Areas of competence" */
    FL_FUNCTIONS,  /* "Functions" */
    FL_DETAILS,    /* "Details" */
    FL_SOURCE,     /* "Source reference: X" */
    FL_UNIT,       /* "AA1 Title", "CC AA1 - Title" */
    FL_AREA_CODE,  /* "A. Title", "AA. Title", "CC A. Title" */
    FL_ROLE_ROW,   /* a roles table row: the role and its unit codes */
} fl_kind;

typedef struct fm_line {
    fl_kind kind;
    char *text;
    char *code;    /* FL_UNIT, FL_AREA_CODE */
    char *rest;    /* the title after the code, or the source reference */
    GPtrArray *codes; /* FL_ROLE_ROW: unit codes */
    gboolean heading;
    int level;     /* heading level */
    gboolean runs_on; /* follows the previous line with no break between */
    int line, page;
} fm_line;

typedef enum { M_NONE, M_ROLE_UNITS, M_UNIT_ROLES, M_FUNCTIONS, M_DETAILS } fm_mode;

typedef struct fm_state {
    rec_ctx *ctx;
    ost_functional_map *map;
    GArray *lines;             /* fm_line */
    GHashTable *units;         /* code -> ost_fm_unit* (borrowed from map->units) */
    fm_mode mode;
    gboolean in_map;           /* key areas have started */
    ost_fm_role *role;         /* roles -> units */
    ost_fm_unit *unit;         /* the last unit line seen */
    ost_fm_unit *role_unit;    /* units -> roles */
    ost_fm_key_area *key_area;
    ost_fm_area *area;
    ost_fm_function *function;
    GString *details;
    int details_line, details_page;
} fm_state;

static GRegex *
regex(GRegex **slot, gsize *once, const char *pattern, GRegexCompileFlags flags)
{
    if (g_once_init_enter(once)) {
        *slot = g_regex_new(pattern, flags | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(once, 1);
    }
    return *slot;
}

/* Unit codes: letters then digits, optionally after a short capitalised
 * suite prefix ("CC AA1"); the title follows after a dash or a space.
 * Publishers' own codes carry longer letter runs: "SFHGEN1",
 * "SCDHSC0023", "CFAM&LDA1". */
#define CODE_RE "[A-Z][A-Z&]{0,9}\\d+[A-Za-z]?(?:\\.\\d+)*"
#define UNIT_RE "^((?:[A-Z]{1,4} )?" CODE_RE ")(?:\\s*[-–—:]\\s*|\\s+)(\\S.*)$"
#define AREA_RE "^((?:[A-Z]{1,4} )?[A-Z]{1,4})\\.\\s+(\\S.*)$"

static gboolean
match2(GRegex *re, const char *text, char **a, char **b)
{
    GMatchInfo *mi = NULL;
    gboolean ok = g_regex_match(re, text, 0, &mi);
    if (ok) {
        *a = g_match_info_fetch(mi, 1);
        *b = g_match_info_fetch(mi, 2);
    }
    g_match_info_free(mi);
    return ok;
}

/* Whether @text may start with a unit or area code: capitals (and '&'),
 * perhaps a suite prefix and a space and more of them, then the code's digit
 * (any from 0x80, which \d may take) or the area's full stop. */
static gboolean
may_start_with_code(const char *text)
{
    const char *p = text;
    for (int run = 0; run < 2; run++) {
        while ((*p >= 'A' && *p <= 'Z') || *p == '&')
            p++;
        guchar next = (guchar)*p;
        if (g_ascii_isdigit(next) || next >= 0x80 || next == '.')
            return TRUE;
        if (next != ' ')
            return FALSE;
        p++;
    }
    return FALSE;
}

static void
classify(fm_line *l)
{
    static GRegex *label_re, *source_re, *unit_re, *area_re;
    static gsize o1, o2, o3, o4;
    regex(&label_re, &o1,
          "^(?:(national occupational standards(?:\\s*\\(nos\\))?|nos)|(roles?)"
          "|(areas? of competence)|(functions?)|(details?))\\s*:?$",
          G_REGEX_CASELESS);
    regex(&source_re, &o2, "^source ref(?:erence)?s?\\s*[:\\-–]?\\s*(.*)$", G_REGEX_CASELESS);
    regex(&unit_re, &o3, UNIT_RE, 0);
    regex(&area_re, &o4, AREA_RE, 0);

    /* The labels start with n, r, a, f, d or s in either case, or with the
     * long s (from 0x80); unit and area codes with a capital A-Z. */
    guchar first = (guchar)l->text[0];
    gboolean may_label = first >= 0x80 || (first != 0 && strchr("nrafdsNRAFDS", first) != NULL);
    gboolean may_code = first >= 'A' && first <= 'Z' && may_start_with_code(l->text);

    GMatchInfo *mi = NULL;
    l->kind = FL_TEXT;
    if (may_label && g_regex_match(label_re, l->text, 0, &mi)) {
        static const fl_kind kinds[] = {FL_NOS, FL_ROLES, FL_AREAS, FL_FUNCTIONS, FL_DETAILS};
        for (gint g = 1; g <= 5; g++) {
            gint so = -1, eo = -1;
            if (g_match_info_fetch_pos(mi, g, &so, &eo) && so >= 0 && eo > so) {
                l->kind = kinds[g - 1];
                break;
            }
        }
        g_match_info_free(mi);
        return;
    }
    g_match_info_free(mi);
    mi = NULL;
    if (may_label && g_regex_match(source_re, l->text, 0, &mi)) {
        l->kind = FL_SOURCE;
        l->rest = g_match_info_fetch(mi, 1);
    } else if (may_code && match2(unit_re, l->text, &l->code, &l->rest)) {
        l->kind = FL_UNIT;
    } else if (may_code && match2(area_re, l->text, &l->code, &l->rest)) {
        l->kind = FL_AREA_CODE;
    }
    g_match_info_free(mi);
}

/* Takes @p clean, a cleaned text. */
static void
push_clean(GArray *lines, char *clean, const ost_block *b, gboolean runs_on)
{
    fm_line l = {0};
    l.text = clean;
    l.heading = b->kind == OST_BLOCK_HEADING;
    l.level = b->level;
    l.runs_on = runs_on;
    l.line = b->line;
    l.page = b->page;
    classify(&l);
    g_array_append_val(lines, l);
}

static void
push_line(GArray *lines, const char *text, const ost_block *b, gboolean runs_on)
{
    char *clean = __ost_text_clean(text);
    if (clean != NULL)
        push_clean(lines, clean, b, runs_on);
}

/* A LINE continues the one before it (no break between) when it cannot
 * start an entry of its own: it starts lower case, or the previous line
 * stopped mid-phrase. Labels, codes and role names each stand alone. */
static gboolean
continues(const fm_line *prev, const char *text)
{
    if (prev->kind != FL_TEXT && prev->kind != FL_UNIT && prev->kind != FL_SOURCE)
        return FALSE;
    gunichar c = g_utf8_get_char(text);
    if (g_unichar_islower(c))
        return TRUE;
    gsize n = strlen(prev->text);
    return n > 0 && strchr(",-–(/&", prev->text[n - 1]) != NULL;
}

/* "AA1 AB1, CC AA1" -> the codes, when the text holds nothing else. */
static GPtrArray *
code_list(const char *text)
{
    static ost_pattern code_prefix = OST_PATTERN("^[A-Z]{1,4}$", 0);
    static GRegex *code_re;
    static gsize once;
    regex(&code_re, &once, "^" CODE_RE "$", 0);
    char **tok = g_strsplit_set(text, " ,;\t\n", -1);
    GPtrArray *codes = ost_strlist_new();
    const char *prefix = NULL;
    gboolean ok = TRUE;
    for (guint i = 0; ok && tok[i] != NULL; i++) {
        if (tok[i][0] == '\0')
            continue;
        if (g_regex_match(code_re, tok[i], 0, NULL)) {
            char *code = prefix != NULL ? g_strdup_printf("%s %s", prefix, tok[i])
                                        : g_strdup(tok[i]);
            ost_strlist_add_unique(codes, code);
            g_free(code);
            prefix = NULL;
        } else if (prefix == NULL && __ost_pattern_match(&code_prefix, tok[i])) {
            prefix = tok[i]; /* the suite prefix of a two-token code */
        } else {
            ok = FALSE;
        }
    }
    g_strfreev(tok);
    if (!ok || prefix != NULL || codes->len == 0) {
        g_ptr_array_unref(codes);
        return NULL;
    }
    return codes;
}

/* A roles table: [role, "AA1 AB1 ..."]. */
static gboolean
role_row(GArray *lines, const ost_block *b)
{
    if (b->cells->len < 2)
        return FALSE;
    char *name = __ost_text_clean(g_ptr_array_index(b->cells, 0));
    GPtrArray *name_codes = name != NULL ? code_list(name) : NULL;
    if (name == NULL || name_codes != NULL) {
        if (name_codes != NULL)
            g_ptr_array_unref(name_codes);
        g_free(name);
        return FALSE;
    }
    GPtrArray *codes = ost_strlist_new();
    for (guint c = 1; c < b->cells->len; c++) {
        GPtrArray *cell = code_list(g_ptr_array_index(b->cells, c));
        for (guint i = 0; cell != NULL && i < cell->len; i++)
            ost_strlist_add_unique(codes, g_ptr_array_index(cell, i));
        if (cell != NULL)
            g_ptr_array_unref(cell);
    }
    if (codes->len == 0) {
        g_ptr_array_unref(codes);
        g_free(name);
        return FALSE;
    }
    fm_line l = {0};
    l.kind = FL_ROLE_ROW;
    l.text = name;
    l.codes = codes;
    l.line = b->line;
    l.page = b->page;
    g_array_append_val(lines, l);
    return TRUE;
}

static void
collect_lines(fm_state *st)
{
    const GPtrArray *items = st->ctx->blocks->items;
    gboolean after_line = FALSE;
    for (guint i = 0; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->flags & OST_BLOCK_CHROME)
            continue;
        gboolean was_line = after_line;
        after_line = FALSE;
        switch (b->kind) {
        case OST_BLOCK_LINE: {
            fm_line *prev = st->lines->len > 0
                                ? &g_array_index(st->lines, fm_line, st->lines->len - 1)
                                : NULL;
            char *clean = __ost_text_clean(b->text);
            if (clean == NULL)
                break;
            if (was_line && prev != NULL && continues(prev, clean)) {
                GString *joined = g_string_new(prev->text);
                ost_repairer_join(st->ctx->rep, joined, clean, NULL);
                g_free(prev->text);
                g_free(prev->code);
                g_free(prev->rest);
                prev->text = g_string_free(joined, FALSE);
                prev->code = prev->rest = NULL;
                classify(prev);
            } else {
                push_clean(st->lines, g_steal_pointer(&clean), b, was_line);
            }
            g_free(clean);
            after_line = TRUE;
            break;
        }
        case OST_BLOCK_HEADING:
        case OST_BLOCK_ITEM:
            push_line(st->lines, b->text, b, FALSE);
            break;
        case OST_BLOCK_ROW:
            if (b->cells == NULL)
                break;
            if ((b->flags & OST_BLOCK_LABEL) && b->cells->len == 2) {
                char *t = g_strdup_printf("%s: %s", (char *)g_ptr_array_index(b->cells, 0),
                                          (char *)g_ptr_array_index(b->cells, 1));
                push_line(st->lines, t, b, FALSE);
                g_free(t);
                break;
            }
            if (b->flags & OST_BLOCK_HEADER_ROW)
                break;
            if (role_row(st->lines, b))
                break;
            /* A table row: a bare code cell and its title cell make one
             * unit line; every other cell stands alone. */
            for (guint c = 0; c < b->cells->len; c++) {
                const char *cell = g_ptr_array_index(b->cells, c);
                GPtrArray *codes = c + 1 < b->cells->len ? code_list(cell) : NULL;
                if (codes != NULL && codes->len == 1) {
                    char *t = g_strdup_printf("%s %s", (char *)g_ptr_array_index(codes, 0),
                                              (char *)g_ptr_array_index(b->cells, c + 1));
                    push_line(st->lines, t, b, FALSE);
                    g_free(t);
                    c++;
                } else {
                    push_line(st->lines, cell, b, FALSE);
                }
                if (codes != NULL)
                    g_ptr_array_unref(codes);
            }
            break;
        default:
            break;
        }
    }
}

static fl_kind
next_kind(const fm_state *st, guint i)
{
    return i + 1 < st->lines->len ? g_array_index(st->lines, fm_line, i + 1).kind : FL_TEXT;
}

static gboolean
has_next(const fm_state *st, guint i)
{
    return i + 1 < st->lines->len;
}

/* ---- building the model ---------------------------------------------- */

static ost_fm_unit *
unit_for(fm_state *st, const char *code, const char *title)
{
    ost_fm_unit *u = g_hash_table_lookup(st->units, code);
    if (u == NULL) {
        u = ost_fm_unit_new(code, title);
        g_ptr_array_add(st->map->units, u);
        g_hash_table_insert(st->units, u->code, u);
    } else if (u->title == NULL && title != NULL) {
        u->title = g_strdup(title);
    }
    return u;
}

static ost_fm_role *
role_for(fm_state *st, const char *name)
{
    for (guint i = 0; i < st->map->roles->len; i++) {
        ost_fm_role *r = g_ptr_array_index(st->map->roles, i);
        if (g_ascii_strcasecmp(r->name, name) == 0)
            return r;
    }
    ost_fm_role *r = ost_fm_role_new(name);
    g_ptr_array_add(st->map->roles, r);
    return r;
}

static void
flush_details(fm_state *st)
{
    if (st->details->len == 0)
        return;
    if (st->function != NULL) {
        if (__ost_text_is_placeholder(st->details->str)) {
            char *where = st->details_page > 0 ? g_strdup_printf("page %d", st->details_page)
                          : st->details_line > 0 ? g_strdup_printf("line %d", st->details_line)
                                                 : NULL;
            ost_doc_warn(st->ctx->doc, "placeholder_text", where,
                         "Details of function \"%s\" are placeholder text (lorem ipsum); "
                         "left empty", st->function->title != NULL ? st->function->title : "?");
            g_free(where);
        } else {
            ost_set_str(&st->function->details, st->details->str);
        }
    }
    g_string_truncate(st->details, 0);
}

static ost_fm_function *
start_function(fm_state *st, const char *title)
{
    flush_details(st);
    if (st->area == NULL) {
        if (st->key_area == NULL) {
            st->key_area = ost_fm_key_area_new(NULL, NULL);
            g_ptr_array_add(st->map->key_areas, st->key_area);
        }
        st->area = ost_fm_area_new(NULL, NULL);
        g_ptr_array_add(st->key_area->areas, st->area);
    }
    st->function = ost_fm_function_new(title);
    g_ptr_array_add(st->area->functions, st->function);
    st->mode = M_FUNCTIONS;
    return st->function;
}

/* "A." starts a key area, "AA." an area of competence. The section labels
 * say which when present; else an area's code extends its key area's. */
static void
area_line(fm_state *st, guint i, const fm_line *l)
{
    flush_details(st);
    fl_kind next = next_kind(st, i);
    gboolean key;
    if (next == FL_AREAS)
        key = TRUE;
    else if (next == FL_FUNCTIONS)
        key = FALSE;
    else if (st->key_area == NULL || st->key_area->code == NULL)
        key = strlen(l->code) == 1 || st->key_area == NULL;
    else
        key = !(g_str_has_prefix(l->code, st->key_area->code) &&
                strlen(l->code) > strlen(st->key_area->code));
    if (key) {
        st->key_area = ost_fm_key_area_new(l->code, l->rest);
        g_ptr_array_add(st->map->key_areas, st->key_area);
        st->area = NULL;
    } else {
        if (st->key_area == NULL) {
            st->key_area = ost_fm_key_area_new(NULL, NULL);
            g_ptr_array_add(st->map->key_areas, st->key_area);
        }
        st->area = ost_fm_area_new(l->code, l->rest);
        g_ptr_array_add(st->key_area->areas, st->area);
    }
    st->function = NULL;
    st->role = NULL;
    st->in_map = TRUE;
    st->mode = M_NONE;
}

static void
unit_line(fm_state *st, guint i, const fm_line *l)
{
    if (st->mode == M_DETAILS)
        flush_details(st);
    ost_fm_unit *u = unit_for(st, l->code, l->rest);
    st->unit = u;
    if (next_kind(st, i) == FL_ROLES || st->mode == M_UNIT_ROLES) {
        st->role_unit = u;
        st->mode = M_UNIT_ROLES;
    } else if (st->in_map) {
        if (st->function == NULL)
            start_function(st, NULL);
        ost_strlist_add_unique(st->function->units, u->code);
        st->mode = M_FUNCTIONS;
    } else if (st->role != NULL) {
        ost_strlist_add_unique(st->role->units, u->code);
    }
}

static gboolean
is_no_reference(const char *ref)
{
    static ost_pattern no_reference = OST_PATTERN("^(none|n/?a|-+|–|—|not applicable)\\.?$", OST_CASELESS);
    return ref == NULL || ref[0] == '\0' ||
           __ost_pattern_match(&no_reference, ref);
}

static void
source_line(fm_state *st, guint *i, const fm_line *l)
{
    const char *ref = l->rest;
    /* "Source reference:" with its value on the next line. */
    if ((ref == NULL || ref[0] == '\0') && has_next(st, *i) && next_kind(st, *i) == FL_TEXT) {
        (*i)++;
        ref = g_array_index(st->lines, fm_line, *i).text;
    }
    if (st->unit != NULL && !is_no_reference(ref))
        ost_strlist_add_unique(st->unit->source_references, ref);
}

/* A heading that names the document rather than a role: the top heading,
 * or one that says it is a functional map. */
static gboolean
is_title(const fm_line *l)
{
    static ost_pattern map_name = OST_PATTERN("\\bfunctional map\\b", OST_CASELESS);
    return (l->heading && l->level <= 1) ||
           __ost_pattern_match(&map_name, l->text);
}

static void
text_line(fm_state *st, guint i, const fm_line *l)
{
    fl_kind next = next_kind(st, i);
    if (st->mode == M_DETAILS && next != FL_DETAILS) {
        if (st->details->len == 0) {
            st->details_line = l->line;
            st->details_page = l->page;
        } else if (l->runs_on) {
            ost_repairer_join(st->ctx->rep, st->details, l->text, NULL);
            return;
        } else {
            g_string_append(st->details, "\n\n");
        }
        g_string_append(st->details, l->text);
        return;
    }
    if (st->mode == M_UNIT_ROLES && next != FL_NOS && st->role_unit != NULL) {
        ost_strlist_add_unique(role_for(st, l->text)->units, st->role_unit->code);
        return;
    }
    if (st->in_map) {
        start_function(st, l->text);
        return;
    }
    if (st->map->title == NULL && st->map->roles->len == 0 && st->map->units->len == 0 &&
        is_title(l)) {
        st->map->title = g_strdup(l->text);
        return;
    }
    if (next == FL_NOS || (next == FL_UNIT && st->mode != M_UNIT_ROLES)) {
        st->role = role_for(st, l->text);
        st->mode = M_ROLE_UNITS;
    } else if (__ost_text_ends_sentence(l->text) && !__ost_text_is_placeholder(l->text)) {
        /* Prose about the map (its introduction): the model has no field
         * for it. Names standing alone (a publisher's banner) are not
         * reported. */
        char *where = l->page > 0 ? g_strdup_printf("page %d", l->page)
                      : l->line > 0 ? g_strdup_printf("line %d", l->line)
                                    : NULL;
        char *start = __ost_excerpt(l->text, 40);
        ost_doc_warn(st->ctx->doc, "unplaced_content", where,
                     "Text outside the map's roles, areas and units (%ld characters, \"%s\") "
                     "has no field; it is left out", __ost_text_len(l->text), start);
        g_free(start);
        g_free(where);
    }
}

static void
walk(fm_state *st)
{
    for (guint i = 0; i < st->lines->len; i++) {
        const fm_line *l = &g_array_index(st->lines, fm_line, i);
        switch (l->kind) {
        case FL_SOURCE:
            source_line(st, &i, l);
            break;
        case FL_NOS:
            flush_details(st);
            st->mode = st->function != NULL ? M_FUNCTIONS
                       : st->role != NULL  ? M_ROLE_UNITS
                                           : st->mode;
            break;
        case FL_ROLES:
            flush_details(st);
            if (st->unit != NULL) {
                st->role_unit = st->unit;
                st->mode = M_UNIT_ROLES;
            }
            break;
        case FL_AREAS:
        case FL_FUNCTIONS:
            flush_details(st);
            st->function = NULL;
            st->mode = M_NONE;
            break;
        case FL_DETAILS:
            flush_details(st);
            st->mode = M_DETAILS;
            break;
        case FL_AREA_CODE:
            if (st->in_map || next_kind(st, i) == FL_AREAS || next_kind(st, i) == FL_FUNCTIONS ||
                l->heading)
                area_line(st, i, l);
            else
                text_line(st, i, l);
            break;
        case FL_UNIT:
            unit_line(st, i, l);
            break;
        case FL_TEXT:
            text_line(st, i, l);
            break;
        case FL_ROLE_ROW: {
            ost_fm_role *r = role_for(st, l->text);
            for (guint c = 0; c < l->codes->len; c++)
                ost_strlist_add_unique(r->units,
                                       unit_for(st, g_ptr_array_index(l->codes, c), NULL)->code);
            break;
        }
        }
    }
    flush_details(st);
}

/* ---- after the walk ---------------------------------------------------- */

/* A space inside a word ("Commo n CS" for "Common CS") is an extraction
 * break. References are short codes, so the evidence is the document's own
 * references: two tokens are rejoined when the second starts lower case,
 * the joined token occurs in other references, and the first does not. */
static void
repair_references(fm_state *st)
{
    GHashTable *tokens = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint u = 0; u < st->map->units->len; u++) {
        const ost_fm_unit *unit = g_ptr_array_index(st->map->units, u);
        for (guint r = 0; r < unit->source_references->len; r++) {
            char **tok = g_strsplit(g_ptr_array_index(unit->source_references, r), " ", -1);
            for (guint t = 0; tok[t] != NULL; t++) {
                guint n = GPOINTER_TO_UINT(g_hash_table_lookup(tokens, tok[t]));
                g_hash_table_replace(tokens, g_strdup(tok[t]), GUINT_TO_POINTER(n + 1));
            }
            g_strfreev(tok);
        }
    }
    for (guint u = 0; u < st->map->units->len; u++) {
        ost_fm_unit *unit = g_ptr_array_index(st->map->units, u);
        for (guint r = 0; r < unit->source_references->len; r++) {
            char *ref = g_ptr_array_index(unit->source_references, r);
            char **tok = g_strsplit(ref, " ", -1);
            GString *fixed = g_string_new(NULL);
            gboolean changed = FALSE;
            for (guint t = 0; tok[t] != NULL; t++) {
                if (tok[t + 1] != NULL && g_unichar_islower(g_utf8_get_char(tok[t + 1]))) {
                    char *joined = g_strconcat(tok[t], tok[t + 1], NULL);
                    if (g_hash_table_contains(tokens, joined) &&
                        GPOINTER_TO_UINT(g_hash_table_lookup(tokens, tok[t])) <= 1) {
                        char *from = g_strdup_printf("%s %s", tok[t], tok[t + 1]);
                        ost_doc_add_repair(st->ctx->doc, "split_word", from, joined, 1);
                        g_free(from);
                        if (fixed->len > 0)
                            g_string_append_c(fixed, ' ');
                        g_string_append(fixed, joined);
                        g_free(joined);
                        changed = TRUE;
                        t++;
                        continue;
                    }
                    g_free(joined);
                }
                if (fixed->len > 0)
                    g_string_append_c(fixed, ' ');
                g_string_append(fixed, tok[t]);
            }
            if (changed) {
                g_free(ref);
                unit->source_references->pdata[r] = g_string_free(fixed, FALSE);
            } else {
                g_string_free(fixed, TRUE);
            }
            g_strfreev(tok);
        }
    }
    g_hash_table_destroy(tokens);
}

/* Skills for Justice maps name their publisher (often only in the site's
 * banner, so furniture counts here), or cite units it authored ("Source
 * reference: SfJ"); their units are in the NOS registers as "SFJ" + the
 * code without spaces. Other publishers' maps get no URN. */
static gboolean
is_skills_for_justice(const fm_state *st)
{
    static ost_pattern body_name = OST_PATTERN("\\bskills for justice\\b", OST_CASELESS);
    static ost_pattern body_initials = OST_PATTERN("^SfJ\\b", OST_CASELESS);
    const GPtrArray *items = st->ctx->blocks->items;
    for (guint i = 0; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->text != NULL &&
            __ost_pattern_match(&body_name, b->text))
            return TRUE;
    }
    for (guint i = 0; i < st->lines->len; i++) {
        const fm_line *l = &g_array_index(st->lines, fm_line, i);
        if (l->kind == FL_SOURCE && l->rest != NULL &&
            __ost_pattern_match(&body_initials, l->rest))
            return TRUE;
    }
    return FALSE;
}

static void
assign_urns(fm_state *st)
{
    if (!is_skills_for_justice(st))
        return;
    for (guint u = 0; u < st->map->units->len; u++) {
        ost_fm_unit *unit = g_ptr_array_index(st->map->units, u);
        GString *urn = g_string_new("SFJ");
        for (const char *p = unit->code; *p != '\0'; p++)
            if (*p != ' ')
                g_string_append_c(urn, *p);
        unit->nos_urn = g_string_free(urn, FALSE);
    }
}

static void
fm_line_clear(gpointer p)
{
    fm_line *l = p;
    g_free(l->text);
    g_free(l->code);
    g_free(l->rest);
    if (l->codes != NULL)
        g_ptr_array_unref(l->codes);
}

void
__ost_recognize_functional_map(rec_ctx *ctx)
{
    fm_state st = {0};
    st.ctx = ctx;
    st.map = ost_functional_map_new();
    st.lines = g_array_new(FALSE, TRUE, sizeof(fm_line));
    g_array_set_clear_func(st.lines, fm_line_clear);
    st.units = g_hash_table_new(g_str_hash, g_str_equal);
    st.details = g_string_new(NULL);

    collect_lines(&st);
    walk(&st);
    repair_references(&st);
    assign_urns(&st);

    if (st.map->roles->len + st.map->key_areas->len + st.map->units->len > 0)
        g_ptr_array_add(ctx->doc->functional_maps, st.map);
    else
        ost_functional_map_free(st.map);
    g_string_free(st.details, TRUE);
    g_hash_table_destroy(st.units);
    g_array_free(st.lines, TRUE);
}
