/* SPDX-License-Identifier: MIT */
/* Output plugin: the data model as JSON, exactly the published contract. */
#include <ost.h>

#include "common/json_doc.h"

static ost_status
json_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
           GError **error)
{
    /* Room for a typical document (4 KB as JSON) from the start, rather
     * than growing through a dozen reallocations. */
    GString *s = g_string_sized_new(8 * 1024);
    jsonw w;
    jsonw_init(&w, s);
    if (flags & OST_WRITE_COMBINED) {
        jsonw_begin_object(&w);
        jsonw_plain_key(&w, "ost_version");
        jsonw_string(&w, OST_MODEL_VERSION);
        jsonw_plain_key(&w, "documents");
        jsonw_begin_array(&w);
        for (gsize i = 0; i < n_docs; i++)
            json_doc_write(&w, docs[i]);
        jsonw_end_array(&w);
        jsonw_end_object(&w);
    } else {
        for (gsize i = 0; i < n_docs; i++)
            json_doc_write(&w, docs[i]);
    }
    g_string_append_c(s, '\n');
    g_byte_array_append(out, (const guint8 *)s->str, (guint)s->len);
    g_string_free(s, TRUE);
    return OST_OK;
}

static const ost_writer_info json_writer = {
    .size = sizeof(ost_writer_info),
    .name = "json",
    .description = "JSON, as the ost data model contract (schemas/ost.schema.json)",
    .extension = "json",
    .mime_type = "application/json",
    .flags = 0,
    .write = json_write,
};

static ost_status
json_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &json_writer);
}

OST_PLUGIN_DEFINE(json, "JSON output", OST_VERSION, "MIT", json_init)
