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

/* Which document the stream holds, or NULL; see detect.c. */
const char *__ost_detect_document_type(const ost_blocks *blocks);

#endif
