/* SPDX-License-Identifier: MIT */
/* Entry point of structure recognition: detect, then dispatch. */
#include "recognize_private.h"

#include <string.h>

void
ost_recognize(const ost_blocks *blocks, ost_repairer *rep, ost_doc *doc)
{
    const char *type = __ost_detect_document_type(blocks);
    if (type == NULL)
        return;
    ost_set_str(&doc->source.document_type, type);
    rec_ctx ctx = {blocks, rep, doc};
    if (strcmp(type, "standard") == 0)
        __ost_recognize_standard(&ctx);
    else if (strcmp(type, "occupation") == 0)
        __ost_recognize_occupation(&ctx);
    else if (strcmp(type, "occupational_map") == 0)
        __ost_recognize_occupational_map(&ctx);
    else if (strcmp(type, "functional_map") == 0)
        __ost_recognize_functional_map(&ctx);
}
