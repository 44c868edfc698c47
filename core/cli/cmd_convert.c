/* SPDX-License-Identifier: MIT */
/* `ost convert`: files and folders in, one output each or one dataset. */
#include "cli.h"
#include "batch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct job {
    char *path;        /* as given, or as found under a given folder */
    char *relative;    /* path below the folder it was found in, or the base name */
} job;

typedef struct convert_opts {
    char *from;
    char *to;
    char *output;
    gboolean combine;
    gboolean quiet;
    gboolean verbose;
    int jobs;
} convert_opts;

static void
job_free(job *j)
{
    g_free(j->path);
    g_free(j->relative);
    g_free(j);
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether a file found while walking a folder is an input: only files with an
 * extension some reader claims, so a folder of PDFs with notes beside them,
 * or a folder holding earlier outputs, converts cleanly. Files named on the
 * command line are always tried. */
static gboolean
has_input_extension(const ost_registry *reg, const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL || name[0] == '.')
        return FALSE;
    for (guint i = 0; i < ost_registry_n_readers(reg); i++) {
        const ost_reader_info *r = ost_registry_reader_at(reg, i, NULL);
        for (guint e = 0; r->extensions != NULL && r->extensions[e] != NULL; e++)
            if (g_ascii_strcasecmp(dot + 1, r->extensions[e]) == 0)
                return TRUE;
    }
    return FALSE;
}

/* Walk @dir in sorted order, so batch output and reports are deterministic. */
static void
walk_dir(const ost_registry *reg, const char *dir, const char *rel, GPtrArray *jobs,
         int *failures)
{
    GError *error = NULL;
    GDir *d = g_dir_open(dir, 0, &error);
    if (d == NULL) {
        cli_error("%s: %s", dir, error->message);
        g_error_free(error);
        (*failures)++;
        return;
    }
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (name[0] != '.')
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_strings);
    for (guint i = 0; i < names->len; i++) {
        const char *n = g_ptr_array_index(names, i);
        char *path = g_build_filename(dir, n, NULL);
        char *child_rel = rel[0] != '\0' ? g_build_filename(rel, n, NULL) : g_strdup(n);
        if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
            walk_dir(reg, path, child_rel, jobs, failures);
        } else if (has_input_extension(reg, n)) {
            job *j = g_new0(job, 1);
            j->path = g_steal_pointer(&path);
            j->relative = g_steal_pointer(&child_rel);
            g_ptr_array_add(jobs, j);
        }
        g_free(path);
        g_free(child_rel);
    }
    g_ptr_array_unref(names);
}

static GPtrArray *
collect_jobs(const ost_registry *reg, char **inputs, int n_inputs, int *failures)
{
    GPtrArray *jobs = g_ptr_array_new_with_free_func((GDestroyNotify)job_free);
    for (int i = 0; i < n_inputs; i++) {
        if (g_file_test(inputs[i], G_FILE_TEST_IS_DIR)) {
            walk_dir(reg, inputs[i], "", jobs, failures);
        } else {
            job *j = g_new0(job, 1);
            j->path = g_strdup(inputs[i]);
            j->relative = g_path_get_basename(inputs[i]);
            g_ptr_array_add(jobs, j);
        }
    }
    return jobs;
}

/* Write all of @bytes to @path, or nothing: g_file_set_contents writes a
 * temporary file beside the target and renames it into place, so a failure
 * never leaves a partial output. */
static gboolean
write_output(const char *path, const GByteArray *bytes, GError **error)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(bytes->data, 1, bytes->len, stdout) != bytes->len || fflush(stdout) != 0) {
            g_set_error(error, OST_ERROR, OST_ERR_IO, "writing to standard output: %s",
                        g_strerror(errno));
            return FALSE;
        }
        return TRUE;
    }
    char *dir = g_path_get_dirname(path);
    /* Nearly always there already: one stat, not a failing mkdir and a stat. */
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents(dir, 0777) != 0) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "cannot create folder %s: %s", dir,
                    g_strerror(errno));
        g_free(dir);
        return FALSE;
    }
    g_free(dir);
    return g_file_set_contents(path, (const char *)bytes->data, bytes->len, error);
}

static gboolean
serialise(const ost_writer_info *writer, const ost_doc *const *docs, gsize n, guint flags,
          GByteArray *out, GError **error)
{
    ost_status st = writer->write(docs, n, flags, out, error);
    if (st != OST_OK && error != NULL && *error == NULL)
        g_set_error(error, OST_ERROR, st, "%s", ost_strerror(st));
    return st == OST_OK;
}

/* Output name for one of several inputs: the input's path below its folder
 * with the writer's extension, so folder trees are mirrored and two inputs
 * called the same in different folders do not collide. */
