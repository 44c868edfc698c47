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
 * @brief Check @p desc and run its init. A plugin whose name is already
 * registered is skipped (the first one found wins) and OST_OK returned.
 * @param origin where it came from: "built-in" or the module's path.
 */
OST_API ost_status ost_registry_add_plugin(ost_registry *reg,
                                           const ost_plugin_desc *desc,
                                           const char *origin, GError **error);

/** @brief Called by a plugin's init to add a reader (borrowed; static). */
OST_API ost_status ost_registry_add_reader(ost_registry *reg,
                                           const ost_reader_info *reader);
/** @brief Called by a plugin's init to add a writer (borrowed; static). */
OST_API ost_status ost_registry_add_writer(ost_registry *reg,
                                           const ost_writer_info *writer);

/**
 * @brief Load one module file: open it with GModule, find its descriptor,
 * refuse it on an ABI mismatch or a missing descriptor.
 */
OST_API ost_status ost_registry_load_module(ost_registry *reg, const char *path,
                                            GError **error);

/**
 * @brief Load every module in @p dir (a missing directory is not an error).
 * Modules that fail are reported through @p problems (char* messages, may
 * be NULL) and skipped.
 * @return the number of modules loaded.
 */
OST_API guint ost_registry_load_dir(ost_registry *reg, const char *dir,
                                    GPtrArray *problems);

/**
 * @brief Load plugins from the search path, in order: @p dirs (from
 * --plugin-dir, may be NULL), then OST_PLUGIN_PATH, then the install
 * directory.
 */
OST_API void ost_registry_load_search_path(ost_registry *reg,
                                           const char *const *dirs,
                                           GPtrArray *problems);

/** @brief The install directory compiled in. */
OST_API const char *ost_registry_install_dir(void);

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
