/* SPDX-License-Identifier: MIT */
/* Output paths mirror input paths, as cp -r or rsync would lay them out. */
#include "output_path.h"
#include "cli.h"

#include <string.h>

output_kind
output_kind_of(const char *output)
{
    if (output == NULL || strcmp(output, "-") == 0)
        return OUTPUT_STDOUT;
    if (g_str_has_suffix(output, G_DIR_SEPARATOR_S) || g_file_test(output, G_FILE_TEST_IS_DIR))
        return OUTPUT_FOLDER;
    return OUTPUT_FILE;
}

/* The extension of the last component of @path, or NULL. */
static const char *
extension_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, G_DIR_SEPARATOR);
    if (dot == NULL || (slash != NULL && dot < slash) || dot == (slash != NULL ? slash + 1 : path))
        return NULL;
    return dot + 1;
}

const ost_writer_info *
output_choose_writer(const ost_registry *reg, const char *to, const char *output,
                     output_kind kind)
{
    if (to != NULL) {
        const ost_writer_info *w = ost_registry_find_writer(reg, to);
        if (w == NULL)
            cli_error("no output plugin named \"%s\" (see 'ost plugins')", to);
        return w;
    }
    const char *ext = kind == OUTPUT_FILE ? extension_of(output) : NULL;
    if (ext != NULL) {
        const ost_writer_info *w = ost_registry_writer_for_extension(reg, ext);
        if (w == NULL)
            cli_error("%s: no output plugin writes .%s files; name the format with -t "
                      "(see 'ost plugins')", output, ext);
        return w;
    }
    return ost_registry_find_writer(reg, "json");
}

char *
output_name_for(const char *relative, const ost_writer_info *writer)
{
    const char *ext = extension_of(relative);
    gsize stem = ext != NULL ? (gsize)(ext - 1 - relative) : strlen(relative);
    return g_strdup_printf("%.*s.%s", (int)stem, relative, writer->extension);
}

gboolean
output_check_clashes(const GPtrArray *inputs, char *const *paths)
{
    GHashTable *owner = g_hash_table_new(g_str_hash, g_str_equal);
    gboolean ok = TRUE;
    for (guint i = 0; i < inputs->len; i++) {
        const input *in = g_ptr_array_index(inputs, i);
        const input *first = g_hash_table_lookup(owner, paths[i]);
        if (first != NULL) {
            cli_error("%s and %s would both be written to %s; convert them separately, "
                      "or name their folders so that each keeps its own", first->recorded,
                      in->recorded, paths[i]);
            ok = FALSE;
        } else {
            g_hash_table_insert(owner, paths[i], (gpointer)in);
        }
    }
    g_hash_table_unref(owner);
    return ok;
}
