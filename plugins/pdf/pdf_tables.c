/* SPDX-License-Identifier: MIT */
/* Tables seen in the layout: duty tables and two-column label tables. */
#include "pdf_private.h"

#include <string.h>

/* "K1 K2 S3", "K1, K2 and B4", "K1-K5": a cell of KSB codes and nothing
 * else. */
gboolean
__ost_pdf_is_code_list(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^\\s*([KSB]\\d{1,3}(\\s*[-\\x{2013}]\\s*[KSB]?\\d{1,3})?[,;.]?\\s*"
                         "(and\\s+)?)+$", G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return g_regex_match(re, text, 0, NULL);
}

gboolean
__ost_pdf_is_upper(const char *text)
{
    gboolean letters = FALSE;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return FALSE;
        letters |= g_unichar_isalpha(c);
    }
    return letters;
}

guint
__ost_pdf_count_words(const char *text)
{
    guint n = 0;
    gboolean in_word = FALSE;
    for (const char *p = text; *p != '\0'; p++) {
        gboolean space = g_ascii_isspace(*p);
        n += !space && !in_word;
        in_word = !space;
    }
    return n;
}

typedef struct cell {
    GString *text;
    guint lines;
    gboolean all_bold;
    double size;
} cell;

typedef struct trow {
    cell *cells;
} trow;

static double
row_top(const pdf_row *row)
{
    double top = G_MAXDOUBLE;
    for (guint s = 0; s < row->segs->len; s++)
        top = MIN(top, ((pdf_seg *)g_ptr_array_index(row->segs, s))->y0);
    return top;
}

static double
row_bottom(const pdf_row *row)
{
    double bottom = -G_MAXDOUBLE;
    for (guint s = 0; s < row->segs->len; s++)
        bottom = MAX(bottom, ((pdf_seg *)g_ptr_array_index(row->segs, s))->y1);
    return bottom;
}

static gboolean
has_first_column(const pdf_row *row)
{
    return ((pdf_seg *)g_ptr_array_index(row->segs, 0))->col == 0;
}

/* The space between lines within a cell, measured between consecutive
 * lines of one column: beside a taller cell, a centred one's lines fall
 * between the taller one's, and line boxes overlap where the leading is
 * tight (LibreOffice). */
double
__ost_pdf_zone_leading(const pdf_zone *zone)
{
    double *col_bottom = g_new(double, zone->n_cols);
    for (int c = 0; c < zone->n_cols; c++)
        col_bottom[c] = -G_MAXDOUBLE;
    double leading = G_MAXDOUBLE;
    for (guint i = 0; i < zone->rows->len; i++) {
        const pdf_row *row = g_ptr_array_index(zone->rows, i);
        for (guint s = 0; s < row->segs->len; s++) {
            const pdf_seg *seg = g_ptr_array_index(row->segs, s);
            leading = MIN(leading, seg->y0 - col_bottom[seg->col]);
        }
        for (guint s = 0; s < row->segs->len; s++) {
            const pdf_seg *seg = g_ptr_array_index(row->segs, s);
            col_bottom[seg->col] = seg->y1;
        }
    }
    g_free(col_bottom);
    return leading;
}

/* Table rows start where a band of white space runs across every column and
 * is taller than the space between lines within a cell (cell padding). With
 * no padding to go by, each line with text in the first column starts one. */
static gboolean *
row_starts(const pdf_zone *zone, double em)
{
    guint n = zone->rows->len;
    gboolean *starts = g_new0(gboolean, n);
    double *gaps = g_new0(double, n);
    double bottom = -G_MAXDOUBLE, leading = __ost_pdf_zone_leading(zone);
    for (guint i = 0; i < n; i++) {
        const pdf_row *row = g_ptr_array_index(zone->rows, i);
        gaps[i] = row_top(row) - bottom;
        bottom = MAX(bottom, row_bottom(row));
    }
    starts[0] = TRUE;
    gboolean any = FALSE;
    for (guint i = 1; i < n; i++)
        any |= starts[i] = __ost_pdf_row_gap(gaps[i], leading, em);
    if (!any)
        for (guint i = 1; i < n; i++)
            starts[i] = has_first_column(g_ptr_array_index(zone->rows, i));
    g_free(gaps);
    return starts;
}

