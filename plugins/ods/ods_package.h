/* SPDX-License-Identifier: MIT */
/* The zip package: mimetype first and stored, then the parts. */
#ifndef OST_ODS_PACKAGE_H
#define OST_ODS_PACKAGE_H

#include <ost.h>

typedef struct ods_part {
    const char *path;          /* "content.xml", "META-INF/manifest.xml" */
    const GByteArray *data;
} ods_part;

/* Append to @out a zip holding the mimetype entry and then @parts in order.
 * The same parts give the same bytes, whatever the clock or time zone. */
ost_status ods_package_write(GByteArray *out, const ods_part *parts, guint n_parts,
                             GError **error);

#endif
