/* SPDX-License-Identifier: MIT */
/* The registry of readers and writers, and reader bidding. */
#include "registry_private.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* The tables of ABI 2.0, the oldest this ost reads: everything before the
 * first field ABI 2.1 added. */
#define READER_SIZE_2_0 offsetof(ost_reader_info, url)
#define WRITER_SIZE_2_0 offsetof(ost_writer_info, url)

typedef struct entry {
    const void *info;       /* ost_reader_info* or ost_writer_info*, full size */
    const char *name;       /* the table's */
    const char *origin;     /* interned */
} entry;

typedef struct searched_dir {
    char *path;
    gboolean found;
} searched_dir;

struct ost_registry {
    GArray *readers;        /* entry */
    GArray *writers;        /* entry */
    GHashTable *plugins;    /* plugin name -> interned origin */
    GPtrArray *modules;     /* GModule*, closed on free */
    GPtrArray *grown;       /* full-size copies of older, shorter tables */
    GPtrArray *problems;    /* char*: what was skipped, and why */
    GArray *dirs;           /* searched_dir, in the order searched */
    const char *adding_origin; /* origin of the plugin whose init is running */
    ost_registry_loading_func loading;
    gpointer loading_data;
};

static void
close_module(gpointer module)
{
    g_module_close(module);
}

ost_registry *
ost_registry_new(void)
{
    ost_registry *reg = g_new0(ost_registry, 1);
    reg->readers = g_array_new(FALSE, TRUE, sizeof(entry));
    reg->writers = g_array_new(FALSE, TRUE, sizeof(entry));
    reg->plugins = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    reg->modules = g_ptr_array_new_with_free_func(close_module);
    reg->grown = g_ptr_array_new_with_free_func(g_free);
    reg->problems = g_ptr_array_new_with_free_func(g_free);
    reg->dirs = g_array_new(FALSE, TRUE, sizeof(searched_dir));
    return reg;
}

void
ost_registry_free(ost_registry *reg)
{
    if (reg == NULL)
        return;
    g_array_unref(reg->readers);
    g_array_unref(reg->writers);
    g_hash_table_unref(reg->plugins);
    g_ptr_array_unref(reg->modules);
    g_ptr_array_unref(reg->grown);
    g_ptr_array_unref(reg->problems);
    for (guint i = 0; i < reg->dirs->len; i++)
        g_free(g_array_index(reg->dirs, searched_dir, i).path);
    g_array_unref(reg->dirs);
    g_free(reg);
}

