/* SPDX-License-Identifier: MIT */
/* Constructors, destructors and small mutators of the data model. */
#include <ost/model.h>

#include <string.h>

void
ost_set_str(char **field, const char *value)
{
    char *copy = g_strdup(value);
    g_free(*field);
    *field = copy;
}

GPtrArray *
ost_strlist_new(void)
{
    return g_ptr_array_new_with_free_func(g_free);
}

gboolean
ost_strlist_add_unique(GPtrArray *list, const char *s)
{
    for (guint i = 0; i < list->len; i++)
        if (strcmp(g_ptr_array_index(list, i), s) == 0)
            return FALSE;
    g_ptr_array_add(list, g_strdup(s));
    return TRUE;
}

#define NEW_LIST(fn) g_ptr_array_new_with_free_func((GDestroyNotify)(fn))

ost_pair *
ost_pair_new(const char *key, const char *value)
{
    ost_pair *p = g_new0(ost_pair, 1);
    p->key = g_strdup(key);
    p->value = g_strdup(value);
    return p;
}

void
ost_pair_free(ost_pair *p)
{
    if (p == NULL)
        return;
    g_free(p->key);
    g_free(p->value);
    g_free(p);
}

ost_ksb *
ost_ksb_new(const char *id, const char *title, const char *text)
{
    ost_ksb *k = g_new0(ost_ksb, 1);
    k->id = g_strdup(id);
    k->title = g_strdup(title);
    k->text = g_strdup(text);
    return k;
}

void
ost_ksb_free(ost_ksb *k)
{
    if (k == NULL)
        return;
    g_free(k->id);
    g_free(k->title);
    g_free(k->text);
    g_free(k);
}

ost_duty *
ost_duty_new(const char *id, const char *text)
{
    ost_duty *d = g_new0(ost_duty, 1);
    d->id = g_strdup(id);
    d->text = g_strdup(text);
    d->ksbs = ost_strlist_new();
    d->options = ost_strlist_new();
    return d;
}

void
ost_duty_free(ost_duty *d)
{
    if (d == NULL)
        return;
    g_free(d->id);
    g_free(d->text);
    g_ptr_array_unref(d->ksbs);
    g_ptr_array_unref(d->options);
    g_free(d);
}

ost_option *
ost_option_new(const char *id, const char *title)
{
    ost_option *o = g_new0(ost_option, 1);
    o->id = g_strdup(id);
    o->title = g_strdup(title);
    return o;
}

void
ost_option_free(ost_option *o)
{
    if (o == NULL)
        return;
    g_free(o->id);
    g_free(o->title);
    g_free(o);
}

ost_standard *
ost_standard_new(void)
{
    ost_standard *s = g_new0(ost_standard, 1);
    s->typical_job_titles = ost_strlist_new();
    s->duties = NEW_LIST(ost_duty_free);
    s->knowledge = NEW_LIST(ost_ksb_free);
    s->skills = NEW_LIST(ost_ksb_free);
    s->behaviours = NEW_LIST(ost_ksb_free);
    s->involved_employers = ost_strlist_new();
    s->extra = NEW_LIST(ost_pair_free);
    s->options = NEW_LIST(ost_option_free);
    return s;
}

void
ost_standard_free(ost_standard *s)
{
    if (s == NULL)
        return;
    char **strings[] = {
        &s->reference, &s->version, &s->title, &s->stage, &s->status,
        &s->route, &s->pathway, &s->cluster, &s->occupation_code,
        &s->target_approval_date, &s->resubmission_note, &s->overview_of_role,
        &s->occupation_summary, &s->entry_requirements, &s->qualifications,
        &s->english_and_maths, &s->consultation, &s->progression_routes,
        &s->subject_sector_area, &s->review,
    };
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++)
        g_free(*strings[i]);
    GPtrArray *lists[] = {
        s->typical_job_titles, s->duties, s->knowledge, s->skills,
        s->behaviours, s->involved_employers, s->extra, s->options,
    };
    for (gsize i = 0; i < G_N_ELEMENTS(lists); i++)
        g_ptr_array_unref(lists[i]);
    g_free(s);
}

ost_occupation *
ost_occupation_new(void)
{
    ost_occupation *o = g_new0(ost_occupation, 1);
    o->soc_codes = ost_strlist_new();
    o->involved_employers = ost_strlist_new();
    o->related_routes = ost_strlist_new();
    o->extra = NEW_LIST(ost_pair_free);
    return o;
}

