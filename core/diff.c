/* SPDX-License-Identifier: MIT */
/* Model-level differences between two sets of documents: records matched
 * across the sets and compared field by field. */
#include <ost/diff.h>
#include <ost/tables.h>

#include "diff_private.h"

#include <string.h>

void
ost_change_free(ost_change *c)
{
    if (c == NULL)
        return;
    g_free(c->subject);
    g_free(c->item);
    g_free(c->old_id);
    g_free(c->new_id);
    g_free(c->old_value);
    g_free(c->new_value);
    g_free(c);
}

void
diff_add_change(GPtrArray *changes, ost_change_kind kind, const char *subject, const char *item,
           const char *old_id, const char *new_id, const char *old_value,
           const char *new_value)
{
    ost_change *c = g_new0(ost_change, 1);
    c->kind = kind;
    c->subject = g_strdup(subject);
    c->item = g_strdup(item);
    c->old_id = g_strdup(old_id);
    c->new_id = g_strdup(new_id);
    c->old_value = g_strdup(old_value);
    c->new_value = g_strdup(new_value);
    g_ptr_array_add(changes, c);
}

/* ---- rows of the tables, as the tables module lays them out ---- */

typedef struct row {
    guint n;
    char **values;
} row;

static void
row_free(row *r)
{
    for (guint i = 0; i < r->n; i++)
        g_free(r->values[i]);
    g_free(r->values);
    g_free(r);
}

typedef struct side {
    GPtrArray *rows[OST_N_TABLES]; /* row* */
    GPtrArray *standards;          /* const ost_standard*, as the standards rows */
    GPtrArray *occupations;        /* const ost_occupation*, as the occupations rows */
} side;

static ost_status
keep_row(ost_table_id table, const char *const *values, void *user)
{
    side *s = user;
    row *r = g_new(row, 1);
    r->n = ost_table_get(table)->n_columns;
    r->values = g_new(char *, r->n);
    for (guint i = 0; i < r->n; i++)
        r->values[i] = g_strdup(values[i]);
    g_ptr_array_add(s->rows[table], r);
    return OST_OK;
}

static void
side_init(side *s, const ost_doc *const *docs, gsize n)
{
    for (int t = 0; t < OST_N_TABLES; t++)
        s->rows[t] = g_ptr_array_new_with_free_func((GDestroyNotify)row_free);
    s->standards = g_ptr_array_new();
    s->occupations = g_ptr_array_new();
    for (gsize i = 0; i < n; i++) {
        g_ptr_array_extend(s->standards, docs[i]->standards, NULL, NULL);
        g_ptr_array_extend(s->occupations, docs[i]->occupations, NULL, NULL);
    }
    ost_tables_walk(docs, n, keep_row, s);
}

static void
side_clear(side *s)
{
    for (int t = 0; t < OST_N_TABLES; t++)
        g_ptr_array_unref(s->rows[t]);
    g_ptr_array_unref(s->standards);
    g_ptr_array_unref(s->occupations);
}

static int
column_index(const ost_table *t, const char *name)
{
    for (guint c = 0; c < t->n_columns; c++)
        if (strcmp(t->columns[c].name, name) == 0)
            return (int)c;
    g_assert_not_reached();
    return -1;
}

/* Provenance and positions are not content: a record that moved to another
 * file or place in its list has not changed. */
static gboolean
is_content_column(const char *name)
{
    return !g_str_has_prefix(name, "source_") && !g_str_has_suffix(name, "_no") &&
           strcmp(name, "other_fields") != 0; /* compared key by key: diff_extra() */
}

static const char *
extra_value(const GPtrArray *extra, const char *key, gboolean *found)
{
    for (guint i = 0; i < extra->len; i++) {
        const ost_pair *p = g_ptr_array_index(extra, i);
        if (strcmp(p->key, key) == 0) {
            *found = TRUE;
            return p->value;
        }
    }
    *found = FALSE;
    return NULL;
}

/* The fields the model has no name for, by their names on the page. */
static void
diff_extra(const char *subject, const GPtrArray *a, const GPtrArray *b, GPtrArray *changes)
{
    gboolean found;
    for (guint i = 0; i < b->len; i++) {
        const ost_pair *p = g_ptr_array_index(b, i);
        const char *old = extra_value(a, p->key, &found);
        if (!found || g_strcmp0(old, p->value) != 0)
            diff_add_change(changes, OST_CHANGE_CHANGED, subject, "field", p->key, p->key, old,
                       p->value);
    }
    for (guint i = 0; i < a->len; i++) {
        const ost_pair *p = g_ptr_array_index(a, i);
        extra_value(b, p->key, &found);
        if (!found)
            diff_add_change(changes, OST_CHANGE_CHANGED, subject, "field", p->key, p->key, p->value,
                       NULL);
    }
}

