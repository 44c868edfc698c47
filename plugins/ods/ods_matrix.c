/* SPDX-License-Identifier: MIT */
/* Matrix sheets: duties x KSB codes and roles x unit codes, a mark where mapped. */
#include "ods_sheets.h"

#include <stdlib.h>
#include <string.h>

/* The mark in a mapped cell. A text mark rather than TRUE/FALSE keeps the
 * grid readable and empty cells truly empty for counting. */
#define MARK "\u2713"

/* One row of a matrix: its label cells and the codes it maps to. */
typedef struct matrix_row {
    const char *labels[2];
    const GPtrArray *codes;  /* char* */
} matrix_row;

typedef struct matrix {
    GArray *rows;            /* matrix_row */
    GPtrArray *codes;        /* char*, borrowed: the columns */
    GHashTable *seen;        /* the codes already in @codes */
} matrix;

static void
matrix_init(matrix *m)
{
    m->rows = g_array_new(FALSE, FALSE, sizeof(matrix_row));
    m->codes = g_ptr_array_new();
    m->seen = g_hash_table_new(g_str_hash, g_str_equal);
}

static void
matrix_clear(matrix *m)
{
    g_array_unref(m->rows);
    g_ptr_array_unref(m->codes);
    g_hash_table_unref(m->seen);
}

static void
add_code(matrix *m, const char *code)
{
    if (code != NULL && g_hash_table_add(m->seen, (gpointer)code))
        g_ptr_array_add(m->codes, (gpointer)code);
}

static void
add_codes(matrix *m, const GPtrArray *codes)
{
    for (guint i = 0; i < codes->len; i++)
        add_code(m, g_ptr_array_index(codes, i));
}

static void
add_row(matrix *m, const char *label1, const char *label2, const GPtrArray *codes)
{
    matrix_row row = {{label1, label2}, codes};
    g_array_append_val(m->rows, row);
}

/* The label columns every part of a matrix repeats. */
#define LABEL_COLUMNS 2

/* One table: the label columns and the codes [first, first + n). */
static void
matrix_write_part(ods_content *c, const char *name, const matrix *m, guint first, guint n,
                  const char *header1, const char *header2)
{
    ods_column *columns = g_new(ods_column, LABEL_COLUMNS + n);
    columns[0] = (ods_column){header1, ODS_WIDTH_MEDIUM};
    columns[1] = (ods_column){header2, ODS_WIDTH_SHORT};
    for (guint i = 0; i < n; i++)
        columns[LABEL_COLUMNS + i] =
            (ods_column){g_ptr_array_index(m->codes, first + i), ODS_WIDTH_MARK};
    ods_table_begin(c, name, columns, LABEL_COLUMNS + n);
    GHashTable *mapped = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint r = 0; r < m->rows->len; r++) {
        const matrix_row *row = &g_array_index(m->rows, matrix_row, r);
        g_hash_table_remove_all(mapped);
        for (guint i = 0; i < row->codes->len; i++)
            g_hash_table_add(mapped, g_ptr_array_index(row->codes, i));
        ods_row_begin(c);
        ods_cell_text(c, row->labels[0]);
        ods_cell_text(c, row->labels[1]);
        for (guint i = first; i < first + n; i++)
            ods_cell_text(c, g_hash_table_contains(mapped, g_ptr_array_index(m->codes, i))
                                 ? MARK : NULL);
        ods_row_end(c);
    }
    g_hash_table_unref(mapped);
    ods_table_end(c);
    g_free(columns);
}

/* A matrix too wide for one sheet (ODS_MAX_COLUMNS: a functional map can
 * list several hundred units, a combined dataset thousands) continues on
 * sheets "NAME (2)", "NAME (3)", ..., each with the same rows and label
 * columns. Nothing is cut off, every sheet opens in full with any
 * spreadsheet's default limits, and the orientation stays the same
 * whatever the size, for anyone reading the file by program. */
static void
matrix_write(ods_content *c, const char *name, const matrix *m, const char *header1,
             const char *header2)
{
    const guint per_sheet = ODS_MAX_COLUMNS - LABEL_COLUMNS;
    guint part = 1;
    for (guint first = 0; first < m->codes->len; first += per_sheet, part++) {
        char *sheet = part == 1 ? g_strdup(name) : g_strdup_printf("%s (%u)", name, part);
        matrix_write_part(c, sheet, m, first, MIN(per_sheet, m->codes->len - first), header1,
                          header2);
        g_free(sheet);
    }
}

/* ---- Duty x KSB --------------------------------------------------------- */

/* K before S before B, then other prefixes alphabetically, then by number:
 * K2 before K10, as the standards list them. */
