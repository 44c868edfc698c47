/* SPDX-License-Identifier: MIT */
/* Model-level differences between two sets of documents. */
#include <ost/diff.h>
#include <ost/tables.h>

#include <json-glib/json-glib.h>
#include <string.h>

/* Below these word-overlap scores two texts are different statements, not
 * one reworded: a duty keeping its id may be rewritten more freely than a
 * statement that also changed its number. */
#define SAME_ID_REWORD_MIN 0.5
#define MOVED_REWORD_MIN 0.7

static const char *const kind_names[] = {
    [OST_CHANGE_ADDED] = "added",       [OST_CHANGE_REMOVED] = "removed",
    [OST_CHANGE_CHANGED] = "changed",   [OST_CHANGE_REWORDED] = "reworded",
    [OST_CHANGE_MOVED] = "moved",       [OST_CHANGE_LINKS] = "links",
};

const char *
ost_change_kind_name(ost_change_kind kind)
{
    return kind < G_N_ELEMENTS(kind_names) ? kind_names[kind] : NULL;
}

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

static void
add_change(GPtrArray *changes, ost_change_kind kind, const char *subject, const char *item,
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
            add_change(changes, OST_CHANGE_CHANGED, subject, "field", p->key, p->key, old,
                       p->value);
    }
    for (guint i = 0; i < a->len; i++) {
        const ost_pair *p = g_ptr_array_index(a, i);
        extra_value(b, p->key, &found);
        if (!found)
            add_change(changes, OST_CHANGE_CHANGED, subject, "field", p->key, p->key, p->value,
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
            add_change(changes, OST_CHANGE_CHANGED, subject, "field", t->columns[c].name,
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
            add_change(changes, OST_CHANGE_ADDED, subject, kt->item, NULL, key, NULL, NULL);
        }
        g_free(subject);
        g_free(key);
    }
    for (guint i = 0; i < old_rows->len; i++) {
        if (used[i])
            continue;
        char *key = row_key(t, g_ptr_array_index(old_rows, i), kt->key);
        char *subject = g_strdup_printf("%s %s", kt->item, key);
        add_change(changes, OST_CHANGE_REMOVED, subject, kt->item, key, NULL, NULL, NULL);
        g_free(subject);
        g_free(key);
    }
    g_free(used);
    g_hash_table_unref(unmatched);
}

/* ---- duties and KSBs ---- */

typedef struct item {
    const char *id;
    char *text;     /* owned: "title: text" for named behaviours */
    int partner;    /* index on the other side, or -1 */
} item;

static void
item_clear(gpointer p)
{
    g_free(((item *)p)->text);
}

static GArray *
items_new(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(item));
    g_array_set_clear_func(a, item_clear);
    return a;
}

static void
add_item(GArray *items, const char *id, const char *title, const char *text)
{
    item it = {id, title != NULL ? g_strdup_printf("%s: %s", title, text != NULL ? text : "")
                                 : g_strdup(text != NULL ? text : ""), -1};
    g_array_append_val(items, it);
}

static GHashTable *
word_set(const char *text)
{
    GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char *folded = g_utf8_casefold(text, -1);
    char **words = g_strsplit_set(folded, " \t\n.,;:()'\"", -1);
    for (char **w = words; *w != NULL; w++)
        if (**w != '\0')
            g_hash_table_add(set, g_strdup(*w));
    g_strfreev(words);
    g_free(folded);
    return set;
}

/* Dice's coefficient over the sets of words: 1 for the same words. */
static double
similarity(const char *a, const char *b)
{
    GHashTable *wa = word_set(a), *wb = word_set(b);
    guint common = 0, na = g_hash_table_size(wa), nb = g_hash_table_size(wb);
    GHashTableIter it;
    gpointer w;
    g_hash_table_iter_init(&it, wa);
    while (g_hash_table_iter_next(&it, &w, NULL))
        common += g_hash_table_contains(wb, w);
    g_hash_table_unref(wa);
    g_hash_table_unref(wb);
    return na + nb == 0 ? 1.0 : 2.0 * common / (na + nb);
}

#define ITEM(a, i) (&g_array_index((a), item, (i)))

static void
pair(GArray *olds, guint i, GArray *news, guint j)
{
    ITEM(olds, i)->partner = (int)j;
    ITEM(news, j)->partner = (int)i;
}

typedef gboolean (*pair_test)(const item *a, const item *b);

static gboolean same_id_same_text(const item *a, const item *b)
{
    return g_strcmp0(a->id, b->id) == 0 && strcmp(a->text, b->text) == 0;
}

static gboolean same_text(const item *a, const item *b)
{
    return strcmp(a->text, b->text) == 0;
}

static gboolean same_id_similar(const item *a, const item *b)
{
    return g_strcmp0(a->id, b->id) == 0 && similarity(a->text, b->text) >= SAME_ID_REWORD_MIN;
}

