/* SPDX-License-Identifier: MIT */
/* Output plugin: the data model as JSON, exactly the published contract. */
#include <ost.h>

#include "jsonw.h"

/* Keys are written in the contract's order, so output is byte-identical for
 * the same model and diffs between dataset refreshes stay readable. The
 * key_* helpers take the contract's own field names, which need no escape. */

static void
key_string(jsonw *w, const char *key, const char *value)
{
    jsonw_plain_key(w, key);
    jsonw_string(w, value);
}

static void
key_int_or_null(jsonw *w, const char *key, int value)
{
    jsonw_plain_key(w, key);
    if (value == 0)
        jsonw_null(w);
    else
        jsonw_int(w, value);
}

static void
key_tristate(jsonw *w, const char *key, ost_tristate value)
{
    jsonw_plain_key(w, key);
    if (value == OST_UNSET)
        jsonw_null(w);
    else
        jsonw_bool(w, value == OST_YES);
}

static void
key_strings(jsonw *w, const char *key, const GPtrArray *list)
{
    jsonw_plain_key(w, key);
    jsonw_begin_array(w);
    for (guint i = 0; i < list->len; i++)
        jsonw_string(w, g_ptr_array_index(list, i));
    jsonw_end_array(w);
}

typedef void (*write_item_fn)(jsonw *w, const void *item);

static void
key_items(jsonw *w, const char *key, const GPtrArray *list, write_item_fn fn)
{
    jsonw_plain_key(w, key);
    jsonw_begin_array(w);
    for (guint i = 0; i < list->len; i++)
        fn(w, g_ptr_array_index(list, i));
    jsonw_end_array(w);
}

static void
key_extra(jsonw *w, const GPtrArray *extra)
{
    jsonw_plain_key(w, "extra");
    jsonw_begin_object(w);
    for (guint i = 0; i < extra->len; i++) {
        const ost_pair *p = g_ptr_array_index(extra, i);
        jsonw_key(w, p->key); /* from the page: may need escaping */
        jsonw_string(w, p->value);
    }
    jsonw_end_object(w);
}

static void
write_ksb(jsonw *w, const void *item)
{
    const ost_ksb *k = item;
    jsonw_begin_object(w);
    key_string(w, "id", k->id);
    key_string(w, "id_source", k->id_derived ? "derived" : "stated");
    key_string(w, "title", k->title);
    key_string(w, "text", k->text);
    jsonw_end_object(w);
}

static void
write_duty(jsonw *w, const void *item)
{
    const ost_duty *d = item;
    jsonw_begin_object(w);
    key_string(w, "id", d->id);
    key_string(w, "text", d->text);
    key_strings(w, "ksbs", d->ksbs);
    key_strings(w, "options", d->options);
    jsonw_end_object(w);
}

static void
write_option(jsonw *w, const void *item)
{
    const ost_option *o = item;
    jsonw_begin_object(w);
    key_string(w, "id", o->id);
    key_string(w, "title", o->title);
    jsonw_end_object(w);
}

