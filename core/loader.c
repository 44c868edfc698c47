/* SPDX-License-Identifier: MIT */
/* Finding and loading plugin modules with GModule. */
#define _GNU_SOURCE /* dladdr: where libost itself was loaded from */
#include "registry_private.h"

#include <dlfcn.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#define MODULE_PREFIX "ost-"
#define MODULE_SUFFIX "." G_MODULE_SUFFIX

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

/* A plugin's own code runs while it loads (constructors, get_desc, init).
 * If it dies of a signal there, the user would otherwise see only
 * "Segmentation fault" and no idea which of the modules on the path to
 * remove; the handler names it, then lets the signal take its course. */
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static struct sigaction saved_actions[G_N_ELEMENTS(fatal_signals)];
static char crash_message[4096];
static size_t crash_message_len;

static void
on_fatal_signal(int sig)
{
    ssize_t ignored = write(STDERR_FILENO, crash_message, crash_message_len);
    (void)ignored;
    for (gsize i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
        sigaction(fatal_signals[i], &saved_actions[i], NULL);
    raise(sig);
}

static void
guard_module(const char *path)
{
    int n = g_snprintf(crash_message, sizeof crash_message,
                       "ost: plugin module %s crashed while loading\n", path);
    crash_message_len = MIN((size_t)n, sizeof crash_message - 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (gsize i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
        sigaction(fatal_signals[i], &sa, &saved_actions[i]);
}

static void
unguard_module(void)
{
    for (gsize i = 0; i < G_N_ELEMENTS(fatal_signals); i++)
        sigaction(fatal_signals[i], &saved_actions[i], NULL);
}

static ost_status
open_module(ost_registry *reg, const char *path, GError **error)
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
    ost_status st = ost_registry_add_plugin(reg, desc, path, error);
    /* A plugin refused or skipped as a duplicate registered nothing: its
     * code can go. */
    if (ost_status_grade(st) <= OST_GRADE_WARNING &&
        __ost_registry_plugin_origin(reg, desc->name) == g_intern_string(path))
        __ost_registry_keep_module(reg, module);
    else
        g_module_close(module);
    return st;
}

ost_status
ost_registry_load_module(ost_registry *reg, const char *path, GError **error)
{
    __ost_registry_loading(reg, path);
    guard_module(path);
    ost_status st = open_module(reg, path, error);
    unguard_module();
    return st;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

guint
ost_registry_load_dir(ost_registry *reg, const char *dir)
{
    GError *error = NULL;
    GDir *d = g_dir_open(dir, 0, &error);
    __ost_registry_searched(reg, dir, d != NULL);
    if (d == NULL) {
        __ost_registry_note(reg, "plugin folder %s: %s", dir, error->message);
        g_error_free(error);
        return 0;
    }
    /* Sorted, so that which module wins a name clash does not depend on the
     * order the file system lists them in. */
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        if (!g_str_has_suffix(name, MODULE_SUFFIX))
            continue;
        if (g_str_has_prefix(name, MODULE_PREFIX))
            g_ptr_array_add(names, g_strdup(name));
        else
            __ost_registry_note(reg, "%s/%s: skipped, plugin module names start with \""
                                MODULE_PREFIX "\"", dir, name);
    }
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);

    guint loaded = 0;
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        ost_status st = ost_registry_load_module(reg, path, &error);
        if (st == OST_OK)
            loaded++;
        if (error != NULL) {
            __ost_registry_note(reg, "%s", error->message);
            g_clear_error(&error);
        }
        g_free(path);
    }
    g_ptr_array_unref(names);
    return loaded;
}

static gpointer
find_install_dir(gpointer unused)
{
    Dl_info info;
    if (dladdr((void *)ost_registry_install_dir, &info) == 0 || info.dli_fname == NULL)
        return g_strdup(OST_PLUGINDIR);
    char *libdir = g_path_get_dirname(info.dli_fname);
    char *dir = g_build_filename(libdir, "ost", "plugins", NULL);
    char *canonical = g_canonicalize_filename(dir, NULL);
    g_free(dir);
    g_free(libdir);
    return canonical;
}

const char *
ost_registry_install_dir(void)
{
    static GOnce once = G_ONCE_INIT;
    return g_once(&once, find_install_dir, NULL);
}

char **
ost_registry_search_path(const char *const *dirs)
{
    GPtrArray *path = g_ptr_array_new();
    for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
        g_ptr_array_add(path, g_strdup(dirs[i]));
    const char *env = g_getenv(OST_PLUGIN_PATH_ENV);
    if (env != NULL && *env != '\0') {
        char **parts = g_strsplit(env, G_SEARCHPATH_SEPARATOR_S, -1);
        for (guint i = 0; parts[i] != NULL; i++)
            if (*parts[i] != '\0')
                g_ptr_array_add(path, g_strdup(parts[i]));
        g_strfreev(parts);
    }
    g_ptr_array_add(path, g_strdup(ost_registry_install_dir()));
    g_ptr_array_add(path, NULL);
    return (char **)g_ptr_array_free(path, FALSE);
}

void
ost_registry_load_search_path(ost_registry *reg, const char *const *dirs)
{
    char **path = ost_registry_search_path(dirs);
    for (guint i = 0; path[i] != NULL; i++) {
        /* The install folder is there only when something installed it. */
        if (path[i + 1] == NULL && !g_file_test(path[i], G_FILE_TEST_IS_DIR))
            __ost_registry_searched(reg, path[i], FALSE);
        else
            ost_registry_load_dir(reg, path[i]);
    }
    g_strfreev(path);
}