gboolean
__ost_pdf_row_gap(double gap, double leading, double em)
{
    return gap > leading + 0.15 * em;
}

static GArray *
build_rows(const pdf_zone *zone, double em)
{
    gboolean *starts = row_starts(zone, em);
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(trow));
    trow *cur = NULL;
    for (guint i = 0; i < zone->rows->len; i++) {
        if (starts[i]) {
            trow r = {g_new0(cell, zone->n_cols)};
            for (int c = 0; c < zone->n_cols; c++) {
                r.cells[c].text = g_string_new(NULL);
                r.cells[c].all_bold = TRUE;
            }
            g_array_append_val(rows, r);
            cur = &g_array_index(rows, trow, rows->len - 1);
        }
        const pdf_row *row = g_ptr_array_index(zone->rows, i);
        for (guint s = 0; s < row->segs->len; s++) {
            const pdf_seg *seg = g_ptr_array_index(row->segs, s);
            cell *c = &cur->cells[seg->col];
            if (c->lines > 0)
                g_string_append_c(c->text, '\n');
            g_string_append(c->text, seg->text);
            c->lines++;
            c->all_bold &= seg->bold;
            if (c->size == 0.0)
                c->size = seg->size;
        }
    }
    g_free(starts);
    return rows;
}

static void
free_rows(GArray *rows, int n_cols)
{
    for (guint r = 0; r < rows->len; r++) {
        trow *row = &g_array_index(rows, trow, r);
        for (int c = 0; c < n_cols; c++)
            g_string_free(row->cells[c].text, TRUE);
        g_free(row->cells);
    }
    g_array_free(rows, TRUE);
}

/* A header row is one line per cell, set apart by weight or capitals from
 * the row after it. */
static gboolean
is_header(const GArray *rows, int n_cols)
{
    if (rows->len < 2)
        return FALSE;
    const trow *first = &g_array_index(rows, trow, 0), *next = &g_array_index(rows, trow, 1);
    gboolean bold = TRUE, upper = TRUE, next_bold = TRUE;
    for (int c = 0; c < n_cols; c++) {
        const cell *x = &first->cells[c];
        if (x->lines != 1 || __ost_pdf_is_code_list(x->text->str))
            return FALSE;
        bold &= x->all_bold;
        upper &= __ost_pdf_is_upper(x->text->str);
        next_bold &= next->cells[c].lines == 0 || next->cells[c].all_bold;
    }
    return (bold && !next_bold) || upper;
}

/* Code cells are lists, not prose: their lines join with spaces. */
static void
flatten_code_cells(GArray *rows, int n_cols)
{
    for (guint r = 0; r < rows->len; r++)
        for (int c = 0; c < n_cols; c++) {
            GString *t = g_array_index(rows, trow, r).cells[c].text;
            if (__ost_pdf_is_code_list(t->str))
                for (gsize i = 0; i < t->len; i++)
                    if (t->str[i] == '\n')
                        t->str[i] = ' ';
        }
}

static double
zone_em(const pdf_zone *zone)
{
    double em = 0.0;
    for (guint i = 0; i < zone->rows->len; i++) {
        const pdf_row *row = g_ptr_array_index(zone->rows, i);
        for (guint s = 0; s < row->segs->len; s++)
            em = MAX(em, ((pdf_seg *)g_ptr_array_index(row->segs, s))->size);
    }
    return em;
}

/* A header row in the body's type heads the columns of a table; headings
 * in larger type side by side head the columns of a page layout (a main
 * column and a sidebar), which is read column after column. */