static void
compare_fields(const ost_table *t, const row *a, const row *b, const char *subject,
               GPtrArray *changes)
{
    for (guint c = 0; c < t->n_columns; c++)
        if (is_content_column(t->columns[c].name) &&
            g_strcmp0(a->values[c], b->values[c]) != 0)
            diff_add_change(changes, OST_CHANGE_CHANGED, subject, "field", t->columns[c].name,
                       t->columns[c].name, a->values[c], b->values[c]);
}

/* ---- records matched by a key of columns ---- */

typedef struct keyed_table {
    ost_table_id table;
    const char *item;
    const char *const *key; /* column names, NULL-terminated */
} keyed_table;

static char *
row_key(const ost_table *t, const row *r, const char *const *key)
{
    GString *s = g_string_new(NULL);
    for (guint k = 0; key[k] != NULL; k++) {
        const char *v = r->values[column_index(t, key[k])];
        g_string_append_printf(s, "%s%s", k > 0 ? " / " : "", v != NULL ? v : "-");
    }
    return g_string_free(s, FALSE);
}

static void
diff_keyed(const keyed_table *kt, const side *a, const side *b, GPtrArray *changes)
{
    const ost_table *t = ost_table_get(kt->table);
    GPtrArray *old_rows = a->rows[kt->table], *new_rows = b->rows[kt->table];
    /* key -> GQueue of unmatched old rows with it, in order */
    GHashTable *unmatched = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify)g_queue_free);
    gboolean *used = g_new0(gboolean, old_rows->len + 1);
    for (guint i = 0; i < old_rows->len; i++) {
        char *key = row_key(t, g_ptr_array_index(old_rows, i), kt->key);
        GQueue *q = g_hash_table_lookup(unmatched, key);
        if (q == NULL) {
            q = g_queue_new();
            g_hash_table_insert(unmatched, g_strdup(key), q);
        }
        g_queue_push_tail(q, GUINT_TO_POINTER(i));
        g_free(key);
    }
    for (guint j = 0; j < new_rows->len; j++) {
        const row *nr = g_ptr_array_index(new_rows, j);
        char *key = row_key(t, nr, kt->key);
        char *subject = g_strdup_printf("%s %s", kt->item, key);
        GQueue *q = g_hash_table_lookup(unmatched, key);
        if (q != NULL && !g_queue_is_empty(q)) {
            guint i = GPOINTER_TO_UINT(g_queue_pop_head(q));
            used[i] = TRUE;
            compare_fields(t, g_ptr_array_index(old_rows, i), nr, subject, changes);
            if (kt->table == OST_TABLE_OCCUPATIONS)
                diff_extra(subject,
                           ((const ost_occupation *)g_ptr_array_index(a->occupations, i))->extra,
                           ((const ost_occupation *)g_ptr_array_index(b->occupations, j))->extra,
                           changes);
        } else {
            diff_add_change(changes, OST_CHANGE_ADDED, subject, kt->item, NULL, key, NULL, NULL);
        }
        g_free(subject);
        g_free(key);
    }
    for (guint i = 0; i < old_rows->len; i++) {
        if (used[i])
            continue;
        char *key = row_key(t, g_ptr_array_index(old_rows, i), kt->key);
        char *subject = g_strdup_printf("%s %s", kt->item, key);
        diff_add_change(changes, OST_CHANGE_REMOVED, subject, kt->item, key, NULL, NULL, NULL);
        g_free(subject);
        g_free(key);
    }
    g_free(used);
    g_hash_table_unref(unmatched);
}

static void
ksb_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_ksb *k = g_ptr_array_index(list, i);
        diff_items_add(items, k->id, k->title, k->text);
    }
}

static void
option_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_option *o = g_ptr_array_index(list, i);
        diff_items_add(items, o->id, NULL, o->title);
    }
}

static void
duty_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_duty *d = g_ptr_array_index(list, i);
        diff_items_add(items, d->id, NULL, d->text);
    }
}

/* The links of @list not in @other, old ids read through @renamed; a
 * renumbered one is shown with its new id, as "S19 (now S18)". */
