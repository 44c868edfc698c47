/* SPDX-License-Identifier: MIT */
/* One progress line on a terminal: done/total, percentage, rate, time left. */
#ifndef OST_CLI_PROGRESS_H
#define OST_CLI_PROGRESS_H

#include <glib.h>

/* Show progress for @total items on stderr, when it is a terminal and
 * @enabled; otherwise every call below does nothing. */
void progress_start(guint total, gboolean enabled);

/* @done items of the total finished; @current names the latest. */
void progress_update(guint done, const char *current);

/* Clear the line, so that a message can be printed; the next update
 * draws it again. */
void progress_clear(void);

/* Clear the line for good. */
void progress_end(void);

#endif
