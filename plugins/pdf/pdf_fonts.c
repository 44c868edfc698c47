/* SPDX-License-Identifier: MIT */
/* Fonts and inks: bold faces, heading sizes, status colours. */
#include "pdf_private.h"

#include <math.h>
#include <string.h>

/* Embedded fonts carry a subset tag ("ABCDEF+") and spell the weight in the
 * name in many ways ("Arial,Bold", "Calibri-Bold", "SourceSansPro-Semibold",
 * "Helvetica-Black"). */
gboolean
__ost_pdf_font_is_bold(const char *font_name)
{
    if (font_name == NULL)
        return FALSE;
    static const char *const weights[] = {"bold", "black", "heavy", "semibold",
                                          "demi", "extrabold", "ultrabold"};
    char *lower = g_ascii_strdown(font_name, -1);
    gboolean bold = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS(weights) && !bold; i++)
        bold = strstr(lower, weights[i]) != NULL;
    g_free(lower);
    return bold;
}

/* Text is grouped by the status its colour shows on a map (the core's
 * reading of colours): occupations are short coloured lines. */
pdf_ink
__ost_pdf_ink(guint32 rgb)
{
    switch (ost_colour_status(rgb)) {
    case OST_MAP_STATUS_APPROVED_FOR_DELIVERY:
        return PDF_INK_GREEN;
    case OST_MAP_STATUS_STANDARD_PUBLISHED:
        return PDF_INK_AMBER;
    case OST_MAP_STATUS_IN_DEVELOPMENT:
        return PDF_INK_RED;
    case OST_MAP_STATUS_AWAITING_STANDARD:
        return PDF_INK_BLACK;
    default:
        return PDF_INK_OTHER;
    }
}

/* Sizes are compared in half points: producers write 10.98 for 11. */
static int
half_points(double size)
{
    return (int)lround(size * 2.0);
}

static gint
compare_desc(gconstpointer a, gconstpointer b)
{
    int x = GPOINTER_TO_INT(*(gconstpointer *)a), y = GPOINTER_TO_INT(*(gconstpointer *)b);
    return (x < y) - (x > y);
}

#define HEADING_RATIO 1.15
#define BOLD_HEADING_RATIO 1.05

/* The body size is the one most characters are set in; every larger size
 * used for at most a few lines at a time is a heading level. */
void
__ost_pdf_fonts_measure(const GPtrArray *pages, pdf_fonts *fonts)
{
    memset(fonts, 0, sizeof *fonts);
    GHashTable *chars = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint inks[PDF_INK_OTHER + 1] = {0};
    for (guint p = 0; p < pages->len; p++) {
        const pdf_page *page = g_ptr_array_index(pages, p);
        for (guint r = 0; r < page->rows->len; r++) {
            const pdf_row *row = g_ptr_array_index(page->rows, r);
            for (guint s = 0; s < row->segs->len; s++) {
                const pdf_seg *seg = g_ptr_array_index(row->segs, s);
                gpointer key = GINT_TO_POINTER(half_points(seg->size));
                guint n = GPOINTER_TO_UINT(g_hash_table_lookup(chars, key));
                g_hash_table_insert(chars, key, GUINT_TO_POINTER(n + (guint)strlen(seg->text)));
                inks[seg->ink]++;
            }
        }
    }
    int body = 0;
    guint best = 0;
    GHashTableIter it;
    gpointer key, value;
    g_hash_table_iter_init(&it, chars);
    while (g_hash_table_iter_next(&it, &key, &value)) {
        int hp = GPOINTER_TO_INT(key);
        guint n = GPOINTER_TO_UINT(value);
        if (n > best || (n == best && hp < body)) {
            best = n;
            body = hp;
        }
    }
    fonts->body = body / 2.0;

    GPtrArray *larger = g_ptr_array_new();
    g_hash_table_iter_init(&it, chars);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (GPOINTER_TO_INT(key) > body)
            g_ptr_array_add(larger, key);
    g_ptr_array_sort(larger, compare_desc);
    for (guint i = 0; i < larger->len && fonts->n_heading_sizes < 6; i++)
        fonts->heading_sizes[fonts->n_heading_sizes++] =
            GPOINTER_TO_INT(g_ptr_array_index(larger, i)) / 2.0;
    g_ptr_array_free(larger, TRUE);
    g_hash_table_destroy(chars);

    int status_inks = (inks[PDF_INK_GREEN] > 0) + (inks[PDF_INK_AMBER] > 0) +
                      (inks[PDF_INK_RED] > 0);
    fonts->has_status_colours = status_inks >= 2;
}

/* A heading is set larger than the body, or bold and a little larger. Its
 * level is the rank of its size among the larger sizes in use. */
int
__ost_pdf_heading_level(const pdf_fonts *fonts, const pdf_seg *seg)
{
    if (fonts->body <= 0.0)
        return 0;
    double ratio = seg->size / fonts->body;
    if (ratio < HEADING_RATIO && !(seg->bold && ratio >= BOLD_HEADING_RATIO))
        return 0;
    int hp = half_points(seg->size);
    for (int i = 0; i < fonts->n_heading_sizes; i++)
        if (half_points(fonts->heading_sizes[i]) == hp)
            return i + 1;
    return MIN(fonts->n_heading_sizes, 6);
}
