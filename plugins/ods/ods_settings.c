/* SPDX-License-Identifier: MIT */
/* settings.xml: LibreOffice view settings that freeze each header row. */
#include "ods_parts.h"
#include "ods_names.h"
#include "common/xmlout.h"

/* ODF has no element for a frozen pane: it is application view state in
 * config items. These are the names and values LibreOffice itself writes
 * for "freeze first row" (a vertical split of mode 2, frozen, after row 1,
 * with the lower pane active); other applications ignore them. */

static void
item(xmlout *x, const char *name, const char *type, const char *value)
{
    xmlout_start(x, "config:config-item");
    xmlout_attr(x, "config:name", name);
    xmlout_attr(x, "config:type", type);
    xmlout_string(x, value);
    xmlout_end(x);
}

static void
frozen_header(xmlout *x, const char *sheet)
{
    xmlout_start(x, "config:config-item-map-entry");
    xmlout_attr(x, "config:name", sheet);
    item(x, "HorizontalSplitMode", "short", "0");
    item(x, "VerticalSplitMode", "short", "2");
    item(x, "HorizontalSplitPosition", "int", "0");
    item(x, "VerticalSplitPosition", "int", "1");
    item(x, "ActiveSplitRange", "short", "2");
    item(x, "PositionLeft", "int", "0");
    item(x, "PositionRight", "int", "0");
    item(x, "PositionTop", "int", "0");
    item(x, "PositionBottom", "int", "1");
    xmlout_end(x);
}

ost_status
ods_settings_write(GByteArray *out, const char *const *sheets, guint n_sheets,
                   GError **error)
{
    xmlout x;
    xmlout_begin(&x, out, FALSE);
    xmlout_start(&x, "office:document-settings");
    xmlout_attr(&x, "xmlns:office", ODS_NS_OFFICE);
    xmlout_attr(&x, "xmlns:config", ODS_NS_CONFIG);
    /* LibreOffice reads the set name "ooo:view-settings" as a qualified
     * name: without this declaration it ignores the whole set, frozen
     * header rows included (checked through UNO's hasFrozenPanes). */
    xmlout_attr(&x, "xmlns:ooo", ODS_NS_OOO);
    xmlout_attr(&x, "office:version", ODS_ODF_VERSION);
    xmlout_start(&x, "office:settings");
    xmlout_start(&x, "config:config-item-set");
    xmlout_attr(&x, "config:name", "ooo:view-settings");
    xmlout_start(&x, "config:config-item-map-indexed");
    xmlout_attr(&x, "config:name", "Views");
    xmlout_start(&x, "config:config-item-map-entry");
    item(&x, "ViewId", "string", "view1");
    xmlout_start(&x, "config:config-item-map-named");
    xmlout_attr(&x, "config:name", "Tables");
    for (guint i = 0; i < n_sheets; i++)
        frozen_header(&x, sheets[i]);
    xmlout_end(&x);
    if (n_sheets > 0)
        item(&x, "ActiveTable", "string", sheets[0]);
    xmlout_end(&x);
    xmlout_end(&x);
    xmlout_end(&x);
    xmlout_end(&x);
    xmlout_end(&x);
    return xmlout_finish(&x, "settings.xml", error);
}