static gboolean
column_heads(const GArray *rows, int n_cols, gboolean header)
{
    if (!header)
        return FALSE;
    const trow *head = &g_array_index(rows, trow, 0), *next = &g_array_index(rows, trow, 1);
    for (int c = 0; c < n_cols; c++)
        if (next->cells[c].lines > 0 && head->cells[c].size > next->cells[c].size * 1.1)
            return FALSE;
    return TRUE;
}

ost_block *
__ost_pdf_emit_table(ost_blocks *blocks, const pdf_zone *zone, int page)
{
    if (zone->n_cols < 2)
        return NULL;
    GArray *rows = build_rows(zone, zone_em(zone));
    gboolean header = is_header(rows, zone->n_cols);
    guint body = rows->len - (header ? 1 : 0), code_rows = 0, label_rows = 0, coded_rows = 0;
    for (guint r = header ? 1 : 0; r < rows->len; r++) {
        const trow *row = &g_array_index(rows, trow, r);
        if (__ost_pdf_is_code_list(row->cells[zone->n_cols - 1].text->str))
            code_rows++;
        const cell *label = &row->cells[0];
        if (label->lines == 1 && __ost_pdf_count_words(label->text->str) == 1 &&
            __ost_pdf_is_code_list(label->text->str))
            coded_rows++;
        if (label->lines >= 1 && label->lines <= 2 && __ost_pdf_count_words(label->text->str) <= 8)
            label_rows++;
    }
    gboolean duties = code_rows > 0 && code_rows * 2 >= body;
    /* [K1, statement]: a KSB list set as a table, its codes in a column of
     * their own; the codes are no field labels. */
    gboolean coded = !duties && coded_rows > 0 && coded_rows * 10 >= body * 8;
    gboolean labels = !duties && !coded && zone->n_cols == 2 && label_rows * 10 >= body * 8;
    if (labels && body == 1) {
        /* One row alone is a label only when it looks like one. */
        const trow *row = &g_array_index(rows, trow, header ? 1 : 0);
        const char *label = row->cells[0].text->str;
        labels = (row->cells[0].all_bold && !row->cells[1].all_bold) ||
                 g_str_has_suffix(label, ":");
    }
    if (!duties && !labels && !coded && !column_heads(rows, zone->n_cols, header)) {
        free_rows(rows, zone->n_cols);
        return NULL;
    }
    flatten_code_cells(rows, zone->n_cols);
    const char **texts = g_new0(const char *, zone->n_cols);
    ost_block *b = NULL;
    for (guint r = 0; r < rows->len; r++) {
        const trow *row = &g_array_index(rows, trow, r);
        for (int c = 0; c < zone->n_cols; c++)
            texts[c] = row->cells[c].text->str;
        b = ost_blocks_add_row(blocks, texts, (guint)zone->n_cols);
        b->page = page;
        b->font_size = row->cells[0].size;
        if (header && r == 0)
            b->flags |= OST_BLOCK_HEADER_ROW;
        else if (labels)
            b->flags |= OST_BLOCK_LABEL;
    }
    g_free(texts);
    free_rows(rows, zone->n_cols);
    return b;
}

void
__ost_pdf_row_extend(ost_block *row, int col, const char *text)
{
    char **held = (char **)&row->cells->pdata[col];
    gboolean codes = __ost_pdf_is_code_list(*held) && __ost_pdf_is_code_list(text);
    char *joined = **held == '\0' ? g_strdup(text)
                                   : g_strconcat(*held, codes ? " " : "\n", text, NULL);
    g_free(*held);
    *held = joined;
    GString *all = g_string_new(NULL);
    for (guint c = 0; c < row->cells->len; c++)
        g_string_append_printf(all, "%s%s", c > 0 ? "\t" : "",
                               (const char *)g_ptr_array_index(row->cells, c));
    g_free(row->text);
    row->text = g_string_free(all, FALSE);
}
