/* SPDX-License-Identifier: MIT */
/* Input files opened and read within limits (input.c). */
#ifndef OST_INPUT_PRIVATE_H
#define OST_INPUT_PRIVATE_H
#include <ost/pipeline.h>

/* Open @p path for reading without blocking; refuse what is not a regular
 * file or is over @p max_bytes. Returns the descriptor, or -1 with @p error
 * set. */
int __ost_input_open(const char *path, gsize max_bytes, guint64 *size, GError **error);
/* Append to @p buf from @p fd until its end or until @p buf holds
 * @p max_bytes. */
gboolean __ost_input_read(int fd, GByteArray *buf, gsize max_bytes, GError **error);
void __ost_too_large_error(GError **error, guint64 size, gsize max_bytes, const char *whose);
#endif
