/* SPDX-License-Identifier: MIT */
/* content.xml: tables, rows and typed cells of an OpenDocument spreadsheet. */
#ifndef OST_ODS_CONTENT_H
#define OST_ODS_CONTENT_H

#include "common/xmlout.h"

/* Column widths, each an automatic column style (co1..co5). TEXT columns
 * hold prose and their cells wrap. */
typedef enum ods_width {
    ODS_WIDTH_CODE,    /* codes, numbers, yes/no */
    ODS_WIDTH_SHORT,   /* names, titles of a few words */
    ODS_WIDTH_MEDIUM,  /* titles, lists of codes */
    ODS_WIDTH_TEXT,    /* sentences and paragraphs: wrapped */
    ODS_WIDTH_MARK,    /* one mark in a matrix: centred */
    ODS_N_WIDTHS
} ods_width;

typedef struct ods_column {
    const char *header;
    ods_width width;
} ods_column;

typedef struct ods_content {
    xmlout x;
    const ods_column *columns;  /* of the open table */
    guint n_columns;
    guint column;               /* index of the next cell in the open row */
    guint pending_empty;        /* empty cells not written yet */
    gboolean row_has_cell;
    guint tables;
    GPtrArray *table_names;     /* char*, of every table begun, in order */
    guint64 cells;              /* non-empty cells, for the statistics in meta.xml */
    GString *row;               /* markup of the row being written */
    gboolean row_is_long;       /* a cell would make the row taller than ODS_ROW_HEIGHT */
    guint table_rows;           /* rows of the open table, header included */
    GArray *filter_ranges;      /* ods_range, one per table */
} ods_content;

/* A table's extent, for its autofilter. */
typedef struct ods_range {
    guint table;                /* index into table_names */
    guint columns;
    guint rows;
} ods_range;

/* Start content.xml, written through @sink: declarations, automatic
 * styles, the spreadsheet body. */
void ods_content_begin_io(ods_content *c, xmlOutputWriteCallback sink, void *sink_data);
/* The same, appended to @out. */
void ods_content_begin(ods_content *c, GByteArray *out);
/* Close the document; OST_ERR_XML with @error set if anything failed.
 * c->table_names stays until ods_content_clear(). */
ost_status ods_content_finish(ods_content *c, GError **error);
void ods_content_clear(ods_content *c);

/* Spreadsheets open only so many columns: LibreOffice 7.4 by default 1024
 * (16384 with "very large spreadsheets" enabled), Excel 16384, and the rest
 * is dropped with no more than a warning. ODF itself sets no limit. Tables
 * must stay within this. */
#define ODS_MAX_COLUMNS 1024

/* A table named @name whose header row holds the column headers (at most
 * ODS_MAX_COLUMNS). The columns stay borrowed until ods_table_end(). */
void ods_table_begin(ods_content *c, const char *name, const ods_column *columns,
                     guint n_columns);
void ods_table_end(ods_content *c);

void ods_row_begin(ods_content *c);
void ods_row_end(ods_content *c);

/* Cells, left to right. A NULL string, a 0 integer (the model's null), an
 * unset tristate and an empty list are empty cells. Newlines in text start
 * a new paragraph (a new line in the cell). */
void ods_cell_empty(ods_content *c);
void ods_cell_text(ods_content *c, const char *text);
/* One line per item. */
void ods_cell_lines(ods_content *c, const GPtrArray *items);
/* Items joined by @sep on one line. */
void ods_cell_joined(ods_content *c, const GPtrArray *items, const char *sep);
void ods_cell_int(ods_content *c, gint64 value);
void ods_cell_bool(ods_content *c, ost_tristate value);
/* A date cell when @iso is a calendar date (YYYY-MM-DD), else text. */
void ods_cell_date(ods_content *c, const char *iso);

#endif
