/* SPDX-License-Identifier: MIT */
/* Reading order and blocks: running text, column zones, breaks, items. */
#include "pdf_private.h"

#include <math.h>
#include <string.h>

struct pdf_emit {
    ost_blocks *blocks;
    const pdf_fonts *fonts;
    double para_gap;        /* ems: a wider gap between lines ends a paragraph */
    const pdf_seg *prev;    /* the line before, in the current flow */
    gboolean prev_full;     /* it reached the right edge: its paragraph goes on */
    gboolean page_start;    /* prev is on the page before */
    ost_block *item;        /* the list item the flow is in, or NULL */
    ost_block *table_row;   /* the last row of the last table, or NULL */
    const ost_block *table_header; /* that table's header row, or NULL */
    int table_cols;         /* that table's columns */
    double table_leading;   /* the space between lines of its cells */
    double *table_x0, *table_x1;
    double item_x0;         /* where that item's marker starts */
    int page;
    double left, right;     /* the page's text edges */
};

#define ZONE_GAP 1.6        /* ems: a wider gap ends a column zone */
#define FULL_LINE 0.85      /* share of the width a wrapped line fills */
#define ITEM_WORDS 12       /* an occupation's title is short */
#define COL_TOL 0.5         /* points a line may stray out of its column */

static gint
compare_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Lines of one paragraph sit closer together than paragraphs do, but how
 * close depends on the producer's line spacing, so the usual gap between
 * lines of the same size is measured first. */
static double
measure_para_gap(const GPtrArray *pages)
{
    GArray *gaps = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint p = 0; p < pages->len; p++) {
        const pdf_page *page = g_ptr_array_index(pages, p);
        for (guint r = 1; r < page->rows->len; r++) {
            const pdf_row *a = g_ptr_array_index(page->rows, r - 1);
            const pdf_row *b = g_ptr_array_index(page->rows, r);
            if (a->segs->len != 1 || b->segs->len != 1)
                continue;
            const pdf_seg *x = g_ptr_array_index(a->segs, 0), *y = g_ptr_array_index(b->segs, 0);
            if (fabs(x->size - y->size) > 0.1 * x->size || x->size <= 0.0)
                continue;
            double gap = (y->y0 - x->y1) / x->size;
            g_array_append_val(gaps, gap);
        }
    }
    double base = 0.0;
    if (gaps->len > 0) {
        g_array_sort(gaps, compare_double);
        base = MAX(0.0, g_array_index(gaps, double, gaps->len / 4));
    }
    g_array_free(gaps, TRUE);
    return MAX(0.4, base + 0.3);
}

pdf_emit *
__ost_pdf_emit_new(ost_blocks *blocks, const pdf_fonts *fonts, const GPtrArray *pages)
{
    pdf_emit *em = g_new0(pdf_emit, 1);
    em->blocks = blocks;
    em->fonts = fonts;
    em->para_gap = measure_para_gap(pages);
    em->prev_full = TRUE;
    return em;
}

void
__ost_pdf_emit_free(pdf_emit *em)
{
    g_free(em->table_x0);
    g_free(em->table_x1);
    g_free(em);
}

static ost_block *
last_block(const pdf_emit *em)
{
    GPtrArray *items = em->blocks->items;
    return items->len > 0 ? g_ptr_array_index(items, items->len - 1) : NULL;
}

/* Breaks follow text only: never two in a row, none after a heading, none at
 * the start (a page boundary in between does not count). */
static void
add_break(pdf_emit *em)
{
    GPtrArray *items = em->blocks->items;
    const ost_block *last = NULL;
    for (guint i = items->len; i-- > 0 && last == NULL;) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->kind != OST_BLOCK_PAGE)
            last = b;
    }
    if (last == NULL || last->kind == OST_BLOCK_BREAK || last->kind == OST_BLOCK_HEADING)
        return;
    ost_block *b = ost_blocks_add(em->blocks, OST_BLOCK_BREAK, NULL);
    b->page = em->page;
}

