/* SPDX-License-Identifier: MIT */
/* The ODS writer end to end: package layout, ODF 1.3 validity, sheets, typed cells. */
#include "test_ods_support.h"

#include <time.h>

static GByteArray *
write_ods(GPtrArray *docs, guint flags)
{
    GByteArray *out = fixture_write("ods", docs, flags);
    assert_non_null(out);
    return out;
}

static xmlDocPtr
content_of(const GByteArray *ods)
{
    GByteArray *xml = ods_read_part(ods, "content.xml");
    xmlDocPtr doc = ods_parse(xml);
    assert_non_null(doc);
    g_byte_array_unref(xml);
    return doc;
}

/* The sheet names, comma separated. */
static char *
sheet_names(xmlDocPtr content)
{
    GString *s = g_string_new(NULL);
    xmlXPathContextPtr ctx = ods_xpath(content);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST "//table:table/@table:name", ctx);
    for (int i = 0; r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++) {
        xmlChar *v = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
        g_string_append_printf(s, "%s%s", i > 0 ? "," : "", (const char *)v);
        xmlFree(v);
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return g_string_free(s, FALSE);
}

static void
assert_cell(xmlDocPtr content, const char *sheet, int row, int col, const char *type,
            const char *value, const char *text)
{
    ods_cell_value v;
    assert_true(ods_cell(content, sheet, row, col, &v));
    gboolean ok = g_strcmp0(v.type, type) == 0 && g_strcmp0(v.value, value) == 0 &&
                  (text == NULL || g_strcmp0(v.text, text) == 0);
    if (!ok)
        print_message("# %s row %d column %d: %s \"%s\" (value %s)\n", sheet, row, col,
                      v.type != NULL ? v.type : "empty", v.text != NULL ? v.text : "",
                      v.value != NULL ? v.value : "none");
    ods_cell_value_clear(&v);
    assert_true(ok);
}

static void
test_package_layout(void **state)
{
    GPtrArray *docs = fixture_one(fixture_standard_doc());
    GByteArray *ods = write_ods(docs, 0);
    /* mimetype first, stored, no extra field: its name at byte 30 and the
     * media type straight after, where file sniffers look. */
    static const char media[] = "application/vnd.oasis.opendocument.spreadsheet";
    assert_true(ods->len > 38 + sizeof media);
    assert_memory_equal(ods->data, "PK\x03\x04", 4);
    assert_int_equal(ods->data[8] | ods->data[9] << 8, 0);        /* method: stored */
    assert_int_equal(ods->data[26] | ods->data[27] << 8, 8);      /* name length */
    assert_int_equal(ods->data[28] | ods->data[29] << 8, 0);      /* extra length */
    assert_memory_equal(ods->data + 30, "mimetype", 8);
    assert_memory_equal(ods->data + 38, media, sizeof media - 1);

    /* Every part the manifest lists is in the package, and the reverse. */
    GByteArray *manifest = ods_read_part(ods, "META-INF/manifest.xml");
    xmlDocPtr m = ods_parse(manifest);
    char *listed = ods_xpath_string(m, "count(//manifest:file-entry)");
    assert_string_equal(listed, "5");
    g_free(listed);
    static const char *const parts[] = {"content.xml", "styles.xml", "meta.xml", "settings.xml"};
    for (guint i = 0; i < G_N_ELEMENTS(parts); i++) {
        char *q = g_strdup_printf("count(//manifest:file-entry[@manifest:full-path='%s'])", parts[i]);
        char *n = ods_xpath_string(m, q);
        assert_string_equal(n, "1");
        GByteArray *part = ods_read_part(ods, parts[i]);
        assert_non_null(part);
        g_byte_array_unref(part);
        g_free(n);
        g_free(q);
    }
    xmlFreeDoc(m);
    g_byte_array_unref(manifest);
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
}

static void
test_byte_identical(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *a = write_ods(docs, OST_WRITE_COMBINED);
    /* Another time zone must not change the stored times. */
    const char *tz = g_getenv("TZ");
    char *saved = g_strdup(tz);
    /* A POSIX rule, so no time zone database is needed. */
    g_setenv("TZ", "NST+03:30", TRUE);
    tzset();
    GByteArray *b = write_ods(docs, OST_WRITE_COMBINED);
    if (saved != NULL)
        g_setenv("TZ", saved, TRUE);
    else
        g_unsetenv("TZ");
    tzset();
    g_free(saved);
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->data, b->data, a->len);
    g_byte_array_unref(a);
    g_byte_array_unref(b);
    g_ptr_array_unref(docs);
}

