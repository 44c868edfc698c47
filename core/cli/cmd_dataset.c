/* SPDX-License-Identifier: MIT */
/* `ost dataset merge OUT SHARD...`: join the datasets that `convert
 * --dataset --shard I/N` made, checking every input is there once. */
#include "cli.h"
#include "dataset.h"

#include <string.h>

typedef struct shard {
    char *dir;
    char *generation;
    JsonObject *manifest;
} shard;

static void
shard_free(shard *s)
{
    g_free(s->dir);
    g_free(s->generation);
    if (s->manifest != NULL)
        json_object_unref(s->manifest);
    g_free(s);
}

static const char *
text_of(JsonObject *o, const char *member)
{
    return json_object_get_string_member_with_default(o, member, "");
}

/* Every shard of one run: the same inputs, version and options, N shards
 * numbered 0..N-1 each once. FALSE when reported. */
static gboolean
check_shards(GPtrArray *shards)
{
    const shard *first = g_ptr_array_index(shards, 0);
    JsonObject *s0 = json_object_get_object_member(first->manifest, "shard");
    if (s0 == NULL) {
        cli_error("%s: not a shard (made without --shard)", first->dir);
        return FALSE;
    }
    gint64 count = json_object_get_int_member(s0, "count");
    const shard **by_index = g_new0(const shard *, count);
    gboolean ok = TRUE;
    for (guint i = 0; i < shards->len; i++) {
        const shard *s = g_ptr_array_index(shards, i);
        JsonObject *si = json_object_get_object_member(s->manifest, "shard");
        const char *differs = NULL;
        if (si == NULL || json_object_get_int_member(si, "count") != count)
            differs = "number of shards";
        else if (strcmp(text_of(s->manifest, "inputs_digest"),
                        text_of(first->manifest, "inputs_digest")) != 0)
            differs = "inputs";
        else if (strcmp(text_of(s->manifest, "options"), text_of(first->manifest, "options")) != 0 ||
                 strcmp(text_of(s->manifest, "ost_version"),
                        text_of(first->manifest, "ost_version")) != 0)
            differs = "ost version or options";
        if (differs != NULL) {
            cli_error("%s and %s differ in their %s: shards of different runs", first->dir,
                      s->dir, differs);
            ok = FALSE;
            continue;
        }
        gint64 index = json_object_get_int_member(si, "index");
        if (index < 0 || index >= count)
            continue;
        if (by_index[index] != NULL) {
            cli_error("%s and %s are both shard %" G_GINT64_FORMAT, by_index[index]->dir, s->dir,
                      index);
            ok = FALSE;
        }
        by_index[index] = s;
    }
    for (gint64 i = 0; ok && i < count; i++)
        if (by_index[i] == NULL) {
            cli_error("shard %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " is missing", i, count);
            ok = FALSE;
        }
    g_free(by_index);
    return ok;
}

/* The inputs of every shard, each once, or NULL when reported. */
static GPtrArray *
gather_inputs(GPtrArray *shards, const dataset *out, GError **error)
{
    GPtrArray *entries = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
    GHashTable *seen = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = TRUE;
    for (guint i = 0; ok && i < shards->len; i++) {
        const shard *s = g_ptr_array_index(shards, i);
        JsonArray *inputs = json_object_get_array_member(s->manifest, "inputs");
        for (guint e = 0; ok && inputs != NULL && e < json_array_get_length(inputs); e++) {
            JsonObject *entry = json_array_get_object_element(inputs, e);
            const char *path = text_of(entry, "path");
            if (!g_hash_table_add(seen, (gpointer)path)) {
                g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                            "%s: input %s is in two shards", s->dir, path);
                ok = FALSE;
            } else {
                ok = dataset_carry_outputs(out, s->generation, entry, error);
                g_ptr_array_add(entries, json_object_ref(entry));
            }
        }
    }
    const shard *first = g_ptr_array_index(shards, 0);
    gint64 total = json_object_get_int_member(first->manifest, "inputs_total");
    if (ok && (gint64)entries->len != total) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "the shards hold %u inputs, but the run had %" G_GINT64_FORMAT,
                    entries->len, total);
        ok = FALSE;
    }
    g_hash_table_unref(seen);
    if (!ok)
        g_clear_pointer(&entries, g_ptr_array_unref);
    return entries;
}

static gboolean
merge(const char *out_dir, GPtrArray *shards, gboolean quiet, GError **error)
{
    dataset *out = dataset_open(out_dir, error);
    if (out == NULL)
        return FALSE;
    GPtrArray *entries = gather_inputs(shards, out, error);
    gboolean ok = entries != NULL;
    if (ok) {
        const shard *first = g_ptr_array_index(shards, 0);
        JsonObject *m = json_object_new();
        for (const char *const *k = (const char *const[]){"format", "ost_version", "options", NULL};
             *k != NULL; k++)
            json_object_set_string_member(m, *k, text_of(first->manifest, *k));
        json_object_set_null_member(m, "shard");
        json_object_set_int_member(m, "inputs_total", entries->len);
        json_object_set_string_member(m, "inputs_digest", text_of(first->manifest, "inputs_digest"));
        JsonArray *inputs = json_array_new();
        for (guint i = 0; i < entries->len; i++)
            json_array_add_object_element(inputs, json_object_ref(g_ptr_array_index(entries, i)));
        json_object_set_array_member(m, "inputs", inputs);
        JsonObject *previous = dataset_previous(out);
        gboolean all_redone = previous != NULL &&
                              strcmp(text_of(previous, "options"), text_of(m, "options")) != 0;
        ok = dataset_commit(out, m, all_redone, quiet, error);
        json_object_unref(m);
        g_ptr_array_unref(entries);
    }
    dataset_free(out);
    return ok;
}

int
cli_cmd_dataset(int argc, char **argv)
{
    gboolean quiet = FALSE;
    GOptionEntry entries[] = {
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Report only failures", NULL},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("merge OUT SHARD... - join shard datasets");
    g_option_context_add_main_entries(ctx, entries, NULL);
    g_option_context_set_description(ctx,
        "Each SHARD is a dataset made by 'ost convert --dataset SHARD --shard I/N'\n"
        "over the same inputs. OUT becomes (or is refreshed as) one dataset holding\n"
        "them all; every input must be in exactly one shard, and every shard there.\n");
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    if (!ok)
        return CLI_USAGE;
    if (argc < 4 || strcmp(argv[1], "merge") != 0) {
        cli_error("usage: ost dataset merge OUT SHARD... (see 'ost dataset --help')");
        return CLI_USAGE;
    }
    GPtrArray *shards = g_ptr_array_new_with_free_func((GDestroyNotify)shard_free);
    GError *error = NULL;
    for (int i = 3; i < argc && error == NULL; i++) {
        shard *s = g_new0(shard, 1);
        s->dir = g_strdup(argv[i]);
        s->manifest = dataset_read_manifest(argv[i], &s->generation, &error);
        g_ptr_array_add(shards, s);
    }
    int rc = CLI_SOME_FAILED;
    if (error == NULL && check_shards(shards) && merge(argv[2], shards, quiet, &error))
        rc = CLI_OK;
    if (error != NULL) {
        cli_error("%s", error->message);
        g_error_free(error);
    }
    g_ptr_array_unref(shards);
    return rc;
}
