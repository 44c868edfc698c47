/* SPDX-License-Identifier: MIT */
/* Output plugin: JSON Lines, each ost document (the JSON writer's object,
 * with its source) on a line of its own. */
#include <ost.h>

#include "common/json_doc.h"

static ost_status
jsonl_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
            GError **error)
{
    /* One document or a dataset: the same lines. */
    GString *s = g_string_sized_new(8 * 1024);
    jsonw w;
    for (gsize i = 0; i < n_docs; i++) {
        jsonw_init_compact(&w, s);
        json_doc_write(&w, docs[i]);
        g_string_append_c(s, '\n');
    }
    g_byte_array_append(out, (const guint8 *)s->str, (guint)s->len);
    g_string_free(s, TRUE);
    return OST_OK;
}

static const ost_writer_info jsonl_writer = {
    .size = sizeof(ost_writer_info),
    .name = "jsonl",
    .description = "JSON Lines: one ost document per line (schemas/ost.schema.json)",
    .extension = "jsonl",
    .mime_type = "application/jsonl",
    .flags = 0,
    .write = jsonl_write,
};

static ost_status
jsonl_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &jsonl_writer);
}

OST_PLUGIN_DEFINE(jsonl, "JSON Lines output", OST_VERSION, "MIT", jsonl_init)
