/* SPDX-License-Identifier: MIT */
/* The data model flattened into rows of the tables in <ost/tables.h>. */
#include <ost/tables.h>

#define T OST_COLUMN_TEXT
#define I OST_COLUMN_INTEGER
#define B OST_COLUMN_BOOLEAN
#define SOURCE_COLUMNS {"source_path", T}, {"source_sha256", T}, {"source_trust", T}
#define BY_SOURCE "sources", "source_path", "source_path"
#define BY_STANDARD "standards", "source_path, standard_no", "source_path, standard_no"

static const ost_column sources_columns[] = {
    SOURCE_COLUMNS, {"relative_path", T}, {"format", T}, {"document_type", T},
    {"pages", I}, {"repairs", I}, {"warnings", I},
};
static const ost_column standards_columns[] = {
    SOURCE_COLUMNS, {"standard_no", I}, {"reference", T}, {"version", T}, {"title", T},
    {"stage", T}, {"status", T}, {"level", I}, {"route", T}, {"pathway", T},
    {"cluster", T}, {"occupation_code", T}, {"core_and_options", B},
    {"typical_duration_months", I}, {"target_approval_date", T}, {"resubmission", B},
    {"resubmission_note", T}, {"replaces_framework", B}, {"professional_recognition", B},
    {"overview_of_role", T}, {"occupation_summary", T}, {"typical_job_titles", T},
    {"entry_requirements", T}, {"qualifications", T}, {"english_and_maths", T},
    {"consultation", T}, {"progression_routes", T}, {"subject_sector_area", T},
    {"review", T}, {"involved_employers", T}, {"other_fields", T},
};
static const ost_column options_columns[] = {
    SOURCE_COLUMNS, {"standard_no", I}, {"reference", T}, {"option_no", I},
    {"option_id", T}, {"title", T},
};
static const ost_column duties_columns[] = {
    SOURCE_COLUMNS, {"standard_no", I}, {"reference", T}, {"duty_no", I},
    {"duty_id", T}, {"text", T}, {"options", T},
};
static const ost_column duty_ksbs_columns[] = {
    SOURCE_COLUMNS, {"standard_no", I}, {"reference", T}, {"duty_no", I},
    {"duty_id", T}, {"link_no", I}, {"ksb_id", T},
};
static const ost_column ksbs_columns[] = {
    SOURCE_COLUMNS, {"standard_no", I}, {"reference", T}, {"kind", T}, {"ksb_no", I},
    {"ksb_id", T}, {"id_source", T}, {"title", T}, {"text", T},
};
static const ost_column occupations_columns[] = {
    SOURCE_COLUMNS, {"occupation_no", I}, {"code", T}, {"title", T}, {"level", I},
    {"overview", T}, {"summary", T}, {"status", T}, {"soc_codes", T},
    {"involved_employers", T}, {"related_routes", T}, {"standard_reference", T},
    {"other_fields", T},
};
static const ost_column map_entries_columns[] = {
    SOURCE_COLUMNS, {"map_no", I}, {"entry_no", I}, {"route", T}, {"pathway", T},
    {"cluster", T}, {"apprenticeship_only", B}, {"title", T}, {"level", I}, {"status", T},
};
static const ost_column fm_units_columns[] = {
    SOURCE_COLUMNS, {"map_no", I}, {"map_title", T}, {"unit_no", I}, {"code", T},
    {"title", T}, {"source_references", T}, {"nos_urn", T},
};
static const ost_column role_units_columns[] = {
    SOURCE_COLUMNS, {"map_no", I}, {"role_no", I}, {"role", T}, {"link_no", I},
    {"unit_code", T},
};
static const ost_column repairs_columns[] = {
    SOURCE_COLUMNS, {"repair_no", I}, {"kind", T}, {"from", T}, {"to", T}, {"count", I},
};
static const ost_column warnings_columns[] = {
    SOURCE_COLUMNS, {"warning_no", I}, {"code", T}, {"message", T}, {"where", T},
};

#define COLUMNS(a) a, G_N_ELEMENTS(a)