static ost_block *
add_text(pdf_emit *em, ost_block_kind kind, const pdf_seg *seg)
{
    ost_block *b = ost_blocks_add(em->blocks, kind, seg->text);
    b->page = em->page;
    b->font_size = seg->size;
    b->color = seg->rgb;
    b->flags |= OST_BLOCK_COLOR;
    if (seg->bold)
        b->flags |= OST_BLOCK_BOLD;
    return b;
}

static void
append_text(ost_block *b, const char *text)
{
    char *joined = g_strconcat(b->text, " ", text, NULL);
    g_free(b->text);
    b->text = joined;
}

static gboolean
starts_paragraph(const pdf_emit *em, const pdf_seg *seg)
{
    const pdf_seg *prev = em->prev;
    if (prev == NULL)
        return FALSE;
    double size = MAX(prev->size, seg->size);
    if (prev->bold != seg->bold || fabs(prev->size - seg->size) > 0.1 * size)
        return TRUE;
    /* Over a page break the gap says nothing; a short last line does. */
    if (em->page_start)
        return !em->prev_full;
    return seg->y0 - prev->y1 > em->para_gap * size;
}

/* A line that opens with a list marker: a bullet, or a number or letter
 * ending in '.' or ')' ("1.", "a)", "(iv)"), then a space. @p number gets
 * the marker, @p rest where the item's text starts. */
static gboolean
list_marker(const char *text, char **number, const char **rest)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^([\\x{2022}\\x{25E6}\\x{25AA}\\x{25CF}\\x{2023}\\x{2043}\\x{00B7}*]|"
                         "\\(?(\\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)])\\s+\\S",
                         G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    GMatchInfo *m = NULL;
    gboolean found = g_regex_match(re, text, 0, &m);
    if (found) {
        int start, end;
        g_match_info_fetch_pos(m, 0, &start, &end);
        *number = g_match_info_fetch(m, 1);
        *rest = text + end - 1;
    }
    g_match_info_free(m);
    return found;
}

/* A wrapped line of a list item: in its paragraph, right after it, set in
 * from the item's marker. */
static gboolean
continues_item(const pdf_emit *em, const pdf_seg *seg, gboolean new_para)
{
    return em->item != NULL && !new_para && last_block(em) == em->item &&
           seg->x0 > em->item_x0 + 0.5 * seg->size;
}

/* One line of running text: a heading (wrapped headings become one), a
 * list item (its wrapped lines joined), or a line, after a break when a
 * paragraph ends before it. */
static void
emit_line(pdf_emit *em, const pdf_seg *seg, double left, double right)
{
    int level = __ost_pdf_heading_level(em->fonts, seg);
    gboolean new_para = starts_paragraph(em, seg);
    ost_block *last = last_block(em);
    if (level > 0) {
        if (!new_para && em->prev != NULL && last != NULL && last->kind == OST_BLOCK_HEADING &&
            last->level == level) {
            append_text(last, seg->text);
        } else {
            ost_block *b = add_text(em, OST_BLOCK_HEADING, seg);
            b->level = level;
        }
    } else if (continues_item(em, seg, new_para)) {
        append_text(em->item, seg->text);
    } else {
        if (new_para)
            add_break(em);
        char *number = NULL;
        const char *rest = NULL;
        ost_block *b;
        if (list_marker(seg->text, &number, &rest)) {
            b = add_text(em, OST_BLOCK_ITEM, seg);
            g_free(b->text);
            b->text = g_strdup(rest);
            b->number = number;
            b->level = 1;
            em->item = b;
            em->item_x0 = seg->x0;
        } else {
            b = add_text(em, OST_BLOCK_LINE, seg);
            em->item = NULL;
        }
        if (seg->x0 > left + seg->size)
            b->flags |= OST_BLOCK_INDENTED;
    }
    em->prev = seg;
    em->prev_full = seg->x1 >= left + FULL_LINE * (right - left);
    em->page_start = FALSE;
}

