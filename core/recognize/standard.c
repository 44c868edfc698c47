/* SPDX-License-Identifier: MIT */
/* Recognising standards, proposals and legacy standards in a block stream. */
#include "pattern.h"
#include "chrome.h"
#include "duties.h"
#include "sections.h"
#include "unplaced.h"

#include <string.h>

enum {
    F_IGNORE, F_REFERENCE, F_VERSION, F_TITLE, F_STATUS, F_LEVEL, F_ROUTE, F_PATHWAY,
    F_CLUSTER, F_OCCUPATION_CODE, F_CORE_OPTIONS, F_DURATION, F_TARGET_DATE,
    F_RESUBMISSION, F_REPLACES_FRAMEWORK, F_PROFESSIONAL_RECOGNITION, F_OVERVIEW,
    F_SUMMARY, F_PROFILE, F_JOB_TITLES, F_ENTRY, F_DUTIES, F_KNOWLEDGE, F_SKILLS,
    F_BEHAVIOURS, F_QUALIFICATIONS, F_ENGLISH_MATHS, F_MANDATED, F_CONSULTATION,
    F_PROGRESSION, F_SUBJECT_SECTOR, F_REVIEW, F_EMPLOYERS, F_EXTRA, F_REGISTRATION,
    F_APPROVAL_DATE,
};

/* The wordings of each field seen in IfATE / Skills England standards,
 * proposals, 2017-layout standards and their web pages, and the rewordings
 * synonym spinners make of them ("spun"). */
static const ost_label labels[] = {
    {F_REFERENCE, "reference", 0, 0},
    {F_REFERENCE, "reference number", 0, 0},
    {F_REFERENCE, "reference no", 0, 0},
    {F_REFERENCE, "standard reference", 0, 0},
    {F_REFERENCE, "standard reference number", 0, 0},
    {F_REFERENCE, "reference quantity", 0, TRUE},
    {F_REFERENCE, "reference amount", 0, TRUE},
    {F_VERSION, "version", 0, 0},
    {F_VERSION, "version number", 0, 0},
    {F_TITLE, "title", 0, 0},
    {F_TITLE, "standard title", 0, 0},
    {F_TITLE, "occupation title", 0, 0},
    {F_TITLE, "apprenticeship title", 0, 0},
    {F_TITLE, "name of occupation", 0, 0},
    {F_TITLE, "occupation name", 0, 0},
    {F_STATUS, "status", 0, 0},
    {F_STATUS, "standard status", 0, 0},
    {F_LEVEL, "level", 0, 0},
    {F_LEVEL, "level of occupation", 0, 0},
    {F_LEVEL, "occupational level", 0, 0},
    {F_LEVEL, "apprenticeship level", 0, 0},
    {F_LEVEL, "level of apprenticeship", 0, 0},
    {F_LEVEL, "stage", 0, TRUE},
    {F_LEVEL, "degree", 0, TRUE},
    {F_ROUTE, "route", 0, 0},
    {F_ROUTE, "occupational route", 0, 0},
    {F_PATHWAY, "pathway", 0, 0},
    {F_PATHWAY, "occupational pathway", 0, 0},
    {F_CLUSTER, "cluster", 0, 0},
    {F_CLUSTER, "occupational cluster", 0, 0},
    {F_OCCUPATION_CODE, "occupation code", 0, 0},
    {F_OCCUPATION_CODE, "occupation reference", 0, 0},
    {F_CORE_OPTIONS, "core and options", 0, 0},
    {F_CORE_OPTIONS, "core and option", 0, 0},
    {F_CORE_OPTIONS, "core and options", OST_LABEL_QUESTION, 0},
    {F_DURATION, "duration", 0, 0},
    {F_DURATION, "typical duration", 0, 0},
    {F_DURATION, "typical duration of apprenticeship", 0, 0},
    {F_DURATION, "typical duration to gateway", 0, 0},
    {F_DURATION, "typical duration to end-point assessment", 0, 0},
    {F_DURATION, "typical duration to end point assessment", 0, 0},
    {F_DURATION, "typical duration to epa", 0, 0},
    {F_DURATION, "duration to end-point assessment", 0, 0},
    {F_DURATION, "duration to end point assessment", 0, 0},
    {F_DURATION, "typical apprenticeship duration", 0, 0},
    {F_DURATION, "typical length of apprenticeship", 0, 0},
    {F_DURATION, "duration of apprenticeship", 0, 0},
    {F_DURATION, "apprenticeship duration", 0, 0},
    {F_DURATION, "typical length", 0, 0},
    {F_DURATION, "length", 0, TRUE},
    {F_DURATION, "period", 0, TRUE},
    {F_DURATION, "size", 0, TRUE},
    {F_TARGET_DATE, "target date for approval", 0, 0},
    {F_TARGET_DATE, "target approval date", 0, 0},
    {F_TARGET_DATE, "target date", 0, 0},
    {F_RESUBMISSION, "resubmission", 0, 0},
    {F_RESUBMISSION, "is this a resubmission", 0, 0},
    {F_REPLACES_FRAMEWORK, "replace an existing framework", OST_LABEL_QUESTION, 0},
    {F_REPLACES_FRAMEWORK, "replaces an existing framework", OST_LABEL_QUESTION, 0},
    {F_REPLACES_FRAMEWORK, "replaces framework", 0, 0},
    {F_PROFESSIONAL_RECOGNITION, "professional recognition", OST_LABEL_QUESTION, 0},
    {F_PROFESSIONAL_RECOGNITION, "professional recognition", 0, 0},
    {F_REGISTRATION, "link to professional registration", 0, 0},
    {F_REGISTRATION, "professional registration", 0, 0},
    {F_REGISTRATION, "professional body recognition", 0, 0},
    {F_OVERVIEW, "overview of the role", 0, 0},
    {F_OVERVIEW, "role overview", 0, 0},
    {F_SUMMARY, "occupation summary", 0, 0},
    {F_SUMMARY, "occupational summary", 0, 0},
    {F_SUMMARY, "summary of the occupation", 0, 0},
    {F_SUMMARY, "role profile", 0, 0},
    {F_PROFILE, "occupational profile", 0, 0},
    {F_PROFILE, "occupation profile", 0, 0},
    {F_PROFILE, "occupational abstract", 0, TRUE},
    {F_JOB_TITLES, "typical job titles", 0, 0},
    {F_JOB_TITLES, "typical job titles include", 0, 0},
    {F_JOB_TITLES, "job titles", 0, 0},
    {F_JOB_TITLES, "example job titles", 0, 0},
    {F_JOB_TITLES, "job titles", OST_LABEL_INTRO, 0},
    {F_ENTRY, "entry requirements", 0, 0},
    {F_ENTRY, "entry requirement", 0, 0},
    {F_ENTRY, "typical entry requirements", 0, 0},
    {F_ENTRY, "entry criteria", 0, 0},
    {F_ENTRY, "entry necessities", 0, TRUE},
    {F_ENTRY, "entry conditions", 0, TRUE},
    {F_ENTRY, "entry standards", 0, TRUE},
    {F_DUTIES, "duties", 0, 0},
    {F_DUTIES, "occupation duties", 0, 0},
    {F_DUTIES, "occupational duties", 0, 0},
    {F_DUTIES, "main duties", 0, 0},
    {F_DUTIES, "key duties", 0, 0},
    {F_DUTIES, "typical duties", 0, 0},
    {F_DUTIES, "duties and tasks", 0, 0},
    {F_DUTIES, "duties", OST_LABEL_INTRO, 0},
    {F_KNOWLEDGE, "knowledge", 0, 0},
    {F_KNOWLEDGE, "required knowledge", 0, 0},
    {F_KNOWLEDGE, "knowledge requirements", 0, 0},
    {F_KNOWLEDGE, "data", 0, TRUE},
    {F_KNOWLEDGE, "information", 0, TRUE},
    {F_KNOWLEDGE, "information and facts", 0, TRUE},
    {F_SKILLS, "skills", 0, 0},
    {F_SKILLS, "required skills", 0, 0},
    {F_SKILLS, "skill requirements", 0, 0},
    {F_SKILLS, "expertise", 0, TRUE},
    {F_SKILLS, "abilities", 0, TRUE},
    {F_SKILLS, "talents", 0, TRUE},
    {F_SKILLS, "competencies", 0, TRUE},
    {F_BEHAVIOURS, "behaviours", 0, 0},
    {F_BEHAVIOURS, "behaviors", 0, 0},
    {F_BEHAVIOURS, "required behaviours", 0, 0},
    {F_BEHAVIOURS, "attitudes and behaviours", 0, 0},
    {F_BEHAVIOURS, "behaviour", 0, 0},
    {F_BEHAVIOURS, "conduct", 0, TRUE},
    {F_BEHAVIOURS, "behavioural traits", 0, TRUE},
    {F_QUALIFICATIONS, "qualifications", 0, 0},
    {F_QUALIFICATIONS, "qualification", 0, 0},
    {F_QUALIFICATIONS, "mandatory qualifications", 0, 0},
    {F_QUALIFICATIONS, "mandated qualifications", 0, 0},
    {F_QUALIFICATIONS, "qualifications required", 0, 0},
    {F_QUALIFICATIONS, "approved qualifications", 0, 0},
    {F_ENGLISH_MATHS, "english and maths", 0, 0},
    {F_ENGLISH_MATHS, "english and mathematics", 0, 0},
    {F_ENGLISH_MATHS, "english and maths qualifications", 0, 0},
    {F_ENGLISH_MATHS, "functional skills", 0, 0},
    {F_ENGLISH_MATHS, "english and arithmetic", 0, TRUE},
    {F_ENGLISH_MATHS, "useful expertise", 0, TRUE},
    {F_ENGLISH_MATHS, "useful skills", 0, TRUE},
    {F_MANDATED, "mandated qualification", OST_LABEL_QUESTION, 0},
    {F_MANDATED, "mandatory qualification", OST_LABEL_QUESTION, 0},
    {F_CONSULTATION, "consultation", 0, 0},
    {F_CONSULTATION, "employer consultation", 0, 0},
    {F_PROGRESSION, "progression routes", 0, 0},
    {F_PROGRESSION, "progression route", 0, 0},
    {F_PROGRESSION, "progression", 0, 0},
    {F_SUBJECT_SECTOR, "subject sector area", 0, 0},
    {F_SUBJECT_SECTOR, "sector subject area", 0, 0},
    {F_REVIEW, "review", 0, 0},
    {F_REVIEW, "review date", 0, 0},
    {F_REVIEW, "assessment date", 0, TRUE},
    {F_REVIEW, "evaluation date", 0, TRUE},
    {F_REVIEW, "overview date", 0, TRUE},
    {F_EMPLOYERS, "involved employers", 0, 0},
    {F_EMPLOYERS, "employers involved", 0, 0},
    {F_EMPLOYERS, "employers involved in creating the standard", 0, 0},
    {F_EMPLOYERS, "employers involved in developing the standard", 0, 0},
    {F_EMPLOYERS, "trailblazer employers", 0, 0},
    {F_EMPLOYERS, "trailblazer members", 0, 0},
    {F_EXTRA, "date updated", 0, 0},
    {F_EXTRA, "last updated", 0, 0},
    {F_EXTRA, "maximum funding", 0, 0},
    {F_EXTRA, "funding band", 0, 0},
    {F_EXTRA, "regulated occupation", 0, 0},
    {F_APPROVAL_DATE, "approved for delivery", 0, 0},
    {F_APPROVAL_DATE, "date approved for delivery", 0, 0},
    {F_EXTRA, "assessment plan", 0, 0},
    {F_EXTRA, "eqa provider", 0, 0},
    {F_EXTRA, "lars code", 0, 0},
    {F_EXTRA, "trailblazer contact", 0, 0},
    {F_EXTRA, "earliest start date", 0, 0},
    {F_EXTRA, "latest start date", 0, 0},
    {F_IGNORE, "ksbs", 0, 0},
    {F_IGNORE, "knowledge, skills and behaviours", 0, 0},
    {F_IGNORE, "occupational maps data", 0, 0},
    {F_IGNORE, "key information", 0, 0},
    {F_IGNORE, "details of the occupational standard", 0, 0},
    {F_IGNORE, "details of standard", 0, 0},
    {F_IGNORE, "supporting uploads", 0, 0},
    {F_IGNORE, "version log", 0, 0},
    {F_IGNORE, "contents", 0, 0},
};