void
ost_occupation_free(ost_occupation *o)
{
    if (o == NULL)
        return;
    g_free(o->code);
    g_free(o->title);
    g_free(o->overview);
    g_free(o->summary);
    g_free(o->status);
    g_free(o->standard_reference);
    g_ptr_array_unref(o->soc_codes);
    g_ptr_array_unref(o->involved_employers);
    g_ptr_array_unref(o->related_routes);
    g_ptr_array_unref(o->extra);
    g_free(o);
}

const char *
ost_map_status_name(ost_map_status status)
{
    switch (status) {
    case OST_MAP_STATUS_APPROVED_FOR_DELIVERY: return "approved_for_delivery";
    case OST_MAP_STATUS_STANDARD_PUBLISHED: return "standard_published";
    case OST_MAP_STATUS_IN_DEVELOPMENT: return "in_development";
    case OST_MAP_STATUS_AWAITING_STANDARD: return "awaiting_standard";
    case OST_MAP_STATUS_NONE: break;
    }
    return NULL;
}

ost_map_occupation *
ost_map_occupation_new(const char *title, int level, ost_map_status status)
{
    ost_map_occupation *o = g_new0(ost_map_occupation, 1);
    o->title = g_strdup(title);
    o->level = level;
    o->status = status;
    return o;
}

void
ost_map_occupation_free(ost_map_occupation *o)
{
    if (o == NULL)
        return;
    g_free(o->title);
    g_free(o);
}

ost_map_cluster *
ost_map_cluster_new(const char *name)
{
    ost_map_cluster *c = g_new0(ost_map_cluster, 1);
    c->name = g_strdup(name);
    c->occupations = NEW_LIST(ost_map_occupation_free);
    return c;
}

void
ost_map_cluster_free(ost_map_cluster *c)
{
    if (c == NULL)
        return;
    g_free(c->name);
    g_free(c->description);
    g_ptr_array_unref(c->occupations);
    g_free(c);
}

ost_map_pathway *
ost_map_pathway_new(const char *name)
{
    ost_map_pathway *p = g_new0(ost_map_pathway, 1);
    p->name = g_strdup(name);
    p->clusters = NEW_LIST(ost_map_cluster_free);
    return p;
}

void
ost_map_pathway_free(ost_map_pathway *p)
{
    if (p == NULL)
        return;
    g_free(p->name);
    g_ptr_array_unref(p->clusters);
    g_free(p);
}

ost_occupational_map *
ost_occupational_map_new(void)
{
    ost_occupational_map *m = g_new0(ost_occupational_map, 1);
    m->pathways = NEW_LIST(ost_map_pathway_free);
    return m;
}

void
ost_occupational_map_free(ost_occupational_map *m)
{
    if (m == NULL)
        return;
    g_free(m->route);
    g_free(m->description);
    g_ptr_array_unref(m->pathways);
    g_free(m);
}

ost_fm_role *
ost_fm_role_new(const char *name)
{
    ost_fm_role *r = g_new0(ost_fm_role, 1);
    r->name = g_strdup(name);
    r->units = ost_strlist_new();
    return r;
}

void
ost_fm_role_free(ost_fm_role *r)
{
    if (r == NULL)
        return;
    g_free(r->name);
    g_ptr_array_unref(r->units);
    g_free(r);
}

ost_fm_function *
ost_fm_function_new(const char *title)
{
    ost_fm_function *f = g_new0(ost_fm_function, 1);
    f->title = g_strdup(title);
    f->units = ost_strlist_new();
    return f;
}

void
ost_fm_function_free(ost_fm_function *f)
{
    if (f == NULL)
        return;
    g_free(f->title);
    g_free(f->details);
    g_ptr_array_unref(f->units);
    g_free(f);
}

ost_fm_area *
ost_fm_area_new(const char *code, const char *title)
{
    ost_fm_area *a = g_new0(ost_fm_area, 1);
    a->code = g_strdup(code);
    a->title = g_strdup(title);
    a->functions = NEW_LIST(ost_fm_function_free);
    return a;
}

void
ost_fm_area_free(ost_fm_area *a)
{
    if (a == NULL)
        return;
    g_free(a->code);
    g_free(a->title);
    g_ptr_array_unref(a->functions);
    g_free(a);
}

