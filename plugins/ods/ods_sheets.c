/* SPDX-License-Identifier: MIT */
/* The flat sheets: one row per standard, duty, KSB, occupation, map entry, unit, source. */
#include "ods_sheets.h"

/* Column headers are for people; the JSON and XML outputs keep the
 * contract's field names. Every sheet that belongs to a standard or a map
 * starts with the column naming it, so rows from a combined dataset can be
 * filtered by document. */

#define FOR_EACH(type, var, list) \
    for (guint var##_i = 0; var##_i < (list)->len; var##_i++) \
        for (const type *var = g_ptr_array_index((list), var##_i); var != NULL; var = NULL)

/* ---- Standards ---------------------------------------------------------- */

static const ods_column standard_columns[] = {
    {"Reference", ODS_WIDTH_CODE},
    {"Version", ODS_WIDTH_CODE},
    {"Title", ODS_WIDTH_MEDIUM},
    {"Stage", ODS_WIDTH_CODE},
    {"Status", ODS_WIDTH_SHORT},
    {"Level", ODS_WIDTH_CODE},
    {"Route", ODS_WIDTH_SHORT},
    {"Pathway", ODS_WIDTH_SHORT},
    {"Cluster", ODS_WIDTH_SHORT},
    {"Occupation code", ODS_WIDTH_CODE},
    {"Core and options", ODS_WIDTH_CODE},
    {"Typical duration (months)", ODS_WIDTH_CODE},
    {"Target approval date", ODS_WIDTH_CODE},
    {"Resubmission", ODS_WIDTH_CODE},
    {"Resubmission note", ODS_WIDTH_TEXT},
    {"Replaces framework", ODS_WIDTH_CODE},
    {"Professional recognition", ODS_WIDTH_CODE},
    {"Overview of role", ODS_WIDTH_TEXT},
    {"Occupation summary", ODS_WIDTH_TEXT},
    {"Typical job titles", ODS_WIDTH_MEDIUM},
    {"Entry requirements", ODS_WIDTH_TEXT},
    {"Qualifications", ODS_WIDTH_TEXT},
    {"English and maths", ODS_WIDTH_TEXT},
    {"Consultation", ODS_WIDTH_TEXT},
    {"Progression routes", ODS_WIDTH_TEXT},
    {"Subject sector area", ODS_WIDTH_SHORT},
    {"Review", ODS_WIDTH_SHORT},
    {"Involved employers", ODS_WIDTH_MEDIUM},
    {"Other fields", ODS_WIDTH_TEXT},
};

/* Unnamed fields, one "key: value" line each. */
static void
cell_extra(ods_content *c, const GPtrArray *extra)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    FOR_EACH(ost_pair, p, extra)
        g_ptr_array_add(lines, g_strdup_printf("%s: %s", p->key, p->value != NULL ? p->value : ""));
    ods_cell_lines(c, lines);
    g_ptr_array_unref(lines);
}

static gboolean
standards_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        if (docs[d]->standards->len > 0)
            return TRUE;
    return FALSE;
}

static void
standards_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, standard_columns, G_N_ELEMENTS(standard_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_standard, s, docs[d]->standards) {
            ods_row_begin(c);
            ods_cell_text(c, s->reference);
            ods_cell_text(c, s->version);
            ods_cell_text(c, s->title);
            ods_cell_text(c, s->stage);
            ods_cell_text(c, s->status);
            ods_cell_int(c, s->level);
            ods_cell_text(c, s->route);
            ods_cell_text(c, s->pathway);
            ods_cell_text(c, s->cluster);
            ods_cell_text(c, s->occupation_code);
            ods_cell_bool(c, s->core_and_options);
            ods_cell_int(c, s->typical_duration_months);
            ods_cell_date(c, s->target_approval_date);
            ods_cell_bool(c, s->resubmission);
            ods_cell_text(c, s->resubmission_note);
            ods_cell_bool(c, s->replaces_framework);
            ods_cell_bool(c, s->professional_recognition);
            ods_cell_text(c, s->overview_of_role);
            ods_cell_text(c, s->occupation_summary);
            ods_cell_lines(c, s->typical_job_titles);
            ods_cell_text(c, s->entry_requirements);
            ods_cell_text(c, s->qualifications);
            ods_cell_text(c, s->english_and_maths);
            ods_cell_text(c, s->consultation);
            ods_cell_text(c, s->progression_routes);
            ods_cell_text(c, s->subject_sector_area);
            ods_cell_text(c, s->review);
            ods_cell_lines(c, s->involved_employers);
            cell_extra(c, s->extra);
            ods_row_end(c);
        }
    }
    ods_table_end(c);
}