static void
test_valid_each_kind(void **state)
{
    ost_doc *(*makers[])(void) = {fixture_standard_doc, fixture_occupation_doc, fixture_map_doc,
                                  fixture_functional_map_doc};
    for (guint i = 0; i < G_N_ELEMENTS(makers); i++) {
        GPtrArray *docs = fixture_one(makers[i]());
        GByteArray *ods = write_ods(docs, 0);
        assert_true(ods_all_parts_valid(ods));
        g_byte_array_unref(ods);
        g_ptr_array_unref(docs);
    }
}

static void
test_valid_combined(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *ods = write_ods(docs, OST_WRITE_COMBINED);
    assert_true(ods_all_parts_valid(ods));
    g_byte_array_unref(ods);
    /* No documents at all (every input failed): still a valid workbook. */
    GPtrArray *none = g_ptr_array_new();
    ods = write_ods(none, OST_WRITE_COMBINED);
    assert_true(ods_all_parts_valid(ods));
    xmlDocPtr content = content_of(ods);
    char *names = sheet_names(content);
    assert_string_equal(names, "Sources");
    g_free(names);
    xmlFreeDoc(content);
    g_byte_array_unref(ods);
    g_ptr_array_unref(none);
    g_ptr_array_unref(docs);
}

static void
test_sheets_present_when_rows(void **state)
{
    static const struct {
        ost_doc *(*make)(void);
        const char *sheets;
    } cases[] = {
        {fixture_standard_doc, "Standards,Duties,KSBs,Duty x KSB matrix,Sources"},
        {fixture_options_standard_doc, "Standards,Duties,Options,KSBs,Duty x KSB matrix,Sources"},
        {fixture_occupation_doc, "Occupations,Sources"},
        {fixture_map_doc, "Occupational map,Sources"},
        {fixture_functional_map_doc, "Roles x units,Units,Sources"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
        GPtrArray *docs = fixture_one(cases[i].make());
        GByteArray *ods = write_ods(docs, 0);
        xmlDocPtr content = content_of(ods);
        char *names = sheet_names(content);
        assert_string_equal(names, cases[i].sheets);
        /* Every name is one LibreOffice and Excel accept. */
        char **each = g_strsplit(names, ",", -1);
        for (char **n = each; *n != NULL; n++) {
            assert_true(strlen(*n) > 0 && strlen(*n) <= 31);
            assert_null(strpbrk(*n, "[]*?:/\\"));
        }
        g_strfreev(each);
        /* settings.xml freezes the header of exactly these sheets. */
        GByteArray *settings = ods_read_part(ods, "settings.xml");
        xmlDocPtr s = ods_parse(settings);
        char *n = ods_xpath_string(s, "count(//config:config-item-map-named/config:config-item-map-entry"
                                      "[config:config-item[@config:name='VerticalSplitPosition']='1'])");
        char *want = g_strdup_printf("%u", g_strv_length(each = g_strsplit(names, ",", -1)));
        assert_string_equal(n, want);
        g_strfreev(each);
        g_free(want);
        g_free(n);
        xmlFreeDoc(s);
        g_byte_array_unref(settings);
        g_free(names);
        xmlFreeDoc(content);
        g_byte_array_unref(ods);
        g_ptr_array_unref(docs);
    }
}

static void
test_typed_cells(void **state)
{
    GPtrArray *docs = fixture_one(fixture_standard_doc());
    GByteArray *ods = write_ods(docs, 0);
    xmlDocPtr c = content_of(ods);
    assert_cell(c, "Standards", 0, 0, "string", NULL, "Reference");
    assert_cell(c, "Standards", 1, 0, "string", NULL, "ST0116");
    assert_cell(c, "Standards", 1, 2, "string", NULL, "Software developer & tester <\"quoted\">");
    assert_cell(c, "Standards", 1, 5, "float", "4", "4");                 /* level */
    assert_cell(c, "Standards", 1, 7, NULL, NULL, NULL);                  /* pathway: null */
    assert_cell(c, "Standards", 1, 10, "boolean", "false", "FALSE");      /* core and options */
    assert_cell(c, "Standards", 1, 11, "float", "24", "24");              /* duration */
    assert_cell(c, "Standards", 1, 12, "date", "2023-05-01", "2023-05-01");
    assert_cell(c, "Standards", 1, 13, NULL, NULL, NULL);                 /* resubmission: null */
    assert_cell(c, "Standards", 1, 15, "boolean", "true", "TRUE");
    assert_cell(c, "Standards", 1, 18, "string", NULL,
                "First paragraph.\n\nSecond  paragraph with  two double spaces.");
    assert_cell(c, "Standards", 1, 19, "string", NULL, "Developer\nTester");
    assert_cell(c, "Standards", 1, 27, "string", NULL, "Caf\xC3\xA9 Ltd \xE2\x80\x94 \xE2\x9C\x93");
    assert_cell(c, "Standards", 1, 28, "string", NULL, "Funding band: \xC2\xA3" "15,000");

    assert_cell(c, "Duties", 1, 1, "string", NULL, "D1");
    assert_cell(c, "Duties", 1, 2, "string", NULL, "Write code to a specification");
    assert_cell(c, "Duties", 2, 3, "string", NULL, "K2 K9");
    assert_cell(c, "Duties", 0, 4, "string", NULL, "Options");
    assert_cell(c, "Duties", 1, 4, NULL, NULL, NULL);                     /* core duty */

    assert_cell(c, "KSBs", 1, 1, "string", NULL, "Knowledge");
    assert_cell(c, "KSBs", 4, 1, "string", NULL, "Skill");
    assert_cell(c, "KSBs", 5, 2, "string", NULL, "B1");
    assert_cell(c, "KSBs", 5, 3, "string", NULL, "Taking responsibility");

    /* Matrix columns: K before S before B, by number, with the undefined
     * K9 that a duty cites kept in its place. */
    static const char *const codes[] = {"K1", "K2", "K9", "K10", "S1", "B1"};
    for (guint i = 0; i < G_N_ELEMENTS(codes); i++)
        assert_cell(c, "Duty x KSB matrix", 0, 2 + (int)i, "string", NULL, codes[i]);
    assert_cell(c, "Duty x KSB matrix", 1, 1, "string", NULL, "D1");
    assert_cell(c, "Duty x KSB matrix", 1, 2, "string", NULL, "\xE2\x9C\x93");  /* D1-K1 */
    assert_cell(c, "Duty x KSB matrix", 1, 3, NULL, NULL, NULL);                /* D1-K2 */
    assert_cell(c, "Duty x KSB matrix", 1, 7, "string", NULL, "\xE2\x9C\x93");  /* D1-B1 */
    assert_cell(c, "Duty x KSB matrix", 2, 4, "string", NULL, "\xE2\x9C\x93");  /* D2-K9 */
    assert_cell(c, "Duty x KSB matrix", 2, 5, NULL, NULL, NULL);                /* D2-K10 */

    assert_cell(c, "Sources", 1, 0, "string", NULL, "in/ST0116.pdf");
    assert_cell(c, "Sources", 1, 4, "float", "7", "7");
    assert_cell(c, "Sources", 1, 6, "string", NULL,
                "ligature: \xE2\x80\x9Co\xEF\xBF\xBD" "cer\xE2\x80\x9D \xE2\x86\x92 \xE2\x80\x9C"
                "officer\xE2\x80\x9D (14)\n"
                "hyphenation: \xE2\x80\x9Csoft-\n"
                "ware\xE2\x80\x9D \xE2\x86\x92 \xE2\x80\x9Csoftware\xE2\x80\x9D (2)");
    assert_cell(c, "Sources", 1, 7, "string", NULL,
                "ksb_ref_unknown (page 3): Duty 2 refers to K9, which is not defined\n"
                "no_version: The document states no version");
    xmlFreeDoc(c);
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
}

static void
test_options_cells(void **state)
{
    GPtrArray *docs = fixture_one(fixture_options_standard_doc());
    GByteArray *ods = write_ods(docs, 0);
    assert_true(ods_all_parts_valid(ods));
    xmlDocPtr c = content_of(ods);
    assert_cell(c, "Duties", 1, 4, NULL, NULL, NULL);
    assert_cell(c, "Duties", 2, 4, "string", NULL, "O1");
    assert_cell(c, "Duties", 4, 4, "string", NULL, "O1 O2");
    assert_cell(c, "Options", 0, 0, "string", NULL, "Standard");
    assert_cell(c, "Options", 0, 1, "string", NULL, "Option");
    assert_cell(c, "Options", 0, 2, "string", NULL, "Title");
    assert_cell(c, "Options", 1, 0, "string", NULL, "ST0119");
    assert_cell(c, "Options", 1, 1, "string", NULL, "O1");
    assert_cell(c, "Options", 1, 2, "string", NULL, "Software engineer");
    assert_cell(c, "Options", 2, 2, "string", NULL, "Cyber security & <risk> analyst");
    xmlFreeDoc(c);
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
}

static void
test_maps_and_combined_rows(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *ods = write_ods(docs, OST_WRITE_COMBINED);
    xmlDocPtr c = content_of(ods);
    char *names = sheet_names(c);
    assert_string_equal(names, "Standards,Duties,KSBs,Duty x KSB matrix,Occupations,"
                               "Occupational map,Roles x units,Units,Sources");
    g_free(names);
    assert_cell(c, "Occupations", 1, 0, "string", NULL, "OCC0509");
    assert_cell(c, "Occupations", 1, 2, "float", "3", "3");
    assert_cell(c, "Occupations", 1, 6, "string", NULL, "3221\n6136");

    assert_cell(c, "Occupational map", 1, 3, "string", NULL, "Business fire safety advisor");
    assert_cell(c, "Occupational map", 1, 5, "string", NULL, "approved_for_delivery");
    assert_cell(c, "Occupational map", 2, 4, NULL, NULL, NULL);   /* level null */
    assert_cell(c, "Occupational map", 3, 2, "string", NULL, "Empty cluster");
    assert_cell(c, "Occupational map", 3, 3, NULL, NULL, NULL);

    /* Units in map order; then rows per role. */
    assert_cell(c, "Roles x units", 0, 2, "string", NULL, "AA1");
    assert_cell(c, "Roles x units", 0, 3, "string", NULL, "CC AA1");
    assert_cell(c, "Roles x units", 0, 4, "string", NULL, "GE8");  /* cited, not listed */
    assert_cell(c, "Roles x units", 1, 1, "string", NULL, "PSO (O.M)");
    assert_cell(c, "Roles x units", 1, 3, "string", NULL, "\xE2\x9C\x93");
    assert_cell(c, "Roles x units", 2, 2, NULL, NULL, NULL);
    assert_cell(c, "Roles x units", 2, 4, "string", NULL, "\xE2\x9C\x93");

    assert_cell(c, "Units", 1, 1, "string", NULL, "AA1");
    assert_cell(c, "Units", 1, 3, "string", NULL, "Core CS1");
    assert_cell(c, "Units", 1, 4, "string", NULL, "SFJAA1");
    assert_cell(c, "Units", 2, 4, NULL, NULL, NULL);

    for (int row = 1; row <= 4; row++) {
        static const char *const paths[] = {"in/ST0116.pdf", "in/OCC0509.html", "in/map.txt",
                                            "in/fm.txt"};
        assert_cell(c, "Sources", row, 0, "string", NULL, paths[row - 1]);
    }
    assert_cell(c, "Sources", 4, 3, "string", NULL, "third_party");
    xmlFreeDoc(c);

    GByteArray *meta = ods_read_part(ods, "meta.xml");
    xmlDocPtr m = ods_parse(meta);
    char *title = ods_xpath_string(m, "string(//*[local-name()='title'])");
    assert_string_equal(title, "Dataset of 4 documents");
    char *tables = ods_xpath_string(m, "string(//meta:document-statistic/@meta:table-count)");
    assert_string_equal(tables, "9");
    g_free(tables);
    g_free(title);
    xmlFreeDoc(m);
    g_byte_array_unref(meta);
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
}

/* The number of columns the header row of @sheet declares. */
static int
column_count(xmlDocPtr content, const char *sheet)
{
    int n = 0;
    xmlXPathContextPtr ctx = ods_xpath(content);
    char *path = g_strdup_printf("//table:table[@table:name='%s']/table:table-column", sheet);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST path, ctx);
    for (int i = 0; r->nodesetval != NULL && i < r->nodesetval->nodeNr; i++)
        n += ods_repeat(r->nodesetval->nodeTab[i], "number-columns-repeated");
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    g_free(path);
    return n;
}