static void
write_standard(jsonw *w, const void *item)
{
    const ost_standard *s = item;
    jsonw_begin_object(w);
    key_string(w, "reference", s->reference);
    key_string(w, "version", s->version);
    key_string(w, "title", s->title);
    key_string(w, "stage", s->stage);
    key_string(w, "status", s->status);
    key_int_or_null(w, "level", s->level);
    key_string(w, "route", s->route);
    key_string(w, "pathway", s->pathway);
    key_string(w, "cluster", s->cluster);
    key_string(w, "occupation_code", s->occupation_code);
    key_tristate(w, "core_and_options", s->core_and_options);
    key_int_or_null(w, "typical_duration_months", s->typical_duration_months);
    key_string(w, "target_approval_date", s->target_approval_date);
    key_tristate(w, "resubmission", s->resubmission);
    key_string(w, "resubmission_note", s->resubmission_note);
    key_tristate(w, "replaces_framework", s->replaces_framework);
    key_tristate(w, "professional_recognition", s->professional_recognition);
    key_string(w, "overview_of_role", s->overview_of_role);
    key_string(w, "occupation_summary", s->occupation_summary);
    key_strings(w, "typical_job_titles", s->typical_job_titles);
    key_string(w, "entry_requirements", s->entry_requirements);
    key_items(w, "duties", s->duties, write_duty);
    key_items(w, "options", s->options, write_option);
    key_items(w, "knowledge", s->knowledge, write_ksb);
    key_items(w, "skills", s->skills, write_ksb);
    key_items(w, "behaviours", s->behaviours, write_ksb);
    key_string(w, "qualifications", s->qualifications);
    key_string(w, "english_and_maths", s->english_and_maths);
    key_string(w, "consultation", s->consultation);
    key_string(w, "progression_routes", s->progression_routes);
    key_string(w, "subject_sector_area", s->subject_sector_area);
    key_string(w, "review", s->review);
    key_strings(w, "involved_employers", s->involved_employers);
    key_extra(w, s->extra);
    jsonw_end_object(w);
}

static void
write_occupation(jsonw *w, const void *item)
{
    const ost_occupation *o = item;
    jsonw_begin_object(w);
    key_string(w, "code", o->code);
    key_string(w, "title", o->title);
    key_int_or_null(w, "level", o->level);
    key_string(w, "overview", o->overview);
    key_string(w, "summary", o->summary);
    key_string(w, "status", o->status);
    key_strings(w, "soc_codes", o->soc_codes);
    key_strings(w, "involved_employers", o->involved_employers);
    key_strings(w, "related_routes", o->related_routes);
    key_string(w, "standard_reference", o->standard_reference);
    key_extra(w, o->extra);
    jsonw_end_object(w);
}

static void
write_map_occupation(jsonw *w, const void *item)
{
    const ost_map_occupation *o = item;
    jsonw_begin_object(w);
    key_string(w, "title", o->title);
    key_int_or_null(w, "level", o->level);
    key_string(w, "status", ost_map_status_name(o->status));
    jsonw_end_object(w);
}

static void
write_cluster(jsonw *w, const void *item)
{
    const ost_map_cluster *c = item;
    jsonw_begin_object(w);
    key_string(w, "name", c->name);
    key_string(w, "description", c->description);
    key_tristate(w, "apprenticeship_only", c->apprenticeship_only);
    key_items(w, "occupations", c->occupations, write_map_occupation);
    jsonw_end_object(w);
}

static void
write_pathway(jsonw *w, const void *item)
{
    const ost_map_pathway *p = item;
    jsonw_begin_object(w);
    key_string(w, "name", p->name);
    key_items(w, "clusters", p->clusters, write_cluster);
    jsonw_end_object(w);
}

static void
write_occupational_map(jsonw *w, const void *item)
{
    const ost_occupational_map *m = item;
    jsonw_begin_object(w);
    key_string(w, "route", m->route);
    key_string(w, "description", m->description);
    key_items(w, "pathways", m->pathways, write_pathway);
    jsonw_end_object(w);
}

static void
write_role(jsonw *w, const void *item)
{
    const ost_fm_role *r = item;
    jsonw_begin_object(w);
    key_string(w, "name", r->name);
    key_strings(w, "units", r->units);
    jsonw_end_object(w);
}

static void
write_function(jsonw *w, const void *item)
{
    const ost_fm_function *f = item;
    jsonw_begin_object(w);
    key_string(w, "title", f->title);
    key_string(w, "details", f->details);
    key_strings(w, "units", f->units);
    jsonw_end_object(w);
}

static void
write_area(jsonw *w, const void *item)
{
    const ost_fm_area *a = item;
    jsonw_begin_object(w);
    key_string(w, "code", a->code);
    key_string(w, "title", a->title);
    key_items(w, "functions", a->functions, write_function);
    jsonw_end_object(w);
}

static void
write_key_area(jsonw *w, const void *item)
{
    const ost_fm_key_area *k = item;
    jsonw_begin_object(w);
    key_string(w, "code", k->code);
    key_string(w, "title", k->title);
    key_items(w, "areas", k->areas, write_area);
    jsonw_end_object(w);
}