static int
ksb_rank(const char *code)
{
    switch (g_ascii_toupper(code[0])) {
    case 'K': return 0;
    case 'S': return 1;
    case 'B': return 2;
    default: return 3;
    }
}

static gint
compare_ksb_codes(gconstpointer a, gconstpointer b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    int d = ksb_rank(x) - ksb_rank(y);
    if (d != 0)
        return d;
    size_t px = strcspn(x, "0123456789"), py = strcspn(y, "0123456789");
    d = strncmp(x, y, MIN(px, py));
    if (d != 0 || px != py)
        return d != 0 ? d : (int)px - (int)py;
    unsigned long nx = strtoul(x + px, NULL, 10), ny = strtoul(y + py, NULL, 10);
    if (nx != ny)
        return nx < ny ? -1 : 1;
    return strcmp(x, y);
}

static void
add_ksb_ids(matrix *m, const GPtrArray *ksbs)
{
    for (guint i = 0; i < ksbs->len; i++)
        add_code(m, ((const ost_ksb *)g_ptr_array_index(ksbs, i))->id);
}

/* Columns: every KSB a standard defines and every code a duty cites (a
 * citation of an undefined code is kept, not hidden), across all
 * standards in the workbook. Rows: every duty. */
static void
duty_matrix_build(matrix *m, ods_docs docs, gsize n)
{
    matrix_init(m);
    for (gsize d = 0; d < n; d++) {
        for (guint i = 0; i < docs[d]->standards->len; i++) {
            const ost_standard *s = g_ptr_array_index(docs[d]->standards, i);
            add_ksb_ids(m, s->knowledge);
            add_ksb_ids(m, s->skills);
            add_ksb_ids(m, s->behaviours);
            for (guint j = 0; j < s->duties->len; j++) {
                const ost_duty *duty = g_ptr_array_index(s->duties, j);
                add_codes(m, duty->ksbs);
                add_row(m, s->reference, duty->id, duty->ksbs);
            }
        }
    }
    g_ptr_array_sort(m->codes, compare_ksb_codes);
}

static gboolean
any_duty(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        for (guint i = 0; i < docs[d]->standards->len; i++)
            if (((const ost_standard *)g_ptr_array_index(docs[d]->standards, i))->duties->len > 0)
                return TRUE;
    return FALSE;
}

gboolean
ods_duty_matrix_has_rows(ods_docs docs, gsize n)
{
    /* Cheap answer first: a standard with thousands of KSBs and no duties
     * should not pay for sorting its codes. */
    if (!any_duty(docs, n))
        return FALSE;
    matrix m;
    duty_matrix_build(&m, docs, n);
    gboolean rows = m.rows->len > 0 && m.codes->len > 0;
    matrix_clear(&m);
    return rows;
}

void
ods_duty_matrix_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    matrix m;
    duty_matrix_build(&m, docs, n);
    matrix_write(c, name, &m, "Standard", "Duty");
    matrix_clear(&m);
}

/* ---- Roles x units ------------------------------------------------------ */

/* Columns: the units in the order the maps list them, then any code a
 * role cites that no map lists. Rows: every role. */
static void
role_matrix_build(matrix *m, ods_docs docs, gsize n)
{
    matrix_init(m);
    for (gsize d = 0; d < n; d++) {
        for (guint i = 0; i < docs[d]->functional_maps->len; i++) {
            const ost_functional_map *fm = g_ptr_array_index(docs[d]->functional_maps, i);
            for (guint j = 0; j < fm->units->len; j++)
                add_code(m, ((const ost_fm_unit *)g_ptr_array_index(fm->units, j))->code);
        }
    }
    for (gsize d = 0; d < n; d++) {
        for (guint i = 0; i < docs[d]->functional_maps->len; i++) {
            const ost_functional_map *fm = g_ptr_array_index(docs[d]->functional_maps, i);
            for (guint j = 0; j < fm->roles->len; j++) {
                const ost_fm_role *role = g_ptr_array_index(fm->roles, j);
                add_codes(m, role->units);
                add_row(m, fm->title, role->name, role->units);
            }
        }
    }
}

gboolean
ods_role_matrix_has_rows(ods_docs docs, gsize n)
{
    matrix m;
    role_matrix_build(&m, docs, n);
    gboolean rows = m.rows->len > 0 && m.codes->len > 0;
    matrix_clear(&m);
    return rows;
}

void
ods_role_matrix_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    matrix m;
    role_matrix_build(&m, docs, n);
    matrix_write(c, name, &m, "Functional map", "Role");
    matrix_clear(&m);
}
