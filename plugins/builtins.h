/* SPDX-License-Identifier: MIT */
/* The plugins built into the ost tool and the tests. */
#ifndef OST_BUILTINS_H
#define OST_BUILTINS_H

#include <ost.h>

/**
 * Register every plugin built from this source tree. Plugins already found
 * on the search path keep precedence: call this after loading modules.
 * Failures are appended to @p problems (char*; may be NULL).
 */
void ost_builtins_register(ost_registry *reg, GPtrArray *problems);

#endif
