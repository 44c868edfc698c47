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

typedef struct {
    guint32 off;        /* into the arena, + 1; 0 = empty slot */
    guint32 hash_tier;  /* high bits of the hash | tier in the low 3 bits */
} slot;

struct ost_dict {
    GString *arena;     /* the folded words, each NUL-terminated */
    slot *slots;
    guint32 mask;
    guint32 n;
};

static guint32
hash_word(const char *w, gsize len)
{
    guint32 h = 2166136261u;
    for (gsize i = 0; i < len; i++)
        h = (h ^ (guchar)w[i]) * 16777619u;
    return h ^ (h >> 15);
}

static slot *
find_slot(slot *slots, guint32 mask, const GString *arena, const char *w, gsize len,
          guint32 h)
{
    for (guint32 i = (h >> 3) & mask;; i = (i + 1) & mask) {
        slot *s = &slots[i];
        if (s->off == 0)
            return s;
        if ((s->hash_tier & ~7u) == (h & ~7u)) {
            const char *k = arena->str + s->off - 1;
            if (memcmp(k, w, len) == 0 && k[len] == '\0')
                return s;
        }
    }
}

static void
grow(ost_dict *d)
{
    guint32 size = (d->mask + 1) * 2;
    slot *slots = g_new0(slot, size);
    for (guint32 i = 0; i <= d->mask; i++) {
        slot *old = &d->slots[i];
        if (old->off == 0)
            continue;
        const char *k = d->arena->str + old->off - 1;
        *find_slot(slots, size - 1, d->arena, k, strlen(k), old->hash_tier) = *old;
    }
    g_free(d->slots);
    d->slots = slots;
    d->mask = size - 1;
}

static void
insert(ost_dict *d, const char *w, gsize len, guint32 h, int tier)
{
    slot *s = find_slot(d->slots, d->mask, d->arena, w, len, h);
    if (s->off != 0) {
        if ((int)(s->hash_tier & 7u) < tier)
            s->hash_tier = (s->hash_tier & ~7u) | (guint32)tier;
        return;
    }
    s->off = (guint32)d->arena->len + 1;
    s->hash_tier = (h & ~7u) | (guint32)tier;
    g_string_append_len(d->arena, w, (gssize)len);
    g_string_append_c(d->arena, '\0');
    if (++d->n * 2 > d->mask)
        grow(d);
}

/* Inserting is bound by cache misses on the table: words go in batches
 * whose slots are fetched ahead. */
#define BATCH 32
#define MAX_WORD 64

typedef struct {
    char words[BATCH][MAX_WORD];
    gsize lens[BATCH];
    guint32 hashes[BATCH];
    int tiers[BATCH];
    int n;
    GString *folded;
} batch;

static void
flush(ost_dict *d, batch *b)
{
    for (int i = 0; i < b->n; i++) {
        b->hashes[i] = hash_word(b->words[i], b->lens[i]);
        __builtin_prefetch(&d->slots[(b->hashes[i] >> 3) & d->mask]);
    }
    for (int i = 0; i < b->n; i++)
        insert(d, b->words[i], b->lens[i], b->hashes[i], b->tiers[i]);
    b->n = 0;
}

/* Add the raw word @w, folded. */
static void
add(ost_dict *d, batch *b, const char *w, gsize len, int tier)
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
    if (len == 0 || len > MAX_WORD)
        return;
    char *dst = b->words[b->n];
    for (gsize i = 0; i < len; i++)
        dst[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    b->lens[b->n] = len;
    b->tiers[b->n++] = tier;
    if (b->n == BATCH)
        flush(d, b);
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
load_lists(ost_dict *d, word_list *lists, gsize n)
{
    batch *b = g_new(batch, 1);
    b->n = 0;
    b->folded = g_string_sized_new(MAX_WORD);
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
        add(d, b, w, len, tier);
    }
    for (gsize i = 0; i + 1 < n; i++) {
        for (gboolean more = live[i]; more; more = next_word(&lists[i], &heads[i], &head_lens[i]))
            add(d, b, heads[i], head_lens[i], lists[i].tier);
    }
    flush(d, b);
    g_string_free(b->folded, TRUE);
    g_free(b);
}

static ost_dict *
dict_new(void)
{
    ost_dict *d = g_new0(ost_dict, 1);
    d->arena = g_string_sized_new(8 << 20);
    d->mask = (1u << 20) - 1;
    d->slots = g_new0(slot, d->mask + 1);
    g_string_append_c(d->arena, '\0');
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

/* The hunspell stems come from the lists' folder or the system's. */
static gpointer
load(gpointer unused)
{
    const char *dir = dict_dir();
    ost_dict *d = dict_new();
    if (dir == NULL)
        return d;
    word_list lists[G_N_ELEMENTS(word_lists)];
    gsize n = 0;
    for (gsize l = 0; l < G_N_ELEMENTS(word_lists); l++) {
        char *path = g_build_filename(dir, word_lists[l].name, NULL);
        if (read_list(&lists[n], path, word_lists[l].tier, FALSE))
            n++;
        g_free(path);
    }
    if (n > 0)
        load_lists(d, lists, n);
    for (gsize i = 0; i < n; i++)
        g_free(lists[i].data);
    char *path = g_build_filename(dir, "en_GB.dic", NULL);
    word_list hunspell;
    if (read_list(&hunspell, path, 1, TRUE) ||
        read_list(&hunspell, "/usr/share/hunspell/en_GB.dic", 1, TRUE)) {
        load_lists(d, &hunspell, 1);
        g_free(hunspell.data);
    }
    g_free(path);
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
    if (len == 0 || len > MAX_WORD)
        return 0;
    guint32 h = hash_word(w, len);
    const slot *s = find_slot(d->slots, d->mask, d->arena, w, len, h);
    return s->off != 0 ? (int)(s->hash_tier & 7u) : 0;
}