static gboolean
single_field(int field)
{
    switch (field) {
    case F_REFERENCE: case F_VERSION: case F_TITLE: case F_STATUS: case F_LEVEL:
    case F_ROUTE: case F_PATHWAY: case F_CLUSTER: case F_OCCUPATION_CODE:
    case F_CORE_OPTIONS: case F_DURATION: case F_TARGET_DATE:
    case F_REPLACES_FRAMEWORK: case F_PROFESSIONAL_RECOGNITION: case F_MANDATED:
    case F_SUBJECT_SECTOR: case F_EXTRA: case F_APPROVAL_DATE:
        return TRUE;
    default:
        return FALSE;
    }
}

/* Short free-text values: a name, not a sentence or a list of sections. */
static gboolean
short_value(const char *line)
{
    return __ost_text_len(line) <= 120 && !__ost_text_ends_sentence(line);
}

static gboolean
is_value(int field, const char *line)
{
    static ost_pattern reference_code = OST_PATTERN("^(ST|OCC)\\d{4}\\b", 0);
    static ost_pattern version_number = OST_PATTERN("^v?\\d+(\\.\\d+)*$", OST_CASELESS);
    switch (field) {
    case F_REFERENCE:
        return __ost_pattern_match(&reference_code, line);
    case F_VERSION:
        return __ost_pattern_match(&version_number, line);
    case F_LEVEL:
        return __ost_parse_level(line) > 0;
    case F_DURATION:
        return __ost_parse_duration_months(line) > 0;
    case F_TARGET_DATE: case F_APPROVAL_DATE: {
        char *d = __ost_parse_date(line);
        g_free(d);
        return d != NULL;
    }
    case F_CORE_OPTIONS: case F_REPLACES_FRAMEWORK: case F_PROFESSIONAL_RECOGNITION:
    case F_MANDATED:
        return __ost_parse_yes_no(line, NULL) != OST_UNSET;
    default:
        return short_value(line) || __ost_text_len(line) <= 60;
    }
}

