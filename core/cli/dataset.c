/* SPDX-License-Identifier: MIT */
/* Dataset generations: build beside, switch with one rename. */
#include "dataset.h"
#include "cli.h"
#include "output_write.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define CURRENT "current"
#define GENERATION_PREFIX "gen-"
#define STAGING_PREFIX ".gen-"

struct dataset {
    char *dir;
    int lock_fd;
    JsonObject *previous;        /* current manifest, or NULL */
    GHashTable *previous_inputs; /* path -> JsonObject entry of previous */
    char *current_dir;           /* DIR/gen-N, or NULL */
    char *staging;               /* the new generation, being built */
    gint64 generation;           /* N + 1 */
};

static gboolean
set_io_error(GError **error, const char *what, const char *path)
{
    int saved = errno;
    g_set_error(error, OST_ERROR, OST_ERR_IO, "%s %s: %s", what, path, g_strerror(saved));
    return FALSE;
}

/* rm -r without following links: GLib and GIO have no recursive delete. */
static void
remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        GDir *d = g_dir_open(path, 0, NULL);
        const char *name;
        while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
            g_free(child);
        }
        if (d != NULL)
            g_dir_close(d);
        if (rmdir(path) != 0)
            cli_error("warning: cannot remove %s: %s", path, g_strerror(errno));
    } else if (unlink(path) != 0) {
        cli_error("warning: cannot remove %s: %s", path, g_strerror(errno));
    }
}

static JsonObject *
parse_object_file(const char *path, GError **error)
{
    JsonParser *parser = json_parser_new();
    JsonObject *object = NULL;
    if (json_parser_load_from_file(parser, path, error)) {
        JsonNode *root = json_parser_get_root(parser);
        if (root != NULL && JSON_NODE_HOLDS_OBJECT(root))
            object = json_object_ref(json_node_get_object(root));
        else
            g_set_error(error, OST_ERROR, OST_ERR_PARSE, "%s: not a dataset manifest", path);
    }
    g_object_unref(parser);
    return object;
}

JsonObject *
dataset_read_manifest(const char *dir, char **generation, GError **error)
{
    char *link = g_build_filename(dir, CURRENT, NULL);
    char *target = g_file_read_link(link, NULL);
    g_free(link);
    if (target == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s: not a dataset (no %s)", dir, CURRENT);
        return NULL;
    }
    char *gen = g_build_filename(dir, target, NULL);
    g_free(target);
    char *path = g_build_filename(gen, "manifest.json", NULL);
    JsonObject *manifest = parse_object_file(path, error);
    g_free(path);
    if (manifest != NULL && generation != NULL)
        *generation = g_steal_pointer(&gen);
    g_free(gen);
    return manifest;
}

/* Remove every generation but the current one, and every half-made one. */
static void
remove_leftovers(const dataset *ds, const char *current_name)
{
    GDir *d = g_dir_open(ds->dir, 0, NULL);
    if (d == NULL)
        return;
    GPtrArray *doomed = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_prefix(name, STAGING_PREFIX) ||
            (g_str_has_prefix(name, GENERATION_PREFIX) &&
             g_strcmp0(name, current_name) != 0))
            g_ptr_array_add(doomed, g_build_filename(ds->dir, name, NULL));
    g_dir_close(d);
    for (guint i = 0; i < doomed->len; i++)
        remove_tree(g_ptr_array_index(doomed, i));
    g_ptr_array_unref(doomed);
    /* A link made for the switch but never renamed into place. */
    output_remove_strays(ds->dir);
}

static gboolean
take_lock(dataset *ds, GError **error)
{
    char *path = g_build_filename(ds->dir, ".lock", NULL);
    ds->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    gboolean ok = ds->lock_fd >= 0;
    if (!ok)
        set_io_error(error, "cannot open", path);
    else if (flock(ds->lock_fd, LOCK_EX | LOCK_NB) != 0) {
        g_set_error(error, OST_ERROR, OST_ERR_IO,
                    "%s: another ost is writing this dataset", ds->dir);
        ok = FALSE;
    }
    g_free(path);
    return ok;
}