/* ---- Duties ------------------------------------------------------------- */

static const ods_column duty_columns[] = {
    {"Standard", ODS_WIDTH_CODE},
    {"Duty", ODS_WIDTH_CODE},
    {"Text", ODS_WIDTH_TEXT},
    {"KSBs", ODS_WIDTH_MEDIUM},
    {"Options", ODS_WIDTH_CODE},
};

static gboolean
duties_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        FOR_EACH(ost_standard, s, docs[d]->standards)
            if (s->duties->len > 0)
                return TRUE;
    return FALSE;
}

static void
duties_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, duty_columns, G_N_ELEMENTS(duty_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_standard, s, docs[d]->standards) {
            FOR_EACH(ost_duty, duty, s->duties) {
                ods_row_begin(c);
                ods_cell_text(c, s->reference);
                ods_cell_text(c, duty->id);
                ods_cell_text(c, duty->text);
                ods_cell_joined(c, duty->ksbs, " ");
                ods_cell_joined(c, duty->options, " ");
                ods_row_end(c);
            }
        }
    }
    ods_table_end(c);
}

/* ---- Options ------------------------------------------------------------ */

static const ods_column option_columns[] = {
    {"Standard", ODS_WIDTH_CODE},
    {"Option", ODS_WIDTH_CODE},
    {"Title", ODS_WIDTH_MEDIUM},
};

static gboolean
options_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        FOR_EACH(ost_standard, s, docs[d]->standards)
            if (s->options->len > 0)
                return TRUE;
    return FALSE;
}

static void
options_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, option_columns, G_N_ELEMENTS(option_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_standard, s, docs[d]->standards) {
            FOR_EACH(ost_option, o, s->options) {
                ods_row_begin(c);
                ods_cell_text(c, s->reference);
                ods_cell_text(c, o->id);
                ods_cell_text(c, o->title);
                ods_row_end(c);
            }
        }
    }
    ods_table_end(c);
}

/* ---- KSBs --------------------------------------------------------------- */

static const ods_column ksb_columns[] = {
    {"Standard", ODS_WIDTH_CODE},
    {"Type", ODS_WIDTH_CODE},
    {"ID", ODS_WIDTH_CODE},
    {"Title", ODS_WIDTH_SHORT},
    {"Text", ODS_WIDTH_TEXT},
};

static gboolean
ksbs_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        FOR_EACH(ost_standard, s, docs[d]->standards)
            if (s->knowledge->len + s->skills->len + s->behaviours->len > 0)
                return TRUE;
    return FALSE;
}

static void
ksb_rows(ods_content *c, const ost_standard *s, const char *type, const GPtrArray *list)
{
    FOR_EACH(ost_ksb, k, list) {
        ods_row_begin(c);
        ods_cell_text(c, s->reference);
        ods_cell_text(c, type);
        ods_cell_text(c, k->id);
        ods_cell_text(c, k->title);
        ods_cell_text(c, k->text);
        ods_row_end(c);
    }
}

static void
ksbs_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, ksb_columns, G_N_ELEMENTS(ksb_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_standard, s, docs[d]->standards) {
            ksb_rows(c, s, "Knowledge", s->knowledge);
            ksb_rows(c, s, "Skill", s->skills);
            ksb_rows(c, s, "Behaviour", s->behaviours);
        }
    }
    ods_table_end(c);
}

/* ---- Occupations -------------------------------------------------------- */

