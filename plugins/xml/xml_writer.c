/* SPDX-License-Identifier: MIT */
/* Output plugin: the data model as XML (schemas/ost.xsd), the JSON contract's tree. */
#include <ost.h>

#include "xmlout.h"

/* The mapping, documented in schemas/ost.xsd:
 * - every JSON object is an element named after its key (lists: the
 *   singular of the key, in a container element named after the list);
 * - identifying codes (reference, id, code) and the id_source and key
 *   qualifiers are attributes, everything else is a child element, in the
 *   contract's order;
 * - null is an absent element (or attribute); a list's container element is
 *   always present, possibly empty, as the JSON array always is;
 * - booleans are true/false, integers are decimal. */

#define OST_XML_NS "urn:ost:model:" OST_MODEL_VERSION

static void
int_or_null(xmlout *x, const char *name, int value)
{
    if (value != 0)
        xmlout_check(x, xmlTextWriterWriteFormatElement(x->w, BAD_CAST name, "%d", value));
}

static void
tristate(xmlout *x, const char *name, ost_tristate value)
{
    if (value != OST_UNSET)
        xmlout_element(x, name, value == OST_YES ? "true" : "false");
}

static void
strings(xmlout *x, const char *list, const char *item, const GPtrArray *values)
{
    xmlout_start(x, list);
    for (guint i = 0; i < values->len; i++)
        xmlout_element(x, item, g_ptr_array_index(values, i));
    xmlout_end(x);
}

typedef void (*write_item_fn)(xmlout *x, const void *item);

static void
items(xmlout *x, const char *list, const GPtrArray *values, write_item_fn fn)
{
    xmlout_start(x, list);
    for (guint i = 0; i < values->len; i++)
        fn(x, g_ptr_array_index(values, i));
    xmlout_end(x);
}

static void
extra(xmlout *x, const GPtrArray *pairs)
{
    xmlout_start(x, "extra");
    for (guint i = 0; i < pairs->len; i++) {
        const ost_pair *p = g_ptr_array_index(pairs, i);
        xmlout_start(x, "field");
        xmlout_attr(x, "key", p->key);
        if (p->value != NULL)
            xmlout_string(x, p->value);
        xmlout_end(x);
    }
    xmlout_end(x);
}

static void
write_ksb(xmlout *x, const void *item)
{
    const ost_ksb *k = item;
    xmlout_start(x, "ksb");
    xmlout_attr(x, "id", k->id);
    xmlout_attr(x, "id_source", k->id_derived ? "derived" : "stated");
    xmlout_element(x, "title", k->title);
    xmlout_element(x, "text", k->text);
    xmlout_end(x);
}

static void
write_duty(xmlout *x, const void *item)
{
    const ost_duty *d = item;
    xmlout_start(x, "duty");
    xmlout_attr(x, "id", d->id);
    xmlout_element(x, "text", d->text);
    strings(x, "ksbs", "ksb_ref", d->ksbs);
    strings(x, "options", "option_ref", d->options);
    xmlout_end(x);
}

static void
write_option(xmlout *x, const void *item)
{
    const ost_option *o = item;
    xmlout_start(x, "option");
    xmlout_attr(x, "id", o->id);
    xmlout_element(x, "title", o->title);
    xmlout_end(x);
}

