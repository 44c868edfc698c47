/* SPDX-License-Identifier: MIT */
/* The plugins built into the ost tool and the tests. */
#ifndef OST_BUILTINS_H
#define OST_BUILTINS_H

#include <ost.h>

/**
 * Register every plugin built from this source tree. Call it before loading
 * modules: the built-in plugins come first, and a module taking one of
 * their names is skipped. Failures are appended to @p problems (char*;
 * may be NULL).
 */
void ost_builtins_register(ost_registry *reg, GPtrArray *problems);

#endif
