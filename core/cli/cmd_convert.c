/* SPDX-License-Identifier: MIT */
/* `ost convert`: files and folders in, one output each or one dataset. */
#include "cli.h"
#include "batch.h"
#include "convert.h"
#include "output_path.h"
#include "output_write.h"
#include "progress.h"
#include "shard.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

gboolean
convert_write(const ost_writer_info *writer, const ost_doc *const *docs, gsize n, guint flags,
              const char *path, GError **error)
{
    if (writer->flags & OST_WRITER_FOLDER) {
        ost_status st = ost_write_folder(writer, docs, n, flags, path, error);
        if (st != OST_OK && error != NULL && *error == NULL)
            g_set_error(error, OST_ERROR, st, "%s", ost_strerror(st));
        return st == OST_OK;
    }
    GByteArray *bytes = g_byte_array_new();
    ost_status st = writer->write(docs, n, flags, bytes, error);
    if (st != OST_OK && error != NULL && *error == NULL)
        g_set_error(error, OST_ERROR, st, "%s", ost_strerror(st));
    gboolean ok = st == OST_OK && output_write(path, bytes, error);
    g_byte_array_unref(bytes);
    return ok;
}

void
convert_report_document(const convert_opts *o, const input *in, const ost_doc *doc,
                        const char *out)
{
    if (!o->verbose)
        return;
    cli_error("%s: %s (%s), %u repairs, %u warnings%s%s", in->recorded,
              doc->source.document_type, doc->source.format, doc->source.repairs->len,
              doc->source.warnings->len, out != NULL ? " -> " : "", out != NULL ? out : "");
    for (guint i = 0; i < doc->source.warnings->len; i++) {
        const ost_warning *w = g_ptr_array_index(doc->source.warnings, i);
        cli_error("  warning: %s%s%s", w->where != NULL ? w->where : "",
                  w->where != NULL ? ": " : "", w->message);
    }
}

/* What became of one input; filled on a worker thread, reported in order. */
typedef struct outcome {
    char *out_path;     /* NULL when combining */
    ost_doc *doc;
    GError *error;
} outcome;

typedef struct batch_state {
    const convert_run *run;
    outcome *outcomes;
    guint converted;
    guint failed;
} batch_state;

/* Read one input; with an output path, also serialise and write it. */
static void
convert_work(guint i, gpointer user)
{
    batch_state *st = user;
    const input *in = g_ptr_array_index(st->run->inputs, i);
    outcome *r = &st->outcomes[i];
    r->doc = input_convert(st->run->reg, in, st->run->o->from, &r->error);
    if (r->doc == NULL || r->out_path == NULL)
        return;
    if (!convert_write(st->run->writer, (const ost_doc *const *)&r->doc, 1, 0, r->out_path,
                       &r->error)) {
        ost_doc_free(r->doc);
        r->doc = NULL;
    }
}

static void
convert_finished(guint i, guint n_finished, gpointer user)
{
    batch_state *st = user;
    progress_update(n_finished, ((const input *)g_ptr_array_index(st->run->inputs, i))->recorded);
}

static void
convert_report(guint i, gpointer user)
{
    batch_state *st = user;
    const input *in = g_ptr_array_index(st->run->inputs, i);
    outcome *r = &st->outcomes[i];
    if (r->doc != NULL) {
        st->converted++;
        convert_report_document(st->run->o, in, r->doc, r->out_path);
    } else {
        st->failed++;
        cli_error("%s: %s%s", in->recorded, r->error->message,
                  r->out_path == NULL ? " (left out of the dataset)" : "");
    }
    /* A combined dataset needs every document until it is written. */
    if (r->out_path != NULL) {
        ost_doc_free(r->doc);
        r->doc = NULL;
    }
}

static const batch_callbacks convert_callbacks = {convert_work, convert_finished, convert_report};

static void
run_batch(batch_state *st)
{
    progress_start(st->run->inputs->len, !st->run->o->quiet);
    batch_run(st->run->inputs->len, st->run->n_threads, &convert_callbacks, st);
    progress_end();
}

/* Clean the temporaries a killed run left in each output folder. */
static void
remove_strays_beside(char *const *paths, guint n)
{
    GHashTable *dirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < n; i++)
        if (paths[i] != NULL && strcmp(paths[i], "-") != 0)
            g_hash_table_add(dirs, g_path_get_dirname(paths[i]));
    GHashTableIter it;
    gpointer dir;
    g_hash_table_iter_init(&it, dirs);
    while (g_hash_table_iter_next(&it, &dir, NULL))
        output_remove_strays(dir);
    g_hash_table_unref(dirs);
}

