/* SPDX-License-Identifier: MIT */
/* ost JSON back into the model, with json-glib: the inverse of the JSON
 * writer, field for field. */
#include <ost/model_json.h>

#include <json-glib/json-glib.h>
#include <string.h>

/* Members absent or of another type read as the model's "not stated". */

static const char *
get_str(JsonObject *o, const char *key)
{
    JsonNode *n = json_object_get_member(o, key);
    if (n == NULL || JSON_NODE_TYPE(n) != JSON_NODE_VALUE ||
        json_node_get_value_type(n) != G_TYPE_STRING)
        return NULL;
    return json_node_get_string(n);
}

static char *
dup_str(JsonObject *o, const char *key)
{
    return g_strdup(get_str(o, key));
}

static int
get_int(JsonObject *o, const char *key)
{
    JsonNode *n = json_object_get_member(o, key);
    if (n == NULL || JSON_NODE_TYPE(n) != JSON_NODE_VALUE ||
        json_node_get_value_type(n) != G_TYPE_INT64)
        return 0;
    return (int)json_node_get_int(n);
}

static ost_tristate
get_tristate(JsonObject *o, const char *key)
{
    JsonNode *n = json_object_get_member(o, key);
    if (n == NULL || JSON_NODE_TYPE(n) != JSON_NODE_VALUE ||
        json_node_get_value_type(n) != G_TYPE_BOOLEAN)
        return OST_UNSET;
    return json_node_get_boolean(n) ? OST_YES : OST_NO;
}

static JsonArray *
get_array(JsonObject *o, const char *key)
{
    JsonNode *n = json_object_get_member(o, key);
    return n != NULL && JSON_NODE_HOLDS_ARRAY(n) ? json_node_get_array(n) : NULL;
}

static void
read_strings(JsonObject *o, const char *key, GPtrArray *list)
{
    JsonArray *a = get_array(o, key);
    for (guint i = 0; a != NULL && i < json_array_get_length(a); i++) {
        JsonNode *n = json_array_get_element(a, i);
        if (JSON_NODE_TYPE(n) == JSON_NODE_VALUE && json_node_get_value_type(n) == G_TYPE_STRING)
            g_ptr_array_add(list, g_strdup(json_node_get_string(n)));
    }
}

typedef gpointer (*read_item_fn)(JsonObject *o);

static void
read_items(JsonObject *o, const char *key, GPtrArray *list, read_item_fn fn)
{
    JsonArray *a = get_array(o, key);
    for (guint i = 0; a != NULL && i < json_array_get_length(a); i++) {
        JsonNode *n = json_array_get_element(a, i);
        if (JSON_NODE_HOLDS_OBJECT(n))
            g_ptr_array_add(list, fn(json_node_get_object(n)));
    }
}

static void
read_extra(JsonObject *o, GPtrArray *extra)
{
    JsonNode *n = json_object_get_member(o, "extra");
    if (n == NULL || !JSON_NODE_HOLDS_OBJECT(n))
        return;
    JsonObject *e = json_node_get_object(n);
    /* json-glib keeps members in document order. */
    GList *members = json_object_get_members(e);
    for (GList *l = members; l != NULL; l = l->next)
        g_ptr_array_add(extra, ost_pair_new(l->data, get_str(e, l->data)));
    g_list_free(members);
}

static gpointer
read_ksb(JsonObject *o)
{
    ost_ksb *k = ost_ksb_new(get_str(o, "id"), get_str(o, "title"), get_str(o, "text"));
    k->id_derived = g_strcmp0(get_str(o, "id_source"), "derived") == 0;
    return k;
}

static gpointer
read_duty(JsonObject *o)
{
    ost_duty *d = ost_duty_new(get_str(o, "id"), get_str(o, "text"));
    read_strings(o, "ksbs", d->ksbs);
    read_strings(o, "options", d->options);
    return d;
}

static gpointer
read_option(JsonObject *o)
{
    return ost_option_new(get_str(o, "id"), get_str(o, "title"));
}

