/* SPDX-License-Identifier: MIT */
/* meta.xml: generator, title and statistics; deliberately no dates. */
#include "ods_parts.h"
#include "ods_names.h"
#include "common/xmlout.h"

/* meta:creation-date is optional. Writing the current time would make two
 * runs over the same inputs differ, and the inputs carry no reliable date
 * of their own, so the workbook states none. */

ost_status
ods_meta_write(GByteArray *out, const char *title, guint tables, guint64 cells,
               GError **error)
{
    xmlout x;
    xmlout_begin(&x, out, FALSE);
    xmlout_start(&x, "office:document-meta");
    xmlout_attr(&x, "xmlns:office", ODS_NS_OFFICE);
    xmlout_attr(&x, "xmlns:meta", ODS_NS_META);
    xmlout_attr(&x, "xmlns:dc", ODS_NS_DC);
    xmlout_attr(&x, "office:version", ODS_ODF_VERSION);
    xmlout_start(&x, "office:meta");
    xmlout_element(&x, "meta:generator", "ost/" OST_VERSION);
    xmlout_element(&x, "dc:title", title);
    xmlout_start(&x, "meta:document-statistic");
    xmlout_attr_int(&x, "meta:table-count", tables);
    xmlout_attr_int(&x, "meta:cell-count", (gint64)cells);
    xmlout_end(&x);
    xmlout_end(&x);
    xmlout_end(&x);
    return xmlout_finish(&x, "meta.xml", error);
}
