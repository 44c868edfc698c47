/* SPDX-License-Identifier: MIT */
/* Running a batch's conversions in parallel while reporting in input order. */
#include "batch.h"

typedef struct batch {
    const batch_callbacks *cb;
    gpointer user;
    GAsyncQueue *done;   /* index + 1 of each finished item */
} batch;

static void
worker(gpointer data, gpointer user)
{
    batch *b = user;
    guint index = GPOINTER_TO_UINT(data) - 1;
    b->cb->work(index, b->user);
    g_async_queue_push(b->done, data);
}

void
batch_run(guint n, guint n_threads, const batch_callbacks *cb, gpointer user)
{
    if (n_threads <= 1 || n <= 1) {
        for (guint i = 0; i < n; i++) {
            cb->work(i, user);
            cb->finished(i, i + 1, user);
            cb->in_order(i, user);
        }
        return;
    }
    batch b = {cb, user, g_async_queue_new()};
    GThreadPool *pool = g_thread_pool_new(worker, &b, (gint)MIN(n_threads, n), TRUE, NULL);
    for (guint i = 0; i < n; i++)
        g_thread_pool_push(pool, GUINT_TO_POINTER(i + 1), NULL);
    gboolean *finished = g_new0(gboolean, n);
    guint next = 0;
    for (guint count = 1; count <= n; count++) {
        guint index = GPOINTER_TO_UINT(g_async_queue_pop(b.done)) - 1;
        finished[index] = TRUE;
        cb->finished(index, count, user);
        while (next < n && finished[next])
            cb->in_order(next++, user);
    }
    g_thread_pool_free(pool, FALSE, TRUE);
    g_async_queue_unref(b.done);
    g_free(finished);
}
