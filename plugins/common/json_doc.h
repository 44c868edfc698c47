/* SPDX-License-Identifier: MIT */
/* One ost document as JSON: shared by the JSON and JSON Lines writers. */
#ifndef OST_JSON_DOC_H
#define OST_JSON_DOC_H

#include <ost.h>

#include "jsonw.h"

/* Write @p doc as one JSON object, keys in the contract's order. */
void json_doc_write(jsonw *w, const ost_doc *doc);

#endif
