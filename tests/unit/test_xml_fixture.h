/* SPDX-License-Identifier: MIT */
/* Hand-built documents of every kind for the XML and ODS writer tests. */
#ifndef OST_TEST_XML_FIXTURE_H
#define OST_TEST_XML_FIXTURE_H

#include <ost.h>

/* The documents exercise what writers must get right whatever the
 * recognisers produce: nulls next to values, every cell type, markup
 * characters, non-ASCII text, runs of spaces, paragraphs, a control
 * character, a duty citing an undefined KSB, empty map levels. */

static G_GNUC_UNUSED void
fixture_strs(GPtrArray *list, const char *first, ...)
{
    va_list ap;
    va_start(ap, first);
    for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
        g_ptr_array_add(list, g_strdup(s));
    va_end(ap);
}

static G_GNUC_UNUSED void
fixture_source(ost_doc *doc, const char *path, const char *format, const char *type)
{
    ost_set_str(&doc->source.path, path);
    ost_set_str(&doc->source.format, format);
    ost_set_str(&doc->source.sha256,
                "c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13");
    ost_set_str(&doc->source.document_type, type);
    ost_set_str(&doc->source.trust, "official");
}

static G_GNUC_UNUSED ost_doc *
fixture_standard_doc(void)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/ST0116.pdf", "pdf", "standard");
    doc->source.pages = 7;
    ost_doc_add_repair(doc, "ligature", "o\xEF\xBF\xBD" "cer", "officer", 14);
    ost_doc_add_repair(doc, "hyphenation", "soft-\nware", "software", 2);
    ost_doc_warn(doc, "ksb_ref_unknown", "page 3", "Duty 2 refers to K9, which is not defined");
    ost_doc_warn(doc, "no_version", NULL, "The document states no version");

    ost_standard *s = ost_standard_new();
    ost_set_str(&s->reference, "ST0116");
    ost_set_str(&s->version, "1.3");
    ost_set_str(&s->title, "Software developer & tester <\"quoted\">");
    ost_set_str(&s->stage, "standard");
    ost_set_str(&s->status, "Approved for delivery");
    s->level = 4;
    ost_set_str(&s->route, "Digital");
    s->core_and_options = OST_NO;
    s->typical_duration_months = 24;
    ost_set_str(&s->target_approval_date, "2023-05-01");
    s->replaces_framework = OST_YES;
    s->professional_recognition = OST_NO;
    ost_set_str(&s->overview_of_role, "Build and test software.");
    ost_set_str(&s->occupation_summary,
                "First paragraph.\n\nSecond  paragraph with  two double spaces.");
    fixture_strs(s->typical_job_titles, "Developer", "Tester", NULL);
    ost_set_str(&s->review, "after 3 years");

    ost_duty *d1 = ost_duty_new("D1", "Write code\fto a specification");
    fixture_strs(d1->ksbs, "K1", "S1", "B1", NULL);
    g_ptr_array_add(s->duties, d1);
    ost_duty *d2 = ost_duty_new("D2", "Test code");
    fixture_strs(d2->ksbs, "K2", "K9", NULL);
    g_ptr_array_add(s->duties, d2);

    g_ptr_array_add(s->knowledge, ost_ksb_new("K1", NULL, "Programming languages"));
    g_ptr_array_add(s->knowledge, ost_ksb_new("K2", NULL, "Testing frameworks"));
    g_ptr_array_add(s->knowledge, ost_ksb_new("K10", NULL, "Security"));
    g_ptr_array_add(s->skills, ost_ksb_new("S1", NULL, "Write clean code"));
    ost_ksb *b1 = ost_ksb_new("B1", "Taking responsibility", "Owns the work");
    b1->id_derived = TRUE;
    g_ptr_array_add(s->behaviours, b1);

    fixture_strs(s->involved_employers, "Caf\xC3\xA9 Ltd \xE2\x80\x94 \xE2\x9C\x93", NULL);
    g_ptr_array_add(s->extra, ost_pair_new("Funding band", "\xC2\xA3" "15,000"));
    g_ptr_array_add(doc->standards, s);
    return doc;
}

/* A core-and-options standard: a core duty, then a duty of each option and
 * one shared by both, numbered together as published. */
static G_GNUC_UNUSED ost_doc *
fixture_options_standard_doc(void)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/ST0119.html", "html", "standard");
    ost_standard *s = ost_standard_new();
    ost_set_str(&s->reference, "ST0119");
    ost_set_str(&s->stage, "standard");
    s->core_and_options = OST_YES;
    g_ptr_array_add(s->options, ost_option_new("O1", "Software engineer"));
    g_ptr_array_add(s->options, ost_option_new("O2", "Cyber security & <risk> analyst"));
    ost_duty *d1 = ost_duty_new("D1", "Plan the work");
    fixture_strs(d1->ksbs, "K1", NULL);
    g_ptr_array_add(s->duties, d1);
    ost_duty *d2 = ost_duty_new("D2", "Build software");
    fixture_strs(d2->options, "O1", NULL);
    g_ptr_array_add(s->duties, d2);
    ost_duty *d3 = ost_duty_new("D3", "Assess risks");
    fixture_strs(d3->options, "O2", NULL);
    g_ptr_array_add(s->duties, d3);
    ost_duty *d4 = ost_duty_new("D4", "Review security of code");
    fixture_strs(d4->options, "O1", "O2", NULL);
    g_ptr_array_add(s->duties, d4);
    g_ptr_array_add(s->knowledge, ost_ksb_new("K1", NULL, "Planning"));
    g_ptr_array_add(doc->standards, s);
    return doc;
}

