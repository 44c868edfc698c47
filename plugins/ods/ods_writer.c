/* SPDX-License-Identifier: MIT */
/* Output plugin: the data model as an OpenDocument spreadsheet, one sheet per kind of row. */
#include <ost.h>

#include "ods_deflate.h"
#include "ods_names.h"
#include "ods_package.h"
#include "ods_parts.h"
#include "ods_sheets.h"

enum { PART_CONTENT, PART_STYLES, PART_META, PART_SETTINGS, PART_MANIFEST, N_PARTS };

/* In the order LibreOffice writes them; the manifest lists those before it. */
static const char *const part_paths[N_PARTS] = {
    "content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml",
};

static char *
workbook_title(ods_docs docs, gsize n_docs, guint flags)
{
    if (!(flags & OST_WRITE_COMBINED) && n_docs == 1 && docs[0]->source.path != NULL)
        return g_path_get_basename(docs[0]->source.path);
    return g_strdup_printf("Dataset of %" G_GSIZE_FORMAT " document%s", n_docs,
                           n_docs == 1 ? "" : "s");
}

/* content.xml is deflated while it is written (ods_deflate.h); the other
 * parts are small and zipped from memory. */
static ost_status
write_parts(ods_deflate *content, GByteArray *parts[N_PARTS], ods_docs docs, gsize n_docs,
            guint flags, GError **error)
{
    GPtrArray *plan = ods_sheets_plan(docs, n_docs);
    ods_content c;
    ods_content_begin_io(&c, ods_deflate_write, content);
    for (guint i = 0; i < plan->len; i++) {
        const ods_sheet *sheet = g_ptr_array_index(plan, i);
        sheet->write(&c, sheet->name, docs, n_docs);
    }
    GPtrArray *names = c.table_names;
    guint tables = c.tables;
    guint64 cells = c.cells;
    ost_status st = ods_content_finish(&c, error);
    if (st == OST_OK)
        st = ods_deflate_finish(content, error);
    if (st == OST_OK)
        st = ods_styles_write(parts[PART_STYLES], error);
    if (st == OST_OK) {
        char *title = workbook_title(docs, n_docs, flags);
        st = ods_meta_write(parts[PART_META], title, tables, cells, error);
        g_free(title);
    }
    if (st == OST_OK)
        st = ods_settings_write(parts[PART_SETTINGS], (const char *const *)names->pdata,
                                names->len, error);
    if (st == OST_OK)
        st = ods_manifest_write(parts[PART_MANIFEST], part_paths, PART_MANIFEST, error);
    ods_content_clear(&c);
    g_ptr_array_unref(plan);
    return st;
}

static ost_status
ods_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
          GError **error)
{
    if (!(flags & OST_WRITE_COMBINED) && n_docs != 1) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "an ODS workbook holds one document, or a dataset when combined");
        return OST_ERR_INVALID_ARG;
    }
    ods_deflate *content = ods_deflate_new(error);
    if (content == NULL)
        return OST_ERR_ZIP;
    GByteArray *parts[N_PARTS];
    for (int i = 0; i < N_PARTS; i++)
        parts[i] = g_byte_array_new();
    ost_status st = write_parts(content, parts, docs, n_docs, flags, error);
    if (st == OST_OK) {
        ods_part package[N_PARTS];
        for (int i = 0; i < N_PARTS; i++)
            package[i] = (ods_part){part_paths[i], parts[i]->data, parts[i]->len, FALSE, 0, 0};
        package[PART_CONTENT].data = ods_deflate_data(content, &package[PART_CONTENT].len);
        package[PART_CONTENT].deflated = TRUE;
        package[PART_CONTENT].size = ods_deflate_size(content);
        package[PART_CONTENT].crc = ods_deflate_crc(content);
        st = ods_package_write(out, package, N_PARTS, error);
    }
    for (int i = 0; i < N_PARTS; i++)
        g_byte_array_unref(parts[i]);
    ods_deflate_free(content);
    return st;
}

static const ost_writer_info ods_writer = {
    .size = sizeof(ost_writer_info),
    .name = "ods",
    .description = "OpenDocument spreadsheet: standards, duties, KSBs, maps and sources as sheets",
    .extension = "ods",
    .mime_type = ODS_MEDIA_TYPE,
    .flags = OST_WRITER_BINARY,
    .write = ods_write,
};

static ost_status
ods_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &ods_writer);
}

OST_PLUGIN_DEFINE(ods, "OpenDocument spreadsheet output", OST_VERSION, "MIT", ods_init)
