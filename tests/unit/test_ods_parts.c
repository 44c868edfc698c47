/* SPDX-License-Identifier: MIT */
/* Exact XML of each ODS package part, written on its own. */
#include "test_ods_support.h"

#include "ods/ods_content.h"
#include "ods/ods_deflate.h"
#include "ods/ods_package.h"
#include "ods/ods_parts.h"

#define DECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS_OFFICE "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""

static char *
as_string(GByteArray *bytes)
{
    char *s = g_strndup((const char *)bytes->data, bytes->len);
    g_byte_array_unref(bytes);
    return s;
}

static void
test_manifest(void **state)
{
    static const char *const parts[] = {"content.xml", "META-INF/x.xml"};
    GByteArray *out = g_byte_array_new();
    assert_int_equal(ods_manifest_write(out, parts, 2, NULL), OST_OK);
    char *got = as_string(out);
    assert_string_equal(got, DECL
        "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
        " manifest:version=\"1.3\">"
        "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
        " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
        "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
        "<manifest:file-entry manifest:full-path=\"META-INF/x.xml\" manifest:media-type=\"text/xml\"/>"
        "</manifest:manifest>\n");
    g_free(got);
}

static void
test_meta(void **state)
{
    GByteArray *out = g_byte_array_new();
    assert_int_equal(ods_meta_write(out, "A & B", 3, 42, NULL), OST_OK);
    char *got = as_string(out);
    assert_string_equal(got, DECL
        "<office:document-meta " NS_OFFICE
        " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">"
        "<office:meta><meta:generator>ost/" OST_VERSION "</meta:generator>"
        "<dc:title>A &amp; B</dc:title>"
        "<meta:document-statistic meta:table-count=\"3\" meta:cell-count=\"42\"/>"
        "</office:meta></office:document-meta>\n");
    g_free(got);
}

#define FROZEN(name)                                                                   \
    "<config:config-item-map-entry config:name=\"" name "\">"                          \
    "<config:config-item config:name=\"HorizontalSplitMode\" config:type=\"short\">0</config:config-item>" \
    "<config:config-item config:name=\"VerticalSplitMode\" config:type=\"short\">2</config:config-item>"   \
    "<config:config-item config:name=\"HorizontalSplitPosition\" config:type=\"int\">0</config:config-item>" \
    "<config:config-item config:name=\"VerticalSplitPosition\" config:type=\"int\">1</config:config-item>" \
    "<config:config-item config:name=\"ActiveSplitRange\" config:type=\"short\">2</config:config-item>"    \
    "<config:config-item config:name=\"PositionLeft\" config:type=\"int\">0</config:config-item>"          \
    "<config:config-item config:name=\"PositionRight\" config:type=\"int\">0</config:config-item>"         \
    "<config:config-item config:name=\"PositionTop\" config:type=\"int\">0</config:config-item>"           \
    "<config:config-item config:name=\"PositionBottom\" config:type=\"int\">1</config:config-item>"        \
    "</config:config-item-map-entry>"

static void
test_settings(void **state)
{
    static const char *const sheets[] = {"Standards", "Duty x KSB matrix"};
    GByteArray *out = g_byte_array_new();
    assert_int_equal(ods_settings_write(out, sheets, 2, NULL), OST_OK);
    char *got = as_string(out);
    assert_string_equal(got, DECL
        "<office:document-settings " NS_OFFICE
        " xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\""
        " xmlns:ooo=\"http://openoffice.org/2004/office\" office:version=\"1.3\">"
        "<office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
        "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>"
        "<config:config-item config:name=\"ViewId\" config:type=\"string\">view1</config:config-item>"
        "<config:config-item-map-named config:name=\"Tables\">"
        FROZEN("Standards") FROZEN("Duty x KSB matrix")
        "</config:config-item-map-named>"
        "<config:config-item config:name=\"ActiveTable\" config:type=\"string\">Standards</config:config-item>"
        "</config:config-item-map-entry></config:config-item-map-indexed>"
        "</config:config-item-set></office:settings></office:document-settings>\n");
    g_free(got);
}

static void
test_styles(void **state)
{
    GByteArray *out = g_byte_array_new();
    assert_int_equal(ods_styles_write(out, NULL), OST_OK);
    char *got = as_string(out);
    assert_string_equal(got, DECL
        "<office:document-styles " NS_OFFICE
        " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
        " xmlns:number=\"urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0\" office:version=\"1.3\">"
        "<office:styles>"
        "<number:date-style style:name=\"N1\"><number:year number:style=\"long\"/>"
        "<number:text>-</number:text><number:month number:style=\"long\"/>"
        "<number:text>-</number:text><number:day number:style=\"long\"/></number:date-style>"
        "<style:style style:name=\"Default\" style:family=\"table-cell\">"
        "<style:table-cell-properties style:vertical-align=\"top\"/></style:style>"
        "<style:style style:name=\"Header\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
        "<style:table-cell-properties fo:background-color=\"#dddddd\" fo:wrap-option=\"wrap\"/>"
        "<style:text-properties fo:font-weight=\"bold\" style:font-weight-asian=\"bold\""
        " style:font-weight-complex=\"bold\"/></style:style>"
        "<style:style style:name=\"Text\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
        "<style:table-cell-properties fo:wrap-option=\"wrap\"/></style:style>"
        "<style:style style:name=\"Date\" style:family=\"table-cell\" style:parent-style-name=\"Default\""
        " style:data-style-name=\"N1\"/>"
        "<style:style style:name=\"Mark\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
        "<style:paragraph-properties fo:text-align=\"center\"/></style:style>"
        "</office:styles></office:document-styles>\n");
    g_free(got);
}

