/* SPDX-License-Identifier: MIT */
/* Cutting a block stream into labelled sections, for the recognisers. */
#include "sections.h"
#include "duties.h"
#include "chrome.h"
#include "pattern.h"

#include <string.h>

static void
section_free(ost_section *s)
{
    g_free(s->label_text);
    g_free(s->value);
    g_free(s->before);
    g_free(s);
}

static ost_section *
section_add(ost_sections *sections, int field, const ost_block *start)
{
    ost_section *s = g_new0(ost_section, 1);
    s->field = field;
    s->start = start;
    g_ptr_array_add(sections->items, s);
    return s;
}

/* Content always goes to the section opened last. */
static void
content_add(ost_sections *sections, const ost_block *b)
{
    ost_section *last = g_ptr_array_index(sections->items, sections->items->len - 1);
    g_ptr_array_add(sections->content, (gpointer)b);
    last->n_blocks++;
}

/* Each section's run of the content, once the content no longer grows. */
static void
point_at_content(ost_sections *sections)
{
    const ost_block **run = (const ost_block **)sections->content->pdata;
    for (guint i = 0; i < sections->items->len; i++) {
        ost_section *s = g_ptr_array_index(sections->items, i);
        s->blocks = run;
        run += s->n_blocks;
    }
}

void
__ost_sections_free(ost_sections *sections)
{
    g_ptr_array_unref(sections->items);
    g_ptr_array_unref(sections->content);
    g_free(sections);
}

static gboolean
skipped(const ost_block *b)
{
    return (b->flags & OST_BLOCK_CHROME) || b->kind == OST_BLOCK_PAGE ||
           __ost_chrome_cookie_line(b->text);
}

/* The next block with text after @p i, skipping breaks, or NULL. */
static const ost_block *
next_text(const ost_blocks *blocks, guint i, guint *at)
{
    for (guint j = i + 1; j < blocks->items->len; j++) {
        const ost_block *b = g_ptr_array_index(blocks->items, j);
        if (skipped(b) || b->kind == OST_BLOCK_BREAK)
            continue;
        if (at != NULL)
            *at = j;
        return b;
    }
    return NULL;
}

/* Content lines that start like a KSB statement or a duty, or cite codes
 * only ("KSBs: K1 K2"), are never labels, whatever words follow. */
static gboolean
never_label(const char *text)
{
    if (__ost_parse_coded(text, NULL, NULL))
        return TRUE;
    GPtrArray *codes = __ost_parse_codes(text);
    if (codes != NULL) {
        g_ptr_array_unref(codes);
        return TRUE;
    }
    while (*text == ' ')
        text++;
    return g_ascii_strncasecmp(text, "duty ", 5) == 0 && g_ascii_isdigit(text[5]);
}

static gboolean
starts_capital(const char *text)
{
    while (*text == ' ')
        text++;
    gunichar c = g_utf8_get_char(text);
    return g_unichar_isupper(c) || g_unichar_isdigit(c);
}

/* A yes/no answer standing alone on its line. */
static gboolean
bare_answer(const char *text)
{
    const char *rest = NULL;
    return __ost_parse_yes_no(text, &rest) != OST_UNSET && (rest == NULL || *rest == '\0');
}

/* A two-cell row no reader marked as a label ("Level<TAB>3" in copied
 * text) whose first cell is exactly a known label. */
static gboolean
unmarked_label_row(const ost_block *b, const ost_section_rules *rules)
{
    if (b->cells->len != 2 || (b->flags & OST_BLOCK_HEADER_ROW))
        return FALSE;
    const char *label = g_ptr_array_index(b->cells, 0);
    ost_label_hit hit;
    if (never_label(label) || !__ost_label_match(rules->labels, rules->n_labels, label, &hit))
        return FALSE;
    gboolean whole = hit.rest == NULL && hit.before == NULL;
    __ost_label_hit_clear(&hit);
    return whole;
}