static gboolean
is_status_ink(pdf_ink ink)
{
    return ink == PDF_INK_GREEN || ink == PDF_INK_AMBER || ink == PDF_INK_RED;
}

static gboolean
gap_before(const pdf_emit *em, const pdf_seg *a, const pdf_seg *b)
{
    return a == NULL || b->y0 - a->y1 > em->para_gap * MAX(a->size, b->size) ||
           a->ink != b->ink || a->bold != b->bold;
}

/* Whether @seg continues the title on the line before: that line was
 * broken because @seg's first word did not fit after it, and it did not end
 * a title with its level ("(3)") before a capital. */
static gboolean
wraps_onto(const pdf_seg *prev, const pdf_seg *seg, double right)
{
    if (prev->x1 + 0.3 * seg->size + seg->first_width <= right)
        return FALSE;
    return !(g_str_has_suffix(prev->text, ")") && g_unichar_isupper(g_utf8_get_char(seg->text)));
}

/* On a map, an occupation is a short line of its own in a cluster's column:
 * coloured by its status, or black when it awaits a standard. A coloured
 * title wrapped onto a second line stays one item. */
static void
emit_map_column(pdf_emit *em, GPtrArray *segs, double left, double right)
{
    for (guint i = 0; i < segs->len; i++) {
        const pdf_seg *seg = g_ptr_array_index(segs, i);
        const pdf_seg *prev = i > 0 ? g_ptr_array_index(segs, i - 1) : NULL;
        const pdf_seg *next = i + 1 < segs->len ? g_ptr_array_index(segs, i + 1) : NULL;
        ost_block *last = last_block(em);
        gboolean heading = __ost_pdf_heading_level(em->fonts, seg) > 0;
        /* A cluster's name is set in bold above its column, often wrapped:
         * a heading even at the body size. */
        if (!heading && seg->bold && seg->size >= em->fonts->body) {
            if (prev != NULL && prev->bold && !gap_before(em, prev, seg) && last != NULL &&
                last->kind == OST_BLOCK_HEADING) {
                append_text(last, seg->text);
            } else {
                ost_block *b = add_text(em, OST_BLOCK_HEADING, seg);
                b->level = MIN(em->fonts->n_heading_sizes + 1, 6);
            }
            em->prev = seg;
            continue;
        }
        if (!heading && is_status_ink(seg->ink) && last != NULL && last->kind == OST_BLOCK_ITEM &&
            prev != NULL && !gap_before(em, prev, seg) && wraps_onto(prev, seg, right)) {
            append_text(last, seg->text);
            em->prev = seg;
            continue;
        }
        gboolean item = !heading && !seg->bold && !__ost_pdf_is_upper(seg->text) &&
                        (is_status_ink(seg->ink) ||
                         (seg->ink == PDF_INK_BLACK && gap_before(em, prev, seg) &&
                          (next == NULL || gap_before(em, seg, next)) &&
                          __ost_pdf_count_words(seg->text) <= ITEM_WORDS));
        if (!item) {
            emit_line(em, seg, left, right);
            continue;
        }
        if (last != NULL && last->kind == OST_BLOCK_LINE)
            add_break(em);
        add_text(em, OST_BLOCK_ITEM, seg);
        em->prev = seg;
    }
}

/* ---- column zones ----------------------------------------------------- */

static int
column_of(const pdf_zone *z, const pdf_seg *seg, double tol, int *n_hits)
{
    int col = -1;
    *n_hits = 0;
    for (int c = 0; c < z->n_cols; c++)
        if (seg->x0 < z->col_x1[c] + tol && seg->x1 > z->col_x0[c] - tol) {
            col = c;
            (*n_hits)++;
        }
    return col;
}

