/* SPDX-License-Identifier: MIT */
/* Benchmark: write a workbook whose KSB sheet has N rows (default 100,000); time and peak memory. */
#include <ost.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "builtins.h"

/* The rows are synthetic but shaped like real ones: codes K1.., S1.., B1..
 * in the proportions standards have, statements of 60-200 characters with
 * some non-ASCII, titles on behaviours. The same rows can be written as
 * CSV (--csv) for the LibreOffice side of bench/ods_vs_libreoffice.sh. */

static const char *const words[] = {
    "apply", "safeguarding", "principles", "risk", "assessment", "legislation", "communicate",
    "effectively", "with", "colleagues", "and", "stakeholders", "record", "evidence",
    "accurately", "in", "line", "organisational", "policy", "café", "fire", "safety",
    "inspection", "data", "protection", "continuous", "improvement", "the", "of", "to",
};

static char *
statement(guint i)
{
    GString *s = g_string_new(NULL);
    guint32 x = i * 2654435761u + 12345u;
    guint n = 8 + x % 24;
    for (guint w = 0; w < n; w++) {
        x = x * 1103515245u + 12345u;
        if (w > 0)
            g_string_append_c(s, ' ');
        g_string_append(s, words[(x >> 8) % G_N_ELEMENTS(words)]);
    }
    g_string_append_c(s, '.');
    s->str[0] = g_ascii_toupper(s->str[0]);
    return g_string_free(s, FALSE);
}

static ost_doc *
build_doc(guint rows)
{
    ost_doc *doc = ost_doc_new();
    ost_set_str(&doc->source.path, "bench/synthetic.txt");
    ost_set_str(&doc->source.format, "text");
    ost_set_str(&doc->source.document_type, "standard");
    ost_set_str(&doc->source.trust, "official");
    ost_standard *s = ost_standard_new();
    ost_set_str(&s->reference, "ST9999");
    ost_set_str(&s->title, "Synthetic standard");
    ost_set_str(&s->stage, "standard");
    s->level = 3;
    guint n_k = rows * 2 / 5, n_s = rows * 2 / 5;
    for (guint i = 0; i < rows; i++) {
        char *text = statement(i);
        char id[16];
        if (i < n_k) {
            g_snprintf(id, sizeof id, "K%u", i + 1);
            g_ptr_array_add(s->knowledge, ost_ksb_new(id, NULL, text));
        } else if (i < n_k + n_s) {
            g_snprintf(id, sizeof id, "S%u", i - n_k + 1);
            g_ptr_array_add(s->skills, ost_ksb_new(id, NULL, text));
        } else {
            g_snprintf(id, sizeof id, "B%u", i - n_k - n_s + 1);
            g_ptr_array_add(s->behaviours, ost_ksb_new(id, "Taking responsibility", text));
        }
        g_free(text);
    }
    g_ptr_array_add(doc->standards, s);
    return doc;
}

static void
csv_field(FILE *f, const char *s, gboolean last)
{
    if (s != NULL) {
        fputc('"', f);
        for (const char *p = s; *p != '\0'; p++) {
            if (*p == '"')
                fputc('"', f);
            fputc(*p, f);
        }
        fputc('"', f);
    }
    fputc(last ? '\n' : ',', f);
}

static void
csv_rows(FILE *f, const ost_standard *s, const char *type, const GPtrArray *list)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_ksb *k = g_ptr_array_index(list, i);
        csv_field(f, s->reference, FALSE);
        csv_field(f, type, FALSE);
        csv_field(f, k->id, FALSE);
        csv_field(f, k->title, FALSE);
        csv_field(f, k->text, TRUE);
    }
}

/* The KSB sheet's rows, header included, as CSV. */
static gboolean
write_csv(const char *path, const ost_doc *doc)
{
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return FALSE;
    const ost_standard *s = g_ptr_array_index(doc->standards, 0);
    fputs("Standard,Type,ID,Title,Text\n", f);
    csv_rows(f, s, "Knowledge", s->knowledge);
    csv_rows(f, s, "Skill", s->skills);
    csv_rows(f, s, "Behaviour", s->behaviours);
    return fclose(f) == 0;
}

