/* SPDX-License-Identifier: MIT */
/* Reading input files: only regular files, never blocking, never more
 * than a size limit. GLib's g_file_get_contents opens without O_NONBLOCK (a
 * FIFO with no writer blocks it for ever) and reads a file whole before
 * its size can be refused, so inputs are opened and read here. */
#include "input_private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean
ost_file_is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void
set_io_error(GError **error, const char *what, int err)
{
    g_set_error(error, OST_ERROR, OST_ERR_IO, "%s%s", what, g_strerror(err));
}

void
__ost_too_large_error(GError **error, guint64 size, gsize max_bytes, const char *whose)
{
    /* Not g_format_size: its no-break space would not survive every terminal. */
    gboolean mib = max_bytes % (1u << 20) == 0;
    g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                "too large: %" G_GUINT64_FORMAT " bytes (the %s limit is %" G_GSIZE_FORMAT " %s)",
                size, whose, mib ? max_bytes >> 20 : max_bytes, mib ? "MiB" : "bytes");
}

int
__ost_input_open(const char *path, gsize max_bytes, guint64 *size, GError **error)
{
    /* O_NONBLOCK: opening a FIFO with no writer returns at once, so the
     * fstat below can refuse it. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        set_io_error(error, "", errno);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        set_io_error(error, "", errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "not a regular file");
        close(fd);
        return -1;
    }
    if ((guint64)st.st_size > max_bytes) {
        __ost_too_large_error(error, (guint64)st.st_size, max_bytes, "input");
        close(fd);
        return -1;
    }
    *size = (guint64)st.st_size;
    return fd;
}

gboolean
__ost_input_read(int fd, GByteArray *buf, gsize max_bytes, GError **error)
{
    guint8 chunk[65536];
    while (buf->len < max_bytes) {
        ssize_t n = read(fd, chunk, MIN(sizeof chunk, max_bytes - buf->len));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            set_io_error(error, "reading failed: ", errno);
            return FALSE;
        }
        if (n == 0)
            break;
        g_byte_array_append(buf, chunk, (guint)n);
    }
    return TRUE;
}

gboolean
ost_file_load(const char *path, gsize max_bytes, guint8 **data, gsize *len, GError **error)
{
    guint64 size;
    int fd = __ost_input_open(path, max_bytes, &size, error);
    if (fd < 0)
        return FALSE;
    GByteArray *buf = g_byte_array_sized_new((guint)size + 1);
    /* One byte over the limit tells a file that grew since fstat. */
    gboolean ok = __ost_input_read(fd, buf, max_bytes + 1, error);
    close(fd);
    if (ok && buf->len > max_bytes) {
        __ost_too_large_error(error, buf->len, max_bytes, "input");
        ok = FALSE;
    }
    if (!ok) {
        g_byte_array_free(buf, TRUE);
        return FALSE;
    }
    *len = buf->len;
    g_byte_array_append(buf, (const guint8 *)"", 1); /* NUL-terminated, like GLib's */
    *data = g_byte_array_free(buf, FALSE);
    return TRUE;
}
