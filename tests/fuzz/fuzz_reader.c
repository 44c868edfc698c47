/* SPDX-License-Identifier: MIT */
/* One reader (OST_FUZZ_READER) on any bytes, then repair and recognition. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ost_doc *doc = fuzz_read(data, size, OST_FUZZ_READER);
    if (doc != NULL)
        ost_doc_free(doc);
    return 0;
}