/* A labelled row that holds only KSB codes ("KSBs: K1 K2 S1") lists what
 * the statement above it cites: it belongs to that statement's section. */
static gboolean
codes_row(const ost_block *b)
{
    GPtrArray *codes = __ost_duties_cited(b);
    if (codes == NULL)
        return FALSE;
    g_ptr_array_unref(codes);
    return TRUE;
}

/* Whether the label line ending at @p i heads a column of codes ("KSBs"
 * above "K1 K2 K6 ..." in a printed duties table), not a section: codes
 * that are the statements' own stand one to a line, with their text. */
static gboolean
column_heading(const ost_blocks *blocks, guint i)
{
    guint j;
    const ost_block *n = next_text(blocks, i, &j);
    if (n == NULL || n->kind != OST_BLOCK_LINE)
        return FALSE;
    GPtrArray *codes = __ost_parse_codes(n->text);
    gboolean column = codes != NULL && codes->len >= 2;
    if (codes != NULL)
        g_ptr_array_unref(codes);
    return column;
}

/* A line that may be a table's label cell: short, capitalised, ending
 * no sentence (a colon aside). */
static gboolean
label_like(const ost_block *b)
{
    if (b->kind != OST_BLOCK_LINE || b->text == NULL || !starts_capital(b->text))
        return FALSE;
    char *t = __ost_text_clean(b->text);
    gsize n = t != NULL ? strlen(t) : 0;
    gboolean like = n > 0 && n <= 40 && (t[n - 1] == ':' || !__ost_text_ends_sentence(t));
    g_free(t);
    return like;
}

/* The next run of LINE blocks from @p i on, skipping breaks before it:
 * its first block in @p first, @p n its blocks (none skipped between);
 * the index after it is returned. */
static guint
line_run(const ost_blocks *blocks, guint i, guint *first, guint *n)
{
    guint len = blocks->items->len;
    while (i < len && ((const ost_block *)g_ptr_array_index(blocks->items, i))->kind ==
                          OST_BLOCK_BREAK)
        i++;
    *first = i;
    *n = 0;
    for (; i < len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->kind != OST_BLOCK_LINE || skipped(b))
            break;
        (*n)++;
    }
    return i;
}

/* A table of labels and values whose two columns a printed page or its
 * extracted text put one after the other: a run of three or more label
 * lines, then (after a caption of one line at most) a run of as many value
 * lines. Most labels are known, two or more of them single-valued, and
 * each of those accepts its value. @return the number of rows, 0 when the lines at @p i
 * are no such table; @p values gets the first value line. */
static guint
label_column(const ost_blocks *blocks, guint i, const ost_section_rules *rules, guint *values)
{
    guint first, k;
    guint end = line_run(blocks, i, &first, &k);
    if (first != i || k < 3 || rules->single == NULL)
        return 0;
    guint v, n;
    guint after = line_run(blocks, end, &v, &n);
    if (n == 1) /* a caption between the columns ("Key facts") */
        line_run(blocks, after, &v, &n);
    else if (n == k + 1) /* the caption above the values */
        v++, n--;
    if (n != k)
        return 0;
    guint known = 0, singles = 0;
    for (guint r = 0; r < k; r++) {
        const ost_block *label = g_ptr_array_index(blocks->items, first + r);
        const ost_block *value = g_ptr_array_index(blocks->items, v + r);
        if (!label_like(label))
            return 0;
        ost_label_hit hit;
        if (never_label(label->text) ||
            !__ost_label_match(rules->labels, rules->n_labels, label->text, &hit))
            continue;
        gboolean whole = hit.rest == NULL && hit.before == NULL;
        int field = hit.label->field;
        __ost_label_hit_clear(&hit);
        gboolean single = field >= 0 && rules->single(field);
        char *line = __ost_text_clean(value->text);
        gboolean fits = whole && line != NULL &&
                        (!single || rules->is_value == NULL || rules->is_value(field, line));
        g_free(line);
        if (!fits)
            return 0;
        known++;
        singles += single;
    }
    /* A list of contents names sections, whose fields hold many lines. */
    if (known * 2 < k || singles < 2)
        return 0;
    *values = v;
    return k;
}

