/* SPDX-License-Identifier: MIT */
/* The JSON writer: escaping, exact output, null handling, combining. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <ost.h>

#include "builtins.h"
#include "json/jsonw.h"

static char *
escape(const char *s)
{
    GString *out = g_string_new(NULL);
    jsonw_escape(out, s);
    return g_string_free(out, FALSE);
}

static void
test_escapes_quotes_backslashes_and_controls(void **state)
{
    char *e = escape("a\"b\\c\n\r\t\b\f\x01\x1f\x7f");
    assert_string_equal(e, "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f\"");
    g_free(e);
}

static void
test_keeps_non_ascii_and_replacement_char(void **state)
{
    /* Curly quotes, accents, Welsh, U+FFFD and an astral character stay UTF-8. */
    const char *in = "\xE2\x80\x99 Si\xC3\xA2n \xEF\xBF\xBD \xF0\x9F\x98\x80";
    char *e = escape(in);
    char *expected = g_strdup_printf("\"%s\"", in);
    assert_string_equal(e, expected);
    g_free(expected);
    g_free(e);
}

static void
test_escapes_line_and_paragraph_separators(void **state)
{
    char *e = escape("a\xE2\x80\xA8" "b\xE2\x80\xA9");
    assert_string_equal(e, "\"a\\u2028b\\u2029\"");
    g_free(e);
}

static void
test_invalid_utf8_becomes_replacement(void **state)
{
    char *e = escape("ab\xC3(");
    assert_true(g_utf8_validate(e, -1, NULL));
    assert_non_null(strstr(e, "\xEF\xBF\xBD"));
    g_free(e);
}

static const ost_writer_info *
json_writer(ost_registry **reg)
{
    *reg = ost_registry_new();
    ost_builtins_register(*reg, NULL);
    return ost_registry_find_writer(*reg, "json");
}

static char *
write_docs(const ost_doc *const *docs, gsize n, guint flags)
{
    ost_registry *reg;
    const ost_writer_info *w = json_writer(&reg);
    GByteArray *out = g_byte_array_new();
    assert_int_equal(w->write(docs, n, flags, out, NULL), OST_OK);
    g_byte_array_append(out, (const guint8 *)"", 1);
    ost_registry_free(reg);
    return (char *)g_byte_array_free(out, FALSE);
}

static ost_doc *
small_doc(void)
{
    ost_doc *doc = ost_doc_new();
    doc->source.path = g_strdup("in.txt");
    doc->source.format = g_strdup("text");
    doc->source.sha256 = g_strdup("00");
    doc->source.document_type = g_strdup("standard");
    doc->source.trust = g_strdup("official");
    ost_doc_add_repair(doc, "ligature", "o\xEF\xBF\xBD" "cer", "officer", 2);
    ost_standard *s = ost_standard_new();
    s->reference = g_strdup("ST1030");
    s->stage = g_strdup("proposal");
    s->level = 3;
    s->resubmission = OST_YES;
    s->core_and_options = OST_NO;
    ost_duty *d = ost_duty_new("D1", "Act");
    g_ptr_array_add(d->ksbs, g_strdup("K1"));
    g_ptr_array_add(s->duties, d);
    ost_ksb *k = ost_ksb_new("K1", NULL, "Principles");
    k->id_derived = TRUE;
    g_ptr_array_add(s->knowledge, k);
    g_ptr_array_add(doc->standards, s);
    return doc;
}

