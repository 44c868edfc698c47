/* SPDX-License-Identifier: MIT */
/* The zip package: mimetype first and stored, then the parts. */
#ifndef OST_ODS_PACKAGE_H
#define OST_ODS_PACKAGE_H

#include <ost.h>

/* Deflate level 1: content.xml of a large workbook is tens of megabytes of
 * repetitive markup; level 1 packs it nearly as small as the default level
 * in a fraction of the time, and compression dominated the writing time. */
#define ODS_DEFLATE_LEVEL 1

typedef struct ods_part {
    const char *path;          /* "content.xml", "META-INF/manifest.xml" */
    const guint8 *data;
    gsize len;
    /* Set when @data is already a raw deflate stream (ods_deflate.h) of
     * @size bytes with this CRC-32; libzip then stores it as it is. */
    gboolean deflated;
    guint64 size;
    guint32 crc;
} ods_part;

/* Append to @out a zip holding the mimetype entry and then @parts in order.
 * The same parts give the same bytes, whatever the clock or time zone. */
ost_status ods_package_write(GByteArray *out, const ods_part *parts, guint n_parts,
                             GError **error);

#endif
