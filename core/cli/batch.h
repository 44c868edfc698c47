/* SPDX-License-Identifier: MIT */
/* Running a batch's conversions in parallel while reporting in input order. */
#ifndef OST_CLI_BATCH_H
#define OST_CLI_BATCH_H

#include <glib.h>

typedef struct batch_callbacks {
    /* Runs on a worker thread (or the caller's, with one thread). */
    void (*work)(guint index, gpointer user);
    /* Runs on the calling thread as each item finishes, in any order. */
    void (*finished)(guint index, guint n_finished, gpointer user);
    /* Runs on the calling thread in index order, once an item and all
     * before it have finished: reports read the same whatever the timing. */
    void (*in_order)(guint index, gpointer user);
} batch_callbacks;

/* Process items 0..n-1 with up to @n_threads threads. */
void batch_run(guint n, guint n_threads, const batch_callbacks *cb, gpointer user);

#endif
