/* SPDX-License-Identifier: MIT */
/* Reading the model back from ost's own JSON output. */
#ifndef OST_MODEL_JSON_H
#define OST_MODEL_JSON_H

#include <ost/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Read the documents in ost JSON: one document, a combined dataset
 * ({"documents": [...]}) or JSON Lines (one document per line).
 * @p name names the input in messages.
 * @return the documents (ost_doc*, owned), or NULL with @p error set:
 * OST_ERR_PARSE when the text is not JSON (or a line of it is not an ost
 * document), OST_ERR_UNSUPPORTED when it is JSON of another kind.
 */
OST_API GPtrArray *ost_docs_from_json(const char *name, const char *data, gsize len,
                                      GError **error);

#ifdef __cplusplus
}
#endif
#endif
