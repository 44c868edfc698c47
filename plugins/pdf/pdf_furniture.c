/* SPDX-License-Identifier: MIT */
/* Running headers, footers and page numbers: found and set apart. */
#include "pdf_private.h"

#include <math.h>
#include <string.h>

#define MARGIN_SHARE 0.11   /* of the page height, at the top and the bottom */
#define Y_BUCKET 4.0        /* points: "the same position" */

static gboolean
in_margin(const pdf_page *page, const pdf_seg *seg)
{
    double mid = (seg->y0 + seg->y1) / 2.0;
    return mid < page->height * MARGIN_SHARE || mid > page->height * (1.0 - MARGIN_SHARE);
}

/* "3", "Page 3", "Page 3 of 7", "3 / 7", "- 3 -" */
static gboolean
is_page_number(const char *text)
{
    static GRegex *re;
    static gsize once;
    if (g_once_init_enter(&once)) {
        re = g_regex_new("^[-\\x{2013}\\s]*(page\\s*)?\\d{1,4}(\\s*(of|/)\\s*\\d{1,4})?[-\\x{2013}\\s]*$",
                         G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
        g_once_init_leave(&once, 1);
    }
    return g_regex_match(re, text, 0, NULL);
}

/* Text that repeats across pages differs only in its numbers ("Page 2 of
 * 7"), so numbers are masked; the position is part of the key. */
static char *
furniture_key(const pdf_seg *seg)
{
    GString *key = g_string_new(NULL);
    g_string_append_printf(key, "%d|", (int)lround(seg->y0 / Y_BUCKET));
    gboolean in_digits = FALSE;
    for (const char *p = seg->text; *p != '\0'; p++) {
        if (g_ascii_isdigit(*p)) {
            if (!in_digits)
                g_string_append_c(key, '#');
            in_digits = TRUE;
        } else {
            g_string_append_c(key, *p);
            in_digits = FALSE;
        }
    }
    return g_string_free(key, FALSE);
}

static gboolean
is_furniture(const pdf_page *page, const pdf_seg *seg, GHashTable *repeats)
{
    if (!in_margin(page, seg))
        return FALSE;
    if (is_page_number(seg->text))
        return TRUE;
    char *key = furniture_key(seg);
    guint n = GPOINTER_TO_UINT(g_hash_table_lookup(repeats, key));
    g_free(key);
    return n >= 2;
}

void
__ost_pdf_set_furniture_apart(GPtrArray *pages)
{
    /* key -> number of pages it appears on */
    GHashTable *repeats = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint p = 0; p < pages->len; p++) {
        const pdf_page *page = g_ptr_array_index(pages, p);
        GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        for (guint r = 0; r < page->rows->len; r++) {
            const pdf_row *row = g_ptr_array_index(page->rows, r);
            for (guint s = 0; s < row->segs->len; s++) {
                const pdf_seg *seg = g_ptr_array_index(row->segs, s);
                if (!in_margin(page, seg))
                    continue;
                char *key = furniture_key(seg);
                if (g_hash_table_contains(seen, key)) {
                    g_free(key);
                    continue;
                }
                guint n = GPOINTER_TO_UINT(g_hash_table_lookup(repeats, key));
                g_hash_table_add(seen, key);
                g_hash_table_insert(repeats, g_strdup(key), GUINT_TO_POINTER(n + 1));
            }
        }
        g_hash_table_destroy(seen);
    }
    for (guint p = 0; p < pages->len; p++) {
        pdf_page *page = g_ptr_array_index(pages, p);
        for (guint r = page->rows->len; r-- > 0;) {
            pdf_row *row = g_ptr_array_index(page->rows, r);
            for (guint s = row->segs->len; s-- > 0;) {
                pdf_seg *seg = g_ptr_array_index(row->segs, s);
                if (!is_furniture(page, seg, repeats))
                    continue;
                gboolean top = seg->y0 + seg->y1 < page->height;
                g_ptr_array_insert(top ? page->header : page->footer, 0,
                                   g_ptr_array_steal_index(row->segs, s));
            }
            if (row->segs->len == 0)
                g_ptr_array_remove_index(page->rows, r);
        }
    }
    g_hash_table_destroy(repeats);
}