static char *
links_missing(const GPtrArray *list, GHashTable *list_renamed, const GPtrArray *other,
              GHashTable *other_renamed)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < list->len; i++) {
        const char *id = g_ptr_array_index(list, i);
        const char *as_new = list_renamed != NULL && g_hash_table_contains(list_renamed, id)
                                 ? g_hash_table_lookup(list_renamed, id) : id;
        gboolean found = FALSE;
        for (guint j = 0; j < other->len && !found; j++) {
            const char *o = g_ptr_array_index(other, j);
            const char *o_new = other_renamed != NULL && g_hash_table_contains(other_renamed, o)
                                    ? g_hash_table_lookup(other_renamed, o) : o;
            found = strcmp(as_new, o_new) == 0;
        }
        if (!found && as_new != id)
            g_string_append_printf(s, "%s%s (now %s)", s->len > 0 ? ", " : "", id, as_new);
        else if (!found)
            g_string_append_printf(s, "%s%s", s->len > 0 ? ", " : "", id);
    }
    if (s->len == 0) {
        g_string_free(s, TRUE);
        return NULL;
    }
    return g_string_free(s, FALSE);
}

/* "O1; O2", or NULL for none. */
static char *
joined(const GPtrArray *list)
{
    if (list->len == 0)
        return NULL;
    GString *s = g_string_new(g_ptr_array_index(list, 0));
    for (guint i = 1; i < list->len; i++)
        g_string_append_printf(s, "; %s", (const char *)g_ptr_array_index(list, i));
    return g_string_free(s, FALSE);
}

static void
diff_links(const char *subject, const ost_standard *a, const ost_standard *b, GArray *old_duties,
           GHashTable *renamed, GPtrArray *changes)
{
    for (guint i = 0; i < old_duties->len; i++) {
        int j = DIFF_ITEM(old_duties, i)->partner;
        if (j < 0)
            continue;
        const ost_duty *od = g_ptr_array_index(a->duties, i);
        const ost_duty *nd = g_ptr_array_index(b->duties, (guint)j);
        char *removed = links_missing(od->ksbs, renamed, nd->ksbs, NULL);
        char *added = links_missing(nd->ksbs, NULL, od->ksbs, renamed);
        if (removed != NULL || added != NULL)
            diff_add_change(changes, OST_CHANGE_LINKS, subject, "duty", od->id, nd->id, removed,
                       added);
        g_free(removed);
        g_free(added);
        char *old_options = joined(od->options), *new_options = joined(nd->options);
        if (g_strcmp0(old_options, new_options) != 0)
            diff_add_change(changes, OST_CHANGE_CHANGED, subject, "duty options", od->id, nd->id,
                       old_options, new_options);
        g_free(old_options);
        g_free(new_options);
    }
}

static char *
standard_subject(const ost_standard *s)
{
    return s->version != NULL ? g_strdup_printf("%s %s", s->reference, s->version)
                              : g_strdup(s->reference);
}

static void
diff_standard(const ost_standard *a, const row *ra, const ost_standard *b, const row *rb,
              GPtrArray *changes)
{
    char *subject = standard_subject(b);
    compare_fields(ost_table_get(OST_TABLE_STANDARDS), ra, rb, subject, changes);
    diff_extra(subject, a->extra, b->extra, changes);
    GHashTable *renamed = g_hash_table_new(g_str_hash, g_str_equal);
    static const struct {
        const char *what;
        gsize offset;
    } kinds[] = {
        {"knowledge", G_STRUCT_OFFSET(ost_standard, knowledge)},
        {"skill", G_STRUCT_OFFSET(ost_standard, skills)},
        {"behaviour", G_STRUCT_OFFSET(ost_standard, behaviours)},
    };
    /* Duties come out first, but their links need the KSB renumbering:
     * collect the KSB changes apart and append them after. */
    GPtrArray *ksb_changes = g_ptr_array_new();
    for (gsize k = 0; k < G_N_ELEMENTS(kinds); k++) {
        GArray *olds = diff_items_new(), *news = diff_items_new();
        ksb_items(G_STRUCT_MEMBER(GPtrArray *, a, kinds[k].offset), olds);
        ksb_items(G_STRUCT_MEMBER(GPtrArray *, b, kinds[k].offset), news);
        diff_items_match(subject, kinds[k].what, olds, news, renamed, ksb_changes);
        g_array_unref(olds);
        g_array_unref(news);
    }
    GArray *old_options = diff_items_new(), *new_options = diff_items_new();
    option_items(a->options, old_options);
    option_items(b->options, new_options);
    diff_items_match(subject, "option", old_options, new_options, NULL, changes);
    g_array_unref(old_options);
    g_array_unref(new_options);
    GArray *old_duties = diff_items_new(), *new_duties = diff_items_new();
    duty_items(a->duties, old_duties);
    duty_items(b->duties, new_duties);
    diff_items_match(subject, "duty", old_duties, new_duties, NULL, changes);
    diff_links(subject, a, b, old_duties, renamed, changes);
    for (guint i = 0; i < ksb_changes->len; i++)
        g_ptr_array_add(changes, g_ptr_array_index(ksb_changes, i));
    g_ptr_array_unref(ksb_changes);
    g_array_unref(old_duties);
    g_array_unref(new_duties);
    g_hash_table_unref(renamed);
    g_free(subject);
}

