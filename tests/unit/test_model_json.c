/* SPDX-License-Identifier: MIT */
/* ost JSON read back into the model: write -> read -> write is identical. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "test_xml_fixture.h"

static GPtrArray *
read_json(const char *name, const GByteArray *bytes, GError **error)
{
    return ost_docs_from_json(name, (const char *)bytes->data, bytes->len, error);
}

static void
assert_same_bytes(const GByteArray *a, const GByteArray *b)
{
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->data, b->data, a->len);
}

static void
test_fixtures_round_trip_combined(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *first = fixture_write("json", docs, OST_WRITE_COMBINED);
    GError *error = NULL;
    GPtrArray *back = read_json("fixtures.json", first, &error);
    assert_null(error);
    assert_int_equal(back->len, 4);
    GByteArray *second = fixture_write("json", back, OST_WRITE_COMBINED);
    assert_same_bytes(first, second);
    g_byte_array_unref(first);
    g_byte_array_unref(second);
    g_ptr_array_unref(back);
    g_ptr_array_unref(docs);
}

static void
test_json_lines_read_as_documents(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *lines = fixture_write("jsonl", docs, OST_WRITE_COMBINED);
    GError *error = NULL;
    GPtrArray *back = read_json("fixtures.jsonl", lines, &error);
    assert_null(error);
    assert_int_equal(back->len, 4);
    GByteArray *a = fixture_write("json", docs, OST_WRITE_COMBINED);
    GByteArray *b = fixture_write("json", back, OST_WRITE_COMBINED);
    assert_same_bytes(a, b);
    g_byte_array_unref(a);
    g_byte_array_unref(b);
    g_byte_array_unref(lines);
    g_ptr_array_unref(back);
    g_ptr_array_unref(docs);
}

/* Every expected output of the samples, as the recognisers make them. */
static void
test_sample_outputs_round_trip(void **state)
{
    char *dir = g_build_filename(OST_SOURCE_DIR, "samples", "expected", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_non_null(d);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name(d)) != NULL) {
        if (!g_str_has_suffix(name, ".json"))
            continue;
        char *path = g_build_filename(dir, name, NULL);
        char *text = NULL;
        gsize len = 0;
        assert_true(g_file_get_contents(path, &text, &len, NULL));
        GError *error = NULL;
        GPtrArray *docs = ost_docs_from_json(path, text, len, &error);
        assert_null(error);
        GByteArray *again = fixture_write("json", docs, 0);
        if (again->len != len || memcmp(again->data, text, len) != 0)
            fail_msg("%s changed on the way through the model", name);
        g_byte_array_unref(again);
        g_ptr_array_unref(docs);
        g_free(text);
        g_free(path);
        n++;
    }
    g_dir_close(d);
    g_free(dir);
    assert_true(n >= 5);
}

static void
expect_error(const char *text, ost_status code, const char *message)
{
    GError *error = NULL;
    GPtrArray *docs = ost_docs_from_json("in.json", text, strlen(text), &error);
    assert_null(docs);
    assert_non_null(error);
    assert_int_equal(error->code, code);
    assert_string_equal(error->message, message);
    g_error_free(error);
}

static void
test_not_ost_json_is_an_error_naming_the_file(void **state)
{
    expect_error("{\"a\": 1}", OST_ERR_UNSUPPORTED, "in.json: JSON, but not an ost document (no ost_version and source)");
    expect_error("[1, 2]", OST_ERR_UNSUPPORTED, "in.json: JSON, but not an ost document (no ost_version and source)");
    expect_error("{\"ost_version\": \"1\", \"source\": {}}\n{\"a\": 1}\n", OST_ERR_PARSE,
                 "in.json: line 2 is not an ost JSON document");
    GError *error = NULL;
    assert_null(ost_docs_from_json("in.json", "{nope", 5, &error));
    assert_true(g_str_has_prefix(error->message, "in.json: not JSON: "));
    g_error_free(error);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fixtures_round_trip_combined),
        cmocka_unit_test(test_json_lines_read_as_documents),
        cmocka_unit_test(test_sample_outputs_round_trip),
        cmocka_unit_test(test_not_ost_json_is_an_error_naming_the_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
