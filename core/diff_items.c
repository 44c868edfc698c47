/* SPDX-License-Identifier: MIT */
/* Matching two lists of numbered statements (duties, KSBs, options): kept,
 * reworded, renumbered, added or removed. */
#include "diff_private.h"

#include <string.h>

/* Below these word-overlap scores two texts are different statements, not
 * one reworded: a duty keeping its id may be rewritten more freely than a
 * statement that also changed its number. */
#define SAME_ID_REWORD_MIN 0.5
#define MOVED_REWORD_MIN 0.7

static void
item_clear(gpointer p)
{
    g_free(((diff_item *)p)->text);
}

GArray *
diff_items_new(void)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(diff_item));
    g_array_set_clear_func(a, item_clear);
    return a;
}

void
diff_items_add(GArray *items, const char *id, const char *title, const char *text)
{
    const char *body = text != NULL ? text : "";
    diff_item it = {id, title != NULL ? g_strdup_printf("%s: %s", title, body) : g_strdup(body),
                    -1};
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

static void
pair(GArray *olds, guint i, GArray *news, guint j)
{
    DIFF_ITEM(olds, i)->partner = (int)j;
    DIFF_ITEM(news, j)->partner = (int)i;
}

typedef gboolean (*pair_test)(const diff_item *a, const diff_item *b);

static gboolean same_id_same_text(const diff_item *a, const diff_item *b)
{
    return g_strcmp0(a->id, b->id) == 0 && strcmp(a->text, b->text) == 0;
}

static gboolean same_text(const diff_item *a, const diff_item *b)
{
    return strcmp(a->text, b->text) == 0;
}

static gboolean same_id_similar(const diff_item *a, const diff_item *b)
{
    return g_strcmp0(a->id, b->id) == 0 && similarity(a->text, b->text) >= SAME_ID_REWORD_MIN;
}

static gboolean similar(const diff_item *a, const diff_item *b)
{
    return similarity(a->text, b->text) >= MOVED_REWORD_MIN;
}

/* Pair each unpaired new item with the first unpaired old one passing @test. */
static void
pair_pass(GArray *olds, GArray *news, pair_test test)
{
    for (guint j = 0; j < news->len; j++) {
        if (DIFF_ITEM(news, j)->partner >= 0)
            continue;
        for (guint i = 0; i < olds->len; i++)
            if (DIFF_ITEM(olds, i)->partner < 0 && test(DIFF_ITEM(olds, i), DIFF_ITEM(news, j))) {
                pair(olds, i, news, j);
                break;
            }
    }
}

/* Match @olds with @news, record what changed, and note in @renamed each
 * old id that now has another. The passes go from the surest pairing to
 * the loosest, so a renumbering is found before a same-id rewording. */
void
diff_items_match(const char *subject, const char *what, GArray *olds, GArray *news,
           GHashTable *renamed, GPtrArray *changes)
{
    pair_pass(olds, news, same_id_same_text);
    pair_pass(olds, news, same_text);
    pair_pass(olds, news, same_id_similar);
    pair_pass(olds, news, similar);
    for (guint j = 0; j < news->len; j++) {
        const diff_item *n = DIFF_ITEM(news, j);
        if (n->partner < 0) {
            diff_add_change(changes, OST_CHANGE_ADDED, subject, what, NULL, n->id, NULL, n->text);
            continue;
        }
        const diff_item *o = DIFF_ITEM(olds, n->partner);
        gboolean reworded = strcmp(o->text, n->text) != 0;
        if (g_strcmp0(o->id, n->id) != 0) {
            diff_add_change(changes, OST_CHANGE_MOVED, subject, what, o->id, n->id,
                       reworded ? o->text : NULL, reworded ? n->text : NULL);
            if (renamed != NULL && o->id != NULL)
                g_hash_table_insert(renamed, (gpointer)o->id, (gpointer)n->id);
        } else if (reworded) {
            diff_add_change(changes, OST_CHANGE_REWORDED, subject, what, o->id, n->id, o->text,
                       n->text);
        }
    }
    for (guint i = 0; i < olds->len; i++) {
        const diff_item *o = DIFF_ITEM(olds, i);
        if (o->partner < 0)
            diff_add_change(changes, OST_CHANGE_REMOVED, subject, what, o->id, NULL, o->text, NULL);
    }
}