static gboolean similar(const item *a, const item *b)
{
    return similarity(a->text, b->text) >= MOVED_REWORD_MIN;
}

/* Pair each unpaired new item with the first unpaired old one passing @test. */
static void
pair_pass(GArray *olds, GArray *news, pair_test test)
{
    for (guint j = 0; j < news->len; j++) {
        if (ITEM(news, j)->partner >= 0)
            continue;
        for (guint i = 0; i < olds->len; i++)
            if (ITEM(olds, i)->partner < 0 && test(ITEM(olds, i), ITEM(news, j))) {
                pair(olds, i, news, j);
                break;
            }
    }
}

/* Match @olds with @news, record what changed, and note in @renamed each
 * old id that now has another. The passes go from the surest pairing to
 * the loosest, so a renumbering is found before a same-id rewording. */
static void
diff_items(const char *subject, const char *what, GArray *olds, GArray *news,
           GHashTable *renamed, GPtrArray *changes)
{
    pair_pass(olds, news, same_id_same_text);
    pair_pass(olds, news, same_text);
    pair_pass(olds, news, same_id_similar);
    pair_pass(olds, news, similar);
    for (guint j = 0; j < news->len; j++) {
        const item *n = ITEM(news, j);
        if (n->partner < 0) {
            add_change(changes, OST_CHANGE_ADDED, subject, what, NULL, n->id, NULL, n->text);
            continue;
        }
        const item *o = ITEM(olds, n->partner);
        gboolean reworded = strcmp(o->text, n->text) != 0;
        if (g_strcmp0(o->id, n->id) != 0) {
            add_change(changes, OST_CHANGE_MOVED, subject, what, o->id, n->id,
                       reworded ? o->text : NULL, reworded ? n->text : NULL);
            if (renamed != NULL && o->id != NULL)
                g_hash_table_insert(renamed, (gpointer)o->id, (gpointer)n->id);
        } else if (reworded) {
            add_change(changes, OST_CHANGE_REWORDED, subject, what, o->id, n->id, o->text,
                       n->text);
        }
    }
    for (guint i = 0; i < olds->len; i++) {
        const item *o = ITEM(olds, i);
        if (o->partner < 0)
            add_change(changes, OST_CHANGE_REMOVED, subject, what, o->id, NULL, o->text, NULL);
    }
}

static void
ksb_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_ksb *k = g_ptr_array_index(list, i);
        add_item(items, k->id, k->title, k->text);
    }
}

static void
option_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_option *o = g_ptr_array_index(list, i);
        add_item(items, o->id, NULL, o->title);
    }
}

