/* SPDX-License-Identifier: MIT */
/* An input plugin built outside the ost tree: the CSV export of the IfATE
 * register of apprenticeship standards, one standard per row.
 *
 *   cc -shared -fPIC -o ost-ifate_register.so ost-ifate_register.c \
 *      $(pkg-config --cflags --libs ost)
 *   ost convert --plugin-dir . ifate-apprenticeships-export-2025-05.csv
 *
 * The format carries the standards ready-made, so the reader fills them in
 * itself and leaves the block stream empty.
 */
#include <ost.h>

#include <stdlib.h>
#include <string.h>

#define HEADER_START "Apprenticeship Type,Name,Reference,"
#define UTF8_BOM "\xEF\xBB\xBF"

static int
register_bid(const ost_input *in)
{
    gsize skip = in->len >= 3 && memcmp(in->data, UTF8_BOM, 3) == 0 ? 3 : 0;
    gsize n = strlen(HEADER_START);
    return in->len >= skip + n && memcmp(in->data + skip, HEADER_START, n) == 0
               ? OST_BID_CERTAIN
               : OST_BID_NONE;
}

/* One RFC 4180 record from *p (quoted fields may hold commas, doubled
 * quotes and line breaks), moving *p past it. Hand-written: GLib has no
 * CSV parser, and an example plugin should need nothing but ost. */
static GPtrArray *
next_record(const char **p, const char *end)
{
    if (*p >= end)
        return NULL;
    GPtrArray *fields = g_ptr_array_new_with_free_func(g_free);
    GString *field = g_string_new(NULL);
    const char *s = *p;
    gboolean quoted = FALSE;
    for (; s < end; s++) {
        if (quoted) {
            if (*s == '"' && s + 1 < end && s[1] == '"')
                g_string_append_c(field, *s++);
            else if (*s == '"')
                quoted = FALSE;
            else
                g_string_append_c(field, *s);
        } else if (*s == '"') {
            quoted = TRUE;
        } else if (*s == ',') {
            g_ptr_array_add(fields, g_string_free(field, FALSE));
            field = g_string_new(NULL);
        } else if (*s == '\n' || *s == '\r') {
            s += *s == '\r' && s + 1 < end && s[1] == '\n' ? 2 : 1;
            break;
        } else {
            g_string_append_c(field, *s);
        }
    }
    g_ptr_array_add(fields, g_string_free(field, FALSE));
    *p = s;
    return fields;
}

/* The register's columns, by name, so their order may change. */
typedef struct columns {
    GPtrArray *names;
} columns;

static const char *
cell(const columns *cols, const GPtrArray *row, const char *name)
{
    for (guint i = 0; i < cols->names->len && i < row->len; i++)
        if (strcmp(g_ptr_array_index(cols->names, i), name) == 0) {
            const char *v = g_ptr_array_index(row, i);
            return *v != '\0' ? v : NULL;
        }
    return NULL;
}

static int
cell_int(const columns *cols, const GPtrArray *row, const char *name)
{
    const char *v = cell(cols, row, name);
    return v != NULL ? atoi(v) : 0;
}

static ost_tristate
cell_yes_no(const columns *cols, const GPtrArray *row, const char *name)
{
    const char *v = cell(cols, row, name);
    if (v == NULL)
        return OST_UNSET;
    return g_ascii_strcasecmp(v, "yes") == 0 ? OST_YES : OST_NO;
}

/* Columns kept as they are, in `extra`. The contact column is left out:
 * it names people. */
static const char *const extra_columns[] = {
    "Apprenticeship Type", "Approved for Delivery Date", "Retired date", "Withdrawn date",
    "Maximum Funding (£)", "Options", "Regulated Standard", "LARS code for providers only",
    "EQA Provider", "Professional recognition", "Link", "Last Updated",
};

