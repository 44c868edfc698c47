/* SPDX-License-Identifier: MIT */
/* The plugin registry: built-in and loadable plugins, bidding. */
#ifndef OST_REGISTRY_H
#define OST_REGISTRY_H

#include <ost/plugin.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Environment variable holding extra plugin directories. */
#define OST_PLUGIN_PATH_ENV "OST_PLUGIN_PATH"

OST_API ost_registry *ost_registry_new(void);
/** @brief Free the registry and close the modules it loaded. NULL is fine. */
OST_API void ost_registry_free(ost_registry *reg);

/**
 * @brief Check @p desc and run its init.
 * @param origin where it came from: "built-in" or the module's path.
 * @return OST_OK; OST_WARNING when a plugin of that name is already
 * registered (the first one stays) or its init warned, with @p error set;
 * OST_ERR_PLUGIN when its ABI or descriptor is unusable, or the status its
 * init failed with.
 */
OST_API ost_status ost_registry_add_plugin(ost_registry *reg,
                                           const ost_plugin_desc *desc,
                                           const char *origin, GError **error);

/**
 * @brief Called by a plugin's init to add a reader (borrowed; static).
 * A table shorter than this ost's (a plugin built for an older minor ABI)
 * is read as if its missing fields were NULL or 0.
 * @return OST_OK; OST_WARNING when a reader of that name is already there
 * (reported in ost_registry_problems(), the first one stays);
 * OST_ERR_PLUGIN when the table is too short for this ABI.
 */
OST_API ost_status ost_registry_add_reader(ost_registry *reg,
                                           const ost_reader_info *reader);
/** @brief Called by a plugin's init to add a writer; as for readers. */
OST_API ost_status ost_registry_add_writer(ost_registry *reg,
                                           const ost_writer_info *writer);

/**
 * @brief Load one module file: open it with GModule, find its descriptor,
 * refuse it on an ABI mismatch or a missing descriptor. A fatal signal in
 * the module's code while it loads is reported with the module's path
 * before the process dies.
 */
OST_API ost_status ost_registry_load_module(ost_registry *reg, const char *path,
                                            GError **error);

/**
 * @brief Load every module `ost-NAME.so` in @p dir, in name order. A missing
 * folder, modules that fail and other files skipped for their name are
 * reported in ost_registry_problems().
 * @return the number of modules loaded.
 */
OST_API guint ost_registry_load_dir(ost_registry *reg, const char *dir);

/**
 * @brief The plugin search path, in order: @p dirs (from --plugin-dir, may
 * be NULL), then the folders in OST_PLUGIN_PATH, then the install folder.
 * @return a NULL-terminated list; free with g_strfreev().
 */
OST_API char **ost_registry_search_path(const char *const *dirs);

/**
 * @brief Load plugins from every folder of ost_registry_search_path(). A
 * missing install folder is only noted in ost_registry_dir_at(); other
 * missing folders are problems.
 */
OST_API void ost_registry_load_search_path(ost_registry *reg,
                                           const char *const *dirs);

/**
 * @brief The install folder for plugins, `<libdir>/ost/plugins`, found
 * beside the libost the process runs with (so an installed tree can be
 * moved), else the one configured at build time.
 */
OST_API const char *ost_registry_install_dir(void);

/** @brief Messages (char*) about plugins and modules that were skipped. */
OST_API const GPtrArray *ost_registry_problems(const ost_registry *reg);

/** @brief How many folders were searched for modules. */
OST_API guint ost_registry_n_dirs(const ost_registry *reg);
/** @brief The i-th folder searched; @p found (may be NULL) says if it exists. */
OST_API const char *ost_registry_dir_at(const ost_registry *reg, guint i,
                                        gboolean *found);

/** Called with a module's path just before it is opened. */
typedef void (*ost_registry_loading_func)(const char *path, gpointer data);
/** @brief Have @p func called before each module is loaded (NULL: none). */
OST_API void ost_registry_set_loading_func(ost_registry *reg,
                                           ost_registry_loading_func func,
                                           gpointer data);

OST_API const ost_reader_info *ost_registry_find_reader(const ost_registry *reg,
                                                        const char *name);
OST_API const ost_writer_info *ost_registry_find_writer(const ost_registry *reg,
                                                        const char *name);
/** @brief The writer whose extension is @p ext, or NULL. */
OST_API const ost_writer_info *ost_registry_writer_for_extension(
    const ost_registry *reg, const char *ext);

/**
 * @brief Ask every reader to bid on @p in.
 * @return the highest bidder, or NULL when none bids; @p bid_out (may be
 * NULL) gets its bid.
 */
OST_API const ost_reader_info *ost_registry_best_reader(const ost_registry *reg,
                                                        const ost_input *in,
                                                        int *bid_out);

OST_API guint ost_registry_n_readers(const ost_registry *reg);
OST_API guint ost_registry_n_writers(const ost_registry *reg);
/** @brief The i-th reader in registration order; @p origin gets its source. */
OST_API const ost_reader_info *ost_registry_reader_at(const ost_registry *reg,
                                                      guint i,
                                                      const char **origin);
OST_API const ost_writer_info *ost_registry_writer_at(const ost_registry *reg,
                                                      guint i,
                                                      const char **origin);

#ifdef __cplusplus
}
#endif
#endif