static const ods_column occupation_columns[] = {
    {"Code", ODS_WIDTH_CODE},
    {"Title", ODS_WIDTH_MEDIUM},
    {"Level", ODS_WIDTH_CODE},
    {"Overview", ODS_WIDTH_TEXT},
    {"Summary", ODS_WIDTH_TEXT},
    {"Status", ODS_WIDTH_SHORT},
    {"SOC codes", ODS_WIDTH_CODE},
    {"Involved employers", ODS_WIDTH_MEDIUM},
    {"Related routes", ODS_WIDTH_SHORT},
    {"Standard reference", ODS_WIDTH_CODE},
    {"Other fields", ODS_WIDTH_TEXT},
};

static gboolean
occupations_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        if (docs[d]->occupations->len > 0)
            return TRUE;
    return FALSE;
}

static void
occupations_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, occupation_columns, G_N_ELEMENTS(occupation_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_occupation, o, docs[d]->occupations) {
            ods_row_begin(c);
            ods_cell_text(c, o->code);
            ods_cell_text(c, o->title);
            ods_cell_int(c, o->level);
            ods_cell_text(c, o->overview);
            ods_cell_text(c, o->summary);
            ods_cell_text(c, o->status);
            ods_cell_lines(c, o->soc_codes);
            ods_cell_lines(c, o->involved_employers);
            ods_cell_lines(c, o->related_routes);
            ods_cell_text(c, o->standard_reference);
            cell_extra(c, o->extra);
            ods_row_end(c);
        }
    }
    ods_table_end(c);
}

/* ---- Occupational map --------------------------------------------------- */

static const ods_column map_columns[] = {
    {"Route", ODS_WIDTH_SHORT},
    {"Pathway", ODS_WIDTH_SHORT},
    {"Cluster", ODS_WIDTH_MEDIUM},
    {"Occupation", ODS_WIDTH_MEDIUM},
    {"Level", ODS_WIDTH_CODE},
    {"Status", ODS_WIDTH_SHORT},
};

static gboolean
map_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        if (docs[d]->occupational_maps->len > 0)
            return TRUE;
    return FALSE;
}

/* The route, pathway and cluster an occupation sits in, and the occupation;
 * a level of the hierarchy with nothing below it still gets its row, so no
 * part of the map is lost. */
static void
map_row(ods_content *c, const ost_occupational_map *m, const ost_map_pathway *p,
        const ost_map_cluster *cl, const ost_map_occupation *o)
{
    ods_row_begin(c);
    ods_cell_text(c, m->route);
    ods_cell_text(c, p != NULL ? p->name : NULL);
    ods_cell_text(c, cl != NULL ? cl->name : NULL);
    ods_cell_text(c, o != NULL ? o->title : NULL);
    ods_cell_int(c, o != NULL ? o->level : 0);
    ods_cell_text(c, o != NULL ? ost_map_status_name(o->status) : NULL);
    ods_row_end(c);
}

static void
map_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, map_columns, G_N_ELEMENTS(map_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_occupational_map, m, docs[d]->occupational_maps) {
            if (m->pathways->len == 0)
                map_row(c, m, NULL, NULL, NULL);
            FOR_EACH(ost_map_pathway, p, m->pathways) {
                if (p->clusters->len == 0)
                    map_row(c, m, p, NULL, NULL);
                FOR_EACH(ost_map_cluster, cl, p->clusters) {
                    if (cl->occupations->len == 0)
                        map_row(c, m, p, cl, NULL);
                    FOR_EACH(ost_map_occupation, o, cl->occupations)
                        map_row(c, m, p, cl, o);
                }
            }
        }
    }
    ods_table_end(c);
}

/* ---- Units -------------------------------------------------------------- */

static const ods_column unit_columns[] = {
    {"Functional map", ODS_WIDTH_MEDIUM},
    {"Code", ODS_WIDTH_CODE},
    {"Title", ODS_WIDTH_TEXT},
    {"Source references", ODS_WIDTH_SHORT},
    {"NOS URN", ODS_WIDTH_CODE},
};

static gboolean
units_has_rows(ods_docs docs, gsize n)
{
    for (gsize d = 0; d < n; d++)
        FOR_EACH(ost_functional_map, m, docs[d]->functional_maps)
            if (m->units->len > 0)
                return TRUE;
    return FALSE;
}

