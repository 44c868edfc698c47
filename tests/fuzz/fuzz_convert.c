/* SPDX-License-Identifier: MIT */
/* A whole conversion: the best bidder reads any bytes, and the writer
 * OST_FUZZ_WRITER writes what was recognised. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ost_doc *doc = fuzz_read(data, size, NULL);
    if (doc == NULL)
        return 0;
    const ost_writer_info *writer = ost_registry_find_writer(fuzz_registry(), OST_FUZZ_WRITER);
    GByteArray *out = g_byte_array_new();
    GError *error = NULL;
    const ost_doc *docs[] = {doc};
    /* A recognised document always has a serialisation. */
    if (writer->write(docs, 1, 0, out, &error) != OST_OK)
        __builtin_trap();
    g_byte_array_free(out, TRUE);
    ost_doc_free(doc);
    return 0;
}
