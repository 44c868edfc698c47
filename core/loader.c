/* SPDX-License-Identifier: MIT */
/* Finding and loading plugin modules with GModule. */
#include "registry_private.h"

#include <string.h>

#define MODULE_PREFIX "ost-"

/* "…/ost-json.so" -> "ost_plugin_json_get_desc": the descriptor symbol is
 * named after the file, so several plugins can share one process without
 * their symbols colliding (GStreamer does the same). */
static char *
descriptor_symbol(const char *path)
{
    char *base = g_path_get_basename(path);
    char *stem = base;
    if (g_str_has_prefix(stem, MODULE_PREFIX))
        stem += strlen(MODULE_PREFIX);
    char *dot = strchr(stem, '.');
    if (dot != NULL)
        *dot = '\0';
    for (char *p = stem; *p; p++)
        if (*p == '-')
            *p = '_';
    char *sym = g_strdup_printf("ost_plugin_%s_get_desc", stem);
    g_free(base);
    return sym;
}

ost_status
ost_registry_load_module(ost_registry *reg, const char *path, GError **error)
{
    GModule *module = g_module_open(path, G_MODULE_BIND_LOCAL | G_MODULE_BIND_LAZY);
    if (module == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN, "%s: cannot open module: %s",
                    path, g_module_error());
        return OST_ERR_PLUGIN;
    }
    char *sym = descriptor_symbol(path);
    const ost_plugin_desc *(*get_desc)(void) = NULL;
    gboolean found = g_module_symbol(module, sym, (gpointer *)&get_desc) && get_desc != NULL;
    if (!found) {
        g_set_error(error, OST_ERROR, OST_ERR_PLUGIN,
                    "%s: not an ost plugin (no %s symbol)", path, sym);
        g_free(sym);
        g_module_close(module);
        return OST_ERR_PLUGIN;
    }
    g_free(sym);
    const ost_plugin_desc *desc = get_desc();
    gboolean already = desc != NULL && desc->abi == OST_PLUGIN_ABI && desc->name != NULL &&
                       __ost_registry_has_plugin(reg, desc->name);
    ost_status st = ost_registry_add_plugin(reg, desc, path, error);
    if (st != OST_OK || already) {
        g_module_close(module);
        return st;
    }
    __ost_registry_keep_module(reg, module);
    return OST_OK;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

guint
ost_registry_load_dir(ost_registry *reg, const char *dir, GPtrArray *problems)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return 0;
    /* Sorted, so that which module wins a name clash does not depend on the
     * order the file system lists them in. */
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(name, MODULE_PREFIX) && g_str_has_suffix(name, "." G_MODULE_SUFFIX))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);

    guint loaded = 0;
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        GError *error = NULL;
        if (ost_registry_load_module(reg, path, &error) == OST_OK)
            loaded++;
        else {
            if (problems != NULL)
                g_ptr_array_add(problems, g_strdup(error->message));
            g_error_free(error);
        }
        g_free(path);
    }
    g_ptr_array_unref(names);
    return loaded;
}

const char *
ost_registry_install_dir(void)
{
    return OST_PLUGINDIR;
}

void
ost_registry_load_search_path(ost_registry *reg, const char *const *dirs, GPtrArray *problems)
{
    for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
        ost_registry_load_dir(reg, dirs[i], problems);
    const char *env = g_getenv(OST_PLUGIN_PATH_ENV);
    if (env != NULL && *env != '\0') {
        char **parts = g_strsplit(env, G_SEARCHPATH_SEPARATOR_S, -1);
        for (guint i = 0; parts[i] != NULL; i++)
            if (*parts[i] != '\0')
                ost_registry_load_dir(reg, parts[i], problems);
        g_strfreev(parts);
    }
    ost_registry_load_dir(reg, ost_registry_install_dir(), problems);
}