static void
duty_items(const GPtrArray *list, GArray *items)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_duty *d = g_ptr_array_index(list, i);
        add_item(items, d->id, NULL, d->text);
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
        int j = ITEM(old_duties, i)->partner;
        if (j < 0)
            continue;
        const ost_duty *od = g_ptr_array_index(a->duties, i);
        const ost_duty *nd = g_ptr_array_index(b->duties, (guint)j);
        char *removed = links_missing(od->ksbs, renamed, nd->ksbs, NULL);
        char *added = links_missing(nd->ksbs, NULL, od->ksbs, renamed);
        if (removed != NULL || added != NULL)
            add_change(changes, OST_CHANGE_LINKS, subject, "duty", od->id, nd->id, removed,
                       added);
        g_free(removed);
        g_free(added);
        char *old_options = joined(od->options), *new_options = joined(nd->options);
        if (g_strcmp0(old_options, new_options) != 0)
            add_change(changes, OST_CHANGE_CHANGED, subject, "duty options", od->id, nd->id,
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
        GArray *olds = items_new(), *news = items_new();
        ksb_items(G_STRUCT_MEMBER(GPtrArray *, a, kinds[k].offset), olds);
        ksb_items(G_STRUCT_MEMBER(GPtrArray *, b, kinds[k].offset), news);
        diff_items(subject, kinds[k].what, olds, news, renamed, ksb_changes);
        g_array_unref(olds);
        g_array_unref(news);
    }
    GArray *old_options = items_new(), *new_options = items_new();
    option_items(a->options, old_options);
    option_items(b->options, new_options);
    diff_items(subject, "option", old_options, new_options, NULL, changes);
    g_array_unref(old_options);
    g_array_unref(new_options);
    GArray *old_duties = items_new(), *new_duties = items_new();
    duty_items(a->duties, old_duties);
    duty_items(b->duties, new_duties);
    diff_items(subject, "duty", old_duties, new_duties, NULL, changes);
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
            add_change(changes, OST_CHANGE_ADDED, subject, "standard", NULL, s->reference,
                       NULL, s->title);
            g_free(subject);
        }
    }
    for (guint i = 0; i < n_old; i++) {
        const ost_standard *s = g_ptr_array_index(a->standards, i);
        if (!used[i]) {
            char *subject = standard_subject(s);
            add_change(changes, OST_CHANGE_REMOVED, subject, "standard", s->reference, NULL,
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

/* ---- reports ---- */

static void
quoted(GString *out, const char *s)
{
    if (s == NULL)
        g_string_append(out, "null");
    else
        g_string_append_printf(out, "\"%s\"", s);
}

/* Too long to read old and new on one line. */
static gboolean
is_long(const char *s)
{
    return s != NULL && (strlen(s) > 60 || strchr(s, '\n') != NULL);
}

static void
write_change_text(const ost_change *c, GString *out)
{
    switch (c->kind) {
    case OST_CHANGE_ADDED:
        g_string_append_printf(out, "  + %s %s", c->item, c->new_id != NULL ? c->new_id : "");
        if (c->new_value != NULL)
            g_string_append_printf(out, ": %s", c->new_value);
        break;
    case OST_CHANGE_REMOVED:
        g_string_append_printf(out, "  - %s %s", c->item, c->old_id != NULL ? c->old_id : "");
        if (c->old_value != NULL)
            g_string_append_printf(out, ": %s", c->old_value);
        break;
    case OST_CHANGE_CHANGED:
        if (strcmp(c->item, "field") == 0)
            g_string_append_printf(out, "  ~ %s", c->old_id);
        else
            g_string_append_printf(out, "  ~ %s %s", c->item, c->new_id);
        if (is_long(c->old_value) || is_long(c->new_value)) {
            g_string_append(out, " changed\n      was: ");
            quoted(out, c->old_value);
            g_string_append(out, "\n      now: ");
        } else {
            g_string_append(out, ": ");
            quoted(out, c->old_value);
            g_string_append(out, " -> ");
        }
        quoted(out, c->new_value);
        break;
    case OST_CHANGE_MOVED:
        g_string_append_printf(out, "  > %s %s is now %s", c->item, c->old_id, c->new_id);
        if (c->new_value != NULL)
            g_string_append_printf(out, ", reworded\n      was: %s\n      now: %s",
                                   c->old_value, c->new_value);
        break;
    case OST_CHANGE_REWORDED:
        g_string_append_printf(out, "  ~ %s %s reworded\n      was: %s\n      now: %s", c->item,
                               c->new_id, c->old_value, c->new_value);
        break;
    case OST_CHANGE_LINKS:
        g_string_append_printf(out, "  ~ duty %s links", c->new_id);
        if (c->new_value != NULL)
            g_string_append_printf(out, ", added %s", c->new_value);
        if (c->old_value != NULL)
            g_string_append_printf(out, ", removed %s", c->old_value);
        break;
    }
    g_string_append_c(out, '\n');
}

void
ost_diff_write_text(const GPtrArray *changes, GString *out)
{
    const char *subject = NULL;
    for (guint i = 0; i < changes->len; i++) {
        const ost_change *c = g_ptr_array_index(changes, i);
        if (subject == NULL || strcmp(subject, c->subject) != 0) {
            subject = c->subject;
            g_string_append_printf(out, "%s\n", subject);
        }
        write_change_text(c, out);
    }
    if (changes->len == 0)
        g_string_append(out, "No differences.\n");
    else
        g_string_append_printf(out, "%u difference%s.\n", changes->len,
                               changes->len == 1 ? "" : "s");
}

static void
member(JsonBuilder *b, const char *key, const char *value)
{
    json_builder_set_member_name(b, key);
    if (value == NULL)
        json_builder_add_null_value(b);
    else
        json_builder_add_string_value(b, value);
}

void
ost_diff_write_json(const GPtrArray *changes, GString *out)
{
    JsonBuilder *b = json_builder_new_immutable();
    json_builder_begin_object(b);
    json_builder_set_member_name(b, "same");
    json_builder_add_boolean_value(b, changes->len == 0);
    json_builder_set_member_name(b, "changes");
    json_builder_begin_array(b);
    for (guint i = 0; i < changes->len; i++) {
        const ost_change *c = g_ptr_array_index(changes, i);
        json_builder_begin_object(b);
        member(b, "change", ost_change_kind_name(c->kind));
        member(b, "subject", c->subject);
        member(b, "item", c->item);
        member(b, "old_id", c->old_id);
        member(b, "new_id", c->new_id);
        member(b, "old", c->old_value);
        member(b, "new", c->new_value);
        json_builder_end_object(b);
    }
    json_builder_end_array(b);
    json_builder_end_object(b);
    JsonNode *root = json_builder_get_root(b);
    JsonGenerator *gen = json_generator_new();
    json_generator_set_pretty(gen, TRUE);
    json_generator_set_indent(gen, 2);
    json_generator_set_root(gen, root);
    char *text = json_generator_to_data(gen, NULL);
    g_string_append(out, text);
    g_string_append_c(out, '\n');
    g_free(text);
    g_object_unref(gen);
    json_node_unref(root);
    g_object_unref(b);
}