static int
convert_each(batch_state *st, output_kind kind)
{
    const convert_run *run = st->run;
    const convert_opts *o = run->o;
    guint n = run->inputs->len;
    gboolean single = kind != OUTPUT_FOLDER && n == 1;
    const char *out_dir = kind == OUTPUT_FOLDER ? o->output : ".";
    char **paths = g_new0(char *, n + 1);
    for (guint i = 0; i < n; i++) {
        const input *in = g_ptr_array_index(run->inputs, i);
        if (single) {
            paths[i] = g_strdup(o->output != NULL ? o->output : "-");
        } else {
            char *name = output_name_for(in->relative, run->writer);
            paths[i] = g_build_filename(out_dir, name, NULL);
            g_free(name);
        }
    }
    /* Every output name is settled, and checked, before anything is written. */
    if (!output_check_clashes(run->inputs, paths)) {
        g_strfreev(paths);
        return CLI_USAGE;
    }
    remove_strays_beside(paths, n);
    for (guint i = 0; i < n; i++)
        st->outcomes[i].out_path = g_steal_pointer(&paths[i]);
    g_free(paths);
    run_batch(st);
    if (!o->quiet && n > 1)
        cli_error("converted %u of %u inputs to %s in %s%s", st->converted,
                  st->converted + st->failed, run->writer->name, out_dir,
                  st->failed > 0 ? "; failures listed above" : "");
    return st->failed > 0 ? CLI_SOME_FAILED : CLI_OK;
}

static int
convert_combined(batch_state *st)
{
    const convert_opts *o = st->run->o;
    const char *out = o->output != NULL ? o->output : "-";
    remove_strays_beside((char *const *)&out, 1);
    run_batch(st);
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    for (guint i = 0; i < st->run->inputs->len; i++)
        if (st->outcomes[i].doc != NULL)
            g_ptr_array_add(docs, g_steal_pointer(&st->outcomes[i].doc));
    GError *error = NULL;
    int rc = st->failed > 0 ? CLI_SOME_FAILED : CLI_OK;
    if (convert_write(st->run->writer, (const ost_doc *const *)docs->pdata, docs->len,
                      OST_WRITE_COMBINED, out, &error)) {
        if (!o->quiet)
            cli_error("wrote %u of %u inputs to %s", docs->len, st->converted + st->failed,
                      out);
    } else {
        cli_error("%s: %s", out, error->message);
        g_error_free(error);
        rc = CLI_SOME_FAILED;
    }
    g_ptr_array_unref(docs);
    return rc;
}

static int
convert_files(const convert_run *run, output_kind kind)
{
    batch_state st = {run, g_new0(outcome, run->inputs->len), 0, 0};
    int rc = run->o->combine ? convert_combined(&st) : convert_each(&st, kind);
    for (guint i = 0; i < run->inputs->len; i++) {
        g_free(st.outcomes[i].out_path);
        ost_doc_free(st.outcomes[i].doc);
        g_clear_error(&st.outcomes[i].error);
    }
    g_free(st.outcomes);
    return rc;
}

static gboolean
has_argument(char **args, int n, const char *wanted, int *count)
{
    *count = 0;
    for (int i = 0; i < n; i++)
        if (strcmp(args[i], wanted) == 0)
            (*count)++;
    return *count > 0;
}

/* Usage errors that need no input read: FALSE when reported. */
static gboolean
check_usage(const convert_opts *o, char **args, int n_args, output_kind *kind)
{
    int n_stdin;
    gboolean reads_stdin = has_argument(args, n_args, "-", &n_stdin);
    if (n_stdin > 1) {
        cli_error("standard input ('-') can be read only once");
        return FALSE;
    }
    if (o->name != NULL && !reads_stdin) {
        cli_error("--name names standard input, which is not an INPUT here ('-')");
        return FALSE;
    }
    if (o->jobs < 0) {
        cli_error("-j needs a positive number of jobs");
        return FALSE;
    }
    *kind = output_kind_of(o->output);
    if (o->dataset != NULL) {
        if (o->output != NULL || o->combine) {
            cli_error("--dataset keeps its outputs in its folder: no -o or --combine with it");
            return FALSE;
        }
        return TRUE;
    }
    gboolean several = n_args > 1 || g_file_test(args[0], G_FILE_TEST_IS_DIR);
    if (several && !o->combine && *kind == OUTPUT_STDOUT && o->output != NULL) {
        cli_error("several inputs give several outputs: -o must name a folder, or use --combine");
        return FALSE;
    }
    if (several && !o->combine && *kind == OUTPUT_FILE) {
        /* A new name with no extension is taken as a folder to make. */
        const char *base = strrchr(o->output, G_DIR_SEPARATOR);
        base = base != NULL ? base + 1 : o->output;
        if (strchr(base, '.') != NULL || g_file_test(o->output, G_FILE_TEST_EXISTS)) {
            cli_error("%s: several inputs give several outputs: -o must name a folder "
                      "(end it with '/'), or use --combine", o->output);
            return FALSE;
        }
        *kind = OUTPUT_FOLDER;
    }
    if (o->combine && *kind == OUTPUT_FOLDER) {
        cli_error("%s: --combine writes one file, and this is a folder", o->output);
        return FALSE;
    }
    return TRUE;
}

