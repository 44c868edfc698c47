/* SPDX-License-Identifier: MIT */
/* META-INF/manifest.xml: the package's media type and every part in it. */
#include "ods_parts.h"
#include "ods_names.h"
#include "common/xmlout.h"

/* LibreOffice refuses a package whose manifest does not list its parts, and
 * the 1.3 schema requires manifest:version on the root and the "/" entry. */

static void
entry(xmlout *x, const char *path, const char *media_type, const char *version)
{
    xmlout_start(x, "manifest:file-entry");
    xmlout_attr(x, "manifest:full-path", path);
    xmlout_attr(x, "manifest:version", version);
    xmlout_attr(x, "manifest:media-type", media_type);
    xmlout_end(x);
}

ost_status
ods_manifest_write(GByteArray *out, const char *const *paths, guint n_paths, GError **error)
{
    xmlout x;
    xmlout_begin(&x, out, FALSE);
    xmlout_start(&x, "manifest:manifest");
    xmlout_attr(&x, "xmlns:manifest", ODS_NS_MANIFEST);
    xmlout_attr(&x, "manifest:version", ODS_ODF_VERSION);
    entry(&x, "/", ODS_MEDIA_TYPE, ODS_ODF_VERSION);
    for (guint i = 0; i < n_paths; i++)
        entry(&x, paths[i], "text/xml", NULL);
    xmlout_end(&x);
    return xmlout_finish(&x, "META-INF/manifest.xml", error);
}
