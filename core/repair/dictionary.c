/* SPDX-License-Identifier: MIT */
/* The word list: loaded once per process, shared by every repairer. */
#include "repair_private.h"

#include <string.h>

/* SCOWL's British lists come in nested sizes; the size a word first
 * appears in says roughly how common it is. A hunspell dictionary, when
 * there is one, adds its stems (hyphenated compounds among them) as rare
 * words. */
static const struct {
    const char *name;
    int tier;
} word_lists[] = {
    {"british-english-small", 4},
    {"british-english", 3},
    {"british-english-large", 2},
    {"british-english-huge", 1},
};

/* SCOWL's own size classes (the scowl package, beside the lists) split
 * the commonest words finer: by its author's account a word's size class
 * follows how often it is used, so the smaller the class, the likelier a
 * word. They only raise the tiers above. */
static const struct {
    const char *name;
    int tier;
} frequency_classes[] = {
    {"english-words.10", 7}, {"british-words.10", 7}, {"english-words.20", 6},
    {"british-words.20", 6}, {"english-words.35", 5}, {"british-words.35", 5},
};

/* The table while it is built. */
typedef struct {
    GString *arena;
    ost_dict_slot *slots;
    guint32 mask;
    guint32 n;
} table;

static guint32
hash_word(const char *w, gsize len)
{
    guint32 h = 2166136261u;
    for (gsize i = 0; i < len; i++)
        h = (h ^ (guchar)w[i]) * 16777619u;
    return h ^ (h >> 15);
}

/* The slot holding @w, or the empty one where it would go. */
static guint32
find_slot(const ost_dict_slot *slots, guint32 mask, const char *arena, const char *w,
          gsize len, guint32 h)
{
    for (guint32 i = (h >> 3) & mask;; i = (i + 1) & mask) {
        const ost_dict_slot *s = &slots[i];
        if (s->off == 0)
            return i;
        if ((s->hash_tier & ~7u) == (h & ~7u)) {
            const char *k = arena + s->off - 1;
            if (memcmp(k, w, len) == 0 && k[len] == '\0')
                return i;
        }
    }
}

static void
grow(table *t)
{
    guint32 size = (t->mask + 1) * 2;
    ost_dict_slot *slots = g_new0(ost_dict_slot, size);
    for (guint32 i = 0; i <= t->mask; i++) {
        ost_dict_slot *old = &t->slots[i];
        if (old->off == 0)
            continue;
        const char *k = t->arena->str + old->off - 1;
        slots[find_slot(slots, size - 1, t->arena->str, k, strlen(k), old->hash_tier)] = *old;
    }
    g_free(t->slots);
    t->slots = slots;
    t->mask = size - 1;
}

static void
insert(table *t, const char *w, gsize len, guint32 h, int tier)
{
    ost_dict_slot *s = &t->slots[find_slot(t->slots, t->mask, t->arena->str, w, len, h)];
    if (s->off != 0) {
        if ((int)(s->hash_tier & 7u) < tier)
            s->hash_tier = (s->hash_tier & ~7u) | (guint32)tier;
        return;
    }
    s->off = (guint32)t->arena->len + 1;
    s->hash_tier = (h & ~7u) | (guint32)tier;
    g_string_append_len(t->arena, w, (gssize)len);
    g_string_append_c(t->arena, '\0');
    if (++t->n * 2 > t->mask)
        grow(t);
}

/* Inserting is bound by cache misses on the table: words go in batches
 * whose slots are fetched ahead. */
#define BATCH 32

typedef struct {
    char words[BATCH][DICT_MAX_WORD];
    gsize lens[BATCH];
    guint32 hashes[BATCH];
    int tiers[BATCH];
    int n;
    GString *folded;
} batch;

static void
flush(table *t, batch *b)
{
    for (int i = 0; i < b->n; i++) {
        b->hashes[i] = hash_word(b->words[i], b->lens[i]);
        __builtin_prefetch(&t->slots[(b->hashes[i] >> 3) & t->mask]);
    }
    for (int i = 0; i < b->n; i++)
        insert(t, b->words[i], b->lens[i], b->hashes[i], b->tiers[i]);
    b->n = 0;
}