static void
insert_column(pdf_zone *z, const pdf_seg *seg)
{
    int at = 0;
    while (at < z->n_cols && z->col_x0[at] < seg->x0)
        at++;
    z->col_x0 = g_renew(double, z->col_x0, z->n_cols + 1);
    z->col_x1 = g_renew(double, z->col_x1, z->n_cols + 1);
    memmove(z->col_x0 + at + 1, z->col_x0 + at, (gsize)(z->n_cols - at) * sizeof(double));
    memmove(z->col_x1 + at + 1, z->col_x1 + at, (gsize)(z->n_cols - at) * sizeof(double));
    z->col_x0[at] = seg->x0;
    z->col_x1[at] = seg->x1;
    z->n_cols++;
}

/* Whether every segment of @row falls in one column of @z (or in a gap,
 * where it opens a column), without closing the gap between columns. */
static gboolean
row_fits(const pdf_zone *z, const pdf_row *row)
{
    for (guint s = 0; s < row->segs->len; s++) {
        const pdf_seg *seg = g_ptr_array_index(row->segs, s);
        int hits;
        int c = column_of(z, seg, COL_TOL, &hits);
        if (hits > 1)
            return FALSE;
        if (hits == 1) {
            /* Cells may be filled right up to the next column. */
            double x0 = MIN(z->col_x0[c], seg->x0), x1 = MAX(z->col_x1[c], seg->x1);
            if ((c > 0 && x0 < z->col_x1[c - 1]) || (c + 1 < z->n_cols && x1 > z->col_x0[c + 1]))
                return FALSE;
        }
    }
    return TRUE;
}

static void
row_add(pdf_zone *z, const pdf_row *row)
{
    for (guint s = 0; s < row->segs->len; s++) {
        const pdf_seg *seg = g_ptr_array_index(row->segs, s);
        int hits;
        int c = column_of(z, seg, COL_TOL, &hits);
        if (hits == 0) {
            insert_column(z, seg);
        } else {
            z->col_x0[c] = MIN(z->col_x0[c], seg->x0);
            z->col_x1[c] = MAX(z->col_x1[c], seg->x1);
        }
    }
    g_ptr_array_add(z->rows, (gpointer)row);
}

static double
row_size(const pdf_row *row, double *top, double *bottom)
{
    double size = 0.0;
    *top = G_MAXDOUBLE;
    *bottom = -G_MAXDOUBLE;
    for (guint s = 0; s < row->segs->len; s++) {
        const pdf_seg *seg = g_ptr_array_index(row->segs, s);
        size = MAX(size, seg->size);
        *top = MIN(*top, seg->y0);
        *bottom = MAX(*bottom, seg->y1);
    }
    return size;
}

/* A zone is a run of lines laid out in columns: it starts at a line with a
 * column gap and takes the lines below that keep to its columns, until a
 * wide gap or larger type (a heading) ends it. */
static guint
build_zone(const pdf_page *page, guint start, pdf_zone *z)
{
    z->rows = g_ptr_array_new();
    z->n_cols = 0;
    z->col_x0 = z->col_x1 = NULL;
    double top, bottom;
    double size = row_size(g_ptr_array_index(page->rows, start), &top, &bottom);
    row_add(z, g_ptr_array_index(page->rows, start));
    guint i = start + 1;
    for (; i < page->rows->len; i++) {
        const pdf_row *row = g_ptr_array_index(page->rows, i);
        double rtop, rbottom;
        double rsize = row_size(row, &rtop, &rbottom);
        if (rtop - bottom > ZONE_GAP * size || rsize > size * 1.15 || !row_fits(z, row))
            break;
        row_add(z, row);
        bottom = MAX(bottom, rbottom);
    }
    for (guint r = 0; r < z->rows->len; r++) {
        const pdf_row *row = g_ptr_array_index(z->rows, r);
        for (guint s = 0; s < row->segs->len; s++) {
            pdf_seg *seg = g_ptr_array_index(row->segs, s);
            int hits;
            seg->col = MAX(0, column_of(z, seg, COL_TOL, &hits));
        }
    }
    return i;
}