ost_fm_key_area *
ost_fm_key_area_new(const char *code, const char *title)
{
    ost_fm_key_area *k = g_new0(ost_fm_key_area, 1);
    k->code = g_strdup(code);
    k->title = g_strdup(title);
    k->areas = NEW_LIST(ost_fm_area_free);
    return k;
}

void
ost_fm_key_area_free(ost_fm_key_area *k)
{
    if (k == NULL)
        return;
    g_free(k->code);
    g_free(k->title);
    g_ptr_array_unref(k->areas);
    g_free(k);
}

ost_fm_unit *
ost_fm_unit_new(const char *code, const char *title)
{
    ost_fm_unit *u = g_new0(ost_fm_unit, 1);
    u->code = g_strdup(code);
    u->title = g_strdup(title);
    u->source_references = ost_strlist_new();
    return u;
}

void
ost_fm_unit_free(ost_fm_unit *u)
{
    if (u == NULL)
        return;
    g_free(u->code);
    g_free(u->title);
    g_free(u->nos_urn);
    g_ptr_array_unref(u->source_references);
    g_free(u);
}

ost_functional_map *
ost_functional_map_new(void)
{
    ost_functional_map *m = g_new0(ost_functional_map, 1);
    m->roles = NEW_LIST(ost_fm_role_free);
    m->key_areas = NEW_LIST(ost_fm_key_area_free);
    m->units = NEW_LIST(ost_fm_unit_free);
    return m;
}

void
ost_functional_map_free(ost_functional_map *m)
{
    if (m == NULL)
        return;
    g_free(m->title);
    g_ptr_array_unref(m->roles);
    g_ptr_array_unref(m->key_areas);
    g_ptr_array_unref(m->units);
    g_free(m);
}

static void
repair_free(ost_repair *r)
{
    g_free(r->kind);
    g_free(r->from);
    g_free(r->to);
    g_free(r);
}

static void
warning_free(ost_warning *w)
{
    g_free(w->code);
    g_free(w->message);
    g_free(w->where);
    g_free(w);
}

ost_doc *
ost_doc_new(void)
{
    ost_doc *doc = g_new0(ost_doc, 1);
    doc->source.repairs = NEW_LIST(repair_free);
    doc->source.warnings = NEW_LIST(warning_free);
    doc->standards = NEW_LIST(ost_standard_free);
    doc->occupations = NEW_LIST(ost_occupation_free);
    doc->occupational_maps = NEW_LIST(ost_occupational_map_free);
    doc->functional_maps = NEW_LIST(ost_functional_map_free);
    /* Keys are "kind\x1ffrom\x1fto": the unit separator never occurs in
     * repaired text, so the three parts cannot run into each other. */
    doc->repair_index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    return doc;
}

void
ost_doc_free(ost_doc *doc)
{
    if (doc == NULL)
        return;
    g_free(doc->source.path);
    g_free(doc->source.format);
    g_free(doc->source.sha256);
    g_free(doc->source.document_type);
    g_free(doc->source.trust);
    g_ptr_array_unref(doc->source.repairs);
    g_ptr_array_unref(doc->source.warnings);
    g_ptr_array_unref(doc->standards);
    g_ptr_array_unref(doc->occupations);
    g_ptr_array_unref(doc->occupational_maps);
    g_ptr_array_unref(doc->functional_maps);
    g_hash_table_unref(doc->repair_index);
    g_free(doc);
}

void
ost_doc_add_repair(ost_doc *doc, const char *kind, const char *from,
                   const char *to, unsigned count)
{
    char *key = g_strjoin("\x1f", kind, from, to, NULL);
    ost_repair *r = g_hash_table_lookup(doc->repair_index, key);
    if (r != NULL) {
        r->count += count;
        g_free(key);
        return;
    }
    r = g_new0(ost_repair, 1);
    r->kind = g_strdup(kind);
    r->from = g_strdup(from);
    r->to = g_strdup(to);
    r->count = count;
    g_ptr_array_add(doc->source.repairs, r);
    g_hash_table_insert(doc->repair_index, key, r);
}

void
ost_doc_warn(ost_doc *doc, const char *code, const char *where, const char *fmt, ...)
{
    ost_warning *w = g_new0(ost_warning, 1);
    va_list ap;
    va_start(ap, fmt);
    w->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    w->code = g_strdup(code);
    w->where = g_strdup(where);
    g_ptr_array_add(doc->source.warnings, w);
}
