/* SPDX-License-Identifier: MIT */
/* `ost convert --dataset DIR`: a new generation holding what changed,
 * converted, and what did not, carried over. */
#include "cli.h"
#include "batch.h"
#include "convert.h"
#include "dataset.h"
#include "output_path.h"
#include "progress.h"

#include <string.h>

/* What became of one input; filled on a worker thread. */
typedef struct item {
    char *sha256;       /* NULL when the input could not be read */
    gint64 size;
    JsonObject *carried;   /* the previous entry, when its outputs were carried over */
    char *output;       /* relative to the generation, when converted */
    ost_doc *doc;       /* when converted, until reported */
    GError *error;
} item;

typedef struct dataset_state {
    const convert_run *run;
    dataset *ds;
    char *options;
    gboolean all_redone;
    item *items;
    JsonArray *entries;
    guint converted, carried, failed;
} dataset_state;

static gboolean
carry_over(dataset_state *st, const input *in, item *it)
{
    JsonObject *before = dataset_previous_entry(st->ds, in->relative);
    if (before == NULL || st->all_redone ||
        g_strcmp0(json_object_get_string_member_with_default(before, "sha256", NULL),
                  it->sha256) != 0)
        return FALSE;
    /* A carried output that has gone missing is made again. */
    if (!dataset_carry_outputs(st->ds, dataset_current_dir(st->ds), before, NULL))
        return FALSE;
    it->carried = before;
    return TRUE;
}

static void
convert_one(dataset_state *st, const input *in, item *it)
{
    ost_doc *doc = input_convert(st->run->reg, in, st->run->o->from, &it->error);
    if (doc == NULL)
        return;
    char *name = output_name_for(in->relative, st->run->writer);
    it->output = g_build_filename("outputs", name, NULL);
    char *path = dataset_output_path(st->ds, name);
    if (convert_write(st->run->writer, (const ost_doc *const *)&doc, 1, 0, path, &it->error))
        it->doc = doc;
    else {
        g_clear_pointer(&it->output, g_free);
        ost_doc_free(doc);
    }
    g_free(path);
    g_free(name);
}

static void
dataset_work(guint i, gpointer user)
{
    dataset_state *st = user;
    const input *in = g_ptr_array_index(st->run->inputs, i);
    item *it = &st->items[i];
    it->sha256 = input_hash(in, &it->size, &it->error);
    if (it->sha256 != NULL && !carry_over(st, in, it))
        convert_one(st, in, it);
}

static void
dataset_finished(guint i, guint n_finished, gpointer user)
{
    dataset_state *st = user;
    progress_update(n_finished, ((const input *)g_ptr_array_index(st->run->inputs, i))->recorded);
}

static JsonObject *
new_entry(const dataset_state *st, const input *in, const item *it)
{
    JsonObject *e = json_object_new();
    json_object_set_string_member(e, "path", in->relative);
    json_object_set_string_member(e, "source", in->recorded);
    if (it->sha256 != NULL) {
        json_object_set_int_member(e, "size", it->size);
        json_object_set_string_member(e, "sha256", it->sha256);
    } else {
        json_object_set_null_member(e, "size");
        json_object_set_null_member(e, "sha256");
    }
    json_object_set_string_member(e, "ost_version", OST_VERSION);
    json_object_set_string_member(e, "options", st->options);
    JsonArray *outputs = json_array_new();
    if (it->output != NULL)
        json_array_add_string_element(outputs, it->output);
    json_object_set_array_member(e, "outputs", outputs);
    json_object_set_string_member(e, "status", it->error == NULL ? "ok" : "failed");
    if (it->error != NULL)
        json_object_set_string_member(e, "error", it->error->message);
    else
        json_object_set_null_member(e, "error");
    json_object_set_int_member(e, "warnings", it->doc != NULL ? it->doc->source.warnings->len : 0);
    return e;
}

