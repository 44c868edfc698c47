/* SPDX-License-Identifier: MIT */
/* The small XML parts of the package: styles, meta, settings, manifest. */
#ifndef OST_ODS_PARTS_H
#define OST_ODS_PARTS_H

#include <ost.h>

/* Each appends one complete, compact UTF-8 XML document to @out and returns
 * OST_ERR_XML with @error set when libxml2 fails. */

/* styles.xml: the named cell styles content.xml uses (ods_names.h). */
ost_status ods_styles_write(GByteArray *out, GError **error);

/* meta.xml: generator, @title, statistics. No dates: the same model must
 * give the same bytes. */
ost_status ods_meta_write(GByteArray *out, const char *title, guint tables, guint64 cells,
                          GError **error);

/* settings.xml: the header row of each named sheet frozen on screen, the
 * first sheet active. */
ost_status ods_settings_write(GByteArray *out, const char *const *sheets, guint n_sheets,
                              GError **error);

/* META-INF/manifest.xml: the package and every part in @paths. */
ost_status ods_manifest_write(GByteArray *out, const char *const *paths, guint n_paths,
                              GError **error);

#endif
