/* SPDX-License-Identifier: MIT */
/* Writing outputs. Written by hand rather than with g_file_set_contents so
 * that temporaries carry a pattern of ost's own (with the writer's process
 * id), which a later run can recognise and clean up after a kill. */
#include "output_write.h"
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
write_all(int fd, const guint8 *data, gsize len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return FALSE;
        data += n;
        len -= (gsize)n;
    }
    return TRUE;
}

static gboolean
fail(GError **error, const char *what, const char *path)
{
    int saved = errno;
    g_set_error(error, OST_ERROR, OST_ERR_IO, "%s %s: %s", what, path, g_strerror(saved));
    return FALSE;
}

static gboolean
is_stream_name(const char *path)
{
    return strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0;
}

/* Names of open descriptors (/dev/stderr, /dev/fd/N) may lead to a
 * regular file: still written into, never replaced. */
static gboolean
is_descriptor_name(const char *path)
{
    return strcmp(path, "/dev/stderr") == 0 || g_str_has_prefix(path, "/dev/fd/") ||
           g_str_has_prefix(path, "/proc/self/fd/");
}

/* Into something that is not a file: a FIFO, a terminal, /dev/null. */
static gboolean
write_stream(const char *path, const GByteArray *bytes, GError **error)
{
    if (is_stream_name(path)) {
        fflush(stdout);
        if (!write_all(STDOUT_FILENO, bytes->data, bytes->len))
            return fail(error, "writing to", "standard output");
        return TRUE;
    }
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return fail(error, "cannot open", path);
    gboolean ok = write_all(fd, bytes->data, bytes->len);
    if (!ok)
        fail(error, "writing to", path);
    close(fd);
    return ok;
}

char *
output_temporary(const char *path, int *fd, GError **error)
{
    char *tmp = ost_temporary_template(path);
    *fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0666 & ~0022);
    if (*fd < 0) {
        char *dir = g_path_get_dirname(path);
        fail(error, "cannot create a file in", dir);
        g_free(dir);
        g_clear_pointer(&tmp, g_free);
    }
    return tmp;
}

static gboolean
replace_file(const char *path, const GByteArray *bytes, GError **error)
{
    char *dir = g_path_get_dirname(path);
    /* Nearly always there already: one stat, not a failing mkdir and a stat. */
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR) && g_mkdir_with_parents(dir, 0777) != 0) {
        fail(error, "cannot create folder", dir);
        g_free(dir);
        return FALSE;
    }
    g_free(dir);
    int fd;
    char *tmp = output_temporary(path, &fd, error);
    if (tmp == NULL)
        return FALSE;
    gboolean ok = write_all(fd, bytes->data, bytes->len) || fail(error, "writing to", path);
    if (close(fd) != 0 && ok)
        ok = fail(error, "writing to", path);
    if (ok && rename(tmp, path) != 0)
        ok = fail(error, "cannot replace", path);
    if (!ok)
        unlink(tmp);
    g_free(tmp);
    return ok;
}

gboolean
output_write(const char *path, const GByteArray *bytes, GError **error)
{
    struct stat st;
    if (is_stream_name(path) || is_descriptor_name(path) ||
        (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
        return write_stream(path, bytes, error);
    return replace_file(path, bytes, error);
}

void
output_remove_strays(const char *dir)
{
    GError *error = NULL;
    ost_remove_strays(dir, &error);
    if (error != NULL) {
        cli_error("warning: %s", error->message);
        g_error_free(error);
    }
}
