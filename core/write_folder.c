/* SPDX-License-Identifier: MIT */
/* A folder writer's files, put in place all together or not at all. */
#define _GNU_SOURCE /* renameat2 */
#include <ost/pipeline.h>

#include "temporary_private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

static ost_status
io_error(GError **error, const char *what, const char *path)
{
    int e = errno;
    g_set_error(error, OST_ERROR, OST_ERR_IO, "%s %s: %s", what, path, g_strerror(e));
    return OST_ERR_IO;
}

static ost_status
put_file(void *user, const char *name, const guint8 *data, gsize len, GError **error)
{
    const char *dir = user;
    if (g_path_is_absolute(name) || strstr(name, "..") != NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "a writer named the file \"%s\", outside its folder", name);
        return OST_ERR_INVALID_ARG;
    }
    char *path = g_build_filename(dir, name, NULL);
    char *parent = g_path_get_dirname(path);
    ost_status st = OST_OK;
    if (g_mkdir_with_parents(parent, 0777) != 0)
        st = io_error(error, "cannot create folder", parent);
    else if (!g_file_set_contents(path, (const char *)data, (gssize)len, error))
        st = OST_ERR_IO;
    g_free(parent);
    g_free(path);
    return st;
}

/* Put the complete folder @fresh at @dir: swapped with an existing @dir in
 * one step, so nobody sees a mix, then the old files are removed. */
static ost_status
install(const char *fresh, const char *dir, GError **error)
{
    if (!g_file_test(dir, G_FILE_TEST_EXISTS))
        return g_rename(fresh, dir) == 0 ? OST_OK : io_error(error, "cannot create", dir);
    if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s exists and is not a folder", dir);
        return OST_ERR_IO;
    }
    if (renameat2(AT_FDCWD, fresh, AT_FDCWD, dir, RENAME_EXCHANGE) != 0)
        return io_error(error, "cannot replace", dir);
    __ost_remove_tree(fresh);
    return OST_OK;
}

ost_status
ost_write_folder(const ost_writer_info *writer, const ost_doc *const *docs, gsize n_docs,
                 guint flags, const char *dir, GError **error)
{
    if (writer->write_files == NULL || !(writer->flags & OST_WRITER_FOLDER)) {
        g_set_error(error, OST_ERROR, OST_ERR_INVALID_ARG,
                    "the %s writer writes one file, not a folder", writer->name);
        return OST_ERR_INVALID_ARG;
    }
    char *trimmed = g_strdup(dir);
    gsize n = strlen(trimmed);
    while (n > 1 && trimmed[n - 1] == G_DIR_SEPARATOR)
        trimmed[--n] = '\0';
    char *parent = g_path_get_dirname(trimmed);
    char *tmpl = ost_temporary_template(trimmed);
    ost_status st = OST_OK;
    if (g_mkdir_with_parents(parent, 0777) != 0)
        st = io_error(error, "cannot create folder", parent);
    else if (g_mkdtemp(tmpl) == NULL)
        st = io_error(error, "cannot create a folder beside", trimmed);
    else if (g_chmod(tmpl, 0755) != 0) /* mkdtemp made it private */
        st = io_error(error, "cannot open up", tmpl);
    if (st == OST_OK) {
        const ost_file_sink sink = {put_file, tmpl};
        st = writer->write_files(docs, n_docs, flags, &sink, error);
        if (st != OST_OK && error != NULL && *error == NULL)
            g_set_error(error, OST_ERROR, st, "%s", ost_strerror(st));
        if (st == OST_OK)
            st = install(tmpl, trimmed, error);
        if (st != OST_OK)
            __ost_remove_tree(tmpl);
    }
    g_free(tmpl);
    g_free(parent);
    g_free(trimmed);
    return st;
}
