/* SPDX-License-Identifier: MIT */
/* A dataset folder: generations of outputs with their manifest, switched
 * atomically.
 *
 *   DIR/current -> gen-N            symbolic link, replaced by one rename
 *   DIR/gen-N/manifest.json         every input: path, size, sha256, ost
 *                                   version and options, outputs, status,
 *                                   error, warning count
 *   DIR/gen-N/changes.json          what the run that made gen-N changed
 *   DIR/gen-N/outputs/...           the outputs, mirroring the inputs
 *
 * A new generation is built in a temporary folder beside the others (the
 * unchanged outputs hard linked into it), renamed to gen-N+1 when complete,
 * and made current by renaming a new link over DIR/current. A kill at any
 * moment leaves DIR/current naming the previous complete generation or the
 * new one; the next run removes whatever was left half made. */
#ifndef OST_CLI_DATASET_H
#define OST_CLI_DATASET_H

#include <json-glib/json-glib.h>

typedef struct dataset dataset;

/* Open @dir (created when missing) for a new generation: take its lock,
 * remove what an interrupted run left, read the current manifest. */
dataset *dataset_open(const char *dir, GError **error);

/* Unlock; a generation not committed is removed. */
void dataset_free(dataset *ds);

/* The current manifest, or NULL for a new dataset. */
JsonObject *dataset_previous(const dataset *ds);

/* The current manifest's entry for input @path, or NULL. */
JsonObject *dataset_previous_entry(const dataset *ds, const char *path);

/* Where an output with @relative path goes in the new generation. */
char *dataset_output_path(const dataset *ds, const char *relative);

/* Carry @entry's outputs from generation folder @from_generation into the
 * new generation. Safe on worker threads. */
gboolean dataset_carry_outputs(const dataset *ds, const char *from_generation,
                               JsonObject *entry, GError **error);

/* Write @manifest (its "inputs" sorted by path here) and the report of what
 * changed since the current generation, then make it current. Lists the
 * outputs of vanished inputs on stderr unless @quiet. @all_redone says the
 * version or options changed, so every input was converted again. */
gboolean dataset_commit(dataset *ds, JsonObject *manifest, gboolean all_redone,
                        gboolean quiet, GError **error);

/* Read the current manifest of dataset @dir (NULL with @error set), and
 * name the folder of its current generation in @generation. */
JsonObject *dataset_read_manifest(const char *dir, char **generation, GError **error);

/* The folder holding the current generation of @ds (its outputs under
 * "outputs/"), or NULL for a new dataset. */
const char *dataset_current_dir(const dataset *ds);

#endif