/* Add the raw word @w, folded. */
static void
add(table *t, batch *b, const char *w, gsize len, int tier)
{
    guchar high = 0;
    for (gsize i = 0; i < len; i++)
        high |= (guchar)w[i];
    if (high & 0x80) {
        if (!g_utf8_validate(w, (gssize)len, NULL))
            return;
        g_string_truncate(b->folded, 0);
        __ost_fold(w, len, b->folded);
        w = b->folded->str, len = b->folded->len;
    }
    if (len == 0 || len > DICT_MAX_WORD)
        return;
    char *dst = b->words[b->n];
    for (gsize i = 0; i < len; i++)
        dst[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    b->lens[b->n] = len;
    b->tiers[b->n++] = tier;
    if (b->n == BATCH)
        flush(t, b);
}

typedef struct {
    char *data;
    gsize len, pos;
    int tier;
    gboolean hunspell;
} word_list;

/* The next word of @l: one a line; in hunspell files the word ends at
 * '/' (its affix flags) or a tab, and the first line is a count. */
static gboolean
next_word(word_list *l, const char **w, gsize *len)
{
    if (l->pos == 0 && l->hunspell) {
        const char *nl = memchr(l->data, '\n', l->len);
        l->pos = nl != NULL ? (gsize)(nl - l->data) + 1 : l->len;
    }
    if (l->pos >= l->len)
        return FALSE;
    const char *p = l->data + l->pos, *end = l->data + l->len, *e = p;
    while (e < end && *e != '\n' && *e != '\r' &&
           !(l->hunspell && (*e == '/' || *e == '\t' || *e == ' ')))
        e++;
    *w = p;
    *len = (gsize)(e - p);
    while (e < end && *e != '\n')
        e++;
    l->pos = (gsize)(e - l->data) + 1;
    return TRUE;
}

static gboolean
read_list(word_list *l, const char *path, int tier, gboolean hunspell)
{
    l->pos = 0;
    l->tier = tier;
    l->hunspell = hunspell;
    return g_file_get_contents(path, &l->data, &l->len, NULL);
}

/* SCOWL's sizes nest and share one order: walking the largest list, each
 * smaller one's next word is either this word or a later one, so tiers
 * come from a merge rather than a lookup per list. Whatever a smaller
 * list still holds after the walk is inserted the slow way. */
static void
load_lists(table *t, word_list *lists, gsize n)
{
    batch *b = g_new(batch, 1);
    b->n = 0;
    b->folded = g_string_sized_new(DICT_MAX_WORD);
    word_list *base = &lists[n - 1];
    const char *heads[G_N_ELEMENTS(word_lists)];
    gsize head_lens[G_N_ELEMENTS(word_lists)];
    gboolean live[G_N_ELEMENTS(word_lists)];
    for (gsize i = 0; i + 1 < n; i++)
        live[i] = next_word(&lists[i], &heads[i], &head_lens[i]);
    const char *w;
    gsize len;
    while (next_word(base, &w, &len)) {
        int tier = base->tier;
        for (gsize i = 0; i + 1 < n; i++) {
            if (live[i] && head_lens[i] == len && memcmp(heads[i], w, len) == 0) {
                tier = MAX(tier, lists[i].tier);
                live[i] = next_word(&lists[i], &heads[i], &head_lens[i]);
            }
        }
        add(t, b, w, len, tier);
    }
    for (gsize i = 0; i + 1 < n; i++) {
        for (gboolean more = live[i]; more; more = next_word(&lists[i], &heads[i], &head_lens[i]))
            add(t, b, heads[i], head_lens[i], lists[i].tier);
    }
    flush(t, b);
    g_string_free(b->folded, TRUE);
    g_free(b);
}

static void
table_init(table *t)
{
    t->arena = g_string_sized_new(8 << 20);
    t->mask = (1u << 20) - 1;
    t->slots = g_new0(ost_dict_slot, t->mask + 1);
    t->n = 0;
    g_string_append_c(t->arena, '\0');
}

/* The finished table, its arena padded as ost_dict promises. */
static ost_dict *
table_finish(table *t)
{
    for (int i = 0; i <= DICT_MAX_WORD; i++)
        g_string_append_c(t->arena, '\0');
    ost_dict *d = g_new0(ost_dict, 1);
    d->slots = t->slots;
    d->mask = t->mask;
    d->n = t->n;
    d->arena_len = (guint32)t->arena->len;
    d->arena = g_string_free(t->arena, FALSE);
    return d;
}

/* The first of $OST_DICT_DIR and /usr/share/dict holding a British list. */
static gpointer
locate(gpointer error_message)
{
    const char *dirs[] = {g_getenv("OST_DICT_DIR"), "/usr/share/dict"};
    for (gsize i = 0; i < G_N_ELEMENTS(dirs); i++) {
        if (dirs[i] == NULL || *dirs[i] == '\0')
            continue;
        for (gsize l = 0; l < G_N_ELEMENTS(word_lists); l++) {
            char *path = g_build_filename(dirs[i], word_lists[l].name, NULL);
            gboolean ok = g_file_test(path, G_FILE_TEST_IS_REGULAR);
            g_free(path);
            if (ok)
                return g_strdup(dirs[i]);
        }
    }
    *(char **)error_message = g_strdup_printf(
        "no word list found: looked for british-english-small, british-english, "
        "british-english-large and british-english-huge in %s%s/usr/share/dict "
        "(install wbritish, or set OST_DICT_DIR)",
        dirs[0] != NULL ? dirs[0] : "", dirs[0] != NULL ? " and " : "");
    return NULL;
}

static char *locate_error;

static const char *
dict_dir(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, locate, &locate_error);
}

