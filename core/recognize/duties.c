/* SPDX-License-Identifier: MIT */
/* Duties: each one's id, its text and the KSB codes it cites. */
#include "duties.h"
#include "pattern.h"

#include <stdlib.h>
#include <string.h>

typedef struct ost_duties_ctx {
    GPtrArray *duties; /* ost_duty*, the standard's */
    ost_repairer *rep;
    ost_doc *doc;
} ost_duties_ctx;

static void
finish_duty(ost_duties_ctx *c, ost_duty *d, GString *text)
{
    if (d == NULL)
        return;
    char *t = __ost_text_clean(text->str);
    g_free(d->text);
    d->text = t != NULL ? t : g_strdup("");
    g_string_truncate(text, 0);
    g_ptr_array_add(c->duties, d);
}

/* "Duty 3 Prioritise ..." -> id "D3", text after it. */
static char *
duty_id(const char *text, const char **rest)
{
    static ost_pattern stated = OST_PATTERN(
        "^\\s*(?:duty|D)\\s*(\\d{1,3})\\b\\s*[:.\\-–—]?\\s*((?s).*)\\z", OST_CASELESS);
    char *parts[2]; /* the number, the duty's text */
    if (!__ost_pattern_fetch(&stated, text, 2, parts))
        return NULL;
    *rest = text + strlen(text) - strlen(parts[1]);
    char *id = g_strconcat("D", parts[0], NULL);
    g_free(parts[0]);
    g_free(parts[1]);
    return id;
}

/* The header row of a duties table: only the words "duty" and "KSBs". */
static gboolean
duty_header(const char *text)
{
    static ost_pattern header_row = OST_PATTERN("^\\s*(duty|duties)\\s+(ksbs?|knowledge,? skills,? "
                                "(and )?behaviours?|criteria)\\s*$", OST_CASELESS);
    return __ost_pattern_match(&header_row, text);
}

/* The KSB codes ending a duty's line, or NULL; @p head gets the text
 * before them (transfer full). The codes stand in their own column after a
 * wide gap (text laid out by a PDF tool), or follow the text directly when
 * a table was copied as text: then at least two codes, or codes under a
 * name ("Knowledge: K1, K2 Skills: S1", "(KSBs: K1-K4)"), so that a duty
 * that merely mentions a code keeps it. */
static GPtrArray *
trailing_codes(const char *line, char **head)
{
    static GRegex *gap_re;
    if (g_once_init_enter(&gap_re)) {
        GRegex *r = g_regex_new("\\S(\\s{2,}|\\t)", 0, 0, NULL);
        g_once_init_leave(&gap_re, r);
    }
    GMatchInfo *m = NULL;
    GPtrArray *codes = NULL;
    int cut = -1;
    for (g_regex_match(gap_re, line, 0, &m); codes == NULL && g_match_info_matches(m);
         g_match_info_next(m, NULL)) {
        int end;
        g_match_info_fetch_pos(m, 1, &cut, &end);
        codes = __ost_parse_codes(line + end);
    }
    g_match_info_free(m);
    for (const char *p = strchr(line, ' '); codes == NULL && p != NULL; p = strchr(p + 1, ' ')) {
        const char *tail = p + 1;
        if (*tail == ' ' || *tail == '\0')
            continue;
        codes = __ost_parse_codes(tail);
        if (codes != NULL && codes->len < 2 && g_ascii_isupper(*tail) &&
            g_ascii_isdigit(tail[1])) {
            g_ptr_array_unref(codes);
            codes = NULL;
        }
        cut = (int)(p - line);
    }
    if (codes != NULL)
        *head = g_strndup(line, (gsize)cut);
    return codes;
}

/* Whether @row, a duty row without an id of its own, is the rest of
 * @stated, the row before that did state its id ("Duty 6 ..."): a table row
 * that a page break split goes on at the top of the next page, or at least
 * goes on mid-sentence with no codes of its own. */
static gboolean
row_continues(const ost_block *stated, const ost_block *row, const GPtrArray *codes)
{
    if (stated == NULL)
        return FALSE;
    if (row->page > 0 && stated->page > 0 && row->page != stated->page)
        return TRUE;
    const char *first = row->cells->len > 0 ? g_ptr_array_index(row->cells, 0) : "";
    while (*first == ' ')
        first++;
    return codes == NULL && g_unichar_islower(g_utf8_get_char(first));
}