static const ost_section_rules rules = {labels, G_N_ELEMENTS(labels), single_field, is_value};

typedef struct std_ctx {
    rec_ctx *rc;
    ost_standard *s;
    ost_layout layout;
    gboolean profile_layout;   /* the 2017 template's "Occupational profile" */
    gboolean legacy_stated;    /* "This is a legacy standard." */
    gboolean body_started;     /* past the key facts, into the standard's sections */
    gboolean occupation_page;  /* the page's own reference is an occupation's (OCC) */
    GHashTable *more_text;     /* char **field -> GString: text for it seen again */
} std_ctx;

static GPtrArray *
paragraphs(std_ctx *c, const ost_section *sec)
{
    return __ost_section_paragraphs(sec, &c->layout, c->rc->rep, c->rc->doc);
}

/* Placeholder text is no value: warn and keep null. */
static void
set_text(std_ctx *c, char **field, char *text, const ost_section *sec, const char *what)
{
    if (text == NULL)
        return;
    if (__ost_text_is_placeholder(text)) {
        char *where = __ost_block_where(sec->start);
        ost_doc_warn(c->rc->doc, "placeholder_text", where,
                     "The %s holds placeholder text only; it is left empty", what);
        g_free(where);
        g_free(text);
        return;
    }
    if (*field == NULL) {
        *field = text;
        return;
    }
    /* Joined once at the end (join_more_text): joining at every repeat was
     * quadratic in a text that repeats its sections. */
    if (c->more_text == NULL)
        c->more_text = g_hash_table_new(NULL, NULL);
    GString *more = g_hash_table_lookup(c->more_text, field);
    if (more == NULL)
        g_hash_table_insert(c->more_text, field, more = g_string_new(NULL));
    g_string_append(g_string_append(more, "\n\n"), text);
    g_free(text);
}

static void
join_more_text(std_ctx *c)
{
    if (c->more_text == NULL)
        return;
    GHashTableIter it;
    gpointer field, more;
    g_hash_table_iter_init(&it, c->more_text);
    while (g_hash_table_iter_next(&it, &field, &more)) {
        GString *joined = g_string_prepend(more, *(char **)field);
        g_free(*(char **)field);
        *(char **)field = g_string_free(joined, FALSE);
    }
    g_hash_table_destroy(c->more_text);
}

static char *
section_text(std_ctx *c, const ost_section *sec)
{
    GPtrArray *paras = paragraphs(c, sec);
    char *text = __ost_paras_join(paras, 0);
    g_ptr_array_unref(paras);
    return text;
}

/* ---- Lists: KSBs, duties, job titles --------------------------------- */

static GPtrArray *
ksb_list(ost_standard *s, char letter)
{
    return letter == 'K' ? s->knowledge : letter == 'S' ? s->skills : s->behaviours;
}

static void
add_ksb(std_ctx *c, GPtrArray *list, char *id, char *title, char *text, gboolean derived,
        const ost_block *where)
{
    for (guint i = 0; id != NULL && !derived && i < list->len; i++) {
        ost_ksb *k = g_ptr_array_index(list, i);
        if (k->id != NULL && strcmp(k->id, id) == 0) {
            char *w = __ost_block_where(where);
            ost_doc_warn(c->rc->doc, "ksb_duplicate", w,
                         "%s is defined more than once; the first definition is kept", id);
            g_free(w);
            g_free(id);
            g_free(title);
            g_free(text);
            return;
        }
    }
    ost_ksb *k = ost_ksb_new(NULL, NULL, NULL);
    k->id = id;
    k->title = title;
    k->text = __ost_chrome_strip_back_link(text);
    k->id_derived = derived;
    g_ptr_array_add(list, k);
}

/* A name standing above its statement ("Taking responsibility"): short,
 * no full stop. */
static gboolean
looks_like_title(const char *para)
{
    int words = 1;
    for (const char *p = para; *p != '\0'; p++)
        words += *p == ' ';
    return words <= 8 && !__ost_text_ends_sentence(para) && __ost_text_len(para) <= 80;
}

/* "Taking responsibility – drive to achieve ...", "Integrity: Acts fairly
 * ...": a behaviour's name before a dash or colon becomes its title. */
static void
split_named(char **title, char **text)
{
    if (*title != NULL || *text == NULL)
        return;
    const char *value = NULL;
    static const char *const seps[] = {": ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "};
    const char *best = NULL;
    for (gsize i = 0; i < G_N_ELEMENTS(seps); i++) {
        const char *p = strstr(*text, seps[i]);
        if (p != NULL && (best == NULL || p < best)) {
            best = p;
            value = p + strlen(seps[i]);
        }
    }
    if (best == NULL || *value == '\0')
        return;
    char *name = g_strndup(*text, best - *text);
    int words = 1;
    for (const char *p = name; *p != '\0'; p++)
        words += *p == ' ';
    /* "Takes ownership of own work: follows it through" is one sentence:
     * after a colon, a name longer than a few words needs a capital. */
    gboolean sentence = best[0] == ':' && words > 3 && !g_unichar_isupper(g_utf8_get_char(value));
    if (words <= 5 && !sentence && g_unichar_isupper(g_utf8_get_char(name)) &&
        strpbrk(name, ".,;(") == NULL) {
        char *rest = __ost_text_clean(value);
        g_free(*text);
        *text = rest;
        *title = name;
        return;
    }
    g_free(name);
}

/* "Team working" on a line of its own above the statement ("Works
 * collaboratively with ..."): a short name, no sentence, set in bold or
 * clearly shorter than the line after it, which starts a sentence. @all is
 * the whole statement, its first @head_len bytes that line. */
static void
split_head(char **title, char **text, const char *all, gsize head_len, glong next_len,
           gboolean bold)
{
    if (*title != NULL || head_len == 0 || head_len >= strlen(all))
        return;
    char *line = g_strndup(all, head_len);
    char *head = __ost_text_clean(line);
    char *body = __ost_text_clean(all + head_len);
    g_free(line);
    int words = 1;
    for (const char *p = head != NULL ? head : ""; *p != '\0'; p++)
        words += *p == ' ';
    if (head != NULL && body != NULL && words <= 6 && looks_like_title(head) &&
        strpbrk(head, ":,;(") == NULL && g_unichar_isupper(g_utf8_get_char(head)) &&
        g_unichar_isupper(g_utf8_get_char(body)) && (bold || __ost_text_len(head) * 2 <= next_len)) {
        g_free(*text);
        *text = body;
        *title = head;
        return;
    }
    g_free(head);
    g_free(body);
}

/* "K3": the id of the third statement without a code. */
static char *
derived_id(char letter, guint n)
{
    char buf[16];
    char *p = buf + sizeof buf;
    *--p = '\0';
    do {
        *--p = (char)('0' + n % 10);
        n /= 10;
    } while (n > 0);
    *--p = letter;
    return g_strdup(p);
}

