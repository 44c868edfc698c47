/* SPDX-License-Identifier: MIT */
/* Collecting inputs: command-line files, folder walks, standard input. */
#include "input.h"
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
input_free(input *in)
{
    g_free(in->path);
    g_free(in->relative);
    g_free(in->recorded);
    if (in->data != NULL)
        g_bytes_unref(in->data);
    g_free(in);
}

static void
add_input(GPtrArray *inputs, const char *path, const char *relative, const char *recorded)
{
    input *in = g_new0(input, 1);
    in->path = g_strdup(path);
    in->relative = g_strdup(relative);
    in->recorded = g_strdup(recorded);
    g_ptr_array_add(inputs, in);
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

typedef struct walk {
    const ost_registry *reg;
    GPtrArray *inputs;
    GHashTable *folders_seen;   /* "device:inode" of every folder walked */
    int *failures;
} walk;

/* FALSE when the folder was walked already: a symbolic link back up the
 * tree (`self -> .`) would otherwise repeat its files, or never end. */
static gboolean
first_visit(walk *w, const struct stat *st)
{
    char *key = g_strdup_printf("%ju:%ju", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
    return g_hash_table_add(w->folders_seen, key);
}

/* Walk @dir in sorted order, so batch output and reports are deterministic. */
static void
walk_dir(walk *w, const char *dir, const char *rel)
{
    GError *error = NULL;
    GDir *d = g_dir_open(dir, 0, &error);
    if (d == NULL) {
        cli_error("%s: %s", dir, error->message);
        g_error_free(error);
        (*w->failures)++;
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
        struct stat st;
        if (stat(path, &st) != 0) {
            /* A dangling link is no input, unless it looks like one. */
            if (has_input_extension(w->reg, n)) {
                cli_error("%s: %s", path, g_strerror(errno));
                (*w->failures)++;
            }
        } else if (S_ISDIR(st.st_mode)) {
            if (first_visit(w, &st))
                walk_dir(w, path, child_rel);
        } else if (has_input_extension(w->reg, n)) {
            if (S_ISREG(st.st_mode))
                add_input(w->inputs, path, child_rel, path);
            else
                cli_error("warning: %s: not a regular file, skipped", path);
        }
        g_free(path);
        g_free(child_rel);
    }
    g_ptr_array_unref(names);
}

/* Read @fd to its end, handing each piece to @take. FALSE, with errno set,
 * when reading fails. */
static gboolean
read_in_pieces(int fd, void (*take)(gpointer user, const guint8 *data, gsize len),
               gpointer user)
{
    guint8 chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return FALSE;
        take(user, chunk, (gsize)n);
    }
    return TRUE;
}

static void
append_piece(gpointer buf, const guint8 *data, gsize len)
{
    g_byte_array_append(buf, data, (guint)len);
}

static GBytes *
read_stdin(GError **error)
{
    GByteArray *buf = g_byte_array_new();
    if (!read_in_pieces(STDIN_FILENO, append_piece, buf)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "reading standard input: %s",
                    g_strerror(errno));
        g_byte_array_unref(buf);
        return NULL;
    }
    return g_byte_array_free_to_bytes(buf);
}

/* The name a command-line argument has in the output tree: its base name,
 * ignoring a trailing '/' as cp does. */
static char *
argument_base_name(const char *arg)
{
    char *trimmed = g_strdup(arg);
    gsize len = strlen(trimmed);
    while (len > 1 && trimmed[len - 1] == G_DIR_SEPARATOR)
        trimmed[--len] = '\0';
    char *base = g_path_get_basename(trimmed);
    g_free(trimmed);
    return base;
}

GPtrArray *
input_collect(const ost_registry *reg, char **args, int n_args, const char *stdin_name,
              int *failures)
{
    GPtrArray *inputs = g_ptr_array_new_with_free_func((GDestroyNotify)input_free);
    walk w = {reg, inputs, g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
              failures};
    for (int i = 0; i < n_args; i++) {
        const char *arg = args[i];
        struct stat st;
        if (strcmp(arg, "-") == 0) {
            GError *error = NULL;
            GBytes *data = read_stdin(&error);
            if (data == NULL) {
                cli_error("%s", error->message);
                g_error_free(error);
                (*failures)++;
                continue;
            }
            char *base = g_path_get_basename(stdin_name);
            add_input(inputs, "-", base, stdin_name);
            ((input *)g_ptr_array_index(inputs, inputs->len - 1))->data = data;
            g_free(base);
        } else if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
            char *base = n_args > 1 ? argument_base_name(arg) : g_strdup("");
            if (first_visit(&w, &st))
                walk_dir(&w, arg, base);
            g_free(base);
        } else {
            /* Missing files and other kinds of file fail when read, in
             * their place in the report. */
            char *base = argument_base_name(arg);
            add_input(inputs, arg, base, arg);
            g_free(base);
        }
    }
    g_hash_table_unref(w.folders_seen);
    return inputs;
}

static gboolean
check_regular(const input *in, GError **error)
{
    struct stat st;
    if (stat(in->path, &st) != 0) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s", g_strerror(errno));
        return FALSE;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "not a regular file");
        return FALSE;
    }
    return TRUE;
}

static void
hash_piece(gpointer sum, const guint8 *data, gsize len)
{
    g_checksum_update(sum, data, (gssize)len);
}

char *
input_hash(const input *in, gint64 *size, GError **error)
{
    if (in->data != NULL) {
        *size = (gint64)g_bytes_get_size(in->data);
        return g_compute_checksum_for_bytes(G_CHECKSUM_SHA256, in->data);
    }
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(in->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s", g_strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "not a regular file");
        close(fd);
        return NULL;
    }
    GChecksum *sum = g_checksum_new(G_CHECKSUM_SHA256);
    char *hex = NULL;
    if (read_in_pieces(fd, hash_piece, sum))
        hex = g_strdup(g_checksum_get_string(sum));
    else
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s", g_strerror(errno));
    *size = (gint64)st.st_size;
    close(fd);
    g_checksum_free(sum);
    return hex;
}

ost_doc *
input_convert(const ost_registry *reg, const input *in, const char *reader_name, GError **error)
{
    ost_doc *doc;
    if (in->data != NULL) {
        gsize len;
        const guint8 *data = g_bytes_get_data(in->data, &len);
        doc = ost_read_bytes(reg, in->recorded, data, len, reader_name, error);
    } else {
        doc = check_regular(in, error) ? ost_read_file(reg, in->path, reader_name, error) : NULL;
    }
    if (doc != NULL)
        ost_set_str(&doc->relative_path, in->relative);
    return doc;
}