static gboolean
zone_has_status(const pdf_zone *z)
{
    for (guint r = 0; r < z->rows->len; r++) {
        const pdf_row *row = g_ptr_array_index(z->rows, r);
        for (guint s = 0; s < row->segs->len; s++)
            if (is_status_ink(((pdf_seg *)g_ptr_array_index(row->segs, s))->ink))
                return TRUE;
    }
    return FALSE;
}

static GPtrArray *
column_segs(const pdf_zone *z, int c)
{
    GPtrArray *segs = g_ptr_array_new();
    for (guint r = 0; r < z->rows->len; r++) {
        const pdf_row *row = g_ptr_array_index(z->rows, r);
        for (guint s = 0; s < row->segs->len; s++) {
            pdf_seg *seg = g_ptr_array_index(row->segs, s);
            if (seg->col == c)
                g_ptr_array_add(segs, seg);
        }
    }
    return segs;
}

/* Running text set in columns (a newspaper layout, not a table): columns of
 * like width whose lines mostly fill them, as wrapped prose does; labels,
 * codes and short cells leave their column ragged. */
static gboolean
text_columns(const pdf_zone *z)
{
    if (z->n_cols < 2)
        return FALSE;
    double narrowest = G_MAXDOUBLE, widest = 0.0;
    for (int c = 0; c < z->n_cols; c++) {
        double width = z->col_x1[c] - z->col_x0[c];
        narrowest = MIN(narrowest, width);
        widest = MAX(widest, width);
        GPtrArray *segs = column_segs(z, c);
        guint full = 0;
        for (guint i = 0; i < segs->len; i++) {
            const pdf_seg *seg = g_ptr_array_index(segs, i);
            if (__ost_pdf_is_code_list(seg->text)) {
                full = 0;
                break;
            }
            full += seg->x1 >= z->col_x0[c] + FULL_LINE * width &&
                    __ost_pdf_count_words(seg->text) >= 4;
        }
        gboolean prose = segs->len >= 3 && full * 5 >= segs->len * 3;
        g_ptr_array_free(segs, TRUE);
        if (!prose)
            return FALSE;
    }
    return narrowest >= 0.6 * widest;
}

/* Columns that are no table (a map's clusters, text set in columns) are
 * read one after the other, top to bottom. In running text a paragraph
 * goes on at the top of the next column when the column before ends with
 * a line that the next column's first word would not have fitted on. */
static void
emit_columns(pdf_emit *em, const pdf_zone *z, gboolean map, gboolean flow)
{
    for (int c = 0; c < z->n_cols; c++) {
        GPtrArray *segs = column_segs(z, c);
        const pdf_seg *first = segs->len > 0 ? g_ptr_array_index(segs, 0) : NULL;
        if (flow && c > 0 && em->prev != NULL && first != NULL &&
            em->prev->x1 + 0.3 * first->size + first->first_width > z->col_x1[c - 1]) {
            em->page_start = TRUE;
            em->prev_full = TRUE;
        } else {
            add_break(em);
            em->prev = NULL;
        }
        if (map)
            emit_map_column(em, segs, z->col_x0[c], z->col_x1[c]);
        else
            for (guint i = 0; i < segs->len; i++)
                emit_line(em, g_ptr_array_index(segs, i), z->col_x0[c], z->col_x1[c]);
        g_ptr_array_free(segs, TRUE);
    }
}