static gboolean
load_current(dataset *ds, GError **error)
{
    char *link = g_build_filename(ds->dir, CURRENT, NULL);
    char *target = g_file_read_link(link, NULL);
    g_free(link);
    remove_leftovers(ds, target);
    if (target == NULL) {
        ds->generation = 1;
        return TRUE;
    }
    ds->previous = dataset_read_manifest(ds->dir, &ds->current_dir, error);
    g_free(target);
    if (ds->previous == NULL)
        return FALSE;
    ds->generation = json_object_get_int_member_with_default(ds->previous, "generation", 0) + 1;
    JsonArray *inputs = json_object_get_array_member(ds->previous, "inputs");
    for (guint i = 0; inputs != NULL && i < json_array_get_length(inputs); i++) {
        JsonObject *entry = json_array_get_object_element(inputs, i);
        g_hash_table_insert(ds->previous_inputs,
                            (gpointer)json_object_get_string_member(entry, "path"), entry);
    }
    return TRUE;
}

dataset *
dataset_open(const char *dir, GError **error)
{
    dataset *ds = g_new0(dataset, 1);
    ds->dir = g_strdup(dir);
    ds->lock_fd = -1;
    ds->previous_inputs = g_hash_table_new(g_str_hash, g_str_equal);
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        set_io_error(error, "cannot create folder", dir);
        dataset_free(ds);
        return NULL;
    }
    if (!take_lock(ds, error) || !load_current(ds, error)) {
        dataset_free(ds);
        return NULL;
    }
    ds->staging = g_build_filename(dir, STAGING_PREFIX "XXXXXX", NULL);
    mode_t mask = umask(0);
    umask(mask);
    if (g_mkdtemp_full(ds->staging, 0777 & ~mask) == NULL) {
        set_io_error(error, "cannot create a folder in", dir);
        g_clear_pointer(&ds->staging, g_free);
        dataset_free(ds);
        return NULL;
    }
    return ds;
}

void
dataset_free(dataset *ds)
{
    if (ds == NULL)
        return;
    if (ds->staging != NULL)
        remove_tree(ds->staging);
    if (ds->lock_fd >= 0)
        close(ds->lock_fd);
    g_hash_table_unref(ds->previous_inputs);
    if (ds->previous != NULL)
        json_object_unref(ds->previous);
    g_free(ds->current_dir);
    g_free(ds->staging);
    g_free(ds->dir);
    g_free(ds);
}

JsonObject *
dataset_previous(const dataset *ds)
{
    return ds->previous;
}

JsonObject *
dataset_previous_entry(const dataset *ds, const char *path)
{
    return g_hash_table_lookup(ds->previous_inputs, path);
}

const char *
dataset_current_dir(const dataset *ds)
{
    return ds->current_dir;
}

char *
dataset_output_path(const dataset *ds, const char *relative)
{
    return g_build_filename(ds->staging, "outputs", relative, NULL);
}

/* A hard link costs nothing and cannot be half made; a copy where the
 * file system has no links. */
static gboolean
link_or_copy(const char *from, const char *to, GError **error)
{
    char *dir = g_path_get_dirname(to);
    int made = g_mkdir_with_parents(dir, 0777);
    g_free(dir);
    if (made != 0)
        return set_io_error(error, "cannot create the folder of", to);
    if (link(from, to) == 0)
        return TRUE;
    if (errno != EXDEV && errno != EPERM && errno != EMLINK)
        return set_io_error(error, "cannot link", from);
    char *data;
    gsize len;
    if (!g_file_get_contents(from, &data, &len, error))
        return FALSE;
    gboolean ok = g_file_set_contents(to, data, (gssize)len, error);
    g_free(data);
    return ok;
}