static gpointer
read_standard(JsonObject *o)
{
    ost_standard *s = ost_standard_new();
    s->reference = dup_str(o, "reference");
    s->version = dup_str(o, "version");
    s->title = dup_str(o, "title");
    s->stage = dup_str(o, "stage");
    s->status = dup_str(o, "status");
    s->level = get_int(o, "level");
    s->route = dup_str(o, "route");
    s->pathway = dup_str(o, "pathway");
    s->cluster = dup_str(o, "cluster");
    s->occupation_code = dup_str(o, "occupation_code");
    s->core_and_options = get_tristate(o, "core_and_options");
    s->typical_duration_months = get_int(o, "typical_duration_months");
    s->target_approval_date = dup_str(o, "target_approval_date");
    s->resubmission = get_tristate(o, "resubmission");
    s->resubmission_note = dup_str(o, "resubmission_note");
    s->replaces_framework = get_tristate(o, "replaces_framework");
    s->professional_recognition = get_tristate(o, "professional_recognition");
    s->overview_of_role = dup_str(o, "overview_of_role");
    s->occupation_summary = dup_str(o, "occupation_summary");
    read_strings(o, "typical_job_titles", s->typical_job_titles);
    s->entry_requirements = dup_str(o, "entry_requirements");
    read_items(o, "duties", s->duties, read_duty);
    read_items(o, "options", s->options, read_option);
    read_items(o, "knowledge", s->knowledge, read_ksb);
    read_items(o, "skills", s->skills, read_ksb);
    read_items(o, "behaviours", s->behaviours, read_ksb);
    s->qualifications = dup_str(o, "qualifications");
    s->english_and_maths = dup_str(o, "english_and_maths");
    s->consultation = dup_str(o, "consultation");
    s->progression_routes = dup_str(o, "progression_routes");
    s->subject_sector_area = dup_str(o, "subject_sector_area");
    s->review = dup_str(o, "review");
    read_strings(o, "involved_employers", s->involved_employers);
    read_extra(o, s->extra);
    return s;
}

static gpointer
read_occupation(JsonObject *o)
{
    ost_occupation *x = ost_occupation_new();
    x->code = dup_str(o, "code");
    x->title = dup_str(o, "title");
    x->level = get_int(o, "level");
    x->overview = dup_str(o, "overview");
    x->summary = dup_str(o, "summary");
    x->status = dup_str(o, "status");
    read_strings(o, "soc_codes", x->soc_codes);
    read_strings(o, "involved_employers", x->involved_employers);
    read_strings(o, "related_routes", x->related_routes);
    x->standard_reference = dup_str(o, "standard_reference");
    read_extra(o, x->extra);
    return x;
}

static ost_map_status
map_status_from_name(const char *name)
{
    for (ost_map_status s = OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
         s <= OST_MAP_STATUS_AWAITING_STANDARD; s++)
        if (g_strcmp0(ost_map_status_name(s), name) == 0)
            return s;
    return OST_MAP_STATUS_NONE;
}

static gpointer
read_map_occupation(JsonObject *o)
{
    return ost_map_occupation_new(get_str(o, "title"), get_int(o, "level"),
                                  map_status_from_name(get_str(o, "status")));
}

static gpointer
read_cluster(JsonObject *o)
{
    ost_map_cluster *c = ost_map_cluster_new(get_str(o, "name"));
    c->description = dup_str(o, "description");
    c->apprenticeship_only = get_tristate(o, "apprenticeship_only");
    read_items(o, "occupations", c->occupations, read_map_occupation);
    return c;
}

static gpointer
read_pathway(JsonObject *o)
{
    ost_map_pathway *p = ost_map_pathway_new(get_str(o, "name"));
    read_items(o, "clusters", p->clusters, read_cluster);
    return p;
}

static gpointer
read_occupational_map(JsonObject *o)
{
    ost_occupational_map *m = ost_occupational_map_new();
    m->route = dup_str(o, "route");
    m->description = dup_str(o, "description");
    read_items(o, "pathways", m->pathways, read_pathway);
    return m;
}

static gpointer
read_role(JsonObject *o)
{
    ost_fm_role *r = ost_fm_role_new(get_str(o, "name"));
    read_strings(o, "units", r->units);
    return r;
}

static gpointer
read_function(JsonObject *o)
{
    ost_fm_function *f = ost_fm_function_new(get_str(o, "title"));
    f->details = dup_str(o, "details");
    read_strings(o, "units", f->units);
    return f;
}

static gpointer
read_area(JsonObject *o)
{
    ost_fm_area *a = ost_fm_area_new(get_str(o, "code"), get_str(o, "title"));
    read_items(o, "functions", a->functions, read_function);
    return a;
}

static gpointer
read_key_area(JsonObject *o)
{
    ost_fm_key_area *k = ost_fm_key_area_new(get_str(o, "code"), get_str(o, "title"));
    read_items(o, "areas", k->areas, read_area);
    return k;
}

static gpointer
read_unit(JsonObject *o)
{
    ost_fm_unit *u = ost_fm_unit_new(get_str(o, "code"), get_str(o, "title"));
    read_strings(o, "source_references", u->source_references);
    u->nos_urn = dup_str(o, "nos_urn");
    return u;
}

static gpointer
read_functional_map(JsonObject *o)
{
    ost_functional_map *m = ost_functional_map_new();
    m->title = dup_str(o, "title");
    read_items(o, "roles", m->roles, read_role);
    read_items(o, "key_areas", m->key_areas, read_key_area);
    read_items(o, "units", m->units, read_unit);
    return m;
}

