/* SPDX-License-Identifier: MIT */
/* What the loader needs of the registry beyond the public API. */
#ifndef OST_REGISTRY_PRIVATE_H
#define OST_REGISTRY_PRIVATE_H

#include <gmodule.h>
#include <ost/registry.h>

/* The registry closes @module when it is freed. */
void __ost_registry_keep_module(ost_registry *reg, GModule *module);
gboolean __ost_registry_has_plugin(const ost_registry *reg, const char *name);

#endif