static void
parse_uncoded_ksbs(std_ctx *c, const ost_section *sec, char letter, GPtrArray *paras)
{
    GPtrArray *list = ksb_list(c->s, letter);
    guint n = list->len;
    for (guint i = 0; i < paras->len; i++) {
        const char *p = g_ptr_array_index(paras, i);
        const char *item = __ost_text_after_bullet(p);
        if (item == NULL)
            item = p;
        if (i == 0 && __ost_text_is_intro(item))
            continue;
        char *title = NULL;
        /* Named statements: a title paragraph, then its text. */
        if (looks_like_title(item) && i + 1 < paras->len &&
            !looks_like_title(g_ptr_array_index(paras, i + 1))) {
            title = g_strdup(item);
            item = g_ptr_array_index(paras, ++i);
        }
        char *id = derived_id(letter, ++n);
        char *text = g_strdup(item);
        if (letter == 'B')
            split_named(&title, &text);
        add_ksb(c, list, id, title, text, TRUE, sec->start);
    }
}

/* KSB statements: coded ("K1: text", rows [K1, text]) with their wrapped
 * lines, or, when the source gives no codes, one per paragraph or item. */
static void
parse_ksbs(std_ctx *c, const ost_section *sec, char letter)
{
    char *id = NULL;
    const ost_block *id_block = NULL;
    gboolean coded = FALSE;
    for (guint i = 0; i < sec->n_blocks && !coded; i++) {
        const ost_block *b = sec->blocks[i];
        char *code = NULL;
        const char *rest;
        const char *t = b->kind == OST_BLOCK_ROW && b->cells->len > 0 ? g_ptr_array_index(b->cells, 0)
                                                                       : b->text;
        if (t != NULL && __ost_parse_coded(t, &code, &rest))
            coded = TRUE;
        else if (t != NULL && __ost_is_bare_code(t))
            coded = TRUE;
        g_free(code);
    }
    if (!coded) {
        GPtrArray *paras = __ost_section_unpointed_items(sec, c->rc->rep, c->rc->doc);
        if (paras == NULL)
            paras = paragraphs(c, sec);
        parse_uncoded_ksbs(c, sec, letter, paras);
        g_ptr_array_unref(paras);
        return;
    }

    /* Coded statements: a code starts one; lines without a code continue
     * it, across the blank lines and page breaks of extracted text. */
    GString *text = g_string_new(NULL);
    /* The statement's first line, for a name standing on it alone. */
    gsize head_len = 0;
    glong next_len = 0;
    gboolean head_bold = FALSE;
    for (guint i = 0; i <= sec->n_blocks; i++) {
        const ost_block *b = i < sec->n_blocks ? sec->blocks[i] : NULL;
        char *code = NULL;
        char *row_rest = NULL;
        const char *rest = NULL;
        if (b != NULL && (b->kind == OST_BLOCK_BREAK || b->text == NULL))
            continue;
        if (b != NULL && b->kind == OST_BLOCK_ROW && b->cells->len >= 2) {
            char *c0 = __ost_text_clean(g_ptr_array_index(b->cells, 0));
            if (c0 != NULL && __ost_is_bare_code(c0)) {
                code = c0;
                GString *r = g_string_new(NULL);
                for (guint k = 1; k < b->cells->len; k++)
                    g_string_append_printf(r, "%s%s", r->len ? " " : "",
                                           (char *)g_ptr_array_index(b->cells, k));
                rest = row_rest = g_string_free(r, FALSE);
            } else {
                g_free(c0);
            }
        }
        /* A row whose first cell is not a code alone is a line that a tab
         * split ("K2: tab<TAB>here"): its code leads its text. */
        if (code == NULL && b != NULL && !__ost_parse_coded(b->text, &code, &rest) &&
                   __ost_is_bare_code(b->text)) {
            /* A code on its own line or heading, its text below. */
            code = __ost_text_clean(b->text);
            rest = "";
        }
        if (b == NULL || code != NULL) {
            if (id != NULL) {
                char *t = __ost_text_clean(text->str);
                char *title = NULL;
                if (id[0] == 'B') {
                    split_head(&title, &t, text->str, head_len, next_len, head_bold);
                    split_named(&title, &t);
                }
                add_ksb(c, ksb_list(c->s, id[0]), id, title, t != NULL ? t : g_strdup(""), FALSE,
                        id_block);
                g_string_truncate(text, 0);
            }
            id = code;
            id_block = b;
            rest = rest != NULL ? rest : "";
            head_len = 0;
            next_len = 0;
            head_bold = b != NULL && (b->flags & OST_BLOCK_BOLD);
        }
        if (id == NULL) {
            g_free(row_rest);
            continue; /* an intro before the first statement */
        }
        /* Continuation lines join the statement as one wrapped text; a
         * cell's lines are its own. */
        const char *chunk = code != NULL ? rest : b->text;
        const char *nl = code != NULL ? strchr(chunk, '\n') : NULL;
        char *first = nl != NULL ? g_strndup(chunk, nl - chunk) : NULL;
        const char *parts[] = {first != NULL ? first : chunk, nl != NULL ? nl + 1 : NULL};
        for (gsize k = 0; k < G_N_ELEMENTS(parts) && parts[k] != NULL; k++) {
            char *t = __ost_text_clean(parts[k]);
            if (t != NULL && head_len > 0 && next_len == 0) {
                const char *end = strchr(parts[k], '\n');
                next_len = end != NULL ? g_utf8_strlen(parts[k], end - parts[k]) : __ost_text_len(t);
            }
            if (t != NULL)
                ost_repairer_join(c->rc->rep, text, t, c->rc->doc);
            if (head_len == 0)
                head_len = text->len;
            g_free(t);
        }
        g_free(first);
        g_free(row_rest);
    }
    g_string_free(text, TRUE);
}

