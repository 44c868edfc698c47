/* SPDX-License-Identifier: MIT */
/* Output plugin: the model's tables (<ost/tables.h>) as one SQLite
 * database with primary and foreign keys, filled in one transaction. */
#include <ost.h>

#include <sqlite3.h>

/* The database is built in memory and its file image taken with
 * sqlite3_serialize(), so the writer hands back bytes like any other. */

static ost_status
db_error(sqlite3 *db, const char *doing, GError **error)
{
    g_set_error(error, OST_ERROR, OST_ERR_IO, "SQLite, %s: %s", doing, sqlite3_errmsg(db));
    return OST_ERR_IO;
}

static const char *
sql_type(ost_column_type type)
{
    return type == OST_COLUMN_TEXT ? "TEXT" : "INTEGER";
}

/* Identifiers are quoted: some columns are SQL words ("from", "where"). */
static char *
create_sql(const ost_table *t)
{
    GString *sql = g_string_new(NULL);
    g_string_append_printf(sql, "CREATE TABLE \"%s\" (", t->name);
    for (guint c = 0; c < t->n_columns; c++)
        g_string_append_printf(sql, "\"%s\" %s, ", t->columns[c].name,
                               sql_type(t->columns[c].type));
    g_string_append_printf(sql, "PRIMARY KEY (%s)", t->primary_key);
    if (t->parent != NULL)
        g_string_append_printf(sql, ", FOREIGN KEY (%s) REFERENCES \"%s\" (%s) ON DELETE CASCADE",
                               t->foreign_key, t->parent, t->parent_key);
    g_string_append(sql, ")");
    return g_string_free(sql, FALSE);
}

static char *
insert_sql(const ost_table *t)
{
    GString *sql = g_string_new(NULL);
    g_string_append_printf(sql, "INSERT INTO \"%s\" VALUES (", t->name);
    for (guint c = 0; c < t->n_columns; c++)
        g_string_append(sql, c == 0 ? "?" : ", ?");
    g_string_append(sql, ")");
    return g_string_free(sql, FALSE);
}

typedef struct filling {
    sqlite3 *db;
    sqlite3_stmt *insert[OST_N_TABLES];
    GError **error;
} filling;

static ost_status
insert_row(ost_table_id table, const char *const *values, void *user)
{
    filling *f = user;
    const ost_table *t = ost_table_get(table);
    sqlite3_stmt *stmt = f->insert[table];
    sqlite3_reset(stmt);
    for (guint c = 0; c < t->n_columns; c++) {
        int col = (int)c + 1;
        if (values[c] == NULL)
            sqlite3_bind_null(stmt, col);
        else if (t->columns[c].type == OST_COLUMN_TEXT)
            sqlite3_bind_text(stmt, col, values[c], -1, SQLITE_STATIC);
        else
            sqlite3_bind_int64(stmt, col, g_ascii_strtoll(values[c], NULL, 10));
    }
    if (sqlite3_step(stmt) != SQLITE_DONE) {
        char *doing = g_strdup_printf("adding a row to %s from %s", t->name, values[0]);
        db_error(f->db, doing, f->error);
        g_free(doing);
        return OST_ERR_IO;
    }
    return OST_OK;
}

static ost_status
exec(sqlite3 *db, const char *sql, GError **error)
{
    return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? OST_OK
                                                                : db_error(db, sql, error);
}

static ost_status
create_tables(filling *f, GError **error)
{
    ost_status st = OST_OK;
    for (int t = 0; st == OST_OK && t < OST_N_TABLES; t++) {
        char *sql = create_sql(ost_table_get(t));
        st = exec(f->db, sql, error);
        g_free(sql);
        sql = insert_sql(ost_table_get(t));
        if (st == OST_OK && sqlite3_prepare_v2(f->db, sql, -1, &f->insert[t], NULL) != SQLITE_OK)
            st = db_error(f->db, "preparing an insert", error);
        g_free(sql);
    }
    return st;
}

static ost_status
take_image(sqlite3 *db, GByteArray *out, GError **error)
{
    sqlite3_int64 size = 0;
    unsigned char *image = sqlite3_serialize(db, "main", &size, 0);
    if (image == NULL)
        return db_error(db, "taking the database image", error);
    g_byte_array_append(out, image, (guint)size);
    sqlite3_free(image);
    return OST_OK;
}

static ost_status
sqlite_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
             GError **error)
{
    filling f = {NULL, {NULL}, error};
    if (sqlite3_open(":memory:", &f.db) != SQLITE_OK) {
        ost_status st = db_error(f.db, "opening a database in memory", error);
        sqlite3_close(f.db);
        return st;
    }
    /* Keys checked as each row goes in: a broken link fails the write. */
    ost_status st = exec(f.db, "PRAGMA foreign_keys = ON", error);
    if (st == OST_OK)
        st = create_tables(&f, error);
    if (st == OST_OK)
        st = exec(f.db, "BEGIN", error);
    if (st == OST_OK)
        st = ost_tables_walk(docs, n_docs, insert_row, &f);
    if (st == OST_OK)
        st = exec(f.db, "COMMIT", error);
    for (int t = 0; t < OST_N_TABLES; t++)
        sqlite3_finalize(f.insert[t]);
    if (st == OST_OK)
        st = take_image(f.db, out, error);
    sqlite3_close(f.db);
    return st;
}

static const ost_writer_info sqlite_writer = {
    .size = sizeof(ost_writer_info),
    .name = "sqlite",
    .description = "SQLite database: the tables with primary and foreign keys, every row with its source",
    .extension = "sqlite",
    .mime_type = "application/vnd.sqlite3",
    .flags = OST_WRITER_BINARY,
    .write = sqlite_write,
};

static ost_status
sqlite_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &sqlite_writer);
}

OST_PLUGIN_DEFINE(sqlite, "SQLite database output", OST_VERSION, "MIT", sqlite_init)