static void
test_document_exact_output(void **state)
{
    ost_doc *doc = small_doc();
    char *json = write_docs((const ost_doc *const *)&doc, 1, 0);
    const char *expected_start =
        "{\n"
        "  \"ost_version\": \"1\",\n"
        "  \"source\": {\n"
        "    \"path\": \"in.txt\",\n"
        "    \"format\": \"text\",\n"
        "    \"sha256\": \"00\",\n"
        "    \"document_type\": \"standard\",\n"
        "    \"pages\": null,\n"
        "    \"trust\": \"official\",\n"
        "    \"repairs\": [\n"
        "      {\n"
        "        \"kind\": \"ligature\",\n"
        "        \"from\": \"o\xEF\xBF\xBD" "cer\",\n"
        "        \"to\": \"officer\",\n"
        "        \"count\": 2\n"
        "      }\n"
        "    ],\n"
        "    \"warnings\": []\n"
        "  },\n"
        "  \"standards\": [\n"
        "    {\n"
        "      \"reference\": \"ST1030\",\n"
        "      \"version\": null,\n";
    assert_true(g_str_has_prefix(json, expected_start));
    assert_non_null(strstr(json, "      \"level\": 3,\n"));
    assert_non_null(strstr(json, "      \"core_and_options\": false,\n"));
    assert_non_null(strstr(json, "      \"resubmission\": true,\n"));
    assert_non_null(strstr(json, "      \"typical_duration_months\": null,\n"));
    assert_non_null(strstr(json, "          \"ksbs\": [\n            \"K1\"\n          ],\n          \"options\": []\n"));
    assert_non_null(strstr(json, "\"id_source\": \"derived\""));
    assert_non_null(strstr(json, "      \"extra\": {}\n"));
    assert_true(g_str_has_suffix(json, "  \"occupations\": [],\n  \"occupational_maps\": [],\n"
                                       "  \"functional_maps\": []\n}\n"));
    g_free(json);
    ost_doc_free(doc);
}

static void
test_options_exact_output(void **state)
{
    ost_doc *doc = small_doc();
    ost_standard *s = g_ptr_array_index(doc->standards, 0);
    s->core_and_options = OST_YES;
    g_ptr_array_add(s->options, ost_option_new("O1", "Software engineer"));
    g_ptr_array_add(s->options, ost_option_new("O2", NULL));
    ost_duty *d = ost_duty_new("D2", "Build");
    g_ptr_array_add(d->options, g_strdup("O1"));
    g_ptr_array_add(d->options, g_strdup("O2"));
    g_ptr_array_add(s->duties, d);
    char *json = write_docs((const ost_doc *const *)&doc, 1, 0);
    const char *expected =
        "      \"duties\": [\n"
        "        {\n"
        "          \"id\": \"D1\",\n"
        "          \"text\": \"Act\",\n"
        "          \"ksbs\": [\n"
        "            \"K1\"\n"
        "          ],\n"
        "          \"options\": []\n"
        "        },\n"
        "        {\n"
        "          \"id\": \"D2\",\n"
        "          \"text\": \"Build\",\n"
        "          \"ksbs\": [],\n"
        "          \"options\": [\n"
        "            \"O1\",\n"
        "            \"O2\"\n"
        "          ]\n"
        "        }\n"
        "      ],\n"
        "      \"options\": [\n"
        "        {\n"
        "          \"id\": \"O1\",\n"
        "          \"title\": \"Software engineer\"\n"
        "        },\n"
        "        {\n"
        "          \"id\": \"O2\",\n"
        "          \"title\": null\n"
        "        }\n"
        "      ],\n"
        "      \"knowledge\": [\n";
    if (strstr(json, expected) == NULL)
        print_message("%s", json);
    assert_non_null(strstr(json, expected));
    g_free(json);
    ost_doc_free(doc);
}

static void
test_output_is_deterministic(void **state)
{
    ost_doc *doc = small_doc();
    char *a = write_docs((const ost_doc *const *)&doc, 1, 0);
    char *b = write_docs((const ost_doc *const *)&doc, 1, 0);
    assert_string_equal(a, b);
    g_free(a);
    g_free(b);
    ost_doc_free(doc);
}

static void
test_combined_wraps_documents(void **state)
{
    ost_doc *docs[2] = {small_doc(), small_doc()};
    char *json = write_docs((const ost_doc *const *)docs, 2, OST_WRITE_COMBINED);
    assert_true(g_str_has_prefix(json, "{\n  \"ost_version\": \"1\",\n  \"documents\": [\n    {\n"));
    const char *first = strstr(json, "\"source\"");
    assert_non_null(first);
    assert_non_null(strstr(first + 1, "\"source\""));
    g_free(json);
    ost_doc_free(docs[0]);
    ost_doc_free(docs[1]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escapes_quotes_backslashes_and_controls),
        cmocka_unit_test(test_keeps_non_ascii_and_replacement_char),
        cmocka_unit_test(test_escapes_line_and_paragraph_separators),
        cmocka_unit_test(test_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_document_exact_output),
        cmocka_unit_test(test_options_exact_output),
        cmocka_unit_test(test_output_is_deterministic),
        cmocka_unit_test(test_combined_wraps_documents),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
