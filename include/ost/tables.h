/* SPDX-License-Identifier: MIT */
/* The data model as relational tables: what the CSV, SQLite and
 * spreadsheet writers lay out, defined once. */
#ifndef OST_TABLES_H
#define OST_TABLES_H

#include <ost/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** How a column's values are to be typed by a writer that types them. */
typedef enum ost_column_type {
    OST_COLUMN_TEXT,
    OST_COLUMN_INTEGER,  /**< decimal digits */
    OST_COLUMN_BOOLEAN,  /**< "1" or "0" */
} ost_column_type;

typedef struct ost_column {
    const char *name;
    ost_column_type type;
} ost_column;

/**
 * One table. Every table starts with the columns source_path,
 * source_sha256 and source_trust: the input document the row came from.
 * Keys are comma-separated column lists, as SQL writes them.
 */
typedef struct ost_table {
    const char *name;          /**< "duty_ksbs": a file or table name */
    const ost_column *columns;
    guint n_columns;
    const char *primary_key;   /**< "source_path, standard_no, duty_no" */
    const char *parent;        /**< table the foreign key refers to */
    const char *foreign_key;   /**< columns of this table ... */
    const char *parent_key;    /**< ... naming these columns of the parent */
} ost_table;

/** The tables in an order where each parent comes before its children. */
typedef enum ost_table_id {
    OST_TABLE_SOURCES,
    OST_TABLE_STANDARDS,
    OST_TABLE_OPTIONS,
    OST_TABLE_DUTIES,
    OST_TABLE_DUTY_KSBS,
    OST_TABLE_KSBS,
    OST_TABLE_OCCUPATIONS,
    OST_TABLE_OCCUPATIONAL_MAP_ENTRIES,
    OST_TABLE_FUNCTIONAL_MAP_UNITS,
    OST_TABLE_ROLE_UNITS,
    OST_TABLE_REPAIRS,
    OST_TABLE_WARNINGS,
    OST_N_TABLES,
} ost_table_id;

/** @brief The table @p id. */
OST_API const ost_table *ost_table_get(ost_table_id id);

/**
 * Receives one row: @p values holds the table's n_columns values, NULL
 * for null. Valid during the call only. A status other than OST_OK stops
 * the walk and is returned by ost_tables_walk().
 */
typedef ost_status (*ost_row_fn)(ost_table_id table, const char *const *values, void *user);

/**
 * @brief Hand every row of @p docs to @p fn, document by document, each
 * parent row before its children. Lists inside a cell (job titles,
 * employers, SOC codes) are joined with "; ".
 */
OST_API ost_status ost_tables_walk(const ost_doc *const *docs, gsize n_docs, ost_row_fn fn,
                                   void *user);

#ifdef __cplusplus
}
#endif
#endif
