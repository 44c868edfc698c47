/* SPDX-License-Identifier: MIT */
/* ost diff: what changed between two versions, at the level of the model. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* Exit codes of diff(1). */
enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1, DIFF_TROUBLE = 2 };

static gboolean
is_ost_json_name(const char *name)
{
    return g_str_has_suffix(name, ".json") || g_str_has_suffix(name, ".jsonl");
}

static gboolean
load_json(const char *path, GPtrArray *docs, GError **error)
{
    char *data = NULL;
    gsize len = 0;
    if (!ost_file_load(path, OST_MAX_INPUT_BYTES, (guint8 **)&data, &len, error)) {
        g_prefix_error(error, "%s: ", path);
        return FALSE;
    }
    GPtrArray *read = ost_docs_from_json(path, data, len, error);
    g_free(data);
    if (read == NULL)
        return FALSE;
    for (guint i = 0; i < read->len; i++)
        g_ptr_array_add(docs, g_steal_pointer(&read->pdata[i]));
    g_ptr_array_unref(read);
    return TRUE;
}

/* In a folder, JSON of another kind (a dataset's manifest, a report) is
 * not an output and is passed over; damaged JSON is still an error. */
static gboolean
skip_other_json(GError **error)
{
    if (!g_error_matches(*error, OST_ERROR, OST_ERR_UNSUPPORTED))
        return FALSE;
    g_clear_error(error);
    return TRUE;
}

static int
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every ost JSON output below @dir, in sorted order. */
static gboolean
load_dir(const char *dir, GPtrArray *docs, GError **error)
{
    GDir *d = g_dir_open(dir, 0, error);
    if (d == NULL)
        return FALSE;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (name[0] != '.')
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < names->len; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR))
            ok = load_dir(path, docs, error);
        else if (is_ost_json_name(path))
            ok = load_json(path, docs, error) || skip_other_json(error);
        g_free(path);
    }
    g_ptr_array_unref(names);
    return ok;
}

/* @path as documents: a folder of outputs, an ost JSON output, or an
 * input document converted now. */
static GPtrArray *
load(const ost_registry *reg, const char *path, GError **error)
{
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    gboolean ok;
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        ok = load_dir(path, docs, error);
        if (ok && docs->len == 0) {
            g_set_error(error, OST_ERROR, OST_ERR_EMPTY, "%s: no ost JSON outputs in this folder",
                        path);
            ok = FALSE;
        }
    } else if (is_ost_json_name(path)) {
        ok = load_json(path, docs, error);
    } else {
        ost_doc *doc = ost_read_file(reg, path, NULL, error);
        ok = doc != NULL;
        if (ok)
            g_ptr_array_add(docs, doc);
        else
            g_prefix_error(error, "%s: ", path);
    }
    if (!ok) {
        g_ptr_array_unref(docs);
        return NULL;
    }
    return docs;
}

int
cli_cmd_diff(int argc, char **argv)
{
    cli_common common = {0};
    gboolean as_json = FALSE;
    GOptionEntry entries[] = {
        {"json", 0, 0, G_OPTION_ARG_NONE, &as_json, "Report as JSON, for programs", NULL},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("OLD NEW");
    g_option_context_set_summary(
        ctx, "Compare two versions at the level of the model: two documents (converted\n"
             "now), two ost JSON outputs, or two folders of them. Standards are matched\n"
             "by reference and version; duties and KSBs are reported added, removed,\n"
             "reworded or moved (renumbered), and duty-to-KSB links that changed.\n"
             "Exit status: 0 the same, 1 different, 2 trouble.");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_add_common_options(ctx, &common);
    int status = DIFF_TROUBLE;
    if (!cli_parse(ctx, &argc, &argv))
        goto out;
    if (argc != 3) {
        cli_error("diff takes two arguments, OLD and NEW (see --help)");
        goto out;
    }
    ost_registry *reg = cli_open_registry(&common);
    GError *error = NULL;
    GPtrArray *old_docs = load(reg, argv[1], &error);
    GPtrArray *new_docs = old_docs != NULL ? load(reg, argv[2], &error) : NULL;
    if (new_docs != NULL) {
        GPtrArray *changes = ost_diff_docs((const ost_doc *const *)old_docs->pdata, old_docs->len,
                                           (const ost_doc *const *)new_docs->pdata,
                                           new_docs->len);
        GString *report = g_string_new(NULL);
        if (as_json)
            ost_diff_write_json(changes, report);
        else
            ost_diff_write_text(changes, report);
        fwrite(report->str, 1, report->len, stdout);
        status = fflush(stdout) == 0 ? (changes->len == 0 ? DIFF_SAME : DIFF_DIFFERENT)
                                     : DIFF_TROUBLE;
        g_string_free(report, TRUE);
        g_ptr_array_unref(changes);
    } else {
        cli_error("%s", error->message);
        g_error_free(error);
    }
    if (old_docs != NULL)
        g_ptr_array_unref(old_docs);
    if (new_docs != NULL)
        g_ptr_array_unref(new_docs);
    ost_registry_free(reg);
out:
    g_strfreev(common.plugin_dirs);
    g_option_context_free(ctx);
    return status;
}