gboolean
dataset_carry_outputs(const dataset *ds, const char *from_generation, JsonObject *entry,
                      GError **error)
{
    JsonArray *outputs = json_object_get_array_member(entry, "outputs");
    for (guint i = 0; outputs != NULL && i < json_array_get_length(outputs); i++) {
        const char *rel = json_array_get_string_element(outputs, i);
        char *from = g_build_filename(from_generation, rel, NULL);
        char *to = g_build_filename(ds->staging, rel, NULL);
        gboolean ok = link_or_copy(from, to, error);
        g_free(to);
        g_free(from);
        if (!ok)
            return FALSE;
    }
    return TRUE;
}

static void
add_path(JsonArray *list, JsonObject *entry)
{
    json_array_add_string_element(list, json_object_get_string_member(entry, "path"));
}

static gint
compare_paths(gconstpointer a, gconstpointer b)
{
    return strcmp(json_object_get_string_member(*(JsonObject *const *)a, "path"),
                  json_object_get_string_member(*(JsonObject *const *)b, "path"));
}

/* What changed from the previous generation to @manifest. */
static JsonObject *
changes_between(const dataset *ds, JsonObject *manifest, gboolean all_redone, gboolean quiet)
{
    JsonArray *added = json_array_new(), *changed = json_array_new(),
              *removed = json_array_new(), *failed = json_array_new();
    gint64 unchanged = 0;
    GHashTable *present = g_hash_table_new(g_str_hash, g_str_equal);
    JsonArray *inputs = json_object_get_array_member(manifest, "inputs");
    for (guint i = 0; i < json_array_get_length(inputs); i++) {
        JsonObject *entry = json_array_get_object_element(inputs, i);
        const char *path = json_object_get_string_member(entry, "path");
        g_hash_table_add(present, (gpointer)path);
        JsonObject *before = dataset_previous_entry(ds, path);
        if (g_strcmp0(json_object_get_string_member_with_default(entry, "status", NULL),
                      "ok") != 0)
            add_path(failed, entry);
        if (before == NULL)
            add_path(added, entry);
        else if (g_strcmp0(json_object_get_string_member_with_default(before, "sha256", NULL),
                           json_object_get_string_member_with_default(entry, "sha256", NULL)) != 0)
            add_path(changed, entry);
        else
            unchanged++;
    }
    GHashTableIter it;
    gpointer key, value;
    GPtrArray *gone = g_ptr_array_new();
    g_hash_table_iter_init(&it, ds->previous_inputs);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (!g_hash_table_contains(present, key))
            g_ptr_array_add(gone, value);
    g_hash_table_unref(present);
    /* Hash order is no order: report vanished inputs sorted by path. */
    g_ptr_array_sort(gone, compare_paths);
    for (guint i = 0; i < gone->len; i++) {
        JsonObject *entry = g_ptr_array_index(gone, i);
        JsonObject *was = json_object_new();
        json_object_set_string_member(was, "path", json_object_get_string_member(entry, "path"));
        JsonArray *outputs = json_object_get_array_member(entry, "outputs");
        json_object_set_array_member(was, "outputs",
                                     outputs != NULL ? json_array_ref(outputs) : json_array_new());
        for (guint o = 0; !quiet && outputs != NULL && o < json_array_get_length(outputs); o++)
            cli_error("removed %s from %s: its input %s is gone",
                    json_array_get_string_element(outputs, o), ds->dir,
                    json_object_get_string_member(entry, "path"));
        json_array_add_object_element(removed, was);
    }
    g_ptr_array_unref(gone);
    JsonObject *changes = json_object_new();
    json_object_set_int_member(changes, "generation", ds->generation);
    json_object_set_boolean_member(changes, "all_converted_again", all_redone);
    json_object_set_array_member(changes, "added", added);
    json_object_set_array_member(changes, "changed", changed);
    json_object_set_array_member(changes, "removed", removed);
    json_object_set_int_member(changes, "unchanged", unchanged);
    json_object_set_array_member(changes, "failed", failed);
    return changes;
}