static void
units_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, unit_columns, G_N_ELEMENTS(unit_columns));
    for (gsize d = 0; d < n; d++) {
        FOR_EACH(ost_functional_map, m, docs[d]->functional_maps) {
            FOR_EACH(ost_fm_unit, u, m->units) {
                ods_row_begin(c);
                ods_cell_text(c, m->title);
                ods_cell_text(c, u->code);
                ods_cell_text(c, u->title);
                ods_cell_lines(c, u->source_references);
                ods_cell_text(c, u->nos_urn);
                ods_row_end(c);
            }
        }
    }
    ods_table_end(c);
}

/* ---- Sources ------------------------------------------------------------ */

static const ods_column source_columns[] = {
    {"File", ODS_WIDTH_MEDIUM},
    {"Format", ODS_WIDTH_CODE},
    {"Document type", ODS_WIDTH_SHORT},
    {"Trust", ODS_WIDTH_CODE},
    {"Pages", ODS_WIDTH_CODE},
    {"SHA-256", ODS_WIDTH_SHORT},
    {"Repairs", ODS_WIDTH_TEXT},
    {"Warnings", ODS_WIDTH_TEXT},
};

static gboolean
sources_has_rows(ods_docs docs, gsize n)
{
    return n > 0;
}

/* One line per repair: kind: "from" -> "to" (count). */
static void
cell_repairs(ods_content *c, const GPtrArray *repairs)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    FOR_EACH(ost_repair, r, repairs)
        g_ptr_array_add(lines, g_strdup_printf("%s: \u201c%s\u201d \u2192 \u201c%s\u201d (%u)",
                                               r->kind, r->from != NULL ? r->from : "",
                                               r->to != NULL ? r->to : "", r->count));
    ods_cell_lines(c, lines);
    g_ptr_array_unref(lines);
}

/* One line per warning: code (where): message. */
static void
cell_warnings(ods_content *c, const GPtrArray *warnings)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    FOR_EACH(ost_warning, w, warnings)
        g_ptr_array_add(lines, g_strdup_printf("%s%s%s%s: %s", w->code,
                                               w->where != NULL ? " (" : "",
                                               w->where != NULL ? w->where : "",
                                               w->where != NULL ? ")" : "",
                                               w->message != NULL ? w->message : ""));
    ods_cell_lines(c, lines);
    g_ptr_array_unref(lines);
}

static void
sources_write(ods_content *c, const char *name, ods_docs docs, gsize n)
{
    ods_table_begin(c, name, source_columns, G_N_ELEMENTS(source_columns));
    for (gsize d = 0; d < n; d++) {
        const ost_source *src = &docs[d]->source;
        ods_row_begin(c);
        ods_cell_text(c, src->path);
        ods_cell_text(c, src->format);
        ods_cell_text(c, src->document_type);
        ods_cell_text(c, src->trust);
        ods_cell_int(c, src->pages);
        ods_cell_text(c, src->sha256);
        cell_repairs(c, src->repairs);
        cell_warnings(c, src->warnings);
        ods_row_end(c);
    }
    ods_table_end(c);
}

/* ---- The workbook ------------------------------------------------------- */

static const ods_sheet sheets[] = {
    {"Standards", standards_has_rows, standards_write},
    {"Duties", duties_has_rows, duties_write},
    {"Options", options_has_rows, options_write},
    {"KSBs", ksbs_has_rows, ksbs_write},
    {"Duty x KSB matrix", ods_duty_matrix_has_rows, ods_duty_matrix_write},
    {"Occupations", occupations_has_rows, occupations_write},
    {"Occupational map", map_has_rows, map_write},
    {"Roles x units", ods_role_matrix_has_rows, ods_role_matrix_write},
    {"Units", units_has_rows, units_write},
    {"Sources", sources_has_rows, sources_write},
};

GPtrArray *
ods_sheets_plan(ods_docs docs, gsize n_docs)
{
    GPtrArray *plan = g_ptr_array_new();
    for (guint i = 0; i < G_N_ELEMENTS(sheets); i++)
        if (sheets[i].has_rows(docs, n_docs))
            g_ptr_array_add(plan, (gpointer)&sheets[i]);
    if (plan->len == 0)
        g_ptr_array_add(plan, (gpointer)&sheets[G_N_ELEMENTS(sheets) - 1]);
    return plan;
}