static void
write_unit(jsonw *w, const void *item)
{
    const ost_fm_unit *u = item;
    jsonw_begin_object(w);
    key_string(w, "code", u->code);
    key_string(w, "title", u->title);
    key_strings(w, "source_references", u->source_references);
    key_string(w, "nos_urn", u->nos_urn);
    jsonw_end_object(w);
}

static void
write_functional_map(jsonw *w, const void *item)
{
    const ost_functional_map *m = item;
    jsonw_begin_object(w);
    key_string(w, "title", m->title);
    key_items(w, "roles", m->roles, write_role);
    key_items(w, "key_areas", m->key_areas, write_key_area);
    key_items(w, "units", m->units, write_unit);
    jsonw_end_object(w);
}

static void
write_repair(jsonw *w, const void *item)
{
    const ost_repair *r = item;
    jsonw_begin_object(w);
    key_string(w, "kind", r->kind);
    key_string(w, "from", r->from);
    key_string(w, "to", r->to);
    jsonw_plain_key(w, "count");
    jsonw_int(w, r->count);
    jsonw_end_object(w);
}

static void
write_warning(jsonw *w, const void *item)
{
    const ost_warning *x = item;
    jsonw_begin_object(w);
    key_string(w, "code", x->code);
    key_string(w, "message", x->message);
    key_string(w, "where", x->where);
    jsonw_end_object(w);
}

static void
write_source(jsonw *w, const ost_source *src)
{
    jsonw_plain_key(w, "source");
    jsonw_begin_object(w);
    key_string(w, "path", src->path);
    key_string(w, "format", src->format);
    key_string(w, "sha256", src->sha256);
    key_string(w, "document_type", src->document_type);
    key_int_or_null(w, "pages", src->pages);
    key_string(w, "trust", src->trust);
    key_items(w, "repairs", src->repairs, write_repair);
    key_items(w, "warnings", src->warnings, write_warning);
    jsonw_end_object(w);
}

static void
write_document(jsonw *w, const ost_doc *doc)
{
    jsonw_begin_object(w);
    key_string(w, "ost_version", OST_MODEL_VERSION);
    write_source(w, &doc->source);
    key_items(w, "standards", doc->standards, write_standard);
    key_items(w, "occupations", doc->occupations, write_occupation);
    key_items(w, "occupational_maps", doc->occupational_maps, write_occupational_map);
    key_items(w, "functional_maps", doc->functional_maps, write_functional_map);
    jsonw_end_object(w);
}

static ost_status
json_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
           GError **error)
{
    /* Room for a typical document (4 KB as JSON) from the start, rather
     * than growing through a dozen reallocations. */
    GString *s = g_string_sized_new(8 * 1024);
    jsonw w;
    jsonw_init(&w, s);
    if (flags & OST_WRITE_COMBINED) {
        jsonw_begin_object(&w);
        key_string(&w, "ost_version", OST_MODEL_VERSION);
        jsonw_plain_key(&w, "documents");
        jsonw_begin_array(&w);
        for (gsize i = 0; i < n_docs; i++)
            write_document(&w, docs[i]);
        jsonw_end_array(&w);
        jsonw_end_object(&w);
    } else {
        for (gsize i = 0; i < n_docs; i++)
            write_document(&w, docs[i]);
    }
    g_string_append_c(s, '\n');
    g_byte_array_append(out, (const guint8 *)s->str, (guint)s->len);
    g_string_free(s, TRUE);
    return OST_OK;
}

static const ost_writer_info json_writer = {
    .name = "json",
    .description = "JSON, as the ost data model contract (schemas/ost.schema.json)",
    .extension = "json",
    .mime_type = "application/json",
    .flags = 0,
    .write = json_write,
};

static ost_status
json_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &json_writer);
}

OST_PLUGIN_DEFINE(json, "JSON output", OST_VERSION, "MIT", json_init)