/* The body of content.xml after the fixed preamble. */
static char *
content_body(GByteArray *bytes)
{
    char *all = as_string(bytes);
    const char *start = strstr(all, "<office:spreadsheet>");
    assert_non_null(start);
    char *body = g_strdup(start + strlen("<office:spreadsheet>"));
    g_free(all);
    return body;
}

static void
test_content_cells(void **state)
{
    static const ods_column columns[] = {
        {"Code", ODS_WIDTH_CODE}, {"N", ODS_WIDTH_CODE}, {"Text", ODS_WIDTH_TEXT},
        {"Date", ODS_WIDTH_SHORT}, {"Yes", ODS_WIDTH_CODE}, {"Gap", ODS_WIDTH_CODE},
        {"Last", ODS_WIDTH_MARK},
    };
    GByteArray *out = g_byte_array_new();
    ods_content c;
    ods_content_begin(&c, out);
    ods_table_begin(&c, "T<1>", columns, G_N_ELEMENTS(columns));
    ods_row_begin(&c);
    ods_cell_text(&c, "a & b");
    ods_cell_int(&c, 4);
    ods_cell_text(&c, " lead  two\tTab\r\nline 2");
    ods_cell_date(&c, "2023-05-01");
    ods_cell_bool(&c, OST_NO);
    ods_cell_empty(&c);
    ods_cell_text(&c, "x");
    ods_row_end(&c);
    /* Nulls: empty cells, and trailing ones left out. */
    ods_row_begin(&c);
    ods_cell_text(&c, NULL);
    ods_cell_int(&c, 0);
    ods_cell_date(&c, "2023-02-30");
    ods_cell_bool(&c, OST_UNSET);
    ods_row_end(&c);
    ods_row_begin(&c);
    ods_cell_text(&c, NULL);
    ods_row_end(&c);
    /* Five lines: the row gets the fixed height; one long line in a code
     * column does not wrap and leaves the row alone. */
    ods_row_begin(&c);
    ods_cell_text(&c, "a long code that does not wrap at all in a narrow column, however long it is");
    ods_cell_empty(&c);
    ods_cell_text(&c, "1\n2\n3\n4\n5");
    ods_row_end(&c);
    ods_table_end(&c);
    assert_int_equal(c.tables, 1);
    assert_int_equal(c.cells, 7 + 6 + 1 + 2);
    assert_int_equal(ods_content_finish(&c, NULL), OST_OK);
    ods_content_clear(&c);
    char *got = content_body(out);
#define HEAD(t) "<table:table-cell table:style-name=\"Header\" office:value-type=\"string\"><text:p>" t "</text:p></table:table-cell>"
    assert_string_equal(got,
        "<table:table table:name=\"T&lt;1&gt;\">"
        "<table:table-column table:style-name=\"co1\" table:number-columns-repeated=\"2\" table:default-cell-style-name=\"Default\"/>"
        "<table:table-column table:style-name=\"co4\" table:default-cell-style-name=\"Default\"/>"
        "<table:table-column table:style-name=\"co2\" table:default-cell-style-name=\"Default\"/>"
        "<table:table-column table:style-name=\"co1\" table:number-columns-repeated=\"2\" table:default-cell-style-name=\"Default\"/>"
        "<table:table-column table:style-name=\"co5\" table:default-cell-style-name=\"Default\"/>"
        "<table:table-header-rows><table:table-row>"
        HEAD("Code") HEAD("N") HEAD("Text") HEAD("Date") HEAD("Yes") HEAD("Gap") HEAD("Last")
        "</table:table-row></table:table-header-rows>"
        "<table:table-row>"
        "<table:table-cell office:value-type=\"string\"><text:p>a &amp; b</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"float\" office:value=\"4\"><text:p>4</text:p></table:table-cell>"
        "<table:table-cell table:style-name=\"Text\" office:value-type=\"string\">"
        "<text:p><text:s/>lead <text:s/>two<text:tab/>Tab</text:p><text:p>line 2</text:p></table:table-cell>"
        "<table:table-cell table:style-name=\"Date\" office:value-type=\"date\" office:date-value=\"2023-05-01\">"
        "<text:p>2023-05-01</text:p></table:table-cell>"
        "<table:table-cell office:value-type=\"boolean\" office:boolean-value=\"false\"><text:p>FALSE</text:p></table:table-cell>"
        "<table:table-cell/>"
        "<table:table-cell table:style-name=\"Mark\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell>"
        "</table:table-row>"
        "<table:table-row><table:table-cell table:number-columns-repeated=\"2\"/>"
        "<table:table-cell table:style-name=\"Text\" office:value-type=\"string\"><text:p>2023-02-30</text:p></table:table-cell>"
        "</table:table-row>"
        "<table:table-row><table:table-cell/></table:table-row>"
        "<table:table-row table:style-name=\"ro1\">"
        "<table:table-cell office:value-type=\"string\"><text:p>a long code that does not wrap at all in a narrow column, however long it is</text:p></table:table-cell>"
        "<table:table-cell/>"
        "<table:table-cell table:style-name=\"Text\" office:value-type=\"string\">"
        "<text:p>1</text:p><text:p>2</text:p><text:p>3</text:p><text:p>4</text:p><text:p>5</text:p></table:table-cell>"
        "</table:table-row>"
        "</table:table>"
        "<table:database-ranges><table:database-range table:name=\"__Anonymous_Sheet_DB__0\""
        " table:target-range-address=\"'T&lt;1&gt;'.A1:'T&lt;1&gt;'.G5\" table:display-filter-buttons=\"true\"/>"
        "</table:database-ranges>"
        "</office:spreadsheet></office:body></office:document-content>\n");
#undef HEAD
    g_free(got);
}

