/* SPDX-License-Identifier: MIT */
#ifndef OST_TEMPORARY_PRIVATE_H
#define OST_TEMPORARY_PRIVATE_H

#include <glib.h>

/* Remove @path and everything below it; best effort, for ost's own folders. */
void __ost_remove_tree(const char *path);

#endif
