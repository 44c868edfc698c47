/* SPDX-License-Identifier: MIT */
/* Shards: a fixed part of the inputs for each of N machines or jobs. */
#ifndef OST_CLI_SHARD_H
#define OST_CLI_SHARD_H

#include "input.h"

/* Keep only the inputs of shard @index of @count: chosen by a hash of the
 * relative path, so the split is the same whatever the order of inputs. */
void shard_keep(GPtrArray *inputs, guint index, guint count);

/* SHA-256 (hex) of the sorted relative paths: the same for every shard of
 * one set of inputs. */
char *shard_inputs_digest(const GPtrArray *inputs);

/* Parse "I/N" (or "env/N": I from $SLURM_ARRAY_TASK_ID or
 * $JOB_COMPLETION_INDEX) into 0 <= *index < *count. */
gboolean shard_parse(const char *spec, guint *index, guint *count, GError **error);

#endif
