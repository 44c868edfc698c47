/* SPDX-License-Identifier: MIT */
/* Shards: a fixed part of the inputs for each of N machines or jobs. */
#include "shard.h"

#include <string.h>

static gint
compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(((const input *)*(void *const *)a)->relative,
                  ((const input *)*(void *const *)b)->relative);
}

static guint32
path_hash(const char *path)
{
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *)path, -1);
    guint8 digest[32];
    gsize len = sizeof digest;
    g_checksum_get_digest(sum, digest, &len);
    g_checksum_free(sum);
    return (guint32)digest[0] << 24 | (guint32)digest[1] << 16 | (guint32)digest[2] << 8 |
           digest[3];
}

void
shard_keep(GPtrArray *inputs, guint index, guint count)
{
    for (guint i = inputs->len; i-- > 0;) {
        const input *in = g_ptr_array_index(inputs, i);
        if (path_hash(in->relative) % count != index)
            g_ptr_array_remove_index(inputs, i);
    }
}

char *
shard_inputs_digest(const GPtrArray *inputs)
{
    GPtrArray *sorted = g_ptr_array_sized_new(inputs->len);
    for (guint i = 0; i < inputs->len; i++)
        g_ptr_array_add(sorted, g_ptr_array_index(inputs, i));
    g_ptr_array_sort(sorted, compare_paths);
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    for (guint i = 0; i < sorted->len; i++) {
        const char *path = ((const input *)g_ptr_array_index(sorted, i))->relative;
        /* With the terminating NUL: no two lists run together the same. */
        g_checksum_update(sum, (const guchar *)path, (gssize)strlen(path) + 1);
    }
    char *hex = g_strdup(g_checksum_get_string(sum));
    g_checksum_free(sum);
    g_ptr_array_unref(sorted);
    return hex;
}

gboolean
shard_parse(const char *spec, guint *index, guint *count, GError **error)
{
    const char *slash = strchr(spec, '/');
    guint64 n = 0, i = 0;
    if (slash == NULL || !g_ascii_string_to_unsigned(slash + 1, 10, 1, G_MAXUINT32, &n, NULL)) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "--shard takes I/N, with N at least 1 (got \"%s\")", spec);
        return FALSE;
    }
    char *first = g_strndup(spec, (gsize)(slash - spec));
    const char *digits = first;
    if (strcmp(first, "env") == 0) {
        digits = g_getenv("SLURM_ARRAY_TASK_ID");
        if (digits == NULL)
            digits = g_getenv("JOB_COMPLETION_INDEX");
        if (digits == NULL) {
            g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                        "--shard env/N needs $SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX");
            g_free(first);
            return FALSE;
        }
    }
    gboolean ok = g_ascii_string_to_unsigned(digits, 10, 0, n - 1, &i, NULL);
    if (!ok)
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "--shard %s: the shard number must be from 0 to %" G_GUINT64_FORMAT
                    " (got \"%s\")", spec, n - 1, digits);
    g_free(first);
    *index = (guint)i;
    *count = (guint)n;
    return ok;
}