static void
read_source(JsonObject *o, ost_doc *doc)
{
    ost_source *src = &doc->source;
    src->path = dup_str(o, "path");
    src->format = dup_str(o, "format");
    src->sha256 = dup_str(o, "sha256");
    src->document_type = dup_str(o, "document_type");
    src->pages = get_int(o, "pages");
    src->trust = dup_str(o, "trust");
    JsonArray *a = get_array(o, "repairs");
    for (guint i = 0; a != NULL && i < json_array_get_length(a); i++) {
        JsonObject *r = json_array_get_object_element(a, i);
        if (r != NULL)
            ost_doc_add_repair(doc, get_str(r, "kind"), get_str(r, "from"), get_str(r, "to"),
                               (unsigned)get_int(r, "count"));
    }
    a = get_array(o, "warnings");
    for (guint i = 0; a != NULL && i < json_array_get_length(a); i++) {
        JsonObject *w = json_array_get_object_element(a, i);
        if (w != NULL)
            ost_doc_warn(doc, get_str(w, "code"), get_str(w, "where"), "%s",
                         get_str(w, "message"));
    }
}

static gboolean
is_document(JsonObject *o)
{
    JsonNode *src = json_object_get_member(o, "source");
    return get_str(o, "ost_version") != NULL && src != NULL && JSON_NODE_HOLDS_OBJECT(src);
}

static ost_doc *
read_document(JsonObject *o)
{
    ost_doc *doc = ost_doc_new();
    read_source(json_object_get_object_member(o, "source"), doc);
    read_items(o, "standards", doc->standards, read_standard);
    read_items(o, "occupations", doc->occupations, read_occupation);
    read_items(o, "occupational_maps", doc->occupational_maps, read_occupational_map);
    read_items(o, "functional_maps", doc->functional_maps, read_functional_map);
    return doc;
}

/* A document or a dataset of them, into @p docs. */
static gboolean
read_root(JsonNode *root, GPtrArray *docs)
{
    if (root == NULL || !JSON_NODE_HOLDS_OBJECT(root))
        return FALSE;
    JsonObject *o = json_node_get_object(root);
    if (is_document(o)) {
        g_ptr_array_add(docs, read_document(o));
        return TRUE;
    }
    JsonArray *list = get_array(o, "documents");
    if (get_str(o, "ost_version") == NULL || list == NULL)
        return FALSE;
    for (guint i = 0; i < json_array_get_length(list); i++) {
        JsonObject *d = json_array_get_object_element(list, i);
        if (d == NULL || !is_document(d))
            return FALSE;
        g_ptr_array_add(docs, read_document(d));
    }
    return TRUE;
}

/* JSON Lines: every non-empty line one document. */
static gboolean
parse_lines(JsonParser *parser, const char *data, gsize len, GPtrArray *docs, guint *bad_line)
{
    const char *end = data + len;
    guint line = 0;
    for (const char *p = data; p < end;) {
        const char *nl = memchr(p, '\n', (gsize)(end - p));
        const char *stop = nl != NULL ? nl : end;
        line++;
        if (stop > p && !(json_parser_load_from_data(parser, p, stop - p, NULL) &&
                          read_root(json_parser_get_root(parser), docs))) {
            *bad_line = line;
            return FALSE;
        }
        p = stop + 1;
    }
    return TRUE;
}

/* JSON Lines when the first line is a JSON value of its own and more text
 * follows: json-glib would read only the first of several values. */
static gboolean
looks_like_lines(JsonParser *parser, const char *data, gsize len)
{
    const char *nl = memchr(data, '\n', len);
    if (nl == NULL)
        return FALSE;
    gboolean more = FALSE;
    for (const char *p = nl; p < data + len && !more; p++)
        more = !g_ascii_isspace(*p);
    return more && json_parser_load_from_data(parser, data, nl - data, NULL);
}

GPtrArray *
ost_docs_from_json(const char *name, const char *data, gsize len, GError **error)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    JsonParser *parser = json_parser_new_immutable();
    gboolean ok;
    if (looks_like_lines(parser, data, len)) {
        guint bad_line = 0;
        ok = parse_lines(parser, data, len, docs, &bad_line);
        if (!ok)
            g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                        "%s: line %u is not an ost JSON document", name, bad_line);
    } else {
        GError *parse_error = NULL;
        ok = json_parser_load_from_data(parser, data, (gssize)len, &parse_error);
        if (!ok) {
            g_set_error(error, OST_ERROR, OST_ERR_PARSE, "%s: not JSON: %s", name,
                        parse_error->message);
            g_error_free(parse_error);
        } else if (!(ok = read_root(json_parser_get_root(parser), docs))) {
            g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                        "%s: JSON, but not an ost document (no ost_version and source)", name);
        }
    }
    g_object_unref(parser);
    if (!ok) {
        g_ptr_array_unref(docs);
        return NULL;
    }
    return docs;
}