static gboolean
connector(const char *word)
{
    static const char *const words[] = {"of", "and", "for", "in", "the", "to", "&", "with",
                                        "on", "at", "a", "an", "or", NULL};
    for (int i = 0; words[i] != NULL; i++)
        if (g_ascii_strcasecmp(word, words[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Job titles written in sentence case and run together on one line
 * ("Safeguarding advisor Safeguarding assistant"): a capitalised word after
 * a lower-case one starts the next title. Title-case names stay whole. */
static void
split_run_together(GPtrArray *out, const char *line)
{
    char **words = g_strsplit(line, " ", -1);
    guint n = g_strv_length(words);
    GPtrArray *pieces = g_ptr_array_new_with_free_func(g_free);
    GString *cur = g_string_new(NULL);
    gboolean all_multiword = TRUE;
    guint cur_words = 0;
    for (guint i = 0; i < n; i++) {
        gunichar first = g_utf8_get_char(words[i]);
        if (i > 0 && g_unichar_isupper(first)) {
            gunichar prev = g_utf8_get_char(words[i - 1]);
            if (g_unichar_islower(prev) && !connector(words[i - 1])) {
                all_multiword &= cur_words >= 2;
                g_ptr_array_add(pieces, g_strdup(cur->str));
                g_string_truncate(cur, 0);
                cur_words = 0;
            }
        }
        if (cur->len > 0)
            g_string_append_c(cur, ' ');
        g_string_append(cur, words[i]);
        cur_words++;
    }
    all_multiword &= cur_words >= 2;
    g_ptr_array_add(pieces, g_string_free(cur, FALSE));
    if (all_multiword) {
        for (guint i = 0; i < pieces->len; i++)
            ost_strlist_add_unique(out, g_ptr_array_index(pieces, i));
    } else {
        ost_strlist_add_unique(out, line);
    }
    g_ptr_array_unref(pieces);
    g_strfreev(words);
}

static void
parse_job_titles(std_ctx *c, const ost_section *sec)
{
    GPtrArray *paras = paragraphs(c, sec);
    for (guint i = 0; i < paras->len; i++) {
        const char *p = g_ptr_array_index(paras, i);
        const char *item = __ost_text_after_bullet(p);
        if (item == NULL)
            item = p;
        if (__ost_text_is_intro(item))
            continue;
        GPtrArray *parts = __ost_split_list(item);
        if (parts->len > 1) {
            for (guint k = 0; k < parts->len; k++)
                ost_strlist_add_unique(c->s->typical_job_titles, g_ptr_array_index(parts, k));
        } else if (parts->len == 1) {
            split_run_together(c->s->typical_job_titles, g_ptr_array_index(parts, 0));
        }
        g_ptr_array_unref(parts);
    }
    g_ptr_array_unref(paras);
}

/* ---- Scalars ------------------------------------------------------------ */

static gboolean
set_yes_no(ost_tristate *field, const char *value)
{
    ost_tristate t = __ost_parse_yes_no(value, NULL);
    if (t != OST_UNSET && *field == OST_UNSET)
        *field = t;
    return t != OST_UNSET;
}

static void
set_first(char **field, const char *value)
{
    if (*field == NULL && value != NULL)
        *field = __ost_text_clean(value);
}

/* "This standard will be reviewed after 3 years." -> "after 3 years". */
static char *
review_text(const char *text)
{
    static ost_pattern review_period = OST_PATTERN("(?i)\\b(after|within|every)\\s+\\S+\\s+(years?|months?)\\b", 0);
    char *when = __ost_pattern_group(&review_period, text, 0);
    return when != NULL ? when : g_strdup(text);
}

static void
add_extra(std_ctx *c, const char *key, const char *value)
{
    if (key == NULL || value == NULL || __ost_extra_find(c->s->extra, key) != NULL)
        return;
    char *k = __ost_extra_key(key);
    char *v = __ost_text_clean(value);
    if (k != NULL && v != NULL && __ost_extra_find(c->s->extra, k) == NULL)
        g_ptr_array_add(c->s->extra, ost_pair_new(k, v));
    g_free(k);
    g_free(v);
}

/* A fact whose value its field cannot hold ("Level: Foundation",
 * "Duration: varies") is kept as written, unless it is filler. */
static void
unparsed(std_ctx *c, const ost_section *sec)
{
    if (!__ost_text_is_placeholder(sec->value))
        add_extra(c, sec->label_text, sec->value);
}

static char *status_from_line(const char *line);

static void
set_single(std_ctx *c, const ost_section *sec)
{
    static ost_pattern version_number = OST_PATTERN("\\d+(\\.\\d+)*", 0);
    static ost_pattern duration_range = OST_PATTERN("\\d\\s*(?:to|-|–|—|or)\\s*\\d+\\s*(?:years?|yrs?|months?|mths?)\\b", OST_CASELESS);
    ost_standard *s = c->s;
    const char *v = sec->value;
    /* "Approved for delivery" with no date after it is the status itself,
     * set as a tag or a bold line. */
    if (v == NULL && sec->field == F_APPROVAL_DATE && s->status == NULL)
        s->status = status_from_line(sec->label_text);
    if (v == NULL)
        return;
    switch (sec->field) {
    case F_REFERENCE: {
        char *st = __ost_standard_reference_in(v);
        char *occ = __ost_occupation_code_in(v);
        if (st == NULL && occ == NULL)
            unparsed(c, sec);
        if (st != NULL && s->reference == NULL)
            s->reference = g_steal_pointer(&st);
        if (occ != NULL && s->reference == NULL && s->occupation_code == NULL)
            c->occupation_page = TRUE;
        if (occ != NULL && s->occupation_code == NULL)
            s->occupation_code = g_steal_pointer(&occ);
        g_free(st);
        g_free(occ);
        break;
    }
    case F_OCCUPATION_CODE:
        if (s->occupation_code == NULL &&
            (s->occupation_code = __ost_occupation_code_in(v)) == NULL)
            unparsed(c, sec);
        break;
    case F_VERSION:
        if (s->version == NULL && (s->version = __ost_pattern_group(&version_number, v, 0)) == NULL)
            unparsed(c, sec);
        break;
    case F_TITLE: set_first(&s->title, v); break;
    case F_STATUS: set_first(&s->status, v); break;
    case F_LEVEL:
        if (s->level == 0 && (s->level = __ost_parse_level(v)) == 0)
            unparsed(c, sec);
        /* A level already stated: a rarer wording ("Degree: Integrated
         * degree") is a fact of its own. */
        else if (sec->label != NULL && sec->label->spun && s->level != __ost_parse_level(v))
            unparsed(c, sec);
        break;
    case F_ROUTE: set_first(&s->route, v); break;
    case F_PATHWAY: set_first(&s->pathway, v); break;
    case F_CLUSTER: set_first(&s->cluster, v); break;
    case F_CORE_OPTIONS:
        if (!set_yes_no(&s->core_and_options, v))
            unparsed(c, sec);
        break;
    case F_REPLACES_FRAMEWORK:
        if (!set_yes_no(&s->replaces_framework, v))
            unparsed(c, sec);
        break;
    case F_PROFESSIONAL_RECOGNITION:
        if (!set_yes_no(&s->professional_recognition, v))
            unparsed(c, sec);
        break;
    case F_DURATION:
        if (s->typical_duration_months == 0) {
            s->typical_duration_months = __ost_parse_duration_months(v);
            /* A range ("18-24 months") gives its lower figure; the stated
             * span is kept beside it. */
            if (s->typical_duration_months > 0 &&
                __ost_pattern_match(&duration_range, v))
                add_extra(c, sec->label_text, v);
            else if (s->typical_duration_months == 0)
                unparsed(c, sec);
        }
        break;
    case F_TARGET_DATE:
        if (s->target_approval_date == NULL &&
            (s->target_approval_date = __ost_parse_date(v)) == NULL)
            unparsed(c, sec);
        break;
    case F_SUBJECT_SECTOR: set_first(&s->subject_sector_area, v); break;
    /* The mandated-qualification question outside the qualifications
     * section it usually closes. */
    case F_MANDATED:
    case F_EXTRA: case F_APPROVAL_DATE: add_extra(c, sec->label_text, v); break;
    default: break;
    }
}

/* ---- Title, status, stage ------------------------------------------------ */

/* The 2017 layout heads the text "<Title> Apprenticeship Standard" (copies
 * reword the last word): the words before "apprenticeship" are the title. */
static char *
title_from_heading_line(const char *line)
{
    static ost_pattern heading = OST_PATTERN(
        "^(\\S.{2,119}?)\\s+apprenticeship(?:\\s*[-–—:]?\\s*\\w+)?$", OST_CASELESS);
    char *t = __ost_text_clean(line);
    char *title = __ost_pattern_group(&heading, t, 1);
    g_free(t);
    return title;
}

static const char *const status_phrases[] = {
    "approved for delivery", "in development", "proposal in development",
    "in revision", "retired", "withdrawn", "approved", "standard published", NULL,
};

/* "This apprenticeship is in development ..." or a bare status line. */
static char *
status_from_line(const char *line)
{
    char *norm = __ost_label_norm(line);
    /* What follows the sentence's subject, looked for once. */
    const char *stated = NULL;
    if (g_str_has_prefix(norm, "this apprenticeship is "))
        stated = norm + strlen("this apprenticeship is ");
    else if (g_str_has_prefix(norm, "this standard is "))
        stated = norm + strlen("this standard is ");
    char *status = NULL;
    for (int i = 0; status_phrases[i] != NULL && status == NULL; i++) {
        const char *p = status_phrases[i];
        if (strcmp(norm, p) == 0 || (stated != NULL && g_str_has_prefix(stated, p))) {
            status = g_strdup(p);
            status[0] = g_ascii_toupper(status[0]);
        }
    }
    g_free(norm);
    return status;
}

/* A page's note that the standard is a legacy one ("This is a legacy
 * standard. It has been replaced ..."): its stage, not its content. */
static gboolean
legacy_statement(const char *line)
{
    static ost_pattern legacy = OST_PATTERN(
        "^\\W*this (?:is a|apprenticeship is a|standard is a) legacy (?:apprenticeship )?standard\\b",
        OST_CASELESS);
    return __ost_pattern_match(&legacy, line);
}

static void
loose_facts(std_ctx *c, const ost_section *sec)
{
    if (sec->before != NULL && c->s->title == NULL)
        c->s->title = title_from_heading_line(sec->before);
    for (guint i = 0; i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->text == NULL || b->kind == OST_BLOCK_BREAK)
            continue;
        if (c->s->title == NULL && sec->field != OST_SECTION_RESIDUE)
            c->s->title = title_from_heading_line(b->text);
        if (c->s->status == NULL)
            c->s->status = status_from_line(b->text);
        c->legacy_stated |= legacy_statement(b->text);
        /* Key facts written as running text under labels without a field
         * ("Funding band: 9"); in the body such lines are the text of
         * their section. */
        char *label = NULL, *value = NULL;
        if (!c->body_started && sec->field != OST_SECTION_RESIDUE &&
            __ost_loose_fact(b->text, &label, &value))
            add_extra(c, label, value);
        g_free(label);
        g_free(value);
    }
}

/* Text of a section that no field names: its paragraphs apart from the
 * facts loose_facts reads (a title line, a status line) and filler. */
static char *
unplaced_text(std_ctx *c, const ost_section *sec)
{
    /* The value on the label's own line or cell is the caller's. */
    ost_section body = *sec;
    body.value = NULL;
    GPtrArray *paras = paragraphs(c, &body);
    GString *out = g_string_new(NULL);
    for (guint i = 0; i < paras->len; i++) {
        const char *p = g_ptr_array_index(paras, i);
        char *title = title_from_heading_line(p);
        char *status = status_from_line(p);
        gboolean fact = title != NULL || status != NULL || legacy_statement(p) ||
                        (c->s->title != NULL && strcmp(p, c->s->title) == 0);
        g_free(title);
        g_free(status);
        char *label = NULL, *value = NULL;
        /* Facts above the body went to extra on their own (loose_facts). */
        fact |= !c->body_started && __ost_loose_fact(p, &label, &value);
        g_free(label);
        g_free(value);
        if (fact || __ost_text_is_placeholder(p) || __ost_text_residue(p, NULL) != NULL)
            continue;
        if (out->len > 0)
            g_string_append(out, "\n\n");
        g_string_append(out, p);
    }
    g_ptr_array_unref(paras);
    return g_string_free(out, out->len == 0);
}

/* Content the standard has no field for is kept, not dropped (see
 * unplaced.h). */
static void
keep_unplaced(std_ctx *c, const char *heading, const ost_section *sec)
{
    char *text = unplaced_text(c, sec);
    char *where = __ost_block_where(sec->start);
    __ost_keep_unplaced(c->s->extra, c->rc->doc, heading, text, where);
    g_free(where);
    g_free(text);
}

/* The stage follows from what the document asks and how it is laid out:
 * proposals answer the proposal form's questions; legacy standards use the
 * 2017 template (an "Occupational profile", statements without codes). */
static const char *
decide_stage(const std_ctx *c)
{
    const ost_standard *s = c->s;
    int proposal = (s->target_approval_date != NULL) + (s->resubmission != OST_UNSET) +
                   (s->replaces_framework != OST_UNSET) + (s->consultation != NULL) +
                   (s->progression_routes != NULL);
    if (proposal >= 2)
        return "proposal";
    gboolean derived = FALSE;
    GPtrArray *lists[] = {s->knowledge, s->skills, s->behaviours};
    for (gsize l = 0; l < G_N_ELEMENTS(lists); l++)
        for (guint i = 0; i < lists[l]->len; i++)
            derived |= ((ost_ksb *)g_ptr_array_index(lists[l], i))->id_derived;
    if (derived || c->profile_layout || c->legacy_stated)
        return "legacy_standard";
    return "standard";
}

/* ---- The whole document ------------------------------------------------- */

static void
text_field(std_ctx *c, const ost_section *sec, char **field, const char *what)
{
    set_text(c, field, section_text(c, sec), sec, what);
}

/* A section holding no text, only paragraph breaks. */
static gboolean
empty_section(const ost_section *sec)
{
    for (guint k = 0; k < sec->n_blocks; k++)
        if (sec->blocks[k]->kind != OST_BLOCK_BREAK)
            return FALSE;
    return sec->value == NULL;
}

/* One qualification of a list of approved ones: a heading naming it, then
 * only its own facts ("Awarding organisation: ...", "Qualification
 * level: 2"). Returns the index of its last section, or 0 when the
 * section at @p k is no such entry. The facts describe the qualification,
 * not the standard, so they are passed over. */
static guint
qualification_entry(GPtrArray *sections, guint k)
{
    static ost_pattern qualification_detail = OST_PATTERN("^(awarding (organi[sz]ation|body)|qualification (type|level|"
                                  "number|approved|reference)|ofqual)", OST_CASELESS);
    const ost_section *h = g_ptr_array_index(sections, k);
    if (h->field != OST_SECTION_HEADING || !empty_section(h))
        return 0;
    guint last = 0;
    for (guint j = k + 1; j < sections->len; j++) {
        const ost_section *f = g_ptr_array_index(sections, j);
        if (f->field == OST_SECTION_LOOSE && empty_section(f))
            continue;
        if (f->field != OST_SECTION_UNKNOWN || f->label_text == NULL ||
            !__ost_pattern_match(&qualification_detail, f->label_text))
            break;
        last = j;
    }
    return last;
}

/* The qualifications section with the subsections under it (English and
 * maths, the mandated-qualifications question), as one text: paragraphs
 * joined with "\n\n" as in every text field. A list of approved
 * qualifications, each a heading with its facts, gives their names, one
 * paragraph each. */
static void
qualifications(std_ctx *c, GPtrArray *sections, guint *i)
{
    GString *all = g_string_new(NULL);
    const ost_section *head = g_ptr_array_index(sections, *i);
    char *own = section_text(c, head);
    if (own != NULL)
        g_string_append(all, own);
    g_free(own);
    while (*i + 1 < sections->len) {
        const ost_section *sub = g_ptr_array_index(sections, *i + 1);
        char *t = NULL;
        guint entry_end = qualification_entry(sections, *i + 1);
        if (entry_end > 0) {
            t = g_strdup(sub->label_text);
            *i = entry_end - 1;
        } else if (sub->field == F_ENGLISH_MATHS) {
            t = section_text(c, sub);
            if (t != NULL && c->s->english_and_maths == NULL)
                c->s->english_and_maths = g_strdup(t);
        } else if (sub->field == F_MANDATED || sub->field == OST_SECTION_QUESTION) {
            if (sub->value != NULL)
                t = g_strdup_printf("%s %s", sub->label_text, sub->value);
        } else if (sub->field == OST_SECTION_UNKNOWN && sub->n_blocks == 0) {
            /* A fact of the qualification ("Awarding organisation: ..."),
             * not of the standard. */
            char *v = __ost_text_clean(sub->value);
            if (v != NULL)
                t = g_strdup_printf("%s: %s", sub->label_text, v);
            g_free(v);
        } else if (sub->field == OST_SECTION_HEADING && head->heading_level > 0 &&
                   sub->heading_level > head->heading_level) {
            /* A subheading of its own ("Other mandatory qualifications"). */
            char *body = section_text(c, sub);
            if (body != NULL)
                t = g_strdup_printf("%s: %s", sub->label_text, body);
            g_free(body);
        } else if (sub->field != OST_SECTION_LOOSE || sub->n_blocks > 0) {
            break;
        }
        if (t != NULL) {
            if (all->len > 0)
                g_string_append(all, "\n\n");
            g_string_append(all, t);
            g_free(t);
        }
        (*i)++;
    }
    set_text(c, &c->s->qualifications, all->len > 0 ? g_strdup(all->str) : NULL, head,
             "qualifications section");
    g_string_free(all, TRUE);
}

/* The label of the nearest labelled section before @p i, or NULL. */
static const char *
preceding_label(GPtrArray *sections, guint i)
{
    while (i-- > 0) {
        const ost_section *p = g_ptr_array_index(sections, i);
        if (p->label_text != NULL)
            return p->label_text;
    }
    return NULL;
}

/* Duties, and the options of those under an option's heading. */
static void
duties(std_ctx *c, const ost_section *sec)
{
    __ost_duties_parse(c->s->duties, c->s->options, sec, c->rc->rep, c->rc->doc);
    if (c->s->options->len > 0 && c->s->core_and_options == OST_UNSET)
        c->s->core_and_options = OST_YES;
}

static void
handle_section(std_ctx *c, GPtrArray *sections, guint *i)
{
    static ost_pattern no_answer = OST_PATTERN("^(none|not applicable|n/a)\\b", OST_CASELESS);
    const ost_section *sec = g_ptr_array_index(sections, *i);
    ost_standard *s = c->s;
    if (single_field(sec->field)) {
        set_single(c, sec);
        return;
    }
    if (sec->field >= 0 && sec->field != F_IGNORE)
        c->body_started = TRUE;
    /* Duties that a box printed beside them pushed out of their section. */
    ost_section own = *sec;
    ost_section stray = *sec;
    if (s->duties->len == 0 && (sec->field == OST_SECTION_LOOSE || sec->field == OST_SECTION_HEADING ||
                                sec->field == OST_SECTION_UNKNOWN || sec->field == OST_SECTION_RESIDUE)) {
        own.n_blocks = __ost_duties_stray_start(sec);
        stray.blocks = sec->blocks + own.n_blocks;
        stray.n_blocks = sec->n_blocks - own.n_blocks;
        sec = &own;
        if (stray.n_blocks > 0)
            duties(c, &stray);
    }
    switch (sec->field) {
    case OST_SECTION_LOOSE:
        loose_facts(c, sec);
        /* In the body, text under no label goes on from the fact before
         * it ("Professional recognition: Yes" and the body's name); above
         * the body it is the page's header (captions, banners). */
        if (c->body_started)
            keep_unplaced(c, preceding_label(sections, *i), sec);
        break;
    case OST_SECTION_RESIDUE:
        loose_facts(c, sec);
        break;
    case OST_SECTION_HEADING:
        if (__ost_duties_option_heading(sec->label_text, NULL, NULL)) {
            duties(c, sec); /* "Option 2: Network engineer" */
            break;
        }
        if (sec->heading_level == 1 && s->title == NULL)
            s->title = g_strdup(sec->label_text);
        loose_facts(c, sec);
        keep_unplaced(c, sec->label_text, sec);
        break;
    case OST_SECTION_QUESTION:
        add_extra(c, sec->label_text, sec->value);
        break;
    case OST_SECTION_UNKNOWN:
        add_extra(c, sec->label_text, sec->value);
        keep_unplaced(c, sec->label_text, sec);
        break;
    case F_RESUBMISSION: {
        GPtrArray *paras = paragraphs(c, sec);
        const char *rest = NULL;
        if (paras->len > 0) {
            s->resubmission = __ost_parse_yes_no(g_ptr_array_index(paras, 0), &rest);
            if (rest != NULL && *rest != '\0') {
                /* "Yes This was submitted ...": the note shares the line. */
                char *r = g_strdup(rest);
                g_free(paras->pdata[0]);
                paras->pdata[0] = r;
                rest = NULL;
            } else if (s->resubmission != OST_UNSET) {
                rest = "";
            }
        }
        char *note = __ost_paras_join(paras, rest != NULL ? 1 : 0);
        set_text(c, &s->resubmission_note, note, sec, "resubmission note");
        g_ptr_array_unref(paras);
        break;
    }
    case F_PROFILE:
        c->profile_layout = TRUE;
        if (sec->before != NULL && s->title == NULL)
            s->title = title_from_heading_line(sec->before);
        text_field(c, sec, &s->occupation_summary, "occupation summary");
        break;
    case F_SUMMARY: text_field(c, sec, &s->occupation_summary, "occupation summary"); break;
    case F_OVERVIEW: text_field(c, sec, &s->overview_of_role, "overview of the role"); break;
    case F_ENTRY: text_field(c, sec, &s->entry_requirements, "entry requirements"); break;
    case F_ENGLISH_MATHS: text_field(c, sec, &s->english_and_maths, "English and maths section"); break;
    case F_CONSULTATION: text_field(c, sec, &s->consultation, "consultation section"); break;
    case F_PROGRESSION: text_field(c, sec, &s->progression_routes, "progression routes"); break;
    case F_QUALIFICATIONS: qualifications(c, sections, i); break;
    case F_REVIEW: {
        char *t = section_text(c, sec);
        if (t != NULL && s->review == NULL) {
            s->review = review_text(t);
        }
        g_free(t);
        break;
    }
    case F_REGISTRATION: {
        /* The 2017 layout describes the registration instead of answering
         * Yes/No: a description means there is recognition. */
        char *t = section_text(c, sec);
        if (t != NULL && !__ost_text_is_placeholder(t)) {
            ost_tristate answer = __ost_parse_yes_no(t, NULL);
            if (answer == OST_UNSET)
                answer = __ost_pattern_match(&no_answer, t)
                             ? OST_NO : OST_YES;
            if (s->professional_recognition == OST_UNSET)
                s->professional_recognition = answer;
            add_extra(c, sec->label_text, t);
        }
        g_free(t);
        break;
    }
    case F_JOB_TITLES: parse_job_titles(c, sec); break;
    case F_DUTIES: duties(c, sec); break;
    case F_KNOWLEDGE: parse_ksbs(c, sec, 'K'); break;
    case F_SKILLS: parse_ksbs(c, sec, 'S'); break;
    case F_BEHAVIOURS: parse_ksbs(c, sec, 'B'); break;
    case F_EMPLOYERS: {
        GPtrArray *names = __ost_section_entries(sec, &c->layout, c->rc->rep, c->rc->doc, TRUE);
        for (guint k = 0; k < names->len; k++)
            ost_strlist_add_unique(s->involved_employers, g_ptr_array_index(names, k));
        g_ptr_array_unref(names);
        break;
    }
    default:
        break; /* F_IGNORE: containers and furniture */
    }
}

/* An occupation page that carries its standard (Skills England's
 * occupation pages) describes the occupation too: its code, title, level,
 * route and summary are the page's key facts and the standard's text. */
static ost_occupation *
occupation_of(const ost_standard *s)
{
    ost_occupation *o = ost_occupation_new();
    o->code = g_strdup(s->occupation_code);
    o->title = g_strdup(s->title);
    o->level = s->level;
    o->overview = g_strdup(s->overview_of_role);
    o->summary = g_strdup(s->occupation_summary);
    o->status = g_strdup(s->status);
    o->standard_reference = g_strdup(s->reference);
    /* An occupation page's route is what the model calls its related route. */
    if (s->route != NULL)
        ost_strlist_add_unique(o->related_routes, s->route);
    for (guint i = 0; i < s->involved_employers->len; i++)
        ost_strlist_add_unique(o->involved_employers, g_ptr_array_index(s->involved_employers, i));
    for (guint i = 0; i < s->extra->len; i++) {
        const ost_pair *p = g_ptr_array_index(s->extra, i);
        g_ptr_array_add(o->extra, ost_pair_new(p->key, p->value));
    }
    return o;
}

/* "ST0999 v1.2", "ST0999 – Version 1.2": a version stated beside the
 * reference, in a header line or a running header (transfer full). */
static char *
version_by_reference(const ost_blocks *blocks, const char *reference)
{
    /* The reference is always "ST" and four digits (set_single and links.c
     * make it so). One pattern for any reference, compiled once, replaces a
     * pattern built around each document's reference: Matches never overlap an
     * "ST" inside another one, so taking the first whose digits are the
     * reference's finds what the reference's own pattern found. */
    static GRegex *re;
    if (g_once_init_enter(&re)) {
        GRegex *r = g_regex_new("\\bST(\\d{4})\\s*[-–—,:|·•]?\\s*(?:version|v)\\s*"
                                "(\\d+(?:\\.\\d+)*)\\b",
                                G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&re, r);
    }
    const char *digits = reference + 2;
    char *version = NULL;
    for (guint i = 0; i < blocks->items->len && version == NULL; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->text == NULL || (b->flags & OST_BLOCK_LINK) ||
            strstr(b->text, digits) == NULL)
            continue;
        GMatchInfo *m = NULL;
        for (g_regex_match(re, b->text, 0, &m); version == NULL && g_match_info_matches(m);
             g_match_info_next(m, NULL)) {
            char *found = g_match_info_fetch(m, 1);
            if (strcmp(found, digits) == 0)
                version = g_match_info_fetch(m, 2);
            g_free(found);
        }
        g_match_info_free(m);
    }
    return version;
}

/* "The trailblazer contact for this standard is name@example.org": whom
 * to ask, said in a sentence wherever it stands (a page in development
 * has it below its version log, which is otherwise left out). A labelled
 * "Trailblazer contact: ..." is a label's, and comes first. */
static void
trailblazer_contact(std_ctx *c)
{
    static ost_pattern contact_email = OST_PATTERN("(?i)\\btrailblazer contact\\b.*\\bis\\s+"
                                               "\\K[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+", 0);
    if (__ost_extra_find(c->s->extra, "Trailblazer contact") != NULL)
        return;
    const GPtrArray *items = c->rc->blocks->items;
    for (guint i = 0; i < items->len; i++) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->text == NULL || (b->flags & (OST_BLOCK_CHROME | OST_BLOCK_LINK)))
            continue;
        char *email = __ost_pattern_group(&contact_email, b->text, 0);
        add_extra(c, "Trailblazer contact", email);
        g_free(email);
        if (email != NULL)
            return;
    }
}