static void
write_standard(xmlout *x, const void *item)
{
    const ost_standard *s = item;
    xmlout_start(x, "standard");
    xmlout_attr(x, "reference", s->reference);
    xmlout_element(x, "version", s->version);
    xmlout_element(x, "title", s->title);
    xmlout_element(x, "stage", s->stage);
    xmlout_element(x, "status", s->status);
    int_or_null(x, "level", s->level);
    xmlout_element(x, "route", s->route);
    xmlout_element(x, "pathway", s->pathway);
    xmlout_element(x, "cluster", s->cluster);
    xmlout_element(x, "occupation_code", s->occupation_code);
    tristate(x, "core_and_options", s->core_and_options);
    int_or_null(x, "typical_duration_months", s->typical_duration_months);
    xmlout_element(x, "target_approval_date", s->target_approval_date);
    tristate(x, "resubmission", s->resubmission);
    xmlout_element(x, "resubmission_note", s->resubmission_note);
    tristate(x, "replaces_framework", s->replaces_framework);
    tristate(x, "professional_recognition", s->professional_recognition);
    xmlout_element(x, "overview_of_role", s->overview_of_role);
    xmlout_element(x, "occupation_summary", s->occupation_summary);
    strings(x, "typical_job_titles", "job_title", s->typical_job_titles);
    xmlout_element(x, "entry_requirements", s->entry_requirements);
    items(x, "duties", s->duties, write_duty);
    items(x, "options", s->options, write_option);
    items(x, "knowledge", s->knowledge, write_ksb);
    items(x, "skills", s->skills, write_ksb);
    items(x, "behaviours", s->behaviours, write_ksb);
    xmlout_element(x, "qualifications", s->qualifications);
    xmlout_element(x, "english_and_maths", s->english_and_maths);
    xmlout_element(x, "consultation", s->consultation);
    xmlout_element(x, "progression_routes", s->progression_routes);
    xmlout_element(x, "subject_sector_area", s->subject_sector_area);
    xmlout_element(x, "review", s->review);
    strings(x, "involved_employers", "employer", s->involved_employers);
    extra(x, s->extra);
    xmlout_end(x);
}

static void
write_occupation(xmlout *x, const void *item)
{
    const ost_occupation *o = item;
    xmlout_start(x, "occupation");
    xmlout_attr(x, "code", o->code);
    xmlout_element(x, "title", o->title);
    int_or_null(x, "level", o->level);
    xmlout_element(x, "overview", o->overview);
    xmlout_element(x, "summary", o->summary);
    xmlout_element(x, "status", o->status);
    strings(x, "soc_codes", "soc_code", o->soc_codes);
    strings(x, "involved_employers", "employer", o->involved_employers);
    strings(x, "related_routes", "related_route", o->related_routes);
    xmlout_element(x, "standard_reference", o->standard_reference);
    extra(x, o->extra);
    xmlout_end(x);
}

static void
write_map_occupation(xmlout *x, const void *item)
{
    const ost_map_occupation *o = item;
    xmlout_start(x, "occupation");
    xmlout_element(x, "title", o->title);
    int_or_null(x, "level", o->level);
    xmlout_element(x, "status", ost_map_status_name(o->status));
    xmlout_end(x);
}

static void
write_cluster(xmlout *x, const void *item)
{
    const ost_map_cluster *c = item;
    xmlout_start(x, "cluster");
    xmlout_element(x, "name", c->name);
    xmlout_element(x, "description", c->description);
    tristate(x, "apprenticeship_only", c->apprenticeship_only);
    items(x, "occupations", c->occupations, write_map_occupation);
    xmlout_end(x);
}

static void
write_pathway(xmlout *x, const void *item)
{
    const ost_map_pathway *p = item;
    xmlout_start(x, "pathway");
    xmlout_element(x, "name", p->name);
    items(x, "clusters", p->clusters, write_cluster);
    xmlout_end(x);
}

static void
write_occupational_map(xmlout *x, const void *item)
{
    const ost_occupational_map *m = item;
    xmlout_start(x, "occupational_map");
    xmlout_element(x, "route", m->route);
    xmlout_element(x, "description", m->description);
    items(x, "pathways", m->pathways, write_pathway);
    xmlout_end(x);
}

static void
write_role(xmlout *x, const void *item)
{
    const ost_fm_role *r = item;
    xmlout_start(x, "role");
    xmlout_element(x, "name", r->name);
    strings(x, "units", "unit_ref", r->units);
    xmlout_end(x);
}

static void
write_function(xmlout *x, const void *item)
{
    const ost_fm_function *f = item;
    xmlout_start(x, "function");
    xmlout_element(x, "title", f->title);
    xmlout_element(x, "details", f->details);
    strings(x, "units", "unit_ref", f->units);
    xmlout_end(x);
}

static void
write_area(xmlout *x, const void *item)
{
    const ost_fm_area *a = item;
    xmlout_start(x, "area");
    xmlout_attr(x, "code", a->code);
    xmlout_element(x, "title", a->title);
    items(x, "functions", a->functions, write_function);
    xmlout_end(x);
}