static void
dataset_report(guint i, gpointer user)
{
    dataset_state *st = user;
    const input *in = g_ptr_array_index(st->run->inputs, i);
    item *it = &st->items[i];
    JsonObject *entry;
    if (it->carried != NULL) {
        st->carried++;
        entry = json_object_ref(it->carried);
        if (json_object_get_null_member(entry, "error") == FALSE) {
            st->failed++;
            cli_error("%s: %s (unchanged, not converted again)", in->recorded,
                      json_object_get_string_member(entry, "error"));
        }
    } else {
        entry = new_entry(st, in, it);
        if (it->error != NULL) {
            st->failed++;
            cli_error("%s: %s", in->recorded, it->error->message);
        } else {
            st->converted++;
            convert_report_document(st->run->o, in, it->doc, it->output);
        }
        g_clear_pointer(&it->doc, ost_doc_free);
    }
    json_array_add_object_element(st->entries, entry);
}

static const batch_callbacks dataset_callbacks = {dataset_work, dataset_finished, dataset_report};

static JsonObject *
build_manifest(const dataset_state *st)
{
    const convert_run *run = st->run;
    JsonObject *m = json_object_new();
    json_object_set_string_member(m, "format", "ost-dataset 1");
    json_object_set_string_member(m, "ost_version", OST_VERSION);
    json_object_set_string_member(m, "options", st->options);
    if (run->o->shard != NULL) {
        JsonObject *shard = json_object_new();
        json_object_set_int_member(shard, "index", run->shard_index);
        json_object_set_int_member(shard, "count", run->shard_count);
        json_object_set_object_member(m, "shard", shard);
    } else {
        json_object_set_null_member(m, "shard");
    }
    json_object_set_int_member(m, "inputs_total", run->inputs_total);
    json_object_set_string_member(m, "inputs_digest", run->inputs_digest);
    json_object_set_array_member(m, "inputs", json_array_ref(st->entries));
    return m;
}

/* Whether the previous generation was made by another version of ost or
 * with other options: then every input is converted again. */
static gboolean
made_differently(JsonObject *previous, const char *options)
{
    return previous != NULL &&
           (g_strcmp0(json_object_get_string_member_with_default(previous, "ost_version", NULL),
                      OST_VERSION) != 0 ||
            g_strcmp0(json_object_get_string_member_with_default(previous, "options", NULL),
                      options) != 0);
}

int
convert_dataset(const convert_run *run)
{
    GError *error = NULL;
    dataset *ds = dataset_open(run->o->dataset, &error);
    if (ds == NULL) {
        cli_error("%s", error->message);
        g_error_free(error);
        return CLI_SOME_FAILED;
    }
    dataset_state st = {run, ds, NULL, FALSE, g_new0(item, run->inputs->len), json_array_new(),
                        0, 0, 0};
    st.options = g_strdup_printf("--from %s --to %s", run->o->from != NULL ? run->o->from : "auto",
                                 run->writer->name);
    st.all_redone = made_differently(dataset_previous(ds), st.options);
    progress_start(run->inputs->len, !run->o->quiet);
    batch_run(run->inputs->len, run->n_threads, &dataset_callbacks, &st);
    progress_end();
    JsonObject *manifest = build_manifest(&st);
    int rc = st.failed > 0 ? CLI_SOME_FAILED : CLI_OK;
    if (!dataset_commit(ds, manifest, st.all_redone, run->o->quiet, &error)) {
        cli_error("%s", error->message);
        g_error_free(error);
        rc = CLI_SOME_FAILED;
    }
    json_object_unref(manifest);
    for (guint i = 0; i < run->inputs->len; i++) {
        g_free(st.items[i].sha256);
        g_free(st.items[i].output);
        g_clear_error(&st.items[i].error);
    }
    g_free(st.items);
    json_array_unref(st.entries);
    g_free(st.options);
    dataset_free(ds);
    return rc;
}
