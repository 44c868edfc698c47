/* SPDX-License-Identifier: MIT */
/* The XML writer: exact output, nulls, the XSD, combined datasets, bad text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "test_xml_fixture.h"

static xmlSchemaPtr schema;

static xmlDocPtr
parse(const GByteArray *bytes)
{
    return xmlReadMemory((const char *)bytes->data, (int)bytes->len, "out.xml", NULL,
                         XML_PARSE_NONET);
}

/* Whether @bytes is well-formed and valid against schemas/ost.xsd. */
static gboolean
valid(const GByteArray *bytes)
{
    xmlDocPtr doc = parse(bytes);
    if (doc == NULL)
        return FALSE;
    xmlSchemaValidCtxtPtr ctx = xmlSchemaNewValidCtxt(schema);
    int rc = xmlSchemaValidateDoc(ctx, doc);
    xmlSchemaFreeValidCtxt(ctx);
    xmlFreeDoc(doc);
    return rc == 0;
}

/* The number of nodes @xpath (prefix o: for the ost namespace) selects. */
static int
count(const GByteArray *bytes, const char *xpath)
{
    xmlDocPtr doc = parse(bytes);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "o", BAD_CAST "urn:ost:model:1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
    assert_non_null(r);
    int n = r->nodesetval != NULL ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

static char *
text(const GByteArray *bytes)
{
    return g_strndup((const char *)bytes->data, bytes->len);
}

static void
test_exact_occupation(void **state)
{
    GPtrArray *docs = fixture_one(fixture_occupation_doc());
    GByteArray *out = fixture_write("xml", docs, 0);
    assert_non_null(out);
    char *got = text(out);
    assert_string_equal(got,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<document version=\"1\" xmlns=\"urn:ost:model:1\">\n"
        "  <source>\n"
        "    <path>in/OCC0509.html</path>\n"
        "    <format>html</format>\n"
        "    <sha256>c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13</sha256>\n"
        "    <document_type>occupation</document_type>\n"
        "    <trust>official</trust>\n"
        "    <repairs/>\n"
        "    <warnings/>\n"
        "  </source>\n"
        "  <standards/>\n"
        "  <occupations>\n"
        "    <occupation code=\"OCC0509\">\n"
        "      <title>Safeguarding support officer</title>\n"
        "      <level>3</level>\n"
        "      <overview>Supports people at risk.</overview>\n"
        "      <soc_codes>\n"
        "        <soc_code>3221</soc_code>\n"
        "        <soc_code>6136</soc_code>\n"
        "      </soc_codes>\n"
        "      <involved_employers>\n"
        "        <employer>Council A</employer>\n"
        "      </involved_employers>\n"
        "      <related_routes/>\n"
        "      <standard_reference>ST1030</standard_reference>\n"
        "      <extra/>\n"
        "    </occupation>\n"
        "  </occupations>\n"
        "  <occupational_maps/>\n"
        "  <functional_maps/>\n"
        "</document>\n");
    assert_true(valid(out));
    g_free(got);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static void
test_standard_fields(void **state)
{
    GPtrArray *docs = fixture_one(fixture_standard_doc());
    GByteArray *out = fixture_write("xml", docs, 0);
    assert_non_null(out);
    assert_true(valid(out));
    const char *s = "/o:document/o:standards/o:standard";
    char *q;
#define COUNT(expr, n) (q = g_strconcat(s, expr, NULL), assert_int_equal(count(out, q), n), g_free(q))
    COUNT("[@reference='ST0116']", 1);
    COUNT("[o:title='Software developer & tester <\"quoted\">']", 1);
    COUNT("[o:level=4][o:typical_duration_months=24]", 1);
    COUNT("[o:core_and_options='false'][o:replaces_framework='true']", 1);
    /* Null fields are absent elements; empty lists are empty containers. */
    COUNT("/o:resubmission", 0);
    COUNT("/o:pathway", 0);
    COUNT("/o:consultation", 0);
    COUNT("/o:typical_job_titles/o:job_title", 2);
    COUNT("/o:duties/o:duty[@id='D2']/o:ksbs/o:ksb_ref[.='K9']", 1);
    COUNT("/o:knowledge/o:ksb[@id='K1'][@id_source='stated'][not(o:title)]", 1);
    COUNT("/o:behaviours/o:ksb[@id='B1'][@id_source='derived'][o:title='Taking responsibility']", 1);
    COUNT("/o:extra/o:field[@key='Funding band'][.='\xC2\xA3" "15,000']", 1);
    /* Paragraph breaks and double spaces survive. */
    COUNT("[o:occupation_summary='First paragraph.\n\nSecond  paragraph with  two double spaces.']", 1);
    /* A form feed is not XML: it becomes a space. */
    COUNT("/o:duties/o:duty[@id='D1'][o:text='Write code to a specification']", 1);
#undef COUNT
    assert_int_equal(count(out, "/o:document/o:source/o:repairs/o:repair[o:kind='ligature'][o:count=14]"), 1);
    assert_int_equal(count(out, "/o:document/o:source/o:warnings/o:warning[@code='no_version'][not(o:where)]"), 1);
    assert_int_equal(count(out, "/o:document/o:source[o:pages=7]"), 1);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static void
test_options_exact(void **state)
{
    GPtrArray *docs = fixture_one(fixture_options_standard_doc());
    GByteArray *out = fixture_write("xml", docs, 0);
    assert_non_null(out);
    assert_true(valid(out));
    char *got = text(out);
    const char *expected =
        "      <duties>\n"
        "        <duty id=\"D1\">\n"
        "          <text>Plan the work</text>\n"
        "          <ksbs>\n"
        "            <ksb_ref>K1</ksb_ref>\n"
        "          </ksbs>\n"
        "          <options/>\n"
        "        </duty>\n"
        "        <duty id=\"D2\">\n"
        "          <text>Build software</text>\n"
        "          <ksbs/>\n"
        "          <options>\n"
        "            <option_ref>O1</option_ref>\n"
        "          </options>\n"
        "        </duty>\n"
        "        <duty id=\"D3\">\n"
        "          <text>Assess risks</text>\n"
        "          <ksbs/>\n"
        "          <options>\n"
        "            <option_ref>O2</option_ref>\n"
        "          </options>\n"
        "        </duty>\n"
        "        <duty id=\"D4\">\n"
        "          <text>Review security of code</text>\n"
        "          <ksbs/>\n"
        "          <options>\n"
        "            <option_ref>O1</option_ref>\n"
        "            <option_ref>O2</option_ref>\n"
        "          </options>\n"
        "        </duty>\n"
        "      </duties>\n"
        "      <options>\n"
        "        <option id=\"O1\">\n"
        "          <title>Software engineer</title>\n"
        "        </option>\n"
        "        <option id=\"O2\">\n"
        "          <title>Cyber security &amp; &lt;risk&gt; analyst</title>\n"
        "        </option>\n"
        "      </options>\n"
        "      <knowledge>\n";
    if (strstr(got, expected) == NULL)
        print_message("%s", got);
    assert_non_null(strstr(got, expected));
    g_free(got);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);

    /* A standard without options still has both empty containers. */
    docs = fixture_one(fixture_standard_doc());
    out = fixture_write("xml", docs, 0);
    assert_int_equal(count(out, "//o:standard/o:options[not(*)]"), 1);
    assert_int_equal(count(out, "//o:duty/o:options[not(*)]"), 2);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static void
test_combined_dataset(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *out = fixture_write("xml", docs, OST_WRITE_COMBINED);
    assert_non_null(out);
    assert_true(valid(out));
    assert_int_equal(count(out, "/o:dataset[@version='1']/o:document[@version='1']"), 4);
    assert_int_equal(count(out, "//o:cluster[o:name='Empty cluster']/o:occupations[not(*)]"), 1);
    assert_int_equal(count(out, "//o:cluster/o:occupations/o:occupation[not(o:status)][not(o:level)]"), 1);
    assert_int_equal(count(out, "//o:occupation[o:status='approved_for_delivery']"), 1);
    assert_int_equal(count(out, "//o:functional_map/o:roles/o:role/o:units/o:unit_ref"), 3);
    assert_int_equal(count(out, "//o:functional_map/o:units/o:unit[@code='CC AA1']"), 1);
    assert_int_equal(count(out, "//o:key_area[@code='A']/o:areas/o:area[@code='AA']/o:functions/o:function[not(o:details)]"), 1);
    g_byte_array_unref(out);

    /* A dataset whose every input failed is still a valid document. */
    GPtrArray *none = g_ptr_array_new();
    out = fixture_write("xml", none, OST_WRITE_COMBINED);
    assert_non_null(out);
    assert_true(valid(out));
    assert_int_equal(count(out, "/o:dataset/o:document"), 0);
    g_byte_array_unref(out);
    g_ptr_array_unref(none);
    g_ptr_array_unref(docs);
}

static void
test_deterministic(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *a = fixture_write("xml", docs, OST_WRITE_COMBINED);
    GByteArray *b = fixture_write("xml", docs, OST_WRITE_COMBINED);
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->data, b->data, a->len);
    g_byte_array_unref(a);
    g_byte_array_unref(b);
    g_ptr_array_unref(docs);
}

static void
test_bad_text_still_valid(void **state)
{
    ost_doc *doc = fixture_occupation_doc();
    ost_occupation *o = g_ptr_array_index(doc->occupations, 0);
    /* Undecodable bytes and a non-character from a careless reader. */
    ost_set_str(&o->summary, "bad \xFF byte, \x01 control, \xEF\xBF\xBE nonchar");
    GPtrArray *docs = fixture_one(doc);
    GByteArray *out = fixture_write("xml", docs, 0);
    assert_non_null(out);
    assert_true(valid(out));
    assert_int_equal(count(out, "//o:occupation[o:summary='bad \xEF\xBF\xBD byte,   control, \xEF\xBF\xBD nonchar']"), 1);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static void
test_several_without_combine_refused(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    const ost_writer_info *w = fixture_writer("xml");
    GByteArray *out = g_byte_array_new();
    GError *error = NULL;
    assert_int_equal(w->write((const ost_doc *const *)docs->pdata, docs->len, 0, out, &error),
                     OST_ERR_INVALID_ARG);
    assert_non_null(error);
    g_error_free(error);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

int
main(void)
{
    char *path = g_build_filename(OST_SOURCE_DIR, "schemas", "ost.xsd", NULL);
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(path);
    schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    g_free(path);
    if (schema == NULL) {
        fprintf(stderr, "schemas/ost.xsd does not parse\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_occupation),
        cmocka_unit_test(test_standard_fields),
        cmocka_unit_test(test_options_exact),
        cmocka_unit_test(test_combined_dataset),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_bad_text_still_valid),
        cmocka_unit_test(test_several_without_combine_refused),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlSchemaFree(schema);
    return rc;
}
