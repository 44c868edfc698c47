/* SPDX-License-Identifier: MIT */
/* Repair engine throughput on generated standards-like text, clean and damaged. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <ost.h>

/* Usage: repair_bench [MEGABYTES] [--write PREFIX]   (default 100 MB)
 * With --write, the corpora are also written to PREFIX-clean.txt,
 * PREFIX-damaged.txt and PREFIX-mojibake.txt, for timing other tools on
 * the same text (bench/repair_vs_ftfy.sh). */

static const char *const words[] = {
    "the", "apprentice", "will", "be", "able", "to", "identify", "and", "apply", "safeguarding",
    "procedures", "in", "line", "with", "local", "policy", "officer", "officers", "staff",
    "different", "organisations", "first", "point", "of", "contact", "reflect", "on", "own",
    "practice", "confidentiality", "qualification", "influences", "effective", "efficient",
    "financial", "information", "stakeholders", "employer", "assessment", "knowledge",
    "skills", "behaviours", "duty", "level", "occupation", "standard", "workflow", "fulfil",
    "specific", "requirements", "sufficient", "evidence", "flexible", "communication",
    "offer", "support", "service", "users", "the", "of", "and", "a", "for", "within",
    "Sheffield", "Cardiff", "employer’s", "£9,000", "18–24", "months", "K1", "S2", "B3",
};

static guint32 seed = 12345;

static guint32
next_random(void)
{
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

/* About @bytes of lines of 60 to 100 bytes, joined by newlines. */
static GPtrArray *
make_corpus(gsize bytes)
{
    GPtrArray *lines = g_ptr_array_new_with_free_func(g_free);
    GString *line = g_string_new(NULL);
    for (gsize total = 0; total < bytes;) {
        g_string_truncate(line, 0);
        gsize target = 60 + next_random() % 40;
        while (line->len < target) {
            if (line->len > 0)
                g_string_append_c(line, ' ');
            g_string_append(line, words[next_random() % G_N_ELEMENTS(words)]);
        }
        g_string_append_c(line, '.');
        total += line->len + 1;
        g_ptr_array_add(lines, g_strdup(line->str));
    }
    g_string_free(line, TRUE);
    return lines;
}

static char *
replace_all(const char *s, const char *from, const char *to)
{
    char **parts = g_strsplit(s, from, -1);
    char *out = g_strjoinv(to, parts);
    g_strfreev(parts);
    return out;
}

/* Every line loses its ligatures as PDF extraction loses them; some also
 * get mojibake, presentation forms and soft hyphens. */
static GPtrArray *
damage(const GPtrArray *clean)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    static const char *const ligatures[] = {"ffi", "ffl", "ff", "fi", "fl"};
    for (guint i = 0; i < clean->len; i++) {
        char *s = g_strdup(g_ptr_array_index(clean, i));
        for (gsize l = 0; l < G_N_ELEMENTS(ligatures); l++) {
            char *t = replace_all(s, ligatures[l], i % 7 == 3 && l == 3 ? "\xEF\xAC\x81" : "\xEF\xBF\xBD");
            g_free(s);
            s = t;
        }
        if (i % 5 == 0) {
            char *t = replace_all(s, "\xE2\x80\x99", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2");
            g_free(s);
            s = replace_all(t, "\xC2\xA3", "\xC3\x82\xC2\xA3");
            g_free(t);
        }
        if (i % 11 == 0) {
            char *t = replace_all(s, "procedures", "proce\xC2\xAD" "dures");
            g_free(s);
            s = t;
        }
        g_ptr_array_add(out, s);
    }
    return out;
}

/* Every line as its UTF-8 read as Windows-1252: the commonest mojibake,
 * and what ftfy fixes. */
static GPtrArray *
misread(const GPtrArray *clean)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
    for (guint i = 0; i < clean->len; i++) {
        const char *s = g_ptr_array_index(clean, i);
        char *m = g_convert(s, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
        g_ptr_array_add(out, m != NULL ? m : g_strdup(s));
    }
    return out;
}

static gboolean
write_corpus(const GPtrArray *lines, const char *prefix, const char *name)
{
    char *path = g_strdup_printf("%s-%s.txt", prefix, name);
    GString *all = g_string_new(NULL);
    for (guint i = 0; i < lines->len; i++) {
        g_string_append(all, g_ptr_array_index(lines, i));
        g_string_append_c(all, '\n');
    }
    GError *error = NULL;
    gboolean ok = g_file_set_contents(path, all->str, (gssize)all->len, &error);
    if (!ok) {
        fprintf(stderr, "repair_bench: %s\n", error->message);
        g_error_free(error);
    }
    g_string_free(all, TRUE);
    g_free(path);
    return ok;
}

static gsize
corpus_bytes(const GPtrArray *lines)
{
    gsize n = 0;
    for (guint i = 0; i < lines->len; i++)
        n += strlen(g_ptr_array_index(lines, i)) + 1;
    return n;
}

/* CPU time of this process: on a machine shared with other work, wall
 * time counted the time others had the core too. */
static double
cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* MB/s of fixing every line, after learning them all when @learn. */
static double
run(const GPtrArray *lines, gboolean learn, guint64 *repairs)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    GString *out = g_string_sized_new(256);
    double t0 = cpu_seconds();
    if (learn)
        for (guint i = 0; i < lines->len; i++)
            ost_repairer_learn(rep, g_ptr_array_index(lines, i));
    for (guint i = 0; i < lines->len; i++) {
        g_string_truncate(out, 0);
        ost_repairer_fix_append(rep, g_ptr_array_index(lines, i), -1, out, NULL);
    }
    double secs = cpu_seconds() - t0;
    *repairs = ost_repairer_count(rep, "ligature") + ost_repairer_count(rep, "mojibake") +
               ost_repairer_count(rep, "unicode_ligature") +
               ost_repairer_count(rep, "soft_hyphen");
    g_string_free(out, TRUE);
    ost_repairer_free(rep);
    return (double)corpus_bytes(lines) / 1e6 / secs;
}

