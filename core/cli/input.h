/* SPDX-License-Identifier: MIT */
/* The inputs of a conversion: files named on the command line, files found
 * by walking folders, and standard input. */
#ifndef OST_CLI_INPUT_H
#define OST_CLI_INPUT_H

#include <ost.h>

typedef struct input {
    char *path;       /* to open: as given, or found below a given folder; "-" is stdin */
    char *relative;   /* where it sits in the mirrored output tree */
    char *recorded;   /* the path recorded in the document: path, or --name for stdin */
    GBytes *data;     /* standard input, read while collecting; NULL for files */
} input;

void input_free(input *in);

/* Inputs for @args, in argument order and sorted within each folder. One
 * argument's files are laid out below it (its contents, as `cp -r DIR NEW`
 * lays them out); with several arguments each goes below its own base name,
 * as `cp -r A B DEST/` does. A file argument is its base name; "-" is
 * standard input, recorded as @stdin_name. Folder walks take only files
 * with an extension some reader claims, skip other kinds of file with a
 * warning, and walk no folder twice (symbolic links may loop). Problems are
 * reported and counted in @failures. */
GPtrArray *input_collect(const ost_registry *reg, char **args, int n_args,
                         const char *stdin_name, int *failures);

/* The SHA-256 (hex) and size of an input, read in pieces; what is not a
 * regular file is refused without blocking. NULL with @error set. */
char *input_hash(const input *in, gint64 *size, GError **error);

/* Read and recognise one input (NULL with @error set). */
ost_doc *input_convert(const ost_registry *reg, const input *in, const char *reader_name,
                       GError **error);

#endif
