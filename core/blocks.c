/* SPDX-License-Identifier: MIT */
/* The block stream readers hand to the core. */
#include "blocks_private.h"

#include <string.h>

/* Blocks are made by the thousand and all freed together: they are cut
 * from slabs the stream owns rather than allocated one by one (a calloc
 * and a free per block cost the 220 sample pages 3M instructions). Text
 * and cells stay separate allocations, as the pipeline replaces them.
 * A slab stays under 1 KiB: larger requests make glibc consolidate its
 * free lists (0.6M instructions more with slabs of 64). */
#define SLAB_BLOCKS 15

typedef struct block_slab {
    struct block_slab *next;
    guint used;
    ost_block blocks[SLAB_BLOCKS];
} block_slab;

G_STATIC_ASSERT(sizeof(block_slab) < 1024);

typedef struct block_stream {
    ost_blocks public; /* first: an ost_blocks * is a block_stream * */
    block_slab *slabs; /* newest first */
} block_stream;

static void
block_free(ost_block *b)
{
    g_free(b->text);
    g_free(b->number);
    if (b->cells != NULL)
        g_ptr_array_unref(b->cells);
}

ost_blocks *
ost_blocks_new(void)
{
    block_stream *stream = g_new0(block_stream, 1);
    stream->public.items = g_ptr_array_new_with_free_func((GDestroyNotify)block_free);
    return &stream->public;
}

void
ost_blocks_free(ost_blocks *blocks)
{
    if (blocks == NULL)
        return;
    block_stream *stream = (block_stream *)blocks;
    g_ptr_array_unref(blocks->items);
    for (block_slab *s = stream->slabs, *next; s != NULL; s = next) {
        next = s->next;
        g_free(s);
    }
    g_free(stream);
}

static ost_block *
block_new(block_stream *stream)
{
    block_slab *slab = stream->slabs;
    if (slab == NULL || slab->used == SLAB_BLOCKS) {
        slab = g_new(block_slab, 1);
        slab->next = stream->slabs;
        slab->used = 0;
        stream->slabs = slab;
    }
    return &slab->blocks[slab->used++];
}

ost_block *
ost_blocks_add(ost_blocks *blocks, ost_block_kind kind, const char *text)
{
    ost_block *b = block_new((block_stream *)blocks);
    *b = (ost_block){.kind = kind, .text = g_strdup(text)};
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

/* Sized first and copied once: a GString grown cell by cell cost three
 * allocations a row. */
void
__ost_block_join_cells(ost_block *b)
{
    gsize len = 0;
    for (guint i = 0; i < b->cells->len; i++)
        len += strlen(g_ptr_array_index(b->cells, i)) + 1;
    char *text = g_malloc(MAX(len, 1));
    char *p = text;
    for (guint i = 0; i < b->cells->len; i++) {
        const char *cell = g_ptr_array_index(b->cells, i);
        gsize n = strlen(cell);
        if (i > 0)
            *p++ = '\t';
        memcpy(p, cell, n);
        p += n;
    }
    *p = '\0';
    g_free(b->text);
    b->text = text;
}
