/* SPDX-License-Identifier: MIT */
/* Page geometry: Poppler's glyph boxes -> words -> visual lines -> segments. */
#include "pdf_private.h"

#include <math.h>
#include <string.h>

typedef struct word {
    GString *text;
    double x0, y0, x1, y1;
    double size;
    guint n_bold, n_chars;
    guint inks[PDF_INK_OTHER + 1];
    guint32 rgb;            /* colour of its first character */
    gboolean split_before;  /* a column gap lies between it and the word before */
} word;

static void
word_free(word *w)
{
    g_string_free(w->text, TRUE);
    g_free(w);
}

void
__ost_pdf_seg_free(pdf_seg *seg)
{
    if (seg == NULL)
        return;
    g_free(seg->text);
    g_free(seg);
}

double
__ost_pdf_seg_height(const pdf_seg *seg)
{
    return seg->y1 - seg->y0;
}

static void
row_free(pdf_row *row)
{
    g_ptr_array_free(row->segs, TRUE);
    g_free(row);
}

void
__ost_pdf_page_free(pdf_page *page)
{
    if (page == NULL)
        return;
    g_ptr_array_free(page->rows, TRUE);
    g_ptr_array_free(page->header, TRUE);
    g_ptr_array_free(page->footer, TRUE);
    g_free(page);
}

/* Glyphs a font maps to no character come out as control characters (the
 * raw glyph code); they are lost characters, as U+FFFD says, which the
 * repair engine knows how to restore. */
static gunichar
clean_char(gunichar c)
{
    if ((c < 0x20 && c != '\t') || (c >= 0x7F && c < 0xA0))
        return 0xFFFD;
    return c;
}

/* Poppler's text for a page comes with one box per character and attribute
 * runs over the same character offsets; words are the runs between spaces. */
static GPtrArray *
read_words(PopplerPage *page)
{
    GPtrArray *words = g_ptr_array_new_with_free_func((GDestroyNotify)word_free);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint n_rects = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &n_rects)) {
        g_free(text);
        return words;
    }
    GList *attrs = poppler_page_get_text_attributes(page);
    GList *a = attrs, *seen = NULL;
    gboolean bold = FALSE;
    pdf_ink ink = PDF_INK_BLACK;
    guint32 rgb = 0;
    word *w = NULL;
    guint i = 0;
    for (const char *p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char(p), i++) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isspace(c) || c == 0xA0) {
            w = NULL;
            continue;
        }
        const PopplerRectangle *r = &rects[i];
        while (a != NULL && ((PopplerTextAttributes *)a->data)->end_index < (int)i)
            a = a->next;
        const PopplerTextAttributes *at = a != NULL ? a->data : NULL;
        if (a != seen && at != NULL) {
            bold = __ost_pdf_font_is_bold(at->font_name);
            rgb = OST_RGB(at->color.red >> 8, at->color.green >> 8, at->color.blue >> 8);
            ink = __ost_pdf_ink(rgb);
            seen = a;
        }
        double size = at != NULL ? at->font_size : r->y2 - r->y1;
        /* A word never runs backwards or jumps a gap: Poppler sometimes
         * joins glyphs drawn apart without putting a space between them. */
        if (w != NULL && (r->x1 < w->x1 - 0.5 * size || r->x1 - w->x1 > 0.6 * size ||
                          fabs((r->y1 + r->y2) - (w->y0 + w->y1)) > 0.5 * size))
            w = NULL;
        if (w == NULL) {
            w = g_new0(word, 1);
            w->text = g_string_new(NULL);
            w->x0 = r->x1, w->y0 = r->y1, w->x1 = r->x2, w->y1 = r->y2;
            w->size = size;
            w->rgb = rgb;
            g_ptr_array_add(words, w);
        }
        g_string_append_unichar(w->text, clean_char(c));
        w->x0 = MIN(w->x0, r->x1), w->x1 = MAX(w->x1, r->x2);
        w->y0 = MIN(w->y0, r->y1), w->y1 = MAX(w->y1, r->y2);
        w->size = MAX(w->size, size);
        w->n_chars++;
        if (at != NULL) {
            w->n_bold += bold;
            w->inks[ink]++;
        }
    }
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return words;
}

static double
centre(const word *w)
{
    return (w->y0 + w->y1) / 2.0;
}