static ost_standard *
standard_of(const columns *cols, const GPtrArray *row)
{
    ost_standard *s = ost_standard_new();
    ost_set_str(&s->reference, cell(cols, row, "Reference"));
    ost_set_str(&s->version, cell(cols, row, "Version Number"));
    ost_set_str(&s->title, cell(cols, row, "Name"));
    ost_set_str(&s->status, cell(cols, row, "Status"));
    const char *status = s->status != NULL ? s->status : "";
    ost_set_str(&s->stage, g_str_has_prefix(status, "Proposal") ? "proposal" : "standard");
    s->level = cell_int(cols, row, "Level");
    ost_set_str(&s->route, cell(cols, row, "Route"));
    s->typical_duration_months = cell_int(cols, row, "Typical Duration");
    s->core_and_options = cell_yes_no(cols, row, "Core and options");
    ost_set_str(&s->overview_of_role, cell(cols, row, "Overview of role"));
    ost_set_str(&s->subject_sector_area, cell(cols, row, "SSA2 code"));
    const char *titles = cell(cols, row, "Job Titles");
    if (titles != NULL) {
        char **parts = g_strsplit(titles, ";", -1);
        for (char **t = parts; *t != NULL; t++)
            if (*g_strstrip(*t) != '\0')
                ost_strlist_add_unique(s->typical_job_titles, *t);
        g_strfreev(parts);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(extra_columns); i++) {
        const char *v = cell(cols, row, extra_columns[i]);
        if (v != NULL)
            g_ptr_array_add(s->extra, ost_pair_new(extra_columns[i], v));
    }
    return s;
}

/* "ST" and four digits, as the data model has standards' references. */
static gboolean
is_standard_reference(const char *ref)
{
    if (ref == NULL || strlen(ref) != 6 || !g_str_has_prefix(ref, "ST"))
        return FALSE;
    for (const char *p = ref + 2; *p != '\0'; p++)
        if (!g_ascii_isdigit(*p))
            return FALSE;
    return TRUE;
}

static ost_status
register_read(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    ost_doc *doc = ost_read_context_records(ctx);
    const char *p = (const char *)in->data;
    /* The published export ends in a megabyte of NUL bytes: the data ends
     * at the first one. */
    const char *end = memchr(p, '\0', in->len);
    if (end == NULL)
        end = p + in->len;
    else if (end + 1 < p + in->len)
        ost_read_context_warn(ctx, "trailing_padding", NULL,
                     "%" G_GSIZE_FORMAT " bytes of NUL padding after the data were ignored",
                     (gsize)(p + in->len - end));
    if (!g_utf8_validate(p, end - p, NULL)) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE, "the register export is not UTF-8");
        return OST_ERR_PARSE;
    }
    if (end - p >= 3 && memcmp(p, UTF8_BOM, 3) == 0)
        p += 3;
    columns cols = {next_record(&p, end)};
    if (cols.names == NULL || cols.names->len < 3) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE, "no header row");
        if (cols.names != NULL)
            g_ptr_array_unref(cols.names);
        return OST_ERR_PARSE;
    }
    guint line = 1;
    GPtrArray *row;
    while ((row = next_record(&p, end)) != NULL) {
        line++;
        if (row->len == 1 && *(const char *)g_ptr_array_index(row, 0) == '\0') {
            g_ptr_array_unref(row); /* a blank line */
            continue;
        }
        const char *reference = cell(&cols, row, "Reference");
        char *where = g_strdup_printf("record %u", line);
        if (row->len != cols.names->len)
            ost_read_context_warn(ctx, "row_skipped", where,
                         "a row with %u fields (the header has %u) was skipped", row->len,
                         cols.names->len);
        else if (!is_standard_reference(reference))
            /* Foundation apprenticeships (FA0001) are listed too, but are
             * not standards. */
            ost_read_context_warn(ctx, "row_skipped", where, "%s is not a standard's reference: skipped",
                         reference != NULL ? reference : "an empty reference");
        else
            g_ptr_array_add(doc->standards, standard_of(&cols, row));
        g_free(where);
        g_ptr_array_unref(row);
    }
    g_ptr_array_unref(cols.names);
    if (doc->standards->len == 0) {
        g_set_error(error, OST_ERROR, OST_ERR_EMPTY, "the register export lists no standard");
        return OST_ERR_EMPTY;
    }
    ost_set_str(&doc->source.document_type, "standard");
    ost_set_str(&doc->source.trust, "official");
    return OST_OK;
}

static const char *const register_extensions[] = {"csv", NULL};
static const char *const register_mime_types[] = {"text/csv", NULL};

static const ost_reader_info register_reader = {
    .size = sizeof(ost_reader_info),
    .name = "ifate_register",
    .description = "CSV export of the IfATE register of apprenticeship standards",
    .extensions = register_extensions,
    .mime_types = register_mime_types,
    .bid = register_bid,
    .read = register_read,
    .url = "https://www.instituteforapprenticeships.org/apprenticeships/",
};

static ost_status
register_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &register_reader);
}

OST_PLUGIN_DEFINE(ifate_register, "IfATE register export (CSV)", "1.0", "MIT", register_init)