int
main(int argc, char **argv)
{
    gsize mb = argc > 1 ? (gsize)g_ascii_strtoull(argv[1], NULL, 10) : 100;
    const char *prefix = argc > 3 && strcmp(argv[2], "--write") == 0 ? argv[3] : NULL;
    GError *error = NULL;
    gint64 t0 = g_get_monotonic_time();
    ost_repairer *rep = ost_repairer_new(&error);
    if (rep == NULL) {
        fprintf(stderr, "repair_bench: %s\n", error->message);
        return 1;
    }
    /* The dictionary loads when the first damaged word needs it. */
    g_free(ost_repairer_fix(rep, "o\xEF\xBF\xBD" "cer", NULL));
    double load_ms = (double)(g_get_monotonic_time() - t0) / 1e3;
    ost_repairer_free(rep);

    GPtrArray *clean = make_corpus(mb << 20);
    GPtrArray *damaged = damage(clean), *mojibake = misread(clean);
    if (prefix != NULL && !(write_corpus(clean, prefix, "clean") &&
                            write_corpus(damaged, prefix, "damaged") &&
                            write_corpus(mojibake, prefix, "mojibake")))
        return 1;
    printf("dictionary load: %.1f ms\n", load_ms);
    printf("corpus: %.1f MB clean, %.1f MB damaged, %.1f MB mojibake, %u lines\n",
           corpus_bytes(clean) / 1e6, corpus_bytes(damaged) / 1e6, corpus_bytes(mojibake) / 1e6,
           clean->len);
    guint64 repairs;
    double v = run(clean, FALSE, &repairs);
    printf("clean,   fix only:    %7.1f MB/s (%" G_GUINT64_FORMAT " repairs)\n", v, repairs);
    v = run(clean, TRUE, &repairs);
    printf("clean,   learn + fix: %7.1f MB/s\n", v);
    v = run(damaged, FALSE, &repairs);
    printf("damaged, fix only:    %7.1f MB/s (%" G_GUINT64_FORMAT " repairs)\n", v, repairs);
    v = run(damaged, TRUE, &repairs);
    printf("damaged, learn + fix: %7.1f MB/s\n", v);
    v = run(mojibake, FALSE, &repairs);
    printf("mojibake, fix only:   %7.1f MB/s (%" G_GUINT64_FORMAT " repairs)\n", v, repairs);
    g_ptr_array_unref(clean);
    g_ptr_array_unref(damaged);
    g_ptr_array_unref(mojibake);
    return 0;
}
