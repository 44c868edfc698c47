/* SPDX-License-Identifier: MIT */
/* The block stream readers hand to the core. */
#include "blocks_private.h"

static void
block_free(ost_block *b)
{
    g_free(b->text);
    if (b->cells != NULL)
        g_ptr_array_unref(b->cells);
    g_free(b);
}

ost_blocks *
ost_blocks_new(void)
{
    ost_blocks *blocks = g_new0(ost_blocks, 1);
    blocks->items = g_ptr_array_new_with_free_func((GDestroyNotify)block_free);
    return blocks;
}

void
ost_blocks_free(ost_blocks *blocks)
{
    if (blocks == NULL)
        return;
    g_ptr_array_unref(blocks->items);
    g_free(blocks);
}

ost_block *
ost_blocks_add(ost_blocks *blocks, ost_block_kind kind, const char *text)
{
    ost_block *b = g_new0(ost_block, 1);
    b->kind = kind;
    b->text = g_strdup(text);
    g_ptr_array_add(blocks->items, b);
    return b;
}

ost_block *
ost_blocks_add_row(ost_blocks *blocks, const char *const *cells, guint n_cells)
{
    ost_block *b = ost_blocks_add(blocks, OST_BLOCK_ROW, NULL);
    b->cells = g_ptr_array_new_full(n_cells, g_free);
    for (guint i = 0; i < n_cells; i++)
        g_ptr_array_add(b->cells, g_strdup(cells[i] != NULL ? cells[i] : ""));
    __ost_block_join_cells(b);
    return b;
}

void
__ost_block_join_cells(ost_block *b)
{
    GString *text = g_string_new(NULL);
    for (guint i = 0; i < b->cells->len; i++) {
        if (i > 0)
            g_string_append_c(text, '\t');
        g_string_append(text, g_ptr_array_index(b->cells, i));
    }
    g_free(b->text);
    b->text = g_string_free(text, FALSE);
}