GPtrArray *
__ost_duties_cited(const ost_block *b)
{
    /* A label of a few words, one of them naming KSBs; a duty's own text
     * may name knowledge or skills too, but is no label. */
    static ost_pattern names_codes = OST_PATTERN(
        "^\\W*(?:\\w+\\W+){0,3}?(ksbs?|knowledge|skills?|behaviou?rs?)\\b(?:\\W+\\w+){0,3}\\W*$",
        OST_CASELESS);
    if (b->text == NULL)
        return NULL;
    GPtrArray *codes = __ost_parse_codes(b->text);
    if (codes != NULL || b->kind != OST_BLOCK_ROW || b->cells->len != 2 ||
        !(b->flags & OST_BLOCK_LABEL) ||
        !__ost_pattern_match(&names_codes, g_ptr_array_index(b->cells, 0)))
        return codes;
    return __ost_parse_codes(g_ptr_array_index(b->cells, 1));
}

/* Duties: table rows [duty, codes]; "Duty N" lines with their wrapped text
 * and the code lines that follow (a flattened table), or with the codes
 * ending their lines; or list items and bullet lines without codes. */
static void
parse_duties(ost_duties_ctx *c, const ost_section *sec)
{
    ost_duty *d = NULL;
    GString *text = g_string_new(NULL);
    gboolean codes_seen = FALSE, codes_inline = FALSE;
    const ost_block *stated_row = NULL; /* the last row that gave its duty's id */
    for (guint i = 0; i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->kind == OST_BLOCK_BREAK || b->text == NULL)
            continue;
        if ((b->flags & OST_BLOCK_HEADER_ROW) || duty_header(b->text))
            continue;
        GPtrArray *cited = __ost_duties_cited(b);
        if (cited != NULL) {
            /* Codes alone, in a row of their own ("KSBs | K1 K2") or on a
             * line: those of the duty above. */
            for (guint k = 0; d != NULL && k < cited->len; k++)
                ost_strlist_add_unique(d->ksbs, g_ptr_array_index(cited, k));
            g_ptr_array_unref(cited);
            codes_seen = d != NULL;
            continue;
        }
        if (b->kind == OST_BLOCK_ROW && b->cells->len >= 2) {
            GPtrArray *codes = __ost_parse_codes(g_ptr_array_index(b->cells, b->cells->len - 1));
            finish_duty(c, d, text);
            const char *rest = g_ptr_array_index(b->cells, 0);
            char *id = duty_id(rest, &rest);
            if (id == NULL && row_continues(stated_row, b, codes)) {
                /* The rest of a row that a page break split. */
                d = g_ptr_array_steal_index(c->duties, c->duties->len - 1);
                g_string_assign(text, d->text);
                char *t = __ost_text_clean(rest);
                if (t != NULL)
                    ost_repairer_join(c->rep, text, t, c->doc);
                g_free(t);
                stated_row = b;
            } else {
                d = ost_duty_new(NULL, NULL);
                d->id = id != NULL ? id : g_strdup_printf("D%u", c->duties->len + 1);
                g_string_append(text, rest);
                stated_row = id != NULL ? b : NULL;
            }
            for (guint k = 0; codes != NULL && k < codes->len; k++)
                ost_strlist_add_unique(d->ksbs, g_ptr_array_index(codes, k));
            if (codes != NULL)
                g_ptr_array_unref(codes);
            finish_duty(c, d, text);
            d = NULL;
            continue;
        }
        const char *line = b->text;
        /* A line that continues a duty whose codes ended the line above. */
        gboolean continued = codes_inline && g_unichar_islower(g_utf8_get_char(line));
        char *head = NULL;
        GPtrArray *tail = trailing_codes(line, &head);
        if (tail != NULL)
            line = head;
        const char *rest;
        char *id = duty_id(line, &rest);
        const char *bullet = __ost_text_after_bullet(line);
        codes_inline = FALSE;
        if (!continued && (id != NULL || bullet != NULL || b->kind == OST_BLOCK_ITEM || d == NULL ||
                           codes_seen)) {
            if (d == NULL && id == NULL && bullet == NULL && b->kind != OST_BLOCK_ITEM &&
                __ost_text_is_intro(line)) {
                g_free(head);
                if (tail != NULL)
                    g_ptr_array_unref(tail);
                continue; /* "The duties include:" */
            }
            finish_duty(c, d, text);
            d = ost_duty_new(NULL, NULL);
            d->id = id != NULL ? id : g_strdup_printf("D%u", c->duties->len + 1);
            line = id != NULL ? rest : bullet != NULL ? bullet : line;
            codes_seen = FALSE;
        } else {
            g_free(id);
        }
        char *t = __ost_text_clean(line);
        if (t != NULL)
            ost_repairer_join(c->rep, text, t, c->doc);
        g_free(t);
        if (tail != NULL) {
            for (guint k = 0; k < tail->len; k++)
                ost_strlist_add_unique(d->ksbs, g_ptr_array_index(tail, k));
            g_ptr_array_unref(tail);
            codes_inline = TRUE;
            codes_seen = TRUE;
        }
        g_free(head);
    }
    finish_duty(c, d, text);
    g_string_free(text, TRUE);
}

