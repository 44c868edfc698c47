/* SPDX-License-Identifier: MIT */
/* Where outputs go: what -o names, which writer, one name per input. */
#ifndef OST_CLI_OUTPUT_PATH_H
#define OST_CLI_OUTPUT_PATH_H

#include "input.h"

typedef enum output_kind {
    OUTPUT_STDOUT,   /* no -o, or "-" */
    OUTPUT_FOLDER,   /* an existing folder, or a name ending in '/' */
    OUTPUT_FILE,
} output_kind;

output_kind output_kind_of(const char *output);

/* The writer -t names, else the one claiming -o's extension, else JSON.
 * NULL (reported) when -t names none, or when -o has an extension no writer
 * claims and no -t says the format. */
const ost_writer_info *output_choose_writer(const ost_registry *reg, const char *to,
                                            const char *output, output_kind kind);

/* @relative with its extension replaced by @writer's. */
char *output_name_for(const char *relative, const ost_writer_info *writer);

/* FALSE, with each clash reported, when two inputs map to one output
 * path (@paths[i] belongs to @inputs[i]). */
gboolean output_check_clashes(const GPtrArray *inputs, char *const *paths);

#endif