static int
convert_inputs(convert_run *run, char **args, int n_args, output_kind kind)
{
    const convert_opts *o = run->o;
    int failures = 0;
    run->inputs = input_collect(run->reg, args, n_args, o->name != NULL ? o->name : "stdin",
                                &failures);
    run->inputs_total = run->inputs->len;
    run->inputs_digest = shard_inputs_digest(run->inputs);
    if (o->shard != NULL)
        shard_keep(run->inputs, run->shard_index, run->shard_count);
    gboolean to_stdout = kind == OUTPUT_STDOUT && o->dataset == NULL;
    if (to_stdout && (run->writer->flags & OST_WRITER_FOLDER)) {
        cli_error("%s output is a folder of files; name it with -o", run->writer->name);
        return CLI_USAGE;
    }
    if (to_stdout && (run->writer->flags & OST_WRITER_BINARY) && isatty(fileno(stdout))) {
        cli_error("%s output is binary; name an output file with -o", run->writer->name);
        return CLI_USAGE;
    }
    if (run->inputs_total == 0 && failures == 0) {
        cli_error("no input files found");
        return CLI_SOME_FAILED;
    }
    int rc = o->dataset != NULL ? convert_dataset(run) : convert_files(run, kind);
    return rc == CLI_OK && failures > 0 ? CLI_SOME_FAILED : rc;
}

int
cli_cmd_convert(int argc, char **argv)
{
    cli_common common = {0};
    convert_opts o = {0};
    GOptionEntry entries[] = {
        {"from", 'f', 0, G_OPTION_ARG_STRING, &o.from, "Input plugin (default: detect from content)", "NAME"},
        {"to", 't', 0, G_OPTION_ARG_STRING, &o.to, "Output plugin (default: from -o's extension, else json)", "NAME"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Output file for one input ('-' for stdout, the default); output folder for several", "PATH"},
        {"combine", 0, 0, G_OPTION_ARG_NONE, &o.combine, "Write all inputs into one dataset", NULL},
        {"dataset", 0, 0, G_OPTION_ARG_FILENAME, &o.dataset,
         "Keep the outputs and a manifest in DIR, converting only what is new or changed", "DIR"},
        {"shard", 0, 0, G_OPTION_ARG_STRING, &o.shard,
         "With --dataset: convert only shard I of N (0 <= I < N; 'env/N' takes I from "
         "$SLURM_ARRAY_TASK_ID or $JOB_COMPLETION_INDEX)", "I/N"},
        {"name", 0, 0, G_OPTION_ARG_FILENAME, &o.name,
         "The path to record for standard input ('-')", "PATH"},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "Report only failures", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, "Report each document and its warnings", NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, "Convert N inputs at a time (default: one per processor)", "N"},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("INPUT... - convert standards documents");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_add_common_options(ctx, &common);
    g_option_context_set_description(ctx,
        "INPUT is a file, a folder (walked recursively for files with a known\n"
        "input extension) or '-' for standard input. A bad input is reported as\n"
        "'file: reason' and skipped.\n"
        "\n"
        "Outputs mirror the inputs, as 'cp -r' lays them out: one INPUT's files go\n"
        "below -o as they sit below it; with several, each INPUT's go below its own\n"
        "name. Two inputs that would share an output are an error, before anything\n"
        "is written. -o is a folder when it is one, ends in '/', or is a new name\n"
        "without an extension and there are several outputs.\n"
        "\n"
        "--dataset DIR keeps DIR/current/outputs/, DIR/current/manifest.json and\n"
        "DIR/current/changes.json; run again, it converts only new or changed inputs\n"
        "(all of them when ost's version or the options changed) and removes the\n"
        "outputs of inputs that are gone. A run killed at any moment leaves the\n"
        "previous dataset or the new one.\n");
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    int rc = CLI_USAGE;
    ost_registry *reg = NULL;
    convert_run run = {0};
    output_kind kind;
    GError *error = NULL;
    if (!ok)
        goto out;
    if (argc < 2) {
        cli_error("convert needs at least one INPUT (see 'ost convert --help')");
        goto out;
    }
    common.verbose = o.verbose;
    if (!check_usage(&o, argv + 1, argc - 1, &kind))
        goto out;
    if (o.shard != NULL && !shard_parse(o.shard, &run.shard_index, &run.shard_count, &error)) {
        cli_error("%s", error->message);
        g_error_free(error);
        goto out;
    }
    reg = cli_open_registry(&common);
    if (o.from != NULL && ost_registry_find_reader(reg, o.from) == NULL) {
        cli_error("no input plugin named \"%s\" (see 'ost plugins')", o.from);
        goto out;
    }
    run.reg = reg;
    run.o = &o;
    run.writer = output_choose_writer(reg, o.to, o.output, kind);
    run.n_threads = o.jobs > 0 ? (guint)o.jobs : g_get_num_processors();
    if (run.writer != NULL)
        rc = convert_inputs(&run, argv + 1, argc - 1, kind);
out:
    if (run.inputs != NULL)
        g_ptr_array_unref(run.inputs);
    g_free(run.inputs_digest);
    ost_registry_free(reg);
    g_strfreev(common.plugin_dirs);
    g_free(o.from);
    g_free(o.to);
    g_free(o.output);
    g_free(o.dataset);
    g_free(o.shard);
    g_free(o.name);
    return rc;
}