ost_sections *
__ost_sections_split(const ost_blocks *blocks, const ost_section_rules *rules)
{
    ost_sections *sections = g_new(ost_sections, 1);
    sections->items = g_ptr_array_new_with_free_func((GDestroyNotify)section_free);
    /* At most every block: one allocation, no growth. */
    sections->content = g_ptr_array_sized_new(blocks->items->len);
    ost_section *cur = section_add(sections, OST_SECTION_LOOSE, NULL);
    /* A single-valued field whose label stood alone: its value may be on
     * the next line. */
    ost_section *awaiting = NULL;
    /* The last content line left its sentence unfinished. */
    gboolean open_sentence = FALSE;

    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (skipped(b))
            continue;
        if (b->kind == OST_BLOCK_BREAK) {
            if (awaiting == NULL)
                content_add(sections, b);
            continue;
        }

        if (b->kind == OST_BLOCK_ROW && b->cells != NULL && b->cells->len >= 2 &&
            ((b->flags & OST_BLOCK_LABEL) || unmarked_label_row(b, rules)) && !codes_row(b)) {
            awaiting = NULL;
            ost_label_hit hit;
            gboolean ok = __ost_label_match(rules->labels, rules->n_labels,
                                            g_ptr_array_index(b->cells, 0), &hit);
            cur = section_add(sections, ok ? hit.label->field : OST_SECTION_UNKNOWN, b);
            cur->label = ok ? hit.label : NULL;
            cur->label_text = ok ? g_steal_pointer(&hit.label_text)
                                 : __ost_text_clean(g_ptr_array_index(b->cells, 0));
            GString *v = g_string_new(NULL);
            for (guint c = 1; c < b->cells->len; c++) {
                if (v->len > 0)
                    g_string_append_c(v, '\n');
                g_string_append(v, g_ptr_array_index(b->cells, c));
            }
            /* Keep the cell's own line structure: the value may be several
             * paragraphs (a dd holding paragraphs). */
            cur->value = g_strstrip(g_string_free(v, FALSE));
            if (*cur->value == '\0')
                g_clear_pointer(&cur->value, g_free);
            if (ok)
                __ost_label_hit_clear(&hit);
            if (rules->single != NULL && cur->field >= 0 && rules->single(cur->field))
                cur = section_add(sections, OST_SECTION_LOOSE, NULL);
            continue;
        }

        if (b->kind != OST_BLOCK_LINE && b->kind != OST_BLOCK_HEADING && b->kind != OST_BLOCK_ITEM) {
            awaiting = NULL;
            content_add(sections, b);
            continue;
        }

        guint values, rows;
        if (b->kind == OST_BLOCK_LINE && awaiting == NULL &&
            (rows = label_column(blocks, i, rules, &values)) > 0) {
            for (guint r = 0; r < rows; r++) {
                const ost_block *label = g_ptr_array_index(blocks->items, i + r);
                const ost_block *value = g_ptr_array_index(blocks->items, values + r);
                ost_label_hit hit;
                gboolean ok = __ost_label_match(rules->labels, rules->n_labels, label->text, &hit);
                cur = section_add(sections, ok ? hit.label->field : OST_SECTION_UNKNOWN, label);
                cur->label = ok ? hit.label : NULL;
                cur->label_text = ok ? g_steal_pointer(&hit.label_text) : __ost_text_clean(label->text);
                cur->value = __ost_text_clean(value->text);
                if (ok)
                    __ost_label_hit_clear(&hit);
            }
            cur = section_add(sections, OST_SECTION_LOOSE, NULL);
            i = values + rows - 1;
            continue;
        }

        const char *text = b->text != NULL ? b->text : "";
        if (awaiting != NULL) {
            ost_section *a = awaiting;
            awaiting = NULL;
            char *line = __ost_text_clean(text);
            gboolean take = line != NULL && b->kind != OST_BLOCK_HEADING &&
                            (rules->is_value == NULL || rules->is_value(a->field, line));
            if (take) {
                a->value = line;
                continue;
            }
            g_free(line);
        }

        gboolean foreign = FALSE;
        if (b->kind != OST_BLOCK_HEADING && __ost_text_residue(text, &foreign) != NULL) {
            cur = section_add(sections, OST_SECTION_RESIDUE, b);
            content_add(sections, b);
            continue;
        }

        ost_label_hit hit;
        gboolean never = never_label(text);
        /* A lower-case line after an unfinished sentence continues it, even
         * when it is a single word that names a field ("level"). */
        gboolean continues = b->kind == OST_BLOCK_LINE && open_sentence && !starts_capital(text);
        gboolean ok = !never && !continues &&
                      __ost_label_match(rules->labels, rules->n_labels, text, &hit);
        /* List items carry labels only as "Label: value" (key facts lists). */
        if (ok && b->kind == OST_BLOCK_ITEM && hit.rest == NULL) {
            __ost_label_hit_clear(&hit);
            ok = FALSE;
        }
        guint consumed = i;
        /* A label wrapped onto a second line. It starts a paragraph: a
         * capital after a finished sentence, a label or a heading. */
        if (!ok && b->kind == OST_BLOCK_LINE && !never && !open_sentence &&
            starts_capital(text)) {
            guint j;
            const ost_block *n = next_text(blocks, i, &j);
            if (n != NULL && n->kind == OST_BLOCK_LINE && !__ost_text_ends_sentence(text) &&
                __ost_text_len(text) + __ost_text_len(n->text) < 200) {
                char *two = g_strconcat(text, " ", n->text, NULL);
                if (__ost_label_match(rules->labels, rules->n_labels, two, &hit)) {
                    if (hit.rest == NULL && hit.before == NULL) {
                        ok = TRUE;
                        consumed = j;
                    } else {
                        __ost_label_hit_clear(&hit);
                    }
                }
                g_free(two);
            }
        }
        open_sentence = FALSE;
        if (ok && b->kind == OST_BLOCK_LINE && hit.rest == NULL && hit.before == NULL &&
            column_heading(blocks, consumed)) {
            __ost_label_hit_clear(&hit);
            ok = FALSE;
        }
        if (ok) {
            cur = section_add(sections, hit.label->field, b);
            cur->label = hit.label;
            /* The hit's strings are the section's: copying them cost
             * 3,800 allocations on the sample pages. */
            cur->label_text = g_steal_pointer(&hit.label_text);
            cur->value = g_steal_pointer(&hit.rest);
            cur->before = g_steal_pointer(&hit.before);
            cur->heading_level = b->kind == OST_BLOCK_HEADING ? MAX(b->level, 1) : 0;
            __ost_label_hit_clear(&hit);
            i = consumed;
            if (rules->single != NULL && rules->single(cur->field)) {
                if (cur->value == NULL)
                    awaiting = cur;
                cur = section_add(sections, OST_SECTION_LOOSE, NULL);
            }
            continue;
        }

        /* A heading that is a statement's code ("<h4>K1</h4>" above its
         * text, "Duty 2") belongs to the list it is in. */
        if (b->kind == OST_BLOCK_HEADING && (never || __ost_is_bare_code(text))) {
            content_add(sections, b);
            continue;
        }
        if (b->kind == OST_BLOCK_HEADING) {
            cur = section_add(sections, OST_SECTION_HEADING, b);
            cur->label_text = __ost_text_clean(text);
            cur->heading_level = MAX(b->level, 1);
            continue;
        }

        /* An unnamed question answered on the next line: keep the pair. */
        guint j;
        const ost_block *n = next_text(blocks, i, &j);
        if (__ost_text_clean_ends_with(text, '?') && n != NULL && n->kind == OST_BLOCK_LINE &&
            bare_answer(n->text)) {
            ost_section *q = section_add(sections, OST_SECTION_QUESTION, b);
            q->label_text = __ost_text_clean(text);
            q->value = __ost_text_clean(n->text);
            i = j;
            cur = section_add(sections, OST_SECTION_LOOSE, NULL);
            continue;
        }
        content_add(sections, b);
        /* A bare yes/no answer is complete without a full stop. */
        open_sentence = b->kind == OST_BLOCK_LINE && !__ost_text_ends_sentence(text) &&
                        !bare_answer(text);
    }
    point_at_content(sections);
    return sections;
}

