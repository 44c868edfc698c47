/* SPDX-License-Identifier: MIT */
/* Benchmark: the table writers (CSV, JSON Lines, SQLite) and ost diff on a
 * dataset of N documents (default 2,000), copies of the samples' reviewed
 * outputs; time per writer and for a diff after 20 documents changed. */
#include <ost.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "builtins.h"

/* The reviewed outputs in @dir, each copied until there are @n documents
 * with distinct paths. */
static GPtrArray *
dataset(const char *dir, guint n)
{
    GPtrArray *seeds = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        if (!g_str_has_suffix(name, ".json"))
            continue;
        char *path = g_build_filename(dir, name, NULL), *text = NULL;
        gsize len = 0;
        if (g_file_get_contents(path, &text, &len, NULL)) {
            GPtrArray *docs = ost_docs_from_json(path, text, len, NULL);
            if (docs != NULL)
                g_ptr_array_add(seeds, docs);
        }
        g_free(text);
        g_free(path);
    }
    if (d != NULL)
        g_dir_close(d);
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    if (seeds->len == 0)
        return out;
    GByteArray *json = g_byte_array_new();
    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    const ost_writer_info *w = ost_registry_find_writer(reg, "json");
    /* Copies through JSON: the model has no deep copy, and this is setup. */
    for (guint i = 0; out->len < n; i++) {
        GPtrArray *seed = g_ptr_array_index(seeds, i % seeds->len);
        g_byte_array_set_size(json, 0);
        w->write((const ost_doc *const *)seed->pdata, seed->len, 0, json, NULL);
        GPtrArray *copy = ost_docs_from_json("copy", (const char *)json->data, json->len, NULL);
        ost_doc *doc = g_ptr_array_steal_index(copy, 0);
        char *path = g_strdup_printf("set/%04u/%s", i, doc->source.path);
        ost_set_str(&doc->source.path, path);
        g_free(path);
        g_ptr_array_add(out, doc);
        g_ptr_array_unref(copy);
    }
    g_byte_array_unref(json);
    ost_registry_free(reg);
    g_ptr_array_unref(seeds);
    return out;
}

static ost_status
count_bytes(void *user, const char *name, const guint8 *data, gsize len, GError **error)
{
    *(gsize *)user += len;
    return OST_OK;
}

static double
now(void)
{
    return g_get_monotonic_time() / 1e6;
}

int
main(int argc, char **argv)
{
    guint n = argc > 1 ? (guint)atoi(argv[1]) : 2000;
    const char *dir = argc > 2 ? argv[2] : "samples/expected";
    GPtrArray *docs = dataset(dir, n);
    if (docs->len == 0) {
        fprintf(stderr, "usage: tables_bench [N] [DIR of ost JSON outputs]\n");
        return 2;
    }
    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    const ost_doc *const *d = (const ost_doc *const *)docs->pdata;
    static const char *const writers[] = {"json", "jsonl", "sqlite", "csv"};
    for (gsize i = 0; i < G_N_ELEMENTS(writers); i++) {
        const ost_writer_info *w = ost_registry_find_writer(reg, writers[i]);
        gsize bytes = 0;
        double t0 = now();
        if (w->write_files != NULL) {
            const ost_file_sink sink = {count_bytes, &bytes};
            w->write_files(d, docs->len, OST_WRITE_COMBINED, &sink, NULL);
        } else {
            GByteArray *out = g_byte_array_new();
            w->write(d, docs->len, OST_WRITE_COMBINED, out, NULL);
            bytes = out->len;
            g_byte_array_unref(out);
        }
        printf("%-7s %u documents: %7.3f s, %6.1f MB\n", writers[i], docs->len, now() - t0,
               bytes / 1e6);
    }
    /* 20 documents revised: a duty reworded in each standard among them. */
    GPtrArray *revised = dataset(dir, n);
    guint changed = 0;
    for (guint i = 0; i < revised->len && changed < 20; i++) {
        ost_doc *doc = g_ptr_array_index(revised, i);
        if (doc->standards->len == 0)
            continue;
        ost_standard *s = g_ptr_array_index(doc->standards, 0);
        if (s->duties->len == 0)
            continue;
        ost_duty *duty = g_ptr_array_index(s->duties, 0);
        char *text = g_strconcat(duty->text, " Revised.", NULL);
        ost_set_str(&duty->text, text);
        g_free(text);
        changed++;
    }
    double t0 = now();
    GPtrArray *changes = ost_diff_docs(d, docs->len, (const ost_doc *const *)revised->pdata,
                                       revised->len);
    printf("diff    %u documents, %u revised: %7.3f s, %u changes\n", docs->len, changed,
           now() - t0, changes->len);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
    g_ptr_array_unref(changes);
    g_ptr_array_unref(revised);
    g_ptr_array_unref(docs);
    ost_registry_free(reg);
    return 0;
}
