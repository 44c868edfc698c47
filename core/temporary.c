/* SPDX-License-Identifier: MIT */
/* ost's temporaries: one pattern, ".NAME.ost-PID-XXXXXX" beside the output,
 * for files and folders alike, so a later run can tell a killed run's
 * leftovers from anything else and remove them. */
#include <ost/pipeline.h>

#include "temporary_private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEMPORARY_MARK ".ost-"

char *
ost_temporary_template(const char *path)
{
    char *dir = g_path_get_dirname(path);
    char *base = g_path_get_basename(path);
    char *name = g_strdup_printf(".%s" TEMPORARY_MARK "%ld-XXXXXX", base, (long)getpid());
    char *tmpl = g_build_filename(dir, name, NULL);
    g_free(name);
    g_free(base);
    g_free(dir);
    return tmpl;
}

/* The process id in ".NAME.ost-PID-XXXXXX", or 0 when @name is not one. */
static long
temporary_owner(const char *name)
{
    if (name[0] != '.')
        return 0;
    const char *mark = g_strrstr(name, TEMPORARY_MARK);
    if (mark == NULL)
        return 0;
    char *end;
    long pid = strtol(mark + strlen(TEMPORARY_MARK), &end, 10);
    if (pid <= 0 || end[0] != '-' || strlen(end + 1) != 6)
        return 0;
    return pid;
}

void
__ost_remove_tree(const char *path)
{
    GDir *d = g_dir_open(path, 0, NULL);
    if (d != NULL) {
        const char *name;
        while ((name = g_dir_read_name(d)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            if (g_file_test(child, G_FILE_TEST_IS_DIR) &&
                !g_file_test(child, G_FILE_TEST_IS_SYMLINK))
                __ost_remove_tree(child);
            else
                g_unlink(child);
            g_free(child);
        }
        g_dir_close(d);
    }
    g_rmdir(path);
}

guint
ost_remove_strays(const char *dir, GError **error)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d == NULL)
        return 0;
    guint removed = 0;
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL) {
        long pid = temporary_owner(name);
        if (pid == 0 || kill((pid_t)pid, 0) == 0 || errno == EPERM)
            continue;
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK))
            __ost_remove_tree(path);
        else
            g_unlink(path);
        if (g_file_test(path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK)) {
            int e = errno;
            if (error != NULL && *error == NULL)
                g_set_error(error, OST_ERROR, OST_ERR_IO,
                            "cannot remove the leftover temporary %s: %s", path, g_strerror(e));
        } else {
            removed++;
        }
        g_free(path);
    }
    g_dir_close(d);
    return removed;
}
