/* SPDX-License-Identifier: MIT */
/* What the ways of running `ost convert` share. */
#ifndef OST_CLI_CONVERT_H
#define OST_CLI_CONVERT_H

#include "input.h"

typedef struct convert_opts {
    char *from;
    char *to;
    char *output;
    char *dataset;
    char *shard;
    char *name;
    gboolean combine;
    gboolean quiet;
    gboolean verbose;
    int jobs;
} convert_opts;

typedef struct convert_run {
    const ost_registry *reg;
    const convert_opts *o;
    const ost_writer_info *writer;
    GPtrArray *inputs;        /* input* */
    guint n_threads;
    guint shard_index, shard_count;
    char *inputs_digest;      /* of every input, before taking a shard */
    guint inputs_total;
} convert_run;

/* Write @n @docs with @writer to @path: a file (or stream) for most
 * writers, a folder swapped in whole for OST_WRITER_FOLDER ones. */
gboolean convert_write(const ost_writer_info *writer, const ost_doc *const *docs, gsize n,
                       guint flags, const char *path, GError **error);

/* With -v: the document read from @in, its warnings, where it went. */
void convert_report_document(const convert_opts *o, const input *in, const ost_doc *doc,
                             const char *out);

/* `--dataset DIR`: convert what is new or changed into a new generation. */
int convert_dataset(const convert_run *run);

#endif
