/* SPDX-License-Identifier: MIT */
/* Shared by the structure recognisers (one file per document type). */
#ifndef OST_RECOGNIZE_PRIVATE_H
#define OST_RECOGNIZE_PRIVATE_H

#include <ost/pipeline.h>

typedef struct rec_ctx {
    const ost_blocks *blocks;
    ost_repairer *rep;
    ost_doc *doc;
} rec_ctx;

/* Each recogniser fills ctx->doc from the whole block stream. */
void __ost_recognize_standard(rec_ctx *ctx);
void __ost_recognize_occupation(rec_ctx *ctx);
void __ost_recognize_occupational_map(rec_ctx *ctx);
void __ost_recognize_functional_map(rec_ctx *ctx);

/* The standard the stream's link rows (OST_BLOCK_LINK) name as the
 * document's own, from its address ("/apprenticeships/st0499-v1-3" ->
 * "ST0499", "1.3"); see links.c. FALSE when no link, or links that
 * disagree, name one. *version may be NULL when the address has none. */
gboolean __ost_standard_link(const ost_blocks *blocks, char **reference, char **version);

/* The same from addresses written out as text, a cell or line holding
 * nothing else ("/apprenticeships/st1472", as a page's version log may
 * show its own): the last resort, for a page that neither states its
 * reference nor links to its standard. */
gboolean __ost_standard_written_address(const ost_blocks *blocks, char **reference,
                                        char **version);

/* Which document the stream holds, or NULL; see detect.c. */
const char *__ost_detect_document_type(const ost_blocks *blocks);

#endif