static const ost_table tables[OST_N_TABLES] = {
    [OST_TABLE_SOURCES] = {"sources", COLUMNS(sources_columns), "source_path", NULL, NULL, NULL},
    [OST_TABLE_STANDARDS] = {"standards", COLUMNS(standards_columns),
                             "source_path, standard_no", BY_SOURCE},
    [OST_TABLE_OPTIONS] = {"options", COLUMNS(options_columns),
                           "source_path, standard_no, option_no", BY_STANDARD},
    [OST_TABLE_DUTIES] = {"duties", COLUMNS(duties_columns),
                          "source_path, standard_no, duty_no", BY_STANDARD},
    [OST_TABLE_DUTY_KSBS] = {"duty_ksbs", COLUMNS(duty_ksbs_columns),
                             "source_path, standard_no, duty_no, link_no", "duties",
                             "source_path, standard_no, duty_no",
                             "source_path, standard_no, duty_no"},
    [OST_TABLE_KSBS] = {"ksbs", COLUMNS(ksbs_columns), "source_path, standard_no, kind, ksb_no",
                        BY_STANDARD},
    [OST_TABLE_OCCUPATIONS] = {"occupations", COLUMNS(occupations_columns),
                               "source_path, occupation_no", BY_SOURCE},
    [OST_TABLE_OCCUPATIONAL_MAP_ENTRIES] = {"occupational_map_entries",
                                            COLUMNS(map_entries_columns),
                                            "source_path, map_no, entry_no", BY_SOURCE},
    [OST_TABLE_FUNCTIONAL_MAP_UNITS] = {"functional_map_units", COLUMNS(fm_units_columns),
                                        "source_path, map_no, unit_no", BY_SOURCE},
    [OST_TABLE_ROLE_UNITS] = {"role_units", COLUMNS(role_units_columns),
                              "source_path, map_no, role_no, link_no", BY_SOURCE},
    [OST_TABLE_REPAIRS] = {"repairs", COLUMNS(repairs_columns), "source_path, repair_no",
                           BY_SOURCE},
    [OST_TABLE_WARNINGS] = {"warnings", COLUMNS(warnings_columns), "source_path, warning_no",
                            BY_SOURCE},
};

const ost_table *
ost_table_get(ost_table_id id)
{
    g_return_val_if_fail(id < OST_N_TABLES, NULL);
    return &tables[id];
}

/* One row being filled: its values, owned. */
typedef struct row {
    GPtrArray *values;
    const ost_source *source;
    ost_row_fn fn;
    void *user;
} row;

static void
row_begin(row *r)
{
    g_ptr_array_set_size(r->values, 0);
    g_ptr_array_add(r->values, g_strdup(r->source->path));
    g_ptr_array_add(r->values, g_strdup(r->source->sha256));
    g_ptr_array_add(r->values, g_strdup(r->source->trust));
}

static void
put_text(row *r, const char *s)
{
    g_ptr_array_add(r->values, g_strdup(s));
}

static void
put_number(row *r, gint64 n)
{
    g_ptr_array_add(r->values, g_strdup_printf("%" G_GINT64_FORMAT, n));
}

/* The model's integers use 0 for "not stated". */
static void
put_int_or_null(row *r, int n)
{
    g_ptr_array_add(r->values, n == 0 ? NULL : g_strdup_printf("%d", n));
}

static void
put_tristate(row *r, ost_tristate t)
{
    put_text(r, t == OST_UNSET ? NULL : t == OST_YES ? "1" : "0");
}

static void
put_list(row *r, const GPtrArray *list)
{
    if (list->len == 0) {
        put_text(r, NULL);
        return;
    }
    GString *joined = g_string_new(g_ptr_array_index(list, 0));
    for (guint i = 1; i < list->len; i++) {
        g_string_append(joined, "; ");
        g_string_append(joined, g_ptr_array_index(list, i));
    }
    g_ptr_array_add(r->values, g_string_free(joined, FALSE));
}

/* Fields the model has no name for, one "key: value" line each. */
static void
put_extra(row *r, const GPtrArray *extra)
{
    if (extra->len == 0) {
        put_text(r, NULL);
        return;
    }
    GString *lines = g_string_new(NULL);
    for (guint i = 0; i < extra->len; i++) {
        const ost_pair *p = g_ptr_array_index(extra, i);
        g_string_append_printf(lines, "%s%s: %s", i > 0 ? "\n" : "", p->key,
                               p->value != NULL ? p->value : "");
    }
    g_ptr_array_add(r->values, g_string_free(lines, FALSE));
}

static ost_status
row_end(row *r, ost_table_id table)
{
    g_assert(r->values->len == tables[table].n_columns);
    return r->fn(table, (const char *const *)r->values->pdata, r->user);
}

#define EMIT(r, table)                        \
    do {                                      \
        ost_status st_ = row_end(r, table);   \
        if (st_ != OST_OK)                    \
            return st_;                       \
    } while (0)

