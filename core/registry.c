/* SPDX-License-Identifier: MIT */
/* The registry of readers and writers, and reader bidding. */
#include "registry_private.h"

#include <string.h>

typedef struct entry {
    const void *info;       /* ost_reader_info* or ost_writer_info* */
    const char *origin;     /* interned */
} entry;

struct ost_registry {
    GArray *readers;        /* entry */
    GArray *writers;        /* entry */
    GHashTable *plugins;    /* plugin name -> interned origin */
    GPtrArray *modules;     /* GModule*, closed on free */
    const char *adding_origin; /* origin of the plugin whose init is running */
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
    g_free(reg);
}

void
__ost_registry_keep_module(ost_registry *reg, GModule *module)
{
    g_ptr_array_add(reg->modules, module);
}

gboolean
__ost_registry_has_plugin(const ost_registry *reg, const char *name)
{
    return g_hash_table_contains(reg->plugins, name);
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

ost_status
ost_registry_add_plugin(ost_registry *reg, const ost_plugin_desc *desc,
                        const char *origin, GError **error)
{
    if (desc == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN, "%s: no plugin descriptor", origin);
        return OST_ERR_PLUGIN;
    }
    if (desc->abi != OST_PLUGIN_ABI) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN,
                    "%s: plugin ABI version %u, but this ost needs %u; rebuild the plugin",
                    origin, desc->abi, (unsigned)OST_PLUGIN_ABI);
        return OST_ERR_PLUGIN;
    }
    if (!valid_plugin_name(desc->name) || desc->init == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN,
                    "%s: plugin descriptor lacks a valid name or init function", origin);
        return OST_ERR_PLUGIN;
    }
    if (g_hash_table_contains(reg->plugins, desc->name))
        return OST_OK;

    reg->adding_origin = g_intern_string(origin);
    ost_status st = desc->init(reg, error);
    reg->adding_origin = NULL;
    if (st != OST_OK) {
        if (error != NULL && *error == NULL)
            g_set_error(error, OST_ERROR, st, "%s: plugin %s failed to initialise: %s",
                        origin, desc->name, ost_strerror(st));
        return st;
    }
    g_hash_table_insert(reg->plugins, g_strdup(desc->name), (gpointer)g_intern_string(origin));
    return OST_OK;
}

static const char *
origin_now(const ost_registry *reg)
{
    return reg->adding_origin != NULL ? reg->adding_origin : "application";
}

ost_status
ost_registry_add_reader(ost_registry *reg, const ost_reader_info *reader)
{
    if (reader == NULL || reader->name == NULL || reader->read == NULL)
        return OST_ERR_INVALID_ARG;
    if (ost_registry_find_reader(reg, reader->name) != NULL)
        return OST_OK;
    entry e = {reader, origin_now(reg)};
    g_array_append_val(reg->readers, e);
    return OST_OK;
}

ost_status
ost_registry_add_writer(ost_registry *reg, const ost_writer_info *writer)
{
    if (writer == NULL || writer->name == NULL || writer->write == NULL)
        return OST_ERR_INVALID_ARG;
    if (ost_registry_find_writer(reg, writer->name) != NULL)
        return OST_OK;
    entry e = {writer, origin_now(reg)};
    g_array_append_val(reg->writers, e);
    return OST_OK;
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
