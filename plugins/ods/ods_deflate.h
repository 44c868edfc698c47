/* SPDX-License-Identifier: MIT */
/* A part deflated on a second thread while it is being written. */
#ifndef OST_ODS_DEFLATE_H
#define OST_ODS_DEFLATE_H

#include <ost.h>

/* content.xml of a large workbook is tens of megabytes that only exist to
 * be compressed: writing it into memory whole and then zipping it took
 * about as long to deflate as to generate, one after the other, and held
 * the whole document at once. Here the writer hands over full chunks and
 * a worker thread deflates them as they come, so generating and
 * compressing overlap on two cores and only a few chunks are in memory.
 * On bench/ods_bench (100,000 KSB rows, 60 MB of content.xml) this and the
 * one-pass cell text took the writer from 0.33 s to 0.22 s and its peak
 * memory from 109 to 56 MiB (the model alone is 39 MiB). The entry differs
 * from what libzip would deflate only in zlib's memory level and in the
 * "fast" hint bits of the zip header; the XML inside is the same. */

typedef struct ods_deflate ods_deflate;

/* Start the worker. NULL with @error set if it cannot be started. */
ods_deflate *ods_deflate_new(GError **error);

/* Append @len bytes; an xmlOutputWriteCallback, so libxml2 can write
 * straight into it. Always accepts everything; a compression failure is
 * reported by ods_deflate_finish(). */
int ods_deflate_write(void *self, const char *buf, int len);

/* Compress what is left and wait for the worker. */
ost_status ods_deflate_finish(ods_deflate *d, GError **error);

/* After a successful finish: the raw deflate stream (as a zip entry holds
 * it), and the size and CRC-32 of the data that went in. */
const guint8 *ods_deflate_data(const ods_deflate *d, gsize *len);
guint64 ods_deflate_size(const ods_deflate *d);
guint32 ods_deflate_crc(const ods_deflate *d);

void ods_deflate_free(ods_deflate *d);

#endif
