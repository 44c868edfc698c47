/* SPDX-License-Identifier: MIT */
/* The workbook's sheets: which ones the documents fill, and their rows. */
#ifndef OST_ODS_SHEETS_H
#define OST_ODS_SHEETS_H

#include "ods_content.h"

typedef const ost_doc *const *ods_docs;

typedef struct ods_sheet {
    const char *name;   /* valid in every spreadsheet: <= 31 chars, none of []*?:/\ */
    gboolean (*has_rows)(ods_docs docs, gsize n_docs);
    /* One table named @name; a matrix too wide for one continues on more. */
    void (*write)(ods_content *c, const char *name, ods_docs docs, gsize n_docs);
} ods_sheet;

/* The sheets of the workbook for @docs in order (const ods_sheet *): each
 * sheet that has rows, or Sources alone (headers only) when none has, as a
 * spreadsheet needs a table. */
GPtrArray *ods_sheets_plan(ods_docs docs, gsize n_docs);

/* The matrix sheets (ods_matrix.c). */
gboolean ods_duty_matrix_has_rows(ods_docs docs, gsize n_docs);
void ods_duty_matrix_write(ods_content *c, const char *name, ods_docs docs, gsize n_docs);
gboolean ods_role_matrix_has_rows(ods_docs docs, gsize n_docs);
void ods_role_matrix_write(ods_content *c, const char *name, ods_docs docs, gsize n_docs);

#endif