/* A role citing 1,500 units: more columns than LibreOffice opens by default
 * (1024). The matrix continues on a second sheet with the same rows and
 * label columns; no mark is lost and no sheet is wider than the limit. */
static void
test_wide_matrix_split(void **state)
{
    ost_doc *doc = ost_doc_new();
    fixture_source(doc, "in/wide.txt", "text", "functional_map");
    ost_functional_map *m = ost_functional_map_new();
    ost_set_str(&m->title, "Wide map");
    ost_fm_role *r = ost_fm_role_new("Everything");
    ost_fm_role *r2 = ost_fm_role_new("Ends");
    for (int i = 1; i <= 1500; i++) {
        char code[16];
        g_snprintf(code, sizeof code, "U%d", i);
        g_ptr_array_add(r->units, g_strdup(code));
        if (i == 1 || i == 1022 || i == 1023 || i == 1500)
            g_ptr_array_add(r2->units, g_strdup(code));
    }
    g_ptr_array_add(m->roles, r);
    g_ptr_array_add(m->roles, r2);
    g_ptr_array_add(doc->functional_maps, m);
    GPtrArray *docs = fixture_one(doc);
    GByteArray *ods = write_ods(docs, 0);
    xmlDocPtr c = content_of(ods);
    char *names = sheet_names(c);
    assert_string_equal(names, "Roles x units,Roles x units (2),Sources");
    g_free(names);
    assert_int_equal(column_count(c, "Roles x units"), 1024);
    assert_int_equal(column_count(c, "Roles x units (2)"), 2 + 1500 - 1022);
    assert_cell(c, "Roles x units", 0, 2, "string", NULL, "U1");
    assert_cell(c, "Roles x units", 0, 1023, "string", NULL, "U1022");
    assert_cell(c, "Roles x units (2)", 0, 0, "string", NULL, "Functional map");
    assert_cell(c, "Roles x units (2)", 0, 2, "string", NULL, "U1023");
    assert_cell(c, "Roles x units (2)", 0, 479, "string", NULL, "U1500");
    for (int sheet = 0; sheet < 2; sheet++) {
        const char *name = sheet == 0 ? "Roles x units" : "Roles x units (2)";
        assert_cell(c, name, 1, 1, "string", NULL, "Everything");
        assert_cell(c, name, 2, 0, "string", NULL, "Wide map");
        assert_cell(c, name, 2, 1, "string", NULL, "Ends");
    }
    assert_cell(c, "Roles x units", 2, 2, "string", NULL, "\xE2\x9C\x93");     /* U1 */
    assert_cell(c, "Roles x units", 2, 3, NULL, NULL, NULL);                     /* U2 */
    assert_cell(c, "Roles x units", 2, 1023, "string", NULL, "\xE2\x9C\x93");  /* U1022 */
    assert_cell(c, "Roles x units (2)", 2, 2, "string", NULL, "\xE2\x9C\x93"); /* U1023 */
    assert_cell(c, "Roles x units (2)", 2, 3, NULL, NULL, NULL);                 /* U1024 */
    assert_cell(c, "Roles x units (2)", 2, 479, "string", NULL, "\xE2\x9C\x93");
    assert_cell(c, "Roles x units (2)", 1, 479, "string", NULL, "\xE2\x9C\x93");
    xmlFreeDoc(c);
    /* Both parts get a frozen header row. */
    GByteArray *settings = ods_read_part(ods, "settings.xml");
    xmlDocPtr s = ods_parse(settings);
    char *n = ods_xpath_string(s, "count(//config:config-item-map-entry[@config:name='Roles x units (2)']"
                                  "[config:config-item[@config:name='VerticalSplitPosition']='1'])");
    assert_string_equal(n, "1");
    g_free(n);
    xmlFreeDoc(s);
    g_byte_array_unref(settings);
    assert_true(ods_all_parts_valid(ods));
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
}

static void
test_several_without_combine_refused(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *out = g_byte_array_new();
    GError *error = NULL;
    assert_int_equal(fixture_writer("ods")->write((const ost_doc *const *)docs->pdata, docs->len,
                                                  0, out, &error),
                     OST_ERR_INVALID_ARG);
    assert_non_null(error);
    g_error_free(error);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_package_layout),
        cmocka_unit_test(test_byte_identical),
        cmocka_unit_test(test_valid_each_kind),
        cmocka_unit_test(test_valid_combined),
        cmocka_unit_test(test_sheets_present_when_rows),
        cmocka_unit_test(test_typed_cells),
        cmocka_unit_test(test_options_cells),
        cmocka_unit_test(test_maps_and_combined_rows),
        cmocka_unit_test(test_wide_matrix_split),
        cmocka_unit_test(test_several_without_combine_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