static gboolean
write_json(const char *path, JsonObject *object, GError **error)
{
    JsonNode *root = json_node_init_object(json_node_alloc(), object);
    JsonGenerator *gen = json_generator_new();
    json_generator_set_pretty(gen, TRUE);
    json_generator_set_root(gen, root);
    gsize len;
    char *text = json_generator_to_data(gen, &len);
    GByteArray bytes = {(guint8 *)text, (guint)len};
    gboolean ok = output_write(path, &bytes, error);
    g_free(text);
    g_object_unref(gen);
    json_node_unref(root);
    return ok;
}

/* Make DIR/current name @generation: a new link, renamed over the old. */
static gboolean
switch_current(const dataset *ds, const char *generation, GError **error)
{
    char *link_path = g_build_filename(ds->dir, CURRENT, NULL);
    int fd;
    char *tmp = output_temporary(link_path, &fd, error);
    gboolean ok = tmp != NULL;
    if (ok) {
        close(fd);
        /* symlink() will not replace: the name was only reserved. */
        ok = (unlink(tmp) == 0 && symlink(generation, tmp) == 0) ||
             set_io_error(error, "cannot make the link", tmp);
        if (ok && rename(tmp, link_path) != 0)
            ok = set_io_error(error, "cannot replace", link_path);
        if (!ok)
            unlink(tmp);
    }
    g_free(tmp);
    g_free(link_path);
    return ok;
}

/* The manifest's inputs sorted by path, whatever order they came in. */
static void
sort_inputs(JsonObject *manifest)
{
    JsonArray *inputs = json_object_get_array_member(manifest, "inputs");
    GPtrArray *list = g_ptr_array_new();
    for (guint i = 0; i < json_array_get_length(inputs); i++)
        g_ptr_array_add(list, json_array_get_object_element(inputs, i));
    g_ptr_array_sort(list, compare_paths);
    JsonArray *sorted = json_array_new();
    for (guint i = 0; i < list->len; i++)
        json_array_add_object_element(sorted, json_object_ref(g_ptr_array_index(list, i)));
    g_ptr_array_unref(list);
    json_object_set_array_member(manifest, "inputs", sorted);
}

gboolean
dataset_commit(dataset *ds, JsonObject *manifest, gboolean all_redone, gboolean quiet,
               GError **error)
{
    json_object_set_int_member(manifest, "generation", ds->generation);
    sort_inputs(manifest);
    JsonObject *changes = changes_between(ds, manifest, all_redone, quiet);
    char *manifest_path = g_build_filename(ds->staging, "manifest.json", NULL);
    char *changes_path = g_build_filename(ds->staging, "changes.json", NULL);
    char *name = g_strdup_printf(GENERATION_PREFIX "%06" G_GINT64_FORMAT, ds->generation);
    char *final = g_build_filename(ds->dir, name, NULL);
    gboolean ok = write_json(manifest_path, manifest, error) &&
                  write_json(changes_path, changes, error);
    if (ok && rename(ds->staging, final) != 0)
        ok = set_io_error(error, "cannot rename a folder to", final);
    if (ok) {
        g_clear_pointer(&ds->staging, g_free);
        ok = switch_current(ds, name, error);
    }
    if (ok && ds->current_dir != NULL)
        remove_tree(ds->current_dir);
    if (ok && !quiet)
        cli_error("dataset %s: generation %" G_GINT64_FORMAT ": %u added, %u changed, "
                  "%u removed, %" G_GINT64_FORMAT " unchanged, %u failed", ds->dir,
                  ds->generation,
                  json_array_get_length(json_object_get_array_member(changes, "added")),
                  json_array_get_length(json_object_get_array_member(changes, "changed")),
                  json_array_get_length(json_object_get_array_member(changes, "removed")),
                  json_object_get_int_member(changes, "unchanged"),
                  json_array_get_length(json_object_get_array_member(changes, "failed")));
    json_object_unref(changes);
    g_free(final);
    g_free(name);
    g_free(changes_path);
    g_free(manifest_path);
    return ok;
}
