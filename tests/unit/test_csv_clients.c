/* SPDX-License-Identifier: MIT */
/* The CSV tables of the sample outputs as Python's csv module and
 * LibreOffice read them (tests/support/tables_check.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "test_xml_fixture.h"

/* The documents of samples/expected (the recognisers' real output) and the
 * hand-made ones with every awkward character. */
static GPtrArray *
sample_docs(void)
{
    GPtrArray *docs = fixture_all_docs();
    char *dir = g_build_filename(OST_SOURCE_DIR, "samples", "expected", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    assert_non_null(d);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".json"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        char *text = NULL;
        gsize len = 0;
        assert_true(g_file_get_contents(path, &text, &len, NULL));
        GPtrArray *read = ost_docs_from_json(path, text, len, NULL);
        assert_non_null(read);
        for (guint j = 0; j < read->len; j++)
            g_ptr_array_add(docs, g_steal_pointer(&read->pdata[j]));
        g_ptr_array_unref(read);
        g_free(text);
        g_free(path);
    }
    g_ptr_array_unref(names);
    g_free(dir);
    return docs;
}

static void
test_csv_read_back_by_python_and_libreoffice(void **state)
{
    char *tmp = g_dir_make_tmp("ost-csv-XXXXXX", NULL);
    char *folder = g_build_filename(tmp, "tables", NULL);
    char *json_path = g_build_filename(tmp, "all.json", NULL);
    GPtrArray *docs = sample_docs();
    GError *error = NULL;
    assert_int_equal(ost_write_folder(fixture_writer("csv"), (const ost_doc *const *)docs->pdata,
                                      docs->len, OST_WRITE_COMBINED, folder, &error),
                     OST_OK);
    GByteArray *json = fixture_write("json", docs, OST_WRITE_COMBINED);
    assert_true(g_file_set_contents(json_path, (const char *)json->data, json->len, NULL));
    char *script = g_build_filename(OST_SOURCE_DIR, "tests", "support", "tables_check.py", NULL);
    const char *argv[] = {"python3", script, "csv", folder, json_path, NULL};
    char *out = NULL;
    int status = -1;
    assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                             NULL, &status, &error));
    printf("%s", out);
    assert_true(g_spawn_check_wait_status(status, NULL));
    const char *rm[] = {"rm", "-rf", tmp, NULL};
    g_spawn_sync(NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    g_free(out);
    g_free(script);
    g_byte_array_unref(json);
    g_ptr_array_unref(docs);
    g_free(json_path);
    g_free(folder);
    g_free(tmp);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_read_back_by_python_and_libreoffice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