static void
test_content_preamble(void **state)
{
    GByteArray *out = g_byte_array_new();
    ods_content c;
    ods_content_begin(&c, out);
    assert_int_equal(ods_content_finish(&c, NULL), OST_OK);
    ods_content_clear(&c);
    char *got = as_string(out);
#define COL(n, w) "<style:style style:name=\"co" #n "\" style:family=\"table-column\">" \
    "<style:table-column-properties fo:break-before=\"auto\" style:column-width=\"" w "\"/></style:style>"
    assert_string_equal(got, DECL
        "<office:document-content " NS_OFFICE
        " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
        " office:version=\"1.3\"><office:automatic-styles>"
        COL(1, "2.5cm") COL(2, "4cm") COL(3, "6cm") COL(4, "10cm") COL(5, "1.3cm")
        "<style:style style:name=\"ro1\" style:family=\"table-row\"><style:table-row-properties"
        " style:row-height=\"1.9cm\" style:use-optimal-row-height=\"false\"/></style:style>"
        "</office:automatic-styles><office:body><office:spreadsheet/></office:body>"
        "</office:document-content>\n");
#undef COL
    g_free(got);
}

/* A part deflated on the worker thread, much longer than the chunks in
 * flight and written in odd-sized pieces, comes back out of the zip
 * byte for byte; libzip checks the CRC-32 and sizes as it reads. */
static void
test_deflated_part(void **state)
{
    GString *want = g_string_new(NULL);
    ods_deflate *d = ods_deflate_new(NULL);
    assert_non_null(d);
    for (guint i = 0; want->len < 3 * 1024 * 1024; i++) {
        char piece[64];
        int n = g_snprintf(piece, sizeof piece, "<row n=\"%u\">caf\xC3\xA9 %u</row>", i, i * 7919u);
        g_string_append_len(want, piece, n);
        assert_int_equal(ods_deflate_write(d, piece, n), n);
    }
    assert_int_equal(ods_deflate_finish(d, NULL), OST_OK);
    assert_int_equal(ods_deflate_size(d), want->len);
    ods_part part = {"content.xml", NULL, 0, TRUE, ods_deflate_size(d), ods_deflate_crc(d)};
    part.data = ods_deflate_data(d, &part.len);
    assert_true(part.len < want->len / 4);
    GByteArray *zip = g_byte_array_new();
    assert_int_equal(ods_package_write(zip, &part, 1, NULL), OST_OK);
    ods_deflate_free(d);
    GByteArray *back = ods_read_part(zip, "content.xml");
    assert_non_null(back);
    assert_int_equal(back->len, want->len);
    assert_memory_equal(back->data, want->str, want->len);
    g_byte_array_unref(back);
    g_byte_array_unref(zip);
    g_string_free(want, TRUE);
}

/* Dropped unfinished (an error elsewhere in the workbook), it stops its
 * worker without waiting for anything. */
static void
test_deflate_abandoned(void **state)
{
    ods_deflate *d = ods_deflate_new(NULL);
    assert_non_null(d);
    char block[4096];
    memset(block, 'x', sizeof block);
    for (int i = 0; i < 1000; i++)
        ods_deflate_write(d, block, sizeof block);
    ods_deflate_free(d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_manifest),
        cmocka_unit_test(test_deflated_part),
        cmocka_unit_test(test_deflate_abandoned),
        cmocka_unit_test(test_meta),
        cmocka_unit_test(test_settings),
        cmocka_unit_test(test_styles),
        cmocka_unit_test(test_content_cells),
        cmocka_unit_test(test_content_preamble),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