static void
write_key_area(xmlout *x, const void *item)
{
    const ost_fm_key_area *k = item;
    xmlout_start(x, "key_area");
    xmlout_attr(x, "code", k->code);
    xmlout_element(x, "title", k->title);
    items(x, "areas", k->areas, write_area);
    xmlout_end(x);
}

static void
write_unit(xmlout *x, const void *item)
{
    const ost_fm_unit *u = item;
    xmlout_start(x, "unit");
    xmlout_attr(x, "code", u->code);
    xmlout_element(x, "title", u->title);
    strings(x, "source_references", "source_reference", u->source_references);
    xmlout_element(x, "nos_urn", u->nos_urn);
    xmlout_end(x);
}

static void
write_functional_map(xmlout *x, const void *item)
{
    const ost_functional_map *m = item;
    xmlout_start(x, "functional_map");
    xmlout_element(x, "title", m->title);
    items(x, "roles", m->roles, write_role);
    items(x, "key_areas", m->key_areas, write_key_area);
    items(x, "units", m->units, write_unit);
    xmlout_end(x);
}

static void
write_repair(xmlout *x, const void *item)
{
    const ost_repair *r = item;
    xmlout_start(x, "repair");
    xmlout_element(x, "kind", r->kind);
    xmlout_element(x, "from", r->from);
    xmlout_element(x, "to", r->to);
    xmlout_check(x, xmlTextWriterWriteFormatElement(x->w, BAD_CAST "count", "%u", r->count));
    xmlout_end(x);
}

static void
write_warning(xmlout *x, const void *item)
{
    const ost_warning *w = item;
    xmlout_start(x, "warning");
    xmlout_attr(x, "code", w->code);
    xmlout_element(x, "message", w->message);
    xmlout_element(x, "where", w->where);
    xmlout_end(x);
}

static void
write_source(xmlout *x, const ost_source *src)
{
    xmlout_start(x, "source");
    xmlout_element(x, "path", src->path);
    xmlout_element(x, "format", src->format);
    xmlout_element(x, "sha256", src->sha256);
    xmlout_element(x, "document_type", src->document_type);
    int_or_null(x, "pages", src->pages);
    xmlout_element(x, "trust", src->trust);
    items(x, "repairs", src->repairs, write_repair);
    items(x, "warnings", src->warnings, write_warning);
    xmlout_end(x);
}

/* A document element; the outermost element declares the namespace. */
static void
write_document(xmlout *x, const ost_doc *doc, gboolean root)
{
    if (root)
        xmlout_start_ns(x, "document", OST_XML_NS);
    else
        xmlout_start(x, "document");
    xmlout_attr(x, "version", OST_MODEL_VERSION);
    write_source(x, &doc->source);
    items(x, "standards", doc->standards, write_standard);
    items(x, "occupations", doc->occupations, write_occupation);
    items(x, "occupational_maps", doc->occupational_maps, write_occupational_map);
    items(x, "functional_maps", doc->functional_maps, write_functional_map);
    xmlout_end(x);
}

static ost_status
xml_write(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
          GError **error)
{
    if (!(flags & OST_WRITE_COMBINED) && n_docs != 1) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "XML output holds one document, or a dataset when combined");
        return OST_ERR_INVALID_ARG;
    }
    xmlout x;
    xmlout_begin(&x, out, TRUE);
    if (flags & OST_WRITE_COMBINED) {
        xmlout_start_ns(&x, "dataset", OST_XML_NS);
        xmlout_attr(&x, "version", OST_MODEL_VERSION);
        for (gsize i = 0; i < n_docs; i++)
            write_document(&x, docs[i], FALSE);
        xmlout_end(&x);
    } else {
        write_document(&x, docs[0], TRUE);
    }
    return xmlout_finish(&x, "the XML document", error);
}

static const ost_writer_info xml_writer = {
    .name = "xml",
    .description = "XML in the " OST_XML_NS " namespace (schemas/ost.xsd)",
    .extension = "xml",
    .mime_type = "application/xml",
    .flags = 0,
    .write = xml_write,
};

static ost_status
xml_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_writer(reg, &xml_writer);
}

OST_PLUGIN_DEFINE(xml, "XML output", OST_VERSION, "MIT", xml_init)
