/* SPDX-License-Identifier: MIT */
/* styles.xml: the named cell styles and the ISO date format. */
#include "ods_parts.h"
#include "ods_names.h"
#include "common/xmlout.h"

#define DATE_STYLE "N1"

static void
date_style(xmlout *x)
{
    /* Without it LibreOffice shows dates in the locale's format
     * (05/01/23); ISO reads the same everywhere. */
    static const char *const parts[] = {"year", "-", "month", "-", "day"};
    xmlout_start(x, "number:date-style");
    xmlout_attr(x, "style:name", DATE_STYLE);
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++) {
        if (i % 2 == 1) {
            xmlout_element(x, "number:text", parts[i]);
            continue;
        }
        char name[16];
        g_snprintf(name, sizeof name, "number:%s", parts[i]);
        xmlout_start(x, name);
        xmlout_attr(x, "number:style", "long");
        xmlout_end(x);
    }
    xmlout_end(x);
}

static void
cell_style(xmlout *x, const char *name, const char *data_style)
{
    xmlout_start(x, "style:style");
    xmlout_attr(x, "style:name", name);
    xmlout_attr(x, "style:family", "table-cell");
    if (g_strcmp0(name, ODS_STYLE_DEFAULT) != 0)
        xmlout_attr(x, "style:parent-style-name", ODS_STYLE_DEFAULT);
    xmlout_attr(x, "style:data-style-name", data_style);
}

static void
wrap(xmlout *x, const char *background)
{
    xmlout_start(x, "style:table-cell-properties");
    xmlout_attr(x, "fo:background-color", background);
    xmlout_attr(x, "fo:wrap-option", "wrap");
    xmlout_end(x);
}

ost_status
ods_styles_write(GByteArray *out, GError **error)
{
    xmlout x;
    xmlout_begin(&x, out, FALSE);
    xmlout_start(&x, "office:document-styles");
    xmlout_attr(&x, "xmlns:office", ODS_NS_OFFICE);
    xmlout_attr(&x, "xmlns:style", ODS_NS_STYLE);
    xmlout_attr(&x, "xmlns:fo", ODS_NS_FO);
    xmlout_attr(&x, "xmlns:number", ODS_NS_NUMBER);
    xmlout_attr(&x, "office:version", ODS_ODF_VERSION);
    xmlout_start(&x, "office:styles");
    date_style(&x);

    /* Top alignment everywhere: rows grow with wrapped text, and short
     * cells beside long ones should read from the top. It goes on the
     * named Default style, which every cell style inherits: LibreOffice
     * does not apply a style:default-style's alignment to styled cells. */
    cell_style(&x, ODS_STYLE_DEFAULT, NULL);
    xmlout_start(&x, "style:table-cell-properties");
    xmlout_attr(&x, "style:vertical-align", "top");
    xmlout_end(&x);
    xmlout_end(&x);

    cell_style(&x, ODS_STYLE_HEADER, NULL);
    wrap(&x, "#dddddd");
    xmlout_start(&x, "style:text-properties");
    xmlout_attr(&x, "fo:font-weight", "bold");
    xmlout_attr(&x, "style:font-weight-asian", "bold");
    xmlout_attr(&x, "style:font-weight-complex", "bold");
    xmlout_end(&x);
    xmlout_end(&x);

    cell_style(&x, ODS_STYLE_TEXT, NULL);
    wrap(&x, NULL);
    xmlout_end(&x);

    cell_style(&x, ODS_STYLE_DATE, DATE_STYLE);
    xmlout_end(&x);

    cell_style(&x, ODS_STYLE_MARK, NULL);
    xmlout_start(&x, "style:paragraph-properties");
    xmlout_attr(&x, "fo:text-align", "center");
    xmlout_end(&x);
    xmlout_end(&x);

    xmlout_end(&x);
    xmlout_end(&x);
    return xmlout_finish(&x, "styles.xml", error);
}