static ost_status
walk_source(row *r, const ost_doc *doc)
{
    const ost_source *src = &doc->source;
    row_begin(r);
    put_text(r, ost_doc_shown_path(doc));
    put_text(r, src->format);
    put_text(r, src->document_type);
    put_int_or_null(r, src->pages);
    put_number(r, src->repairs->len);
    put_number(r, src->warnings->len);
    EMIT(r, OST_TABLE_SOURCES);
    return OST_OK;
}

static void
put_standard_key(row *r, guint standard_no, const ost_standard *s)
{
    row_begin(r);
    put_number(r, standard_no);
    put_text(r, s->reference);
}

static ost_status
walk_ksbs(row *r, guint standard_no, const ost_standard *s, const char *kind,
          const GPtrArray *list)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_ksb *k = g_ptr_array_index(list, i);
        put_standard_key(r, standard_no, s);
        put_text(r, kind);
        put_number(r, i + 1);
        put_text(r, k->id);
        put_text(r, k->id_derived ? "derived" : "stated");
        put_text(r, k->title);
        put_text(r, k->text);
        EMIT(r, OST_TABLE_KSBS);
    }
    return OST_OK;
}

static ost_status
walk_duties(row *r, guint standard_no, const ost_standard *s)
{
    for (guint i = 0; i < s->duties->len; i++) {
        const ost_duty *d = g_ptr_array_index(s->duties, i);
        put_standard_key(r, standard_no, s);
        put_number(r, i + 1);
        put_text(r, d->id);
        put_text(r, d->text);
        put_list(r, d->options);
        EMIT(r, OST_TABLE_DUTIES);
        for (guint j = 0; j < d->ksbs->len; j++) {
            put_standard_key(r, standard_no, s);
            put_number(r, i + 1);
            put_text(r, d->id);
            put_number(r, j + 1);
            put_text(r, g_ptr_array_index(d->ksbs, j));
            EMIT(r, OST_TABLE_DUTY_KSBS);
        }
    }
    return OST_OK;
}

static ost_status
walk_standard(row *r, guint standard_no, const ost_standard *s)
{
    put_standard_key(r, standard_no, s);
    put_text(r, s->version);
    put_text(r, s->title);
    put_text(r, s->stage);
    put_text(r, s->status);
    put_int_or_null(r, s->level);
    put_text(r, s->route);
    put_text(r, s->pathway);
    put_text(r, s->cluster);
    put_text(r, s->occupation_code);
    put_tristate(r, s->core_and_options);
    put_int_or_null(r, s->typical_duration_months);
    put_text(r, s->target_approval_date);
    put_tristate(r, s->resubmission);
    put_text(r, s->resubmission_note);
    put_tristate(r, s->replaces_framework);
    put_tristate(r, s->professional_recognition);
    put_text(r, s->overview_of_role);
    put_text(r, s->occupation_summary);
    put_list(r, s->typical_job_titles);
    put_text(r, s->entry_requirements);
    put_text(r, s->qualifications);
    put_text(r, s->english_and_maths);
    put_text(r, s->consultation);
    put_text(r, s->progression_routes);
    put_text(r, s->subject_sector_area);
    put_text(r, s->review);
    put_list(r, s->involved_employers);
    put_extra(r, s->extra);
    EMIT(r, OST_TABLE_STANDARDS);
    for (guint i = 0; i < s->options->len; i++) {
        const ost_option *o = g_ptr_array_index(s->options, i);
        put_standard_key(r, standard_no, s);
        put_number(r, i + 1);
        put_text(r, o->id);
        put_text(r, o->title);
        EMIT(r, OST_TABLE_OPTIONS);
    }
    ost_status st = walk_duties(r, standard_no, s);
    if (st == OST_OK)
        st = walk_ksbs(r, standard_no, s, "knowledge", s->knowledge);
    if (st == OST_OK)
        st = walk_ksbs(r, standard_no, s, "skill", s->skills);
    if (st == OST_OK)
        st = walk_ksbs(r, standard_no, s, "behaviour", s->behaviours);
    return st;
}

static ost_status
walk_occupation(row *r, guint no, const ost_occupation *o)
{
    row_begin(r);
    put_number(r, no);
    put_text(r, o->code);
    put_text(r, o->title);
    put_int_or_null(r, o->level);
    put_text(r, o->overview);
    put_text(r, o->summary);
    put_text(r, o->status);
    put_list(r, o->soc_codes);
    put_list(r, o->involved_employers);
    put_list(r, o->related_routes);
    put_text(r, o->standard_reference);
    put_extra(r, o->extra);
    EMIT(r, OST_TABLE_OCCUPATIONS);
    return OST_OK;
}

