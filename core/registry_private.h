/* SPDX-License-Identifier: MIT */
/* What the loader needs of the registry beyond the public API. */
#ifndef OST_REGISTRY_PRIVATE_H
#define OST_REGISTRY_PRIVATE_H

#include <gmodule.h>
#include <ost/registry.h>

/* The registry closes @module when it is freed. */
void __ost_registry_keep_module(ost_registry *reg, GModule *module);
/* Where the plugin named @name was registered from (interned), or NULL. */
const char *__ost_registry_plugin_origin(const ost_registry *reg, const char *name);
/* Add a message to ost_registry_problems(). */
void __ost_registry_note(ost_registry *reg, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Record that @dir was searched for modules (and whether it exists). */
void __ost_registry_searched(ost_registry *reg, const char *dir, gboolean found);
/* Tell the loading function, if any, that @path is about to be loaded. */
void __ost_registry_loading(const ost_registry *reg, const char *path);

#endif