/* CPU seconds of all threads so far: on a busy machine the wall-clock time
 * says more about the neighbours than about ost. */
static double
cpu_now(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
           (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static long
rss_now_kb(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f != NULL) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int
main(int argc, char **argv)
{
    gint rows = 100000, repeat = 3;
    char *out_path = NULL, *csv_path = NULL;
    GOptionEntry entries[] = {
        {"rows", 'n', 0, G_OPTION_ARG_INT, &rows, "KSB rows (default 100000)", "N"},
        {"repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Timed runs; the fastest is reported (default 3)", "N"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, "Where to write the workbook (default: a temporary file)", "FILE"},
        {"csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, "Also write the same rows as CSV, for LibreOffice", "FILE"},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new("- time the ODS writer on a large KSB sheet");
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *error = NULL;
    if (!g_option_context_parse(ctx, &argc, &argv, &error) || rows < 1 || repeat < 1) {
        fprintf(stderr, "ods_bench: %s\n", error != NULL ? error->message : "bad --rows or --repeat");
        return 2;
    }
    g_option_context_free(ctx);

    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    const ost_writer_info *writer = ost_registry_find_writer(reg, "ods");
    if (writer == NULL) {
        fprintf(stderr, "ods_bench: no ods writer built in\n");
        return 1;
    }
    ost_doc *doc = build_doc((guint)rows);
    if (csv_path != NULL && !write_csv(csv_path, doc)) {
        fprintf(stderr, "ods_bench: cannot write %s\n", csv_path);
        return 1;
    }
    char *tmp = NULL;
    if (out_path == NULL) {
        int fd = g_file_open_tmp("ods-bench-XXXXXX.ods", &tmp, NULL);
        if (fd >= 0)
            close(fd);
        out_path = tmp;
    }
    long model_kb = rss_now_kb();

    /* Serialising and saving are timed apart: saving goes through
     * g_file_set_contents as the ost tool does, whose fsync depends on the
     * file system more than on ost. */
    gint64 best = G_MAXINT64, best_write = G_MAXINT64;
    double best_cpu = G_MAXDOUBLE;
    gsize size = 0;
    for (int r = 0; r < repeat; r++) {
        double c0 = cpu_now();
        gint64 t0 = g_get_monotonic_time();
        GByteArray *out = g_byte_array_new();
        const ost_doc *docs[] = {doc};
        if (writer->write(docs, 1, 0, out, &error) != OST_OK) {
            fprintf(stderr, "ods_bench: %s\n", error->message);
            return 1;
        }
        gint64 t1 = g_get_monotonic_time();
        best_cpu = MIN(best_cpu, cpu_now() - c0);
        if (!g_file_set_contents(out_path, (const char *)out->data, out->len, &error)) {
            fprintf(stderr, "ods_bench: %s\n", error->message);
            return 1;
        }
        gint64 t2 = g_get_monotonic_time();
        best = MIN(best, t2 - t0);
        best_write = MIN(best_write, t1 - t0);
        size = out->len;
        g_byte_array_unref(out);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("rows: %d\n", rows);
    printf("workbook: %s (%" G_GSIZE_FORMAT " bytes)\n", out_path, size);
    printf("time: %.3f s (fastest of %d, model to file)\n", best / 1e6, repeat);
    printf("serialise: %.3f s (fastest of %d, model to bytes in memory)\n", best_write / 1e6, repeat);
    printf("serialise CPU: %.3f s (least of %d, all threads)\n", best_cpu, repeat);
    printf("peak RSS: %.1f MiB (the model alone: %.1f MiB)\n", ru.ru_maxrss / 1024.0,
           model_kb / 1024.0);
    if (tmp != NULL)
        g_unlink(tmp);
    g_free(tmp);
    ost_doc_free(doc);
    ost_registry_free(reg);
    return 0;
}