static ost_status
walk_occupational_map(row *r, guint map_no, const ost_occupational_map *m)
{
    guint entry_no = 0;
    for (guint p = 0; p < m->pathways->len; p++) {
        const ost_map_pathway *pw = g_ptr_array_index(m->pathways, p);
        for (guint c = 0; c < pw->clusters->len; c++) {
            const ost_map_cluster *cl = g_ptr_array_index(pw->clusters, c);
            for (guint o = 0; o < cl->occupations->len; o++) {
                const ost_map_occupation *occ = g_ptr_array_index(cl->occupations, o);
                row_begin(r);
                put_number(r, map_no);
                put_number(r, ++entry_no);
                put_text(r, m->route);
                put_text(r, pw->name);
                put_text(r, cl->name);
                put_tristate(r, cl->apprenticeship_only);
                put_text(r, occ->title);
                put_int_or_null(r, occ->level);
                put_text(r, ost_map_status_name(occ->status));
                EMIT(r, OST_TABLE_OCCUPATIONAL_MAP_ENTRIES);
            }
        }
    }
    return OST_OK;
}

static ost_status
walk_functional_map(row *r, guint map_no, const ost_functional_map *m)
{
    for (guint i = 0; i < m->units->len; i++) {
        const ost_fm_unit *u = g_ptr_array_index(m->units, i);
        row_begin(r);
        put_number(r, map_no);
        put_text(r, m->title);
        put_number(r, i + 1);
        put_text(r, u->code);
        put_text(r, u->title);
        put_list(r, u->source_references);
        put_text(r, u->nos_urn);
        EMIT(r, OST_TABLE_FUNCTIONAL_MAP_UNITS);
    }
    for (guint i = 0; i < m->roles->len; i++) {
        const ost_fm_role *role = g_ptr_array_index(m->roles, i);
        for (guint j = 0; j < role->units->len; j++) {
            row_begin(r);
            put_number(r, map_no);
            put_number(r, i + 1);
            put_text(r, role->name);
            put_number(r, j + 1);
            put_text(r, g_ptr_array_index(role->units, j));
            EMIT(r, OST_TABLE_ROLE_UNITS);
        }
    }
    return OST_OK;
}

static ost_status
walk_findings(row *r, const ost_source *src)
{
    for (guint i = 0; i < src->repairs->len; i++) {
        const ost_repair *x = g_ptr_array_index(src->repairs, i);
        row_begin(r);
        put_number(r, i + 1);
        put_text(r, x->kind);
        put_text(r, x->from);
        put_text(r, x->to);
        put_number(r, x->count);
        EMIT(r, OST_TABLE_REPAIRS);
    }
    for (guint i = 0; i < src->warnings->len; i++) {
        const ost_warning *w = g_ptr_array_index(src->warnings, i);
        row_begin(r);
        put_number(r, i + 1);
        put_text(r, w->code);
        put_text(r, w->message);
        put_text(r, w->where);
        EMIT(r, OST_TABLE_WARNINGS);
    }
    return OST_OK;
}

/* Calls @walk on each item of @list with its 1-based number. */
#define WALK_LIST(st, r, list, walk)                                   \
    for (guint i_ = 0; (st) == OST_OK && i_ < (list)->len; i_++)       \
        (st) = walk((r), i_ + 1, g_ptr_array_index((list), i_))

static ost_status
walk_doc(row *r, const ost_doc *doc)
{
    r->source = &doc->source;
    ost_status st = walk_source(r, doc);
    WALK_LIST(st, r, doc->standards, walk_standard);
    WALK_LIST(st, r, doc->occupations, walk_occupation);
    WALK_LIST(st, r, doc->occupational_maps, walk_occupational_map);
    WALK_LIST(st, r, doc->functional_maps, walk_functional_map);
    if (st == OST_OK)
        st = walk_findings(r, &doc->source);
    return st;
}

ost_status
ost_tables_walk(const ost_doc *const *docs, gsize n_docs, ost_row_fn fn, void *user)
{
    row r = {g_ptr_array_new_with_free_func(g_free), NULL, fn, user};
    ost_status st = OST_OK;
    for (gsize i = 0; st == OST_OK && i < n_docs; i++)
        st = walk_doc(&r, docs[i]);
    g_ptr_array_unref(r.values);
    return st;
}