static void
emit_zone(pdf_emit *em, const pdf_zone *z)
{
    add_break(em);
    em->page_start = FALSE;
    gboolean map = em->fonts->has_status_colours && zone_has_status(z);
    gboolean flow = !map && text_columns(z);
    guint first = em->blocks->items->len;
    ost_block *last_row = flow ? NULL : __ost_pdf_emit_table(em->blocks, z, em->page);
    map = map && last_row == NULL;
    if (last_row == NULL) {
        emit_columns(em, z, map, flow);
    } else {
        const ost_block *top = g_ptr_array_index(em->blocks->items, first);
        em->table_header = top->flags & OST_BLOCK_HEADER_ROW ? top : NULL;
        em->table_row = last_row;
        em->table_cols = z->n_cols;
        em->table_leading = __ost_pdf_zone_leading(z);
        g_free(em->table_x0);
        g_free(em->table_x1);
        em->table_x0 = g_memdup2(z->col_x0, sizeof(double) * (gsize)z->n_cols);
        em->table_x1 = g_memdup2(z->col_x1, sizeof(double) * (gsize)z->n_cols);
    }
    add_break(em);
    em->prev = NULL;
    em->prev_full = FALSE;
}

/* A table whose first row's first cell is centred beside a taller cell
 * starts on a line holding only that taller cell's text: a line that lines
 * up with a later column of the line just below it, which has columns. */
static gboolean
opens_zone(const pdf_page *page, guint r)
{
    if (r + 1 >= page->rows->len)
        return FALSE;
    const pdf_row *row = g_ptr_array_index(page->rows, r);
    const pdf_row *next = g_ptr_array_index(page->rows, r + 1);
    if (row->segs->len != 1 || next->segs->len < 2)
        return FALSE;
    const pdf_seg *seg = g_ptr_array_index(row->segs, 0);
    double top, bottom, size = row_size(next, &top, &bottom);
    if (top - seg->y1 > 0.5 * size || seg->size > size * 1.15)
        return FALSE;
    for (guint s = 1; s < next->segs->len; s++) {
        const pdf_seg *cell = g_ptr_array_index(next->segs, s);
        if (fabs(cell->x0 - seg->x0) <= COL_TOL)
            return TRUE;
    }
    return FALSE;
}

/* Whether the page's text so far ended with the last table's last row. */
static gboolean
table_open(const pdf_emit *em)
{
    GPtrArray *items = em->blocks->items;
    for (guint i = items->len; i-- > 0;) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b == em->table_row)
            return TRUE;
        if (b->kind != OST_BLOCK_BREAK && b->kind != OST_BLOCK_PAGE && !(b->flags & OST_BLOCK_CHROME))
            return FALSE;
    }
    return FALSE;
}

/* Whether @p row repeats the header row of the last table, cell for cell. */
static gboolean
repeats_header(const pdf_emit *em, const pdf_row *row)
{
    const ost_block *h = em->table_header;
    if (h == NULL || row->segs->len != h->cells->len)
        return FALSE;
    for (guint s = 0; s < row->segs->len; s++)
        if (strcmp(((const pdf_seg *)g_ptr_array_index(row->segs, s))->text,
                   g_ptr_array_index(h->cells, s)) != 0)
            return FALSE;
    return TRUE;
}

/* The rows of @p page from @p from that belong to the table row broken
 * over the page: lines that keep to the last table's columns and follow
 * each other as lines of a cell do, up to the first row gap. None when
 * one of them has text in the first column: a new row starts there (its
 * first cell centred beside a taller one). @return the end of the run. */
static guint
broken_row_end(const pdf_emit *em, const pdf_page *page, guint from)
{
    pdf_zone z = {NULL, em->table_cols, em->table_x0, em->table_x1};
    double bottom = 0.0;
    guint r = from;
    for (; r < page->rows->len; r++) {
        const pdf_row *row = g_ptr_array_index(page->rows, r);
        const pdf_seg *first = g_ptr_array_index(row->segs, 0);
        if (r > from && __ost_pdf_row_gap(first->y0 - bottom, em->table_leading, first->size))
            break;
        for (guint s = 0; s < row->segs->len; s++) {
            pdf_seg *seg = g_ptr_array_index(row->segs, s);
            int hits;
            int c = column_of(&z, seg, COL_TOL, &hits);
            if (c < 0 || hits != 1 || seg->x1 > z.col_x1[c] + seg->size)
                return r > from ? r : from;
            if (c == 0)
                return from;
            seg->col = c;
            bottom = MAX(bottom, seg->y1);
        }
    }
    return r;
}