static gint
compare_centre(gconstpointer a, gconstpointer b)
{
    const word *x = *(word *const *)a, *y = *(word *const *)b;
    double d = centre(x) - centre(y);
    if (d != 0.0)
        return d < 0.0 ? -1 : 1;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static gint
compare_x(gconstpointer a, gconstpointer b)
{
    const word *x = *(word *const *)a, *y = *(word *const *)b;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Words whose boxes share a band with the line's first word are on the same
 * visual line, whatever column they are in. */
static GPtrArray *
visual_lines(GPtrArray *words)
{
    g_ptr_array_sort(words, compare_centre);
    GPtrArray *lines = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *line = NULL;
    const word *first = NULL;
    for (guint i = 0; i < words->len; i++) {
        word *w = g_ptr_array_index(words, i);
        if (line == NULL || centre(w) > first->y1 || centre(first) < w->y0) {
            line = g_ptr_array_new();
            g_ptr_array_add(lines, line);
            first = w;
        }
        g_ptr_array_add(line, w);
    }
    for (guint i = 0; i < lines->len; i++)
        g_ptr_array_sort(g_ptr_array_index(lines, i), compare_x);
    return lines;
}

/* Column gaps are told from word spaces by width. The thresholds are in
 * ems, and at least a multiple of the page's usual word space, which is
 * wide in monospaced type. */
#define WIDE_GAP 1.5    /* ems: a column gap on its own */
#define NARROW_GAP 0.6  /* ems: a column gap when the next lines agree */
#define TIGHT_GAP 0.3   /* ems: a column gap when two other lines agree */
#define WIDE_SPACES 3.0
#define NARROW_SPACES 2.0
#define TIGHT_SPACES 1.5
#define ALIGN_TOL 2.0   /* points */
#define EXACT_TOL 0.5   /* points: cells filled to the edge, no gap at all */
#define NEAR_LINES 3.5  /* ems: how far to look for agreeing lines */

static double
gap_before(GPtrArray *line, guint j)
{
    const word *prev = g_ptr_array_index(line, j - 1), *w = g_ptr_array_index(line, j);
    return (w->x0 - prev->x1) / MAX(prev->size, w->size);
}

static gint
compare_double(gconstpointer a, gconstpointer b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* "•", "-", "1.", "a)", "(iv)": what starts a list item. */
static gboolean
is_list_marker(const word *w)
{
    const char *t = w->text->str;
    glong n = g_utf8_strlen(t, -1);
    if (n == 1)
        return !g_unichar_isalnum(g_utf8_get_char(t));
    gunichar last = g_utf8_get_char(g_utf8_prev_char(t + w->text->len));
    return n <= 5 && (last == '.' || last == ')');
}

/* The median gap between words, in ems: the page's usual word space. */
static double
usual_space(GPtrArray *lines)
{
    GArray *gaps = g_array_new(FALSE, FALSE, sizeof(double));
    for (guint i = 0; i < lines->len; i++) {
        GPtrArray *line = g_ptr_array_index(lines, i);
        for (guint j = 1; j < line->len; j++) {
            double gap = gap_before(line, j);
            if (gap > 0.0)
                g_array_append_val(gaps, gap);
        }
    }
    double space = 0.0;
    if (gaps->len > 0) {
        g_array_sort(gaps, compare_double);
        space = g_array_index(gaps, double, gaps->len / 2);
    }
    g_array_free(gaps, TRUE);
    return space;
}

/* How many other lines near @at (up to two) start a word at @x after a gap
 * or at their start: then the space before @x on this line is a column's
 * left edge, not a loose word space in justified text. */
static int
column_edge_votes(GPtrArray *lines, guint at, double x, double em, double narrow, double tol)
{
    int votes = 0;
    GPtrArray *line = g_ptr_array_index(lines, at);
    const word *ref = g_ptr_array_index(line, 0);
    /* Lines are sorted top down: look outwards until they are too far. */
    for (int dir = -1; dir <= 1; dir += 2) {
        for (gint64 k = (gint64)at + dir; k >= 0 && k < (gint64)lines->len; k += dir) {
            GPtrArray *other = g_ptr_array_index(lines, k);
            const word *o0 = g_ptr_array_index(other, 0);
            if (fabs(centre(o0) - centre(ref)) > NEAR_LINES * em)
                break;
            for (guint j = 0; j < other->len; j++) {
                const word *o = g_ptr_array_index(other, j);
                if (fabs(o->x0 - x) <= tol && (j == 0 || gap_before(other, j) > narrow)) {
                    if (++votes == 2)
                        return votes;
                    break;
                }
            }
        }
    }
    return votes;
}

static pdf_seg *
make_seg(GPtrArray *line, guint from, guint to)
{
    pdf_seg *s = g_new0(pdf_seg, 1);
    GString *text = g_string_new(NULL);
    guint n_chars = 0, n_bold = 0, inks[PDF_INK_OTHER + 1] = {0}, longest = 0;
    s->x0 = s->y0 = G_MAXDOUBLE;
    s->x1 = s->y1 = -G_MAXDOUBLE;
    for (guint j = from; j < to; j++) {
        const word *w = g_ptr_array_index(line, j);
        if (text->len > 0)
            g_string_append_c(text, ' ');
        g_string_append_len(text, w->text->str, (gssize)w->text->len);
        s->x0 = MIN(s->x0, w->x0), s->x1 = MAX(s->x1, w->x1);
        s->y0 = MIN(s->y0, w->y0), s->y1 = MAX(s->y1, w->y1);
        n_chars += w->n_chars;
        n_bold += w->n_bold;
        for (int k = 0; k <= PDF_INK_OTHER; k++)
            inks[k] += w->inks[k];
        if (w->n_chars > longest) {
            longest = w->n_chars;
            s->size = w->size;
            s->rgb = w->rgb;
        }
    }
    const word *first = g_ptr_array_index(line, from);
    s->first_width = first->x1 - first->x0;
    s->text = g_string_free(text, FALSE);
    s->bold = n_bold * 2 > n_chars;
    for (int k = 1; k <= PDF_INK_OTHER; k++)
        if (inks[k] > inks[s->ink])
            s->ink = (pdf_ink)k;
    return s;
}

pdf_page *
__ost_pdf_page_read(PopplerPage *page, int number)
{
    pdf_page *pg = g_new0(pdf_page, 1);
    pg->number = number;
    poppler_page_get_size(page, &pg->width, &pg->height);
    pg->rows = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    pg->header = g_ptr_array_new_with_free_func((GDestroyNotify)__ost_pdf_seg_free);
    pg->footer = g_ptr_array_new_with_free_func((GDestroyNotify)__ost_pdf_seg_free);

    GPtrArray *words = read_words(page);
    if (words->len == 0) {
        GList *images = poppler_page_get_image_mapping(page);
        pg->has_images = images != NULL;
        poppler_page_free_image_mapping(images);
    }
    GPtrArray *lines = visual_lines(words);
    double space = usual_space(lines);
    double wide = MAX(WIDE_GAP, WIDE_SPACES * space);
    double narrow = MAX(NARROW_GAP, NARROW_SPACES * space);
    double tight = MAX(TIGHT_GAP, TIGHT_SPACES * space);
    for (guint i = 0; i < lines->len; i++) {
        GPtrArray *line = g_ptr_array_index(lines, i);
        for (guint j = 1; j < line->len; j++) {
            word *w = g_ptr_array_index(line, j);
            double gap = gap_before(line, j);
            if (gap > wide) {
                w->split_before = TRUE;
            } else if (j == 1 && is_list_marker(g_ptr_array_index(line, 0))) {
                /* A bullet and its hanging-indented text are one column. */
            } else if (gap > tight) {
                int votes = column_edge_votes(lines, i, w->x0, w->size, narrow, ALIGN_TOL);
                w->split_before = votes == 2 || (votes == 1 && gap > narrow);
            } else if (gap > 0.0) {
                w->split_before =
                    column_edge_votes(lines, i, w->x0, w->size, narrow, EXACT_TOL) == 2;
            }
        }
        pdf_row *row = g_new0(pdf_row, 1);
        row->segs = g_ptr_array_new_with_free_func((GDestroyNotify)__ost_pdf_seg_free);
        guint from = 0;
        for (guint j = 1; j <= line->len; j++) {
            if (j == line->len || ((word *)g_ptr_array_index(line, j))->split_before) {
                g_ptr_array_add(row->segs, make_seg(line, from, j));
                from = j;
            }
        }
        g_ptr_array_add(pg->rows, row);
    }
    g_ptr_array_unref(lines);
    g_ptr_array_unref(words);
    return pg;
}
