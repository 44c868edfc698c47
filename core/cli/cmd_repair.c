/* SPDX-License-Identifier: MIT */
/* `ost repair`: stdin to stdout, one output line per input line. */
#define _DEFAULT_SOURCE /* madvise: repaired pages of the input given back */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Lines are learnt when read and repaired a window later, so a word seen
 * intact a little further on still counts as evidence. */
#define WINDOW_LINES 256
#define WINDOW_BYTES (1u << 20)

/* A longer line is repaired in pieces of about this size. */
#define PIECE_BYTES (64u * 1024u)

/* Output is written, and a pipe spooled, in blocks of this size. */
#define IO_BYTES (1u << 20)

/* Pages of the input given back at a time. */
#define RELEASE_BYTES (8u << 20)

/* A piece of the input: a line (without its newline), or part of a long
 * one. */
typedef struct {
    const char *text;
    gsize len;
    gboolean newline;
} piece;

static const char *const summary_kinds[] = {
    "ligature", "unicode_ligature", "mojibake", "soft_hyphen", "unresolved",
};

/* Text is passed over in place, in a mapping of the input, so the
 * repairer can learn the document's words from it only once a repair
 * needs them: a document without damage is never learnt. A pipe is first
 * spooled to an unlinked temporary file. Pages already repaired are given
 * back now and then, so memory stays bounded whatever the input's size.
 * A file read partly already is spooled from where it was left, too. */
static gboolean
map_input(int fd, const char **text, gsize *len, GError **error)
{
    struct stat st;
    int mapped_fd = fd;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || lseek(fd, 0, SEEK_CUR) != 0) {
        char *path = NULL;
        mapped_fd = g_file_open_tmp("ost-repair-XXXXXX", &path, error);
        if (mapped_fd < 0)
            return FALSE;
        unlink(path);
        g_free(path);
        char *block = g_malloc(IO_BYTES);
        gssize n;
        gboolean ok = TRUE;
        while (ok && (n = read(fd, block, IO_BYTES)) != 0) {
            if (n < 0 && errno == EINTR)
                continue;
            ok = n > 0 && write(mapped_fd, block, (gsize)n) == n;
        }
        g_free(block);
        if (!ok || fstat(mapped_fd, &st) != 0) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                        "spooling stdin failed: %s", g_strerror(errno));
            close(mapped_fd);
            return FALSE;
        }
    }
    *len = (gsize)st.st_size;
    *text = "";
    if (*len > 0) {
        void *map = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, mapped_fd, 0);
        if (map == MAP_FAILED) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno),
                        "reading stdin failed: %s", g_strerror(errno));
            *len = 0;
        } else {
            *text = map;
        }
    }
    if (mapped_fd != fd)
        close(mapped_fd);
    return *len > 0 || st.st_size == 0;
}

/* Give back the pages of @text wholly before @upto. */
static void
release(const char *text, gsize *released, gsize upto)
{
    gsize page = (gsize)sysconf(_SC_PAGESIZE), end = upto / page * page;
    if (end < *released + RELEASE_BYTES)
        return;
    madvise((char *)text + *released, end - *released, MADV_DONTNEED);
    *released = end;
}

/* The next piece of @s from @pos: the rest of the line when it is short,
 * else up to PIECE_BYTES cut after white space (so no word is split) or,
 * in a line without any, between two characters. FALSE at the end. */
static gboolean
next_piece(const char *s, gsize len, gsize *pos, piece *p)
{
    const char *start = s + *pos;
    gsize left = len - *pos, span = MIN(left, PIECE_BYTES);
    const char *nl = memchr(start, '\n', span);
    p->text = start;
    p->newline = nl != NULL;
    if (nl != NULL) {
        p->len = (gsize)(nl - start);
        *pos += p->len + 1;
        return TRUE;
    }
    if (left < PIECE_BYTES) {
        p->len = left;
        *pos = len;
        return left > 0;
    }
    gsize cut = PIECE_BYTES;
    while (cut > 0 && start[cut - 1] != ' ' && start[cut - 1] != '\t')
        cut--;
    if (cut == 0) {
        const char *last = g_utf8_find_prev_char(start, start + PIECE_BYTES);
        cut = last != NULL ? (gsize)(last - start) : 0;
    }
    if (cut == 0) /* not UTF-8: any byte boundary will do */
        cut = PIECE_BYTES;
    p->len = cut;
    *pos += cut;
    return TRUE;
}

static gboolean
write_out(GString *out)
{
    gboolean ok = fwrite(out->str, 1, out->len, stdout) == out->len;
    g_string_truncate(out, 0);
    return ok;
}

static gboolean
emit(ost_repairer *rep, const piece *p, GString *out)
{
    ost_repairer_fix_append(rep, p->text, (gssize)p->len, out, NULL);
    if (p->newline)
        g_string_append_c(out, '\n');
    return out->len < IO_BYTES || write_out(out);
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
    const char *text;
    gsize len;
    if (!map_input(STDIN_FILENO, &text, &len, &error)) {
        cli_error("repair: %s", error->message);
        g_error_free(error);
        ost_repairer_free(rep);
        return CLI_SOME_FAILED;
    }
    GString *out = g_string_sized_new(IO_BYTES + PIECE_BYTES);
    piece window[WINDOW_LINES + 1];
    gsize first = 0, count = 0, window_bytes = 0, pos = 0, released = 0;
    guint64 lines = 0;
    gboolean written = TRUE;
    piece p;
    while (next_piece(text, len, &pos, &p)) {
        ost_repairer_learn_later(rep, p.text, p.len + (p.newline ? 1 : 0));
        window[(first + count++) % G_N_ELEMENTS(window)] = p;
        window_bytes += p.len;
        lines += p.newline || pos == len;
        while (count > WINDOW_LINES || window_bytes > WINDOW_BYTES) {
            const piece *head = &window[first];
            window_bytes -= head->len;
            written &= emit(rep, head, out);
            first = (first + 1) % G_N_ELEMENTS(window);
            count--;
        }
        release(text, &released, (gsize)(window[first].text - text));
    }
    for (; count > 0; count--, first = (first + 1) % G_N_ELEMENTS(window))
        written &= emit(rep, &window[first], out);
    written &= write_out(out);
    int rc = CLI_OK;
    if (!written || fflush(stdout) != 0) {
        cli_error("repair: writing stdout failed");
        rc = CLI_SOME_FAILED;
    }
    if (verbose) {
        fprintf(stderr, "repaired %" G_GUINT64_FORMAT " lines:", lines);
        for (gsize k = 0; k < G_N_ELEMENTS(summary_kinds); k++)
            fprintf(stderr, "%s %s %" G_GUINT64_FORMAT, k == 0 ? "" : ",", summary_kinds[k],
                    ost_repairer_count(rep, summary_kinds[k]));
        fputc('\n', stderr);
    }
    g_string_free(out, TRUE);
    ost_repairer_free(rep);
    if (len > 0)
        munmap((void *)text, len);
    return rc;
}
