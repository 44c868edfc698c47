/* SPDX-License-Identifier: MIT */
/* `ost repair`: stdin to stdout, one output line per input line. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* Lines are learnt when read and repaired a window later, so a word seen
 * intact a little further on still counts as evidence; the window bounds
 * the memory whatever the input's size. */
#define WINDOW_LINES 256
#define WINDOW_BYTES (1u << 20)

typedef struct {
    char *text;
    gsize len;
    gboolean newline;
} pending;

static const char *const summary_kinds[] = {
    "ligature", "unicode_ligature", "mojibake", "soft_hyphen", "unresolved",
};

/* A longer line is read and repaired in pieces of about this size. */
#define PIECE_BYTES (64u * 1024u)

/* Read the next piece of a line (without its newline) into @line: the whole
 * line when it is short, else up to PIECE_BYTES cut after white space (so
 * no word is split) or, in a line without any, between two characters.
 * What follows the cut waits in @carry. One line of any length is thus
 * held in bounded memory. FALSE at the end. */
static gboolean
read_piece(FILE *in, GString *line, GString *carry, gboolean *newline)
{
    char chunk[PIECE_BYTES + 1];
    g_string_assign(line, carry->str);
    g_string_truncate(carry, 0);
    *newline = FALSE;
    while (line->len < PIECE_BYTES &&
           fgets(chunk, (int)(PIECE_BYTES - line->len + 1), in) != NULL) {
        gsize n = strlen(chunk);
        if (n > 0 && chunk[n - 1] == '\n') {
            g_string_append_len(line, chunk, (gssize)n - 1);
            *newline = TRUE;
            return TRUE;
        }
        g_string_append_len(line, chunk, (gssize)n);
    }
    if (line->len >= PIECE_BYTES) {
        gsize cut = line->len;
        while (cut > 0 && line->str[cut - 1] != ' ' && line->str[cut - 1] != '\t')
            cut--;
        if (cut == 0) {
            const char *last = g_utf8_find_prev_char(line->str, line->str + line->len);
            cut = last != NULL ? (gsize)(last - line->str) : 0;
        }
        if (cut == 0) /* not UTF-8: any byte boundary will do */
            cut = line->len;
        g_string_append(carry, line->str + cut);
        g_string_truncate(line, cut);
    }
    return line->len > 0;
}

static void
emit(ost_repairer *rep, pending *p, GString *out)
{
    g_string_truncate(out, 0);
    ost_repairer_fix_append(rep, p->text, (gssize)p->len, out, NULL);
    if (p->newline)
        g_string_append_c(out, '\n');
    fwrite(out->str, 1, out->len, stdout);
    g_free(p->text);
    g_free(p);
}

int
cli_cmd_repair(int argc, char **argv)
{
    gboolean verbose = FALSE;
    GOptionEntry entries[] = {
        {"verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose,
         "Print a summary of the repairs made to stderr", NULL},
        G_OPTION_ENTRY_NULL,
    };
    GOptionContext *ctx = g_option_context_new(
        "- repair damaged text from stdin to stdout, line by line");
    g_option_context_set_description(
        ctx, "Lost ligatures (U+FFFD where fi, fl, ff, ffi or ffl was), presentation-form\n"
             "ligatures, mojibake (UTF-8 read as Windows-1252, Latin-1, Mac Roman,\n"
             "Windows-1250/1251/1257, ISO-8859-2 or code page 437, once or more, where\n"
             "that makes the text more plausible) and soft hyphens are repaired; each\n"
             "output line is the repaired input line.\n");
    g_option_context_add_main_entries(ctx, entries, NULL);
    gboolean ok = cli_parse(ctx, &argc, &argv);
    g_option_context_free(ctx);
    if (!ok || argc != 1) {
        if (ok)
            cli_error("repair reads stdin and takes no arguments");
        return CLI_USAGE;
    }
    GError *error = NULL;
    ost_repairer *rep = ost_repairer_new(&error);
    if (rep == NULL) {
        cli_error("repair: %s", error->message);
        g_error_free(error);
        return CLI_SOME_FAILED;
    }
    GQueue window = G_QUEUE_INIT;
    gsize window_bytes = 0;
    guint64 lines = 0;
    GString *line = g_string_sized_new(4096), *out = g_string_sized_new(4096);
    GString *carry = g_string_new(NULL);
    gboolean newline;
    while (read_piece(stdin, line, carry, &newline)) {
        pending *p = g_new(pending, 1);
        p->len = line->len;
        p->text = g_strndup(line->str, line->len);
        p->newline = newline;
        ost_repairer_learn(rep, p->text);
        g_queue_push_tail(&window, p);
        window_bytes += p->len;
        lines += newline || (feof(stdin) && carry->len == 0);
        while (window.length > WINDOW_LINES || window_bytes > WINDOW_BYTES) {
            pending *first = g_queue_pop_head(&window);
            window_bytes -= first->len;
            emit(rep, first, out);
        }
    }
    while (!g_queue_is_empty(&window))
        emit(rep, g_queue_pop_head(&window), out);
    int rc = CLI_OK;
    if (ferror(stdin) || fflush(stdout) != 0) {
        cli_error("repair: %s", ferror(stdin) ? "reading stdin failed" : "writing stdout failed");
        rc = CLI_SOME_FAILED;
    }
    if (verbose) {
        fprintf(stderr, "repaired %" G_GUINT64_FORMAT " lines:", lines);
        for (gsize k = 0; k < G_N_ELEMENTS(summary_kinds); k++)
            fprintf(stderr, "%s %s %" G_GUINT64_FORMAT, k == 0 ? "" : ",", summary_kinds[k],
                    ost_repairer_count(rep, summary_kinds[k]));
        fputc('\n', stderr);
    }
    g_string_free(line, TRUE);
    g_string_free(carry, TRUE);
    g_string_free(out, TRUE);
    ost_repairer_free(rep);
    return rc;
}