GPtrArray *
__ost_section_paragraphs(const ost_section *sec, const ost_layout *layout, ost_repairer *rep,
                         ost_doc *doc)
{
    ost_para_builder pb;
    __ost_para_init(&pb, layout, rep, doc);
    if (sec->value != NULL) {
        /* A value cell may hold several lines; each is a paragraph. */
        char **lines = g_strsplit(sec->value, "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++) {
            __ost_para_add_line(&pb, lines[i]);
            __ost_para_flush(&pb);
        }
        g_strfreev(lines);
    }
    for (guint i = 0; i < sec->n_blocks; i++)
        __ost_para_add_block(&pb, sec->blocks[i]);
    return __ost_para_finish(&pb);
}

static void
add_split(GPtrArray *out, const char *text, gboolean commas)
{
    if (commas) {
        GPtrArray *parts = __ost_split_list(text);
        for (guint i = 0; i < parts->len; i++)
            ost_strlist_add_unique(out, g_ptr_array_index(parts, i));
        g_ptr_array_unref(parts);
        return;
    }
    static ost_pattern separator = OST_PATTERN("[;\\n]", 0);
    char **parts = __ost_pattern_split(&separator, text);
    for (guint i = 0; parts[i] != NULL; i++) {
        char *c = __ost_text_clean(parts[i]);
        if (c != NULL)
            ost_strlist_add_unique(out, c);
        g_free(c);
    }
    g_strfreev(parts);
}