/* A column heading of a duties table on a line of its own ("Duty",
 * "KSBs"), as a table's header reads when its cells were printed apart. */
static gboolean
header_word(const char *text)
{
    static ost_pattern header_cell = OST_PATTERN("^\\s*(duty|duties|ksbs?|knowledge,? skills,? (and )?behaviours?)\\s*$", OST_CASELESS);
    return __ost_pattern_match(&header_cell, text);
}

/* Where a code stands in the order a duty cites its codes: knowledge,
 * then skills, then behaviours, each by number. */
static long
code_rank(const char *code)
{
    const char *const letters = "KSB";
    const char *at = strchr(letters, g_ascii_toupper(code[0]));
    long kind = at != NULL ? at - letters : 3 + (unsigned char)code[0];
    return kind * 100000 + strtol(code + 1, NULL, 10);
}

/* A duty stated by its id, its text as the pieces come. */
typedef struct stated_duty {
    char *id;
    GString *text;
} stated_duty;

static void
stated_duty_free(gpointer p)
{
    stated_duty *d = p;
    g_free(d->id);
    g_string_free(d->text, TRUE);
    g_free(d);
}

/* One piece of the section: a text and the codes beside it, either may be
 * missing. */
static void
piece_of(const ost_block *b, char **text, GPtrArray **codes)
{
    *text = NULL;
    *codes = __ost_duties_cited(b);
    if (*codes != NULL)
        return;
    if (b->kind == OST_BLOCK_ROW && b->cells->len >= 2) {
        const char *first = g_ptr_array_index(b->cells, 0);
        const char *last = g_ptr_array_index(b->cells, b->cells->len - 1);
        *codes = __ost_parse_codes(last);
        *text = __ost_text_clean(*codes != NULL ? first : b->text);
        return;
    }
    char *head = NULL;
    *codes = trailing_codes(b->text, &head);
    *text = __ost_text_clean(head != NULL ? head : b->text);
    g_free(head);
}

/* Duties that each state their id ("Duty 3 ...", "D3: ..."), in a table
 * whose columns a printed page or its extracted text took apart: a duty's
 * text wraps over several lines or rows and its codes stand beside, above
 * and below them, so lines cannot say which duty a code line belongs to.
 * The codes can: a duty cites them in order (K, S, B, each by number), so
 * the run of codes starts again where the next duty's codes start. The
 * reading holds only when those runs are exactly as many as the stated
 * duties; @return FALSE, adding nothing, when they are not. */
static gboolean
stated_duties(ost_duties_ctx *c, const ost_section *sec)
{
    GPtrArray *stated = g_ptr_array_new_with_free_func(stated_duty_free);
    GPtrArray *runs = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *run = NULL;
    long last_rank = -1;
    gboolean fits = TRUE;
    for (guint i = 0; fits && i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->kind == OST_BLOCK_BREAK || b->text == NULL || (b->flags & OST_BLOCK_HEADER_ROW) ||
            duty_header(b->text) || header_word(b->text))
            continue;
        char *text;
        GPtrArray *codes;
        piece_of(b, &text, &codes);
        if (text != NULL) {
            const char *rest;
            char *id = duty_id(text, &rest);
            if (id != NULL) {
                stated_duty *d = g_new0(stated_duty, 1);
                d->id = id;
                d->text = g_string_new(rest);
                g_ptr_array_add(stated, d);
            } else if (stated->len > 0) {
                stated_duty *d = g_ptr_array_index(stated, stated->len - 1);
                ost_repairer_join(c->rep, d->text, text, c->doc);
            } else {
                /* Before the first duty: a lead-in, or the table's caption
                 * or a heading, which ends no sentence. */
                fits = __ost_text_is_intro(text) || !__ost_text_ends_sentence(text);
            }
        }
        for (guint k = 0; codes != NULL && k < codes->len; k++) {
            const char *code = g_ptr_array_index(codes, k);
            long rank = code_rank(code);
            if (run == NULL || rank <= last_rank) {
                run = ost_strlist_new();
                g_ptr_array_add(runs, run);
            }
            ost_strlist_add_unique(run, code);
            last_rank = rank;
        }
        g_free(text);
        if (codes != NULL)
            g_ptr_array_unref(codes);
    }
    fits = fits && stated->len >= 2 && runs->len == stated->len;
    for (guint i = 0; fits && i < stated->len; i++) {
        stated_duty *d = g_ptr_array_index(stated, i);
        fits = d->text->len > 0;
        for (guint k = 0; fits && k < i; k++)
            fits = strcmp(((stated_duty *)g_ptr_array_index(stated, k))->id, d->id) != 0;
    }
    for (guint i = 0; fits && i < stated->len; i++) {
        stated_duty *s = g_ptr_array_index(stated, i);
        char *text = __ost_text_clean(s->text->str);
        ost_duty *d = ost_duty_new(s->id, text);
        g_free(text);
        GPtrArray *codes = g_ptr_array_index(runs, i);
        for (guint k = 0; k < codes->len; k++)
            ost_strlist_add_unique(d->ksbs, g_ptr_array_index(codes, k));
        g_ptr_array_add(c->duties, d);
    }
    g_ptr_array_unref(runs);
    g_ptr_array_unref(stated);
    return fits;
}