gboolean
__ost_dict_available(GError **error)
{
    if (dict_dir() != NULL)
        return TRUE;
    g_set_error(error, OST_ERROR, OST_ERR_IO, "%s", locate_error);
    return FALSE;
}

/* The files a table is built from, by dictionary folder: the lists in
 * the order of word_lists, then the hunspell stems from the lists' folder
 * or else the system's. */
enum {
    N_LISTS = G_N_ELEMENTS(word_lists),
    N_CLASSES = G_N_ELEMENTS(frequency_classes),
    N_SOURCES = N_LISTS + N_CLASSES + 2,
};

static void
source_paths(const char *dir, char **paths)
{
    for (gsize l = 0; l < N_LISTS; l++)
        paths[l] = g_build_filename(dir, word_lists[l].name, NULL);
    for (gsize c = 0; c < N_CLASSES; c++)
        paths[N_LISTS + c] = g_build_filename(dir, "scowl", frequency_classes[c].name, NULL);
    paths[N_SOURCES - 2] = g_build_filename(dir, "en_GB.dic", NULL);
    paths[N_SOURCES - 1] = g_strdup("/usr/share/hunspell/en_GB.dic");
}

static ost_dict *
build(char *const *paths)
{
    table t;
    table_init(&t);
    word_list lists[G_N_ELEMENTS(word_lists)];
    gsize n = 0;
    for (gsize l = 0; l < G_N_ELEMENTS(word_lists); l++) {
        if (read_list(&lists[n], paths[l], word_lists[l].tier, FALSE))
            n++;
    }
    if (n > 0)
        load_lists(&t, lists, n);
    for (gsize i = 0; i < n; i++)
        g_free(lists[i].data);
    for (gsize c = 0; c < N_CLASSES; c++) {
        word_list class_list;
        if (read_list(&class_list, paths[N_LISTS + c], frequency_classes[c].tier, FALSE)) {
            load_lists(&t, &class_list, 1);
            g_free(class_list.data);
        }
    }
    word_list hunspell;
    if (read_list(&hunspell, paths[N_SOURCES - 2], 1, TRUE) ||
        read_list(&hunspell, paths[N_SOURCES - 1], 1, TRUE)) {
        load_lists(&t, &hunspell, 1);
        g_free(hunspell.data);
    }
    return table_finish(&t);
}

/* Building the table from the lists is most of a small document's work,
 * so the table is kept on disk, keyed by the lists it came from. */
static gpointer
load(gpointer unused)
{
    const char *dir = dict_dir();
    if (dir == NULL) {
        table t;
        table_init(&t);
        return table_finish(&t);
    }
    char *paths[N_SOURCES];
    source_paths(dir, paths);
    char *key = __ost_dict_cache_key((const char *const *)paths, N_SOURCES);
    char *cache = __ost_dict_cache_path(dir);
    ost_dict *d = __ost_dict_cache_load(cache, key);
    if (d == NULL) {
        d = build(paths);
        if (d->n > 0)
            __ost_dict_cache_save(cache, key, d);
    }
    g_free(cache);
    g_free(key);
    for (gsize i = 0; i < N_SOURCES; i++)
        g_free(paths[i]);
    return d;
}

const ost_dict *
__ost_dict_get(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, load, NULL);
}

int
__ost_dict_tier(const ost_dict *d, const char *w, gsize len)
{
    if (len == 0 || len > DICT_MAX_WORD)
        return 0;
    guint32 h = hash_word(w, len);
    const ost_dict_slot *s = &d->slots[find_slot(d->slots, d->mask, d->arena, w, len, h)];
    return s->off != 0 ? (int)(s->hash_tier & 7u) : 0;
}