GPtrArray *
__ost_section_unpointed_items(const ost_section *sec, ost_repairer *rep, ost_doc *doc)
{
    GPtrArray *items = g_ptr_array_new_with_free_func(g_free);
    GString *item = NULL;
    gboolean fits = TRUE;
    for (guint i = 0; fits && i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->kind == OST_BLOCK_BREAK)
            continue;
        char *t = b->kind == OST_BLOCK_LINE ? __ost_text_clean(b->text) : NULL;
        fits = t != NULL && !__ost_text_ends_sentence(t) && !__ost_text_is_intro(t);
        if (fits && (item == NULL || g_unichar_isupper(g_utf8_get_char(t)))) {
            if (item != NULL)
                g_ptr_array_add(items, g_string_free(item, FALSE));
            item = g_string_new(t);
        } else if (fits) {
            ost_repairer_join(rep, item, t, doc);
        }
        g_free(t);
    }
    if (item != NULL)
        g_ptr_array_add(items, g_string_free(item, FALSE));
    if (!fits || items->len < 2) {
        g_ptr_array_unref(items);
        return NULL;
    }
    return items;
}

GPtrArray *
__ost_section_entries(const ost_section *sec, const ost_layout *layout, ost_repairer *rep,
                      ost_doc *doc, gboolean commas)
{
    GPtrArray *out = ost_strlist_new();
    if (sec->value != NULL)
        add_split(out, sec->value, commas);
    GPtrArray *items = __ost_section_unpointed_items(sec, rep, doc);
    if (items != NULL) {
        for (guint i = 0; i < items->len; i++)
            ost_strlist_add_unique(out, g_ptr_array_index(items, i));
        g_ptr_array_unref(items);
        return out;
    }
    ost_para_builder pb;
    __ost_para_init(&pb, layout, rep, doc);
    for (guint i = 0; i < sec->n_blocks; i++) {
        const ost_block *b = sec->blocks[i];
        if (b->kind == OST_BLOCK_ITEM || (b->kind == OST_BLOCK_ROW && b->cells != NULL)) {
            GPtrArray *paras = __ost_para_finish(&pb);
            for (guint p = 0; p < paras->len; p++)
                add_split(out, g_ptr_array_index(paras, p), commas);
            g_ptr_array_unref(paras);
            __ost_para_init(&pb, layout, rep, doc);
            guint n = b->kind == OST_BLOCK_ROW ? b->cells->len : 1;
            for (guint c = 0; c < n; c++) {
                char *t = __ost_text_clean(b->kind == OST_BLOCK_ROW ? g_ptr_array_index(b->cells, c)
                                                                   : b->text);
                const char *item = t != NULL ? __ost_text_after_bullet(t) : NULL;
                if (t != NULL)
                    ost_strlist_add_unique(out, item != NULL ? item : t);
                g_free(t);
            }
        } else {
            __ost_para_add_block(&pb, b);
        }
    }
    GPtrArray *paras = __ost_para_finish(&pb);
    for (guint p = 0; p < paras->len; p++)
        add_split(out, g_ptr_array_index(paras, p), commas);
    g_ptr_array_unref(paras);
    return out;
}