/* A table row broken by the page goes on at the top of the next, under
 * the table's header when it is repeated: its lines there are added to
 * the row's cells, and a repeated header is kept as a header row. @return
 * the first row of @p page not taken. */
static guint
continue_table(pdf_emit *em, const pdf_page *page)
{
    if (em->table_row == NULL || !table_open(em) || page->rows->len == 0)
        return 0;
    guint from = repeats_header(em, g_ptr_array_index(page->rows, 0)) ? 1 : 0;
    guint end = broken_row_end(em, page, from);
    if (end == from)
        return 0;
    if (from == 1) {
        const pdf_row *row = g_ptr_array_index(page->rows, 0);
        const char **texts = g_new(const char *, row->segs->len);
        for (guint s = 0; s < row->segs->len; s++)
            texts[s] = ((const pdf_seg *)g_ptr_array_index(row->segs, s))->text;
        ost_block *b = ost_blocks_add_row(em->blocks, texts, row->segs->len);
        b->page = em->page;
        b->font_size = ((const pdf_seg *)g_ptr_array_index(row->segs, 0))->size;
        b->flags |= OST_BLOCK_HEADER_ROW;
        g_free(texts);
    }
    for (guint r = from; r < end; r++) {
        const pdf_row *row = g_ptr_array_index(page->rows, r);
        for (guint s = 0; s < row->segs->len; s++) {
            const pdf_seg *seg = g_ptr_array_index(row->segs, s);
            __ost_pdf_row_extend(em->table_row, seg->col, seg->text);
        }
    }
    return end;
}

/* Running headers and footers stay in the stream, marked as furniture, in
 * their order on the page; they break no paragraph. */
static void
emit_furniture(pdf_emit *em, const GPtrArray *segs, guint kind)
{
    for (guint i = 0; i < segs->len; i++) {
        const pdf_seg *seg = g_ptr_array_index(segs, i);
        ost_block *b = ost_blocks_add(em->blocks, OST_BLOCK_LINE, seg->text);
        b->page = em->page;
        b->font_size = seg->size;
        b->flags |= OST_BLOCK_CHROME | kind;
    }
}

void
__ost_pdf_emit_page(pdf_emit *em, const pdf_page *page)
{
    em->page = page->number;
    ost_block *pb = ost_blocks_add(em->blocks, OST_BLOCK_PAGE, NULL);
    pb->page = page->number;
    em->page_start = TRUE;
    emit_furniture(em, page->header, OST_BLOCK_PAGE_HEADER);

    em->left = G_MAXDOUBLE;
    em->right = -G_MAXDOUBLE;
    for (guint r = 0; r < page->rows->len; r++) {
        const pdf_row *row = g_ptr_array_index(page->rows, r);
        for (guint s = 0; s < row->segs->len; s++) {
            const pdf_seg *seg = g_ptr_array_index(row->segs, s);
            em->left = MIN(em->left, seg->x0);
            em->right = MAX(em->right, seg->x1);
        }
    }
    for (guint r = continue_table(em, page); r < page->rows->len;) {
        const pdf_row *row = g_ptr_array_index(page->rows, r);
        if (row->segs->len == 1 && !opens_zone(page, r)) {
            emit_line(em, g_ptr_array_index(row->segs, 0), em->left, em->right);
            r++;
            continue;
        }
        pdf_zone z;
        r = build_zone(page, r, &z);
        emit_zone(em, &z);
        g_ptr_array_free(z.rows, TRUE);
        g_free(z.col_x0);
        g_free(z.col_x1);
    }
    emit_furniture(em, page->footer, OST_BLOCK_PAGE_FOOTER);
}
