/* SPDX-License-Identifier: MIT */
/* The dictionary's built table, kept in a file between runs and mapped back. */
#include "repair_private.h"

#include <string.h>

#include <glib/gstdio.h>

/* Bump whenever the layout or the way the table is built (hashing,
 * folding, tiers) changes. */
#define FORMAT_VERSION 1u
#define BYTE_ORDER_MARK 0x01020304u

static const char magic[8] = "OSTDICT\n";

/* The file: this header, the key (padded to 8 bytes), the slots, the
 * arena (padded to 8 bytes). */
typedef struct {
    char magic[8];
    guint32 version;
    guint32 byte_order;     /* BYTE_ORDER_MARK as the writer stored it */
    guint32 slot_size;
    guint32 key_len;
    guint32 mask, n, arena_len;
    guint32 reserved;
    guint64 checksum;       /* of the slots and the arena */
} header;

static gsize
pad8(gsize n)
{
    return (n + 7) & ~(gsize)7;
}

char *
__ost_dict_cache_path(const char *dict_dir)
{
    const char *dir = g_getenv("OST_CACHE_DIR");
    char *name = g_strdup_printf("dictionary-%08x.bin", g_str_hash(dict_dir));
    char *path = dir != NULL && *dir != '\0'
                     ? g_build_filename(dir, name, NULL)
                     : g_build_filename(g_get_user_cache_dir(), "ost", name, NULL);
    g_free(name);
    return path;
}

char *
__ost_dict_cache_key(const char *const *paths, gsize n)
{
    GString *key = g_string_new("ost " OST_VERSION "\n");
    for (gsize i = 0; i < n; i++) {
        GStatBuf st;
        if (g_stat(paths[i], &st) != 0) {
            g_string_append_printf(key, "%s -\n", paths[i]);
            continue;
        }
        g_string_append_printf(key, "%s %lld %lld.%09ld %llu\n", paths[i], (long long)st.st_size,
                               (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                               (unsigned long long)st.st_ino);
    }
    return g_string_free(key, FALSE);
}

/* A Fletcher-style sum of @len bytes (a multiple of 16) at @p, in two
 * lanes so that it runs at the speed of memory. */
static void
sum_words(const char *p, gsize len, guint64 sums[4])
{
    for (gsize i = 0; i < len; i += 16) {
        guint64 w[2];
        memcpy(w, p + i, 16);
        sums[0] += w[0];
        sums[1] += sums[0];
        sums[2] += w[1];
        sums[3] += sums[2];
    }
}

/* The checksum of a table, or FALSE when the table cannot be trusted for
 * lookups: a word out of the arena, a count of words that is not @n, the
 * arena's ends not NUL. */
static gboolean
check_table(const ost_dict *d, guint64 *checksum)
{
    if (d->arena_len < DICT_MAX_WORD + 2 || d->arena[0] != '\0')
        return FALSE;
    const guchar *pad = (const guchar *)d->arena + d->arena_len - (DICT_MAX_WORD + 1);
    for (int i = 0; i <= DICT_MAX_WORD; i++)
        if (pad[i] != 0)
            return FALSE;
    guint32 last = 0, words = 0;
    for (guint64 i = 0; i <= d->mask; i++) {
        last = MAX(last, d->slots[i].off);
        words += d->slots[i].off != 0;
    }
    if (words != d->n || (guint64)last + DICT_MAX_WORD > d->arena_len)
        return FALSE;
    /* At least two slots, so a whole number of 16 bytes; the arena's
     * padding in the file is zeros, which change no sum. */
    guint64 sums[4] = {1, 0, 1, 0};
    sum_words((const char *)d->slots, ((gsize)d->mask + 1) * sizeof(ost_dict_slot), sums);
    gsize whole = d->arena_len & ~(gsize)15;
    sum_words(d->arena, whole, sums);
    char tail[16] = {0};
    memcpy(tail, d->arena + whole, d->arena_len - whole);
    sum_words(tail, 16, sums);
    *checksum = sums[0] ^ (sums[1] << 1 | sums[1] >> 63) ^ (sums[2] << 2 | sums[2] >> 62) ^
                (sums[3] << 3 | sums[3] >> 61);
    return TRUE;
}

ost_dict *
__ost_dict_cache_load(const char *path, const char *key)
{
    GMappedFile *file = g_mapped_file_new(path, FALSE, NULL);
    if (file == NULL)
        return NULL;
    const char *data = g_mapped_file_get_contents(file);
    gsize len = g_mapped_file_get_length(file), key_len = strlen(key);
    header h;
    if (len < sizeof h)
        goto bad;
    memcpy(&h, data, sizeof h);
    if (memcmp(h.magic, magic, sizeof magic) != 0 || h.version != FORMAT_VERSION ||
        h.byte_order != BYTE_ORDER_MARK || h.slot_size != sizeof(ost_dict_slot) ||
        h.key_len != key_len || (h.mask & (h.mask + 1)) != 0 ||
        (guint64)h.n * 2 > (guint64)h.mask + 1)
        goto bad;
    gsize slots_at = sizeof h + pad8(key_len);
    gsize arena_at = slots_at + ((gsize)h.mask + 1) * sizeof(ost_dict_slot);
    if (arena_at + pad8(h.arena_len) != len || memcmp(data + sizeof h, key, key_len) != 0)
        goto bad;
    ost_dict *d = g_new0(ost_dict, 1);
    d->slots = (const ost_dict_slot *)(data + slots_at);
    d->mask = h.mask;
    d->n = h.n;
    d->arena = data + arena_at;
    d->arena_len = h.arena_len;
    d->file = file;
    guint64 checksum;
    if (check_table(d, &checksum) && checksum == h.checksum)
        return d;
    g_free(d);
bad:
    g_mapped_file_unref(file);
    return NULL;
}

void
__ost_dict_cache_save(const char *path, const char *key, const ost_dict *d)
{
    guint64 checksum;
    if (!check_table(d, &checksum))
        return;
    char *dir = g_path_get_dirname(path);
    int made = g_mkdir_with_parents(dir, 0700);
    g_free(dir);
    if (made != 0)
        return;
    header h = {.version = FORMAT_VERSION,
                .byte_order = BYTE_ORDER_MARK,
                .slot_size = sizeof(ost_dict_slot),
                .key_len = (guint32)strlen(key),
                .mask = d->mask,
                .n = d->n,
                .arena_len = d->arena_len,
                .checksum = checksum};
    memcpy(h.magic, magic, sizeof magic);
    gsize slots_len = ((gsize)d->mask + 1) * sizeof(ost_dict_slot);
    gsize slots_at = sizeof h + pad8(h.key_len), arena_at = slots_at + slots_len;
    gsize len = arena_at + pad8(d->arena_len);
    char *buf = g_malloc0(len);
    memcpy(buf, &h, sizeof h);
    memcpy(buf + sizeof h, key, h.key_len);
    memcpy(buf + slots_at, d->slots, slots_len);
    memcpy(buf + arena_at, d->arena, d->arena_len);
    /* CONSISTENT writes a temporary file and renames it over the old one:
     * a process that mapped the old file keeps it intact, and none ever
     * sees half a file. */
    g_file_set_contents_full(path, buf, (gssize)len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                             NULL);
    g_free(buf);
}