typedef gboolean (*standard_match)(const ost_standard *a, const ost_standard *b);

static gboolean same_reference_and_version(const ost_standard *a, const ost_standard *b)
{
    return g_strcmp0(a->reference, b->reference) == 0 && g_strcmp0(a->version, b->version) == 0;
}

static gboolean same_reference(const ost_standard *a, const ost_standard *b)
{
    return g_strcmp0(a->reference, b->reference) == 0;
}

static void
match_standards(const side *a, const side *b, int *partner_of_new, gboolean *old_used,
                standard_match match)
{
    for (guint j = 0; j < b->standards->len; j++) {
        if (partner_of_new[j] >= 0)
            continue;
        for (guint i = 0; i < a->standards->len; i++)
            if (!old_used[i] && match(g_ptr_array_index(a->standards, i),
                                      g_ptr_array_index(b->standards, j))) {
                partner_of_new[j] = (int)i;
                old_used[i] = TRUE;
                break;
            }
    }
}

static void
diff_standards(const side *a, const side *b, GPtrArray *changes)
{
    guint n_old = a->standards->len, n_new = b->standards->len;
    int *partner = g_new(int, n_new + 1);
    gboolean *used = g_new0(gboolean, n_old + 1);
    for (guint j = 0; j < n_new; j++)
        partner[j] = -1;
    match_standards(a, b, partner, used, same_reference_and_version);
    match_standards(a, b, partner, used, same_reference);
    for (guint j = 0; j < n_new; j++) {
        const ost_standard *s = g_ptr_array_index(b->standards, j);
        if (partner[j] >= 0) {
            guint i = (guint)partner[j];
            diff_standard(g_ptr_array_index(a->standards, i),
                          g_ptr_array_index(a->rows[OST_TABLE_STANDARDS], i), s,
                          g_ptr_array_index(b->rows[OST_TABLE_STANDARDS], j), changes);
        } else {
            char *subject = standard_subject(s);
            diff_add_change(changes, OST_CHANGE_ADDED, subject, "standard", NULL, s->reference,
                       NULL, s->title);
            g_free(subject);
        }
    }
    for (guint i = 0; i < n_old; i++) {
        const ost_standard *s = g_ptr_array_index(a->standards, i);
        if (!used[i]) {
            char *subject = standard_subject(s);
            diff_add_change(changes, OST_CHANGE_REMOVED, subject, "standard", s->reference, NULL,
                       s->title, NULL);
            g_free(subject);
        }
    }
    g_free(partner);
    g_free(used);
}

static const char *const occupation_key[] = {"code", NULL};
static const char *const map_entry_key[] = {"route", "pathway", "cluster", "title", NULL};
static const char *const fm_unit_key[] = {"map_title", "code", NULL};
static const char *const role_unit_key[] = {"role", "unit_code", NULL};

static const keyed_table keyed_tables[] = {
    {OST_TABLE_OCCUPATIONS, "occupation", occupation_key},
    {OST_TABLE_OCCUPATIONAL_MAP_ENTRIES, "occupational map entry", map_entry_key},
    {OST_TABLE_FUNCTIONAL_MAP_UNITS, "functional map unit", fm_unit_key},
    {OST_TABLE_ROLE_UNITS, "role unit", role_unit_key},
};

GPtrArray *
ost_diff_docs(const ost_doc *const *old_docs, gsize n_old, const ost_doc *const *new_docs,
              gsize n_new)
{
    GPtrArray *changes = g_ptr_array_new_with_free_func((GDestroyNotify)ost_change_free);
    side a, b;
    side_init(&a, old_docs, n_old);
    side_init(&b, new_docs, n_new);
    diff_standards(&a, &b, changes);
    for (gsize k = 0; k < G_N_ELEMENTS(keyed_tables); k++)
        diff_keyed(&keyed_tables[k], &a, &b, changes);
    side_clear(&a);
    side_clear(&b);
    return changes;
}