/* The standard the page links to as its own gives the reference a page
 * does not state (an occupation page names only its OCC code) and the
 * version, when it is the same standard. */
static void
reference_from_link(std_ctx *c)
{
    ost_standard *s = c->s;
    char *ref = NULL, *ver = NULL;
    if (__ost_standard_link(c->rc->blocks, &ref, &ver) &&
        (s->reference == NULL || strcmp(s->reference, ref) == 0)) {
        if (s->reference == NULL)
            s->reference = g_steal_pointer(&ref);
        if (s->version == NULL)
            s->version = g_steal_pointer(&ver);
    }
    g_free(ref);
    g_free(ver);
}

void
__ost_recognize_standard(rec_ctx *ctx)
{
    std_ctx c = {ctx, ost_standard_new(), {0}, FALSE, FALSE, FALSE, FALSE, NULL};
    __ost_layout_measure(ctx->blocks, &c.layout);
    ost_sections *sections = __ost_sections_split(ctx->blocks, &rules);
    for (guint i = 0; i < sections->items->len; i++)
        handle_section(&c, sections->items, &i);
    join_more_text(&c);

    ost_standard *s = c.s;
    reference_from_link(&c);
    trailblazer_contact(&c);
    if (s->reference == NULL) {
        /* A reference stated without its label (a PDF's header line). */
        for (guint i = 0; i < ctx->blocks->items->len && s->reference == NULL; i++) {
            const ost_block *b = g_ptr_array_index(ctx->blocks->items, i);
            if (!(b->flags & OST_BLOCK_CHROME))
                s->reference = __ost_standard_reference_in(b->text);
        }
    }
    if (s->reference == NULL)
        __ost_standard_written_address(ctx->blocks, &s->reference, &s->version);
    if (s->version == NULL && s->reference != NULL)
        s->version = version_by_reference(ctx->blocks, s->reference);
    if (s->reference == NULL && s->occupation_code != NULL)
        ost_doc_warn(ctx->doc, "reference_missing", NULL,
                     "No standard reference (ST followed by four digits) found; the text "
                     "names only its occupation, %s", s->occupation_code);
    else if (s->reference == NULL)
        ost_doc_warn(ctx->doc, "reference_missing", NULL,
                     "No standard reference (ST followed by four digits) found");
    if (s->title == NULL)
        s->title = __ost_leading_title(sections->items);
    if (s->title == NULL)
        ost_doc_warn(ctx->doc, "title_missing", NULL,
                     "No title found: the text has no title line, heading or label");
    s->stage = g_strdup(decide_stage(&c));
    __ost_assess_trust(ctx, sections->items);
    __ost_sections_free(sections);
    g_ptr_array_add(ctx->doc->standards, s);
    if (c.occupation_page && s->occupation_code != NULL) {
        /* The input is the occupation's page; the standard is its content. */
        ost_set_str(&ctx->doc->source.document_type, "occupation");
        g_ptr_array_add(ctx->doc->occupations, occupation_of(s));
    }
}