static char *
output_path_for(const char *out_dir, const job *j, const ost_writer_info *writer,
                GHashTable *taken)
{
    char *stem = g_strdup(j->relative);
    char *dot = strrchr(stem, '.');
    char *slash = strrchr(stem, G_DIR_SEPARATOR);
    if (dot != NULL && (slash == NULL || dot > slash))
        *dot = '\0';
    char *name = g_strdup_printf("%s.%s", stem, writer->extension);
    char *path = g_build_filename(out_dir, name, NULL);
    if (g_hash_table_contains(taken, path)) {
        /* x.pdf and x.html in one folder: keep both, named in full. */
        g_free(path);
        g_free(name);
        name = g_strdup_printf("%s.%s", j->relative, writer->extension);
        path = g_build_filename(out_dir, name, NULL);
    }
    g_hash_table_add(taken, g_strdup(path));
    g_free(name);
    g_free(stem);
    return path;
}

/* What became of one input; filled on a worker thread, reported in order. */
typedef struct outcome {
    char *out_path;     /* NULL when combining */
    ost_doc *doc;
    GError *error;
} outcome;

typedef struct batch_state {
    const ost_registry *reg;
    const convert_opts *o;
    const ost_writer_info *writer;
    GPtrArray *jobs;
    outcome *outcomes;
    guint converted;
    guint failed;
} batch_state;

