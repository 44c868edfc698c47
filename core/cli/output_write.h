/* SPDX-License-Identifier: MIT */
/* Writing outputs: all or nothing for files, as a stream for the rest. */
#ifndef OST_CLI_OUTPUT_WRITE_H
#define OST_CLI_OUTPUT_WRITE_H

#include <glib.h>

/* Write @bytes to @path: "-" and /dev/stdout are standard output; a FIFO,
 * character device or socket is written into as a stream; anything else is
 * replaced atomically (a temporary beside it, renamed into place), creating
 * its folder when needed. */
gboolean output_write(const char *path, const GByteArray *bytes, GError **error);

/* Remove the temporaries an earlier, killed, run of ost left in @dir (made
 * by output_write, named ".NAME.ost-PID-XXXXXX"), unless that process is
 * still running. A missing folder is no error. */
void output_remove_strays(const char *dir);

/* Make a temporary beside @path named in the pattern output_remove_strays
 * recognises; returns its name, with @fd open on it, or NULL. */
char *output_temporary(const char *path, int *fd, GError **error);

#endif
