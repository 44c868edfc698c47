/* SPDX-License-Identifier: MIT */
/* What the pipeline needs of blocks beyond the public API. */
#ifndef OST_BLOCKS_PRIVATE_H
#define OST_BLOCKS_PRIVATE_H

#include <ost/blocks.h>

/* Set a row's text to its cells joined by tabs, after the cells changed. */
void __ost_block_join_cells(ost_block *b);

#endif