/* @p line without reference codes and versions, cleaned; NULL when
 * nothing else is left. */
static char *
without_codes(const char *line)
{
    static ost_pattern codes = OST_PATTERN("\\b(?:ST|OCC)\\d{4}\\b"
                                           "|\\b(?:version|v)\\s*\\d+(?:\\.\\d+)*\\b"
                                           "|^\\s*[-–—|:]+|[-–—|:]+\\s*$",
                                           OST_CASELESS);
    char *cut = __ost_pattern_replace(&codes, line, " ");
    char *clean = __ost_text_clean(cut);
    g_free(cut);
    if (clean != NULL && strspn(clean, " -–—|:") == strlen(clean))
        g_clear_pointer(&clean, g_free);
    return clean;
}

char *
__ost_leading_title(const GPtrArray *sections)
{
    static ost_pattern document_kind = OST_PATTERN("^(?:(?:occupational|apprenticeship)\\s+)?standard(?:\\s+proposal)?$"
                        "|^(?:occupation|proposal|occupational standard proposal)$", OST_CASELESS);
    if (sections->len == 0)
        return NULL;
    const ost_section *first = g_ptr_array_index(sections, 0);
    if (first->field != OST_SECTION_LOOSE)
        return NULL;
    for (guint i = 0; i < first->n_blocks; i++) {
        const ost_block *b = first->blocks[i];
        if (b->kind == OST_BLOCK_BREAK || b->text == NULL)
            continue;
        if (b->kind != OST_BLOCK_LINE && b->kind != OST_BLOCK_HEADING)
            return NULL;
        char *t = without_codes(b->text);
        /* Only the reference, or a caption naming the kind of document
         * ("Occupational standard"): the title may follow. */
        if (t == NULL)
            continue;
        if (__ost_pattern_match(&document_kind, t)) {
            g_free(t);
            continue;
        }
        char *date = __ost_parse_date(t);
        int words = 1;
        for (const char *p = t; *p != '\0'; p++)
            words += *p == ' ';
        gboolean ok = date == NULL && words <= 12 && __ost_text_len(t) <= 100 &&
                      g_unichar_isupper(g_utf8_get_char(t)) && !__ost_text_ends_sentence(t) &&
                      __ost_parse_level(t) == 0 && __ost_text_residue(t, NULL) == NULL &&
                      !__ost_text_is_placeholder(t);
        g_free(date);
        if (ok)
            return t;
        g_free(t);
        return NULL;
    }
    return NULL;
}

char *
__ost_block_where(const ost_block *block)
{
    if (block == NULL)
        return NULL;
    if (block->page > 0)
        return g_strdup_printf("page %d", block->page);
    if (block->line > 0)
        return g_strdup_printf("line %d", block->line);
    return NULL;
}
