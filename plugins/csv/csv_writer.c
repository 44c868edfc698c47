/* SPDX-License-Identifier: MIT */
/* Output plugin: the model's tables (<ost/tables.h>) as RFC 4180 CSV, one
 * file per table in a folder. */
#include <ost.h>

#include <string.h>

/* RFC 4180: CRLF after each record; a field holding a comma, a quote or a
 * line break is quoted, its quotes doubled. Null is an empty field. */
static void
put_field(GString *out, const char *value)
{
    if (value == NULL)
        return;
    if (strpbrk(value, ",\"\r\n") == NULL) {
        g_string_append(out, value);
        return;
    }
    g_string_append_c(out, '"');
    for (const char *p = value; *p != '\0'; p++) {
        if (*p == '"')
            g_string_append_c(out, '"');
        g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
}

static void
put_record(GString *out, const char *const *values, guint n)
{
    for (guint i = 0; i < n; i++) {
        if (i > 0)
            g_string_append_c(out, ',');
        put_field(out, values[i]);
    }
    g_string_append(out, "\r\n");
}

static ost_status
add_row(ost_table_id table, const char *const *values, void *user)
{
    GString **files = user;
    put_record(files[table], values, ost_table_get(table)->n_columns);
    return OST_OK;
}

static ost_status
csv_write_files(const ost_doc *const *docs, gsize n_docs, guint flags,
                const ost_file_sink *sink, GError **error)
{
    /* One document or many: the same tables. */
    GString *files[OST_N_TABLES];
    for (int t = 0; t < OST_N_TABLES; t++) {
        const ost_table *table = ost_table_get(t);
        const char *header[table->n_columns];
        for (guint c = 0; c < table->n_columns; c++)
            header[c] = table->columns[c].name;
        files[t] = g_string_new(NULL);
        put_record(files[t], header, table->n_columns);
    }
    ost_status st = ost_tables_walk(docs, n_docs, add_row, files);
    for (int t = 0; t < OST_N_TABLES; t++) {
        if (st == OST_OK) {
            char *name = g_strdup_printf("%s.csv", ost_table_get(t)->name);
            st = sink->put(sink->user, name, (const guint8 *)files[t]->str, files[t]->len,
                           error);
            g_free(name);
        }
        g_string_free(files[t], TRUE);
    }
    return st;
}

static ost_status
csv_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
          GError **error)
{
    g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                "CSV output is a folder of tables (write_files), not one stream");
    return OST_ERR_UNSUPPORTED;
}

static const ost_writer_info csv_writer = {
    .size = sizeof(ost_writer_info),
    .name = "csv",
    .description = "CSV (RFC 4180): a folder with one file per table, every row with its source",
    .extension = "csv",
    .mime_type = "text/csv",
    .flags = OST_WRITER_FOLDER,
    .write = csv_write,
    .write_files = csv_write_files,
};

static ost_status
csv_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &csv_writer);
}

OST_PLUGIN_DEFINE(csv, "CSV tables output", OST_VERSION, "MIT", csv_init)