/* The duties of one part of a section, those of option @p option when
 * not NULL. */
static void
parse_part(ost_duties_ctx *c, const ost_section *part, const char *option)
{
    guint from = c->duties->len;
    if (!stated_duties(c, part))
        parse_duties(c, part);
    for (guint i = from; option != NULL && i < c->duties->len; i++)
        ost_strlist_add_unique(((ost_duty *)g_ptr_array_index(c->duties, i))->options, option);
}

static void
add_option(GPtrArray *options, char *id, char *title)
{
    gboolean known = FALSE;
    for (guint i = 0; i < options->len && !known; i++)
        known = strcmp(((ost_option *)g_ptr_array_index(options, i))->id, id) == 0;
    if (!known)
        g_ptr_array_add(options, ost_option_new(id, title));
    g_free(title);
}

void
__ost_duties_parse(GPtrArray *duties, GPtrArray *options, const ost_section *sec,
                   ost_repairer *rep, ost_doc *doc)
{
    ost_duties_ctx c = {duties, rep, doc};
    char *option = NULL, *title = NULL;
    if (sec->label_text != NULL && __ost_duties_option_heading(sec->label_text, &option, &title))
        add_option(options, option, title);
    /* The section in parts, cut at each option's heading line. */
    ost_section part = *sec;
    part.n_blocks = 0;
    for (guint k = 0; k <= sec->n_blocks; k++) {
        const ost_block *b = k < sec->n_blocks ? sec->blocks[k] : NULL;
        char *next = NULL;
        if (b != NULL && (b->kind == OST_BLOCK_ROW ||
                          !__ost_duties_option_heading(b->text, &next, &title))) {
            part.n_blocks++;
            continue;
        }
        parse_part(&c, &part, option);
        if (b == NULL)
            break;
        g_free(option);
        option = next;
        add_option(options, option, title);
        part.blocks = sec->blocks + k + 1;
        part.n_blocks = 0;
    }
    g_free(option);
}

gboolean
__ost_duties_option_heading(const char *heading, char **id, char **title)
{
    static ost_pattern option = OST_PATTERN(
        "^\\s*option\\s+(\\d{1,2}|[a-z])\\b\\s*[:.–—-]?\\s*(.*?)"
        "\\s*(?:\\b(?:core\\s+)?(?:occupation(?:al)?\\s+)?duties)?\\s*$",
        OST_CASELESS);
    char *parts[2]; /* the number or letter, the title */
    if (heading == NULL || !__ost_pattern_fetch(&option, heading, 2, parts))
        return FALSE;
    if (id != NULL) {
        char *upper = g_ascii_strup(parts[0], -1);
        *id = g_strconcat("O", upper, NULL);
        g_free(upper);
    }
    if (title != NULL)
        *title = __ost_text_clean(parts[1]);
    g_free(parts[0]);
    g_free(parts[1]);
    return TRUE;
}

guint
__ost_duties_stray_start(const ost_section *sec)
{
    guint start = sec->n_blocks;
    for (guint i = 0; i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->kind == OST_BLOCK_BREAK || b->text == NULL)
            continue;
        const char *rest;
        char *id = start == sec->n_blocks ? duty_id(b->text, &rest) : NULL;
        if (id != NULL)
            start = i;
        g_free(id);
        GPtrArray *codes = start < i ? __ost_duties_cited(b) : NULL;
        if (codes != NULL) {
            g_ptr_array_unref(codes);
            return start;
        }
    }
    return sec->n_blocks;
}