static void
report_progress(const batch_state *st, guint done, const char *path)
{
    guint total = st->jobs->len;
    if (st->o->quiet || !isatty(fileno(stderr)) || total < 2)
        return;
    fprintf(stderr, "\r\033[K[%u/%u] %s", done, total, path);
    if (done == total)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

static void
report_document(const convert_opts *o, const job *j, const ost_doc *doc, const char *out)
{
    if (!o->verbose)
        return;
    fprintf(stderr, "%s: %s (%s), %u repairs, %u warnings%s%s\n", j->path,
            doc->source.document_type, doc->source.format, doc->source.repairs->len,
            doc->source.warnings->len, out != NULL ? " -> " : "", out != NULL ? out : "");
    for (guint i = 0; i < doc->source.warnings->len; i++) {
        const ost_warning *w = g_ptr_array_index(doc->source.warnings, i);
        fprintf(stderr, "  warning: %s%s%s\n", w->where != NULL ? w->where : "",
                w->where != NULL ? ": " : "", w->message);
    }
}

static const ost_writer_info *
choose_writer(const ost_registry *reg, const convert_opts *o)
{
    if (o->to != NULL) {
        const ost_writer_info *w = ost_registry_find_writer(reg, o->to);
        if (w == NULL)
            cli_error("no output plugin named \"%s\" (see 'ost plugins')", o->to);
        return w;
    }
    if (o->output != NULL && strcmp(o->output, "-") != 0) {
        const char *dot = strrchr(o->output, '.');
        const char *slash = strrchr(o->output, G_DIR_SEPARATOR);
        if (dot != NULL && (slash == NULL || dot > slash)) {
            const ost_writer_info *w = ost_registry_writer_for_extension(reg, dot + 1);
            if (w != NULL)
                return w;
        }
    }
    return ost_registry_find_writer(reg, "json");
}

/* Read one input; with an output path, also serialise and write it. */
static void
convert_work(guint i, gpointer user)
{
    batch_state *st = user;
    const job *j = g_ptr_array_index(st->jobs, i);
    outcome *r = &st->outcomes[i];
    r->doc = ost_read_file(st->reg, j->path, st->o->from, &r->error);
    if (r->doc == NULL || r->out_path == NULL)
        return;
    GByteArray *bytes = g_byte_array_new();
    if (!serialise(st->writer, (const ost_doc *const *)&r->doc, 1, 0, bytes, &r->error) ||
        !write_output(r->out_path, bytes, &r->error)) {
        ost_doc_free(r->doc);
        r->doc = NULL;
    }
    g_byte_array_unref(bytes);
}

static void
convert_finished(guint i, guint n_finished, gpointer user)
{
    batch_state *st = user;
    report_progress(st, n_finished, ((const job *)g_ptr_array_index(st->jobs, i))->path);
}

static void
convert_report(guint i, gpointer user)
{
    batch_state *st = user;
    const job *j = g_ptr_array_index(st->jobs, i);
    outcome *r = &st->outcomes[i];
    if (r->doc != NULL) {
        st->converted++;
        report_document(st->o, j, r->doc, r->out_path);
    } else {
        st->failed++;
        cli_error("%s: %s%s", j->path, r->error->message,
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
run_batch(batch_state *st, guint n_threads)
{
    batch_run(st->jobs->len, n_threads, &convert_callbacks, st);
}

static int
convert_each(batch_state *st, gboolean single, guint n_threads, int failures)
{
    const convert_opts *o = st->o;
    const char *out_dir = o->output != NULL ? o->output : ".";
    /* Output names are settled before any work starts, so clashes resolve
     * the same way whatever order the threads finish in. */
    GHashTable *taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; i < st->jobs->len; i++)
        st->outcomes[i].out_path =
            single ? g_strdup(o->output != NULL ? o->output : "-")
                   : output_path_for(out_dir, g_ptr_array_index(st->jobs, i), st->writer, taken);
    g_hash_table_unref(taken);
    run_batch(st, n_threads);
    if (!o->quiet && st->jobs->len > 1)
        fprintf(stderr, "ost: converted %u of %u inputs to %s in %s%s\n", st->converted,
                st->converted + st->failed, st->writer->name, out_dir,
                st->failed > 0 ? "; failures listed above" : "");
    return failures > 0 || st->failed > 0 ? CLI_SOME_FAILED : CLI_OK;
}

static int
convert_combined(batch_state *st, guint n_threads, int failures)
{
    const convert_opts *o = st->o;
    run_batch(st, n_threads);
    GPtrArray *docs = g_ptr_array_new_with_free_func((GDestroyNotify)ost_doc_free);
    for (guint i = 0; i < st->jobs->len; i++)
        if (st->outcomes[i].doc != NULL)
            g_ptr_array_add(docs, g_steal_pointer(&st->outcomes[i].doc));
    GError *error = NULL;
    GByteArray *bytes = g_byte_array_new();
    const char *out = o->output != NULL ? o->output : "-";
    if (serialise(st->writer, (const ost_doc *const *)docs->pdata, docs->len, OST_WRITE_COMBINED,
                  bytes, &error) &&
        write_output(out, bytes, &error)) {
        if (!o->quiet)
            fprintf(stderr, "ost: wrote %u of %u inputs to %s\n", docs->len,
                    st->converted + st->failed, out);
    } else {
        cli_error("%s: %s", out, error->message);
        g_error_free(error);
        failures++;
    }
    g_byte_array_unref(bytes);
    g_ptr_array_unref(docs);
    return failures > 0 || st->failed > 0 ? CLI_SOME_FAILED : CLI_OK;
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
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "Report only failures", NULL},
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &o.verbose, "Report each document and its warnings", NULL},
        {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs, "Convert N inputs at a time (default: one per processor)", "N"},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("INPUT... - convert standards documents");
    g_option_context_add_main_entries(ctx, entries, NULL);
    cli_add_common_options(ctx, &common);
    g_option_context_set_description(ctx,
        "INPUT is a file or a folder (walked recursively for files with a known\n"
        "input extension). A bad input is reported as 'file: reason' and skipped.\n");
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    int rc = CLI_USAGE;
    ost_registry *reg = NULL;
    GPtrArray *jobs = NULL;
    if (!ok)
        goto out;
    if (argc < 2) {
        cli_error("convert needs at least one INPUT (see 'ost convert --help')");
        goto out;
    }
    common.verbose = o.verbose;
    reg = cli_open_registry(&common);
    if (o.from != NULL && ost_registry_find_reader(reg, o.from) == NULL) {
        cli_error("no input plugin named \"%s\" (see 'ost plugins')", o.from);
        goto out;
    }
    const ost_writer_info *writer = choose_writer(reg, &o);
    if (writer == NULL)
        goto out;

    int failures = 0;
    jobs = collect_jobs(reg, argv + 1, argc - 1, &failures);
    gboolean single = argc == 2 && !g_file_test(argv[1], G_FILE_TEST_IS_DIR) && !o.combine;
    gboolean to_stdout = (single || o.combine) && (o.output == NULL || strcmp(o.output, "-") == 0);
    if (to_stdout && (writer->flags & OST_WRITER_BINARY) && isatty(fileno(stdout))) {
        cli_error("%s output is binary; name an output file with -o", writer->name);
        goto out;
    }
    if (!single && !o.combine && o.output != NULL && strcmp(o.output, "-") == 0) {
        cli_error("several inputs give several outputs: -o must name a folder, or use --combine");
        goto out;
    }
    if (jobs->len == 0 && failures == 0) {
        cli_error("no input files found");
        rc = CLI_SOME_FAILED;
        goto out;
    }
    if (o.jobs < 0) {
        cli_error("-j needs a positive number of jobs");
        goto out;
    }
    guint n_threads = o.jobs > 0 ? (guint)o.jobs : g_get_num_processors();
    batch_state st = {reg, &o, writer, jobs, g_new0(outcome, jobs->len), 0, 0};
    rc = o.combine ? convert_combined(&st, n_threads, failures)
                   : convert_each(&st, single, n_threads, failures);
    for (guint i = 0; i < jobs->len; i++) {
        g_free(st.outcomes[i].out_path);
        ost_doc_free(st.outcomes[i].doc);
        g_clear_error(&st.outcomes[i].error);
    }
    g_free(st.outcomes);
out:
    if (jobs != NULL)
        g_ptr_array_unref(jobs);
    ost_registry_free(reg);
    g_strfreev(common.plugin_dirs);
    g_free(o.from);
    g_free(o.to);
    g_free(o.output);
    return rc;
}