void
__ost_registry_note(ost_registry *reg, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    g_ptr_array_add(reg->problems, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

const GPtrArray *
ost_registry_problems(const ost_registry *reg)
{
    return reg->problems;
}

void
__ost_registry_searched(ost_registry *reg, const char *dir, gboolean found)
{
    searched_dir d = {g_strdup(dir), found};
    g_array_append_val(reg->dirs, d);
}

guint
ost_registry_n_dirs(const ost_registry *reg)
{
    return reg->dirs->len;
}

const char *
ost_registry_dir_at(const ost_registry *reg, guint i, gboolean *found)
{
    if (i >= reg->dirs->len)
        return NULL;
    searched_dir d = g_array_index(reg->dirs, searched_dir, i);
    if (found != NULL)
        *found = d.found;
    return d.path;
}

void
ost_registry_set_loading_func(ost_registry *reg, ost_registry_loading_func func,
                              gpointer data)
{
    reg->loading = func;
    reg->loading_data = data;
}

void
__ost_registry_loading(const ost_registry *reg, const char *path)
{
    if (reg->loading != NULL)
        reg->loading(path, reg->loading_data);
}

void
__ost_registry_keep_module(ost_registry *reg, GModule *module)
{
    g_ptr_array_add(reg->modules, module);
}

const char *
__ost_registry_plugin_origin(const ost_registry *reg, const char *name)
{
    return g_hash_table_lookup(reg->plugins, name);
}

static gboolean
valid_plugin_name(const char *name)
{
    if (name == NULL || *name == '\0')
        return FALSE;
    for (const char *p = name; *p; p++)
        if (!g_ascii_islower(*p) && !g_ascii_isdigit(*p) && *p != '_')
            return FALSE;
    return TRUE;
}

/* Whether a plugin built for @p desc's ABI can be used; if not, why. */
static gboolean
abi_supported(const ost_plugin_desc *desc, const char *origin, GError **error)
{
    if (desc->abi_major == OST_PLUGIN_ABI_MAJOR && desc->abi_minor <= OST_PLUGIN_ABI_MINOR)
        return TRUE;
    /* Only the first fields are the same in every ABI: the name may be
     * read, nothing after it. */
    g_set_error(error, OST_ERROR, OST_ERR_PLUGIN,
                "%s: plugin \"%s\" is built for plugin ABI %u.%u, but this ost takes "
                "%u.0 to %u.%u; rebuild the plugin against this ost",
                origin, valid_plugin_name(desc->name) ? desc->name : "?", desc->abi_major,
                desc->abi_minor, (unsigned)OST_PLUGIN_ABI_MAJOR, (unsigned)OST_PLUGIN_ABI_MAJOR,
                (unsigned)OST_PLUGIN_ABI_MINOR);
    return FALSE;
}

ost_status
ost_registry_add_plugin(ost_registry *reg, const ost_plugin_desc *desc,
                        const char *origin, GError **error)
{
    if (desc == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN, "%s: no plugin descriptor", origin);
        return OST_ERR_PLUGIN;
    }
    if (!abi_supported(desc, origin, error))
        return OST_ERR_PLUGIN;
    if (!valid_plugin_name(desc->name) || desc->init == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN,
                    "%s: plugin descriptor lacks a valid name or init function", origin);
        return OST_ERR_PLUGIN;
    }
    const char *first = g_hash_table_lookup(reg->plugins, desc->name);
    if (first != NULL) {
        g_set_error(error, OST_ERROR, OST_WARNING,
                    "%s: plugin \"%s\" is already loaded from %s; this one is skipped",
                    origin, desc->name, first);
        return OST_WARNING;
    }

    guint n_readers = reg->readers->len, n_writers = reg->writers->len;
    reg->adding_origin = g_intern_string(origin);
    ost_status st = desc->init(reg, error);
    reg->adding_origin = NULL;
    if (st != OST_OK && error != NULL && *error == NULL)
        g_set_error(error, OST_ERROR, st, "%s: plugin %s: %s", origin, desc->name,
                    ost_strerror(st));
    if (ost_status_grade(st) > OST_GRADE_WARNING) {
        /* A failed plugin's module is closed: nothing of it may stay. */
        g_array_set_size(reg->readers, n_readers);
        g_array_set_size(reg->writers, n_writers);
        return st;
    }
    g_hash_table_insert(reg->plugins, g_strdup(desc->name), (gpointer)g_intern_string(origin));
    return st;
}

static const char *
origin_now(const ost_registry *reg)
{
    return reg->adding_origin != NULL ? reg->adding_origin : "application";
}

/* @p table as the registry keeps it: itself when it is as long as this
 * ost's, else a copy whose missing fields are NULL or 0. NULL when it is
 * too short to be a table of this ABI. */
static const void *
full_table(ost_registry *reg, const void *table, gsize size, gsize oldest, gsize current,
           const char *kind, const char *name)
{
    if (size >= current)
        return table;
    if (size < oldest) {
        __ost_registry_note(reg,
                            "%s: %s \"%s\" has a table of %" G_GSIZE_FORMAT " bytes, "
                            "shorter than plugin ABI %u.0's (is its .size set?); skipped",
                            origin_now(reg), kind, name, size, (unsigned)OST_PLUGIN_ABI_MAJOR);
        return NULL;
    }
    void *copy = g_malloc0(current);
    memcpy(copy, table, size);
    g_ptr_array_add(reg->grown, copy);
    return copy;
}

/* Add @p info to @p list unless an entry of that name is there: a clash is
 * reported, and the first one stays. */