static G_GNUC_UNUSED ost_doc *
fixture_occupation_doc(void)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/OCC0509.html", "html", "occupation");
    ost_occupation *o = ost_occupation_new();
    ost_set_str(&o->code, "OCC0509");
    ost_set_str(&o->title, "Safeguarding support officer");
    o->level = 3;
    ost_set_str(&o->overview, "Supports people at risk.");
    fixture_strs(o->soc_codes, "3221", "6136", NULL);
    fixture_strs(o->involved_employers, "Council A", NULL);
    ost_set_str(&o->standard_reference, "ST1030");
    g_ptr_array_add(doc->occupations, o);
    return doc;
}

static G_GNUC_UNUSED ost_doc *
fixture_map_doc(void)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/map.txt", "text", "occupational_map");
    ost_occupational_map *m = ost_occupational_map_new();
    ost_set_str(&m->route, "Protective services");
    ost_map_pathway *p = ost_map_pathway_new("Protective services");
    ost_map_cluster *c = ost_map_cluster_new("Protective Service Officer");
    c->apprenticeship_only = OST_YES;
    g_ptr_array_add(c->occupations, ost_map_occupation_new("Business fire safety advisor", 3,
                                                           OST_MAP_STATUS_APPROVED_FOR_DELIVERY));
    g_ptr_array_add(c->occupations, ost_map_occupation_new("Custody officer", 0,
                                                           OST_MAP_STATUS_NONE));
    g_ptr_array_add(p->clusters, c);
    g_ptr_array_add(p->clusters, ost_map_cluster_new("Empty cluster"));
    g_ptr_array_add(m->pathways, p);
    g_ptr_array_add(doc->occupational_maps, m);
    return doc;
}

static G_GNUC_UNUSED ost_doc *
fixture_functional_map_doc(void)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/fm.txt", "text", "functional_map");
    ost_set_str(&doc->source.trust, "third_party");
    ost_functional_map *m = ost_functional_map_new();
    ost_set_str(&m->title, "Justice functional map");
    ost_fm_role *r = ost_fm_role_new("PSO (O.M)");
    fixture_strs(r->units, "AA1", "CC AA1", NULL);
    g_ptr_array_add(m->roles, r);
    ost_fm_role *r2 = ost_fm_role_new("Custody");
    fixture_strs(r2->units, "GE8", NULL);
    g_ptr_array_add(m->roles, r2);
    ost_fm_key_area *k = ost_fm_key_area_new("A", "Foundations of practice");
    ost_fm_area *a = ost_fm_area_new("AA", "Equality and diversity");
    ost_fm_function *f = ost_fm_function_new("Promote equality and value diversity");
    fixture_strs(f->units, "AA1", NULL);
    g_ptr_array_add(a->functions, f);
    g_ptr_array_add(k->areas, a);
    g_ptr_array_add(m->key_areas, k);
    ost_fm_unit *u = ost_fm_unit_new("AA1", "Promote equality and value diversity");
    fixture_strs(u->source_references, "Core CS1", NULL);
    ost_set_str(&u->nos_urn, "SFJAA1");
    g_ptr_array_add(m->units, u);
    g_ptr_array_add(m->units, ost_fm_unit_new("CC AA1", "Courts unit"));
    g_ptr_array_add(doc->functional_maps, m);
    return doc;
}

/* One document of each kind, for combined datasets. */
static G_GNUC_UNUSED GPtrArray *
fixture_all_docs(void)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    g_ptr_array_add(docs, fixture_standard_doc());
    g_ptr_array_add(docs, fixture_occupation_doc());
    g_ptr_array_add(docs, fixture_map_doc());
    g_ptr_array_add(docs, fixture_functional_map_doc());
    return docs;
}

/* The writer @name from the built-in plugins; the registry is leaked on
 * purpose, as writers point into it for the test's lifetime. */
#include "builtins.h"

static G_GNUC_UNUSED const ost_writer_info *
fixture_writer(const char *name)
{
    static ost_registry *reg;
    if (reg == NULL) {
        reg = ost_registry_new();
        ost_builtins_register(reg, NULL);
    }
    return ost_registry_find_writer(reg, name);
}

/* Serialise @docs with @writer; NULL on failure (with the error printed). */
static G_GNUC_UNUSED GByteArray *
fixture_write(const char *writer, GPtrArray *docs, guint flags)
{
    GByteArray *out = g_byte_array_new();
    GError *error = NULL;
    const ost_writer_info *w = fixture_writer(writer);
    if (w == NULL ||
        w->write((const ost_doc *const *)docs->pdata, docs->len, flags, out, &error) != OST_OK) {
        g_printerr("writing %s failed: %s\n", writer, error != NULL ? error->message : "no writer");
        g_clear_error(&error);
        g_byte_array_unref(out);
        return NULL;
    }
    return out;
}

static G_GNUC_UNUSED GPtrArray *
fixture_one(ost_doc *doc)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    g_ptr_array_add(docs, doc);
    return docs;
}

#endif