static ost_status
add_entry(ost_registry *reg, GArray *list, const void *info, const char *name,
          const char *kind)
{
    for (guint i = 0; i < list->len; i++) {
        entry e = g_array_index(list, entry, i);
        if (g_ascii_strcasecmp(e.name, name) == 0) {
            __ost_registry_note(reg, "%s: %s \"%s\" is already registered from %s; skipped",
                                origin_now(reg), kind, name, e.origin);
            return OST_WARNING;
        }
    }
    entry e = {info, name, origin_now(reg)};
    g_array_append_val(list, e);
    return OST_OK;
}

ost_status
ost_registry_add_reader(ost_registry *reg, const ost_reader_info *reader)
{
    if (reader == NULL || reader->name == NULL)
        return OST_ERR_INVALID_ARG;
    const ost_reader_info *full = full_table(reg, reader, reader->size, READER_SIZE_2_0,
                                             sizeof *reader, "reader", reader->name);
    if (full == NULL)
        return OST_ERR_PLUGIN;
    if (full->read == NULL)
        return OST_ERR_INVALID_ARG;
    return add_entry(reg, reg->readers, full, full->name, "reader");
}

ost_status
ost_registry_add_writer(ost_registry *reg, const ost_writer_info *writer)
{
    if (writer == NULL || writer->name == NULL)
        return OST_ERR_INVALID_ARG;
    const ost_writer_info *full = full_table(reg, writer, writer->size, WRITER_SIZE_2_0,
                                             sizeof *writer, "writer", writer->name);
    if (full == NULL)
        return OST_ERR_PLUGIN;
    if (full->write == NULL)
        return OST_ERR_INVALID_ARG;
    return add_entry(reg, reg->writers, full, full->name, "writer");
}

const ost_reader_info *
ost_registry_find_reader(const ost_registry *reg, const char *name)
{
    for (guint i = 0; i < reg->readers->len; i++) {
        const ost_reader_info *r = g_array_index(reg->readers, entry, i).info;
        if (g_ascii_strcasecmp(r->name, name) == 0)
            return r;
    }
    return NULL;
}

const ost_writer_info *
ost_registry_find_writer(const ost_registry *reg, const char *name)
{
    for (guint i = 0; i < reg->writers->len; i++) {
        const ost_writer_info *w = g_array_index(reg->writers, entry, i).info;
        if (g_ascii_strcasecmp(w->name, name) == 0)
            return w;
    }
    return NULL;
}

const ost_writer_info *
ost_registry_writer_for_extension(const ost_registry *reg, const char *ext)
{
    for (guint i = 0; i < reg->writers->len; i++) {
        const ost_writer_info *w = g_array_index(reg->writers, entry, i).info;
        if (w->extension != NULL && g_ascii_strcasecmp(w->extension, ext) == 0)
            return w;
    }
    return NULL;
}

const ost_reader_info *
ost_registry_best_reader(const ost_registry *reg, const ost_input *in, int *bid_out)
{
    const ost_reader_info *best = NULL;
    int best_bid = OST_BID_NONE;
    for (guint i = 0; i < reg->readers->len; i++) {
        const ost_reader_info *r = g_array_index(reg->readers, entry, i).info;
        if (r->bid == NULL)
            continue;
        int bid = r->bid(in);
        if (bid > best_bid) {
            best_bid = bid;
            best = r;
        }
    }
    if (bid_out != NULL)
        *bid_out = best_bid;
    return best;
}

guint
ost_registry_n_readers(const ost_registry *reg)
{
    return reg->readers->len;
}

guint
ost_registry_n_writers(const ost_registry *reg)
{
    return reg->writers->len;
}

const ost_reader_info *
ost_registry_reader_at(const ost_registry *reg, guint i, const char **origin)
{
    if (i >= reg->readers->len)
        return NULL;
    entry e = g_array_index(reg->readers, entry, i);
    if (origin != NULL)
        *origin = e.origin;
    return e.info;
}

const ost_writer_info *
ost_registry_writer_at(const ost_registry *reg, guint i, const char **origin)
{
    if (i >= reg->writers->len)
        return NULL;
    entry e = g_array_index(reg->writers, entry, i);
    if (origin != NULL)
        *origin = e.origin;
    return e.info;
}
