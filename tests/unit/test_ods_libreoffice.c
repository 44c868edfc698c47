/* SPDX-License-Identifier: MIT */
/* LibreOffice as an independent reader: a written workbook converted to CSV, cell by cell. */
#include "test_ods_support.h"

#include <glib/gstdio.h>

/* soffice exits 0 even when it cannot load a file, so the test checks the
 * files it wrote, never its status. Each run gets a private profile:
 * parallel runs sharing one fail at random. */

static char *tmpdir;
static GHashTable *by_name;

/* RFC 4180 as LibreOffice writes it: quotes doubled, newlines inside quotes. */
static GPtrArray *
parse_csv(const char *s)
{
    GPtrArray *rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    GPtrArray *row = g_ptr_array_new_with_free_func(g_free);
    GString *cell = g_string_new(NULL);
    gboolean quoted = FALSE;
    for (const char *p = s; *p != '\0'; p++) {
        if (quoted) {
            if (*p == '"' && p[1] == '"')
                g_string_append_c(cell, *p++);
            else if (*p == '"')
                quoted = FALSE;
            else
                g_string_append_c(cell, *p);
        } else if (*p == '"') {
            quoted = TRUE;
        } else if (*p == ',') {
            g_ptr_array_add(row, g_strdup(cell->str));
            g_string_truncate(cell, 0);
        } else if (*p == '\n') {
            g_ptr_array_add(row, g_strdup(cell->str));
            g_string_truncate(cell, 0);
            g_ptr_array_add(rows, row);
            row = g_ptr_array_new_with_free_func(g_free);
        } else if (*p != '\r') {
            g_string_append_c(cell, *p);
        }
    }
    if (cell->len > 0 || row->len > 0) {
        g_ptr_array_add(row, g_strdup(cell->str));
        g_ptr_array_add(rows, row);
    } else {
        g_ptr_array_unref(row);
    }
    g_string_free(cell, TRUE);
    return rows;
}

static int
setup(void **state)
{
    char *soffice = g_find_program_in_path("soffice");
    if (soffice == NULL) {
        printf("# soffice not found (Debian: libreoffice-calc-nogui): skipping the "
               "LibreOffice read-back\n");
        return 0;
    }
    tmpdir = g_dir_make_tmp("ost-lo-XXXXXX", NULL);
    assert_non_null(tmpdir);
    GPtrArray *docs = fixture_all_docs();
    GByteArray *ods = fixture_write("ods", docs, OST_WRITE_COMBINED);
    assert_non_null(ods);
    char *path = g_build_filename(tmpdir, "book.ods", NULL);
    assert_true(g_file_set_contents(path, (const char *)ods->data, ods->len, NULL));
    char *profile = g_strdup_printf("-env:UserInstallation=file://%s/profile", tmpdir);
    /* 76: UTF-8; as shown (token 9); -1: every sheet to book-<Sheet>.csv. */
    const char *argv[] = {soffice, profile, "--headless", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                          "--outdir", tmpdir, path, NULL};
    char *out = NULL, *err = NULL;
    GError *error = NULL;
    gboolean ran = g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                &err, NULL, &error);
    if (!ran)
        printf("# could not run soffice: %s\n", error->message);
    assert_true(ran);

    by_name = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify)g_ptr_array_unref);
    static const char *const names[] = {"Standards", "Duties", "KSBs", "Duty x KSB matrix",
                                        "Occupations", "Occupational map", "Roles x units",
                                        "Units", "Sources"};
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        char *base = g_strdup_printf("book-%s.csv", names[i]);
        char *csv = g_build_filename(tmpdir, base, NULL);
        char *data = NULL;
        if (g_file_get_contents(csv, &data, NULL, NULL))
            g_hash_table_insert(by_name, g_strdup(names[i]), parse_csv(data));
        else
            printf("# LibreOffice wrote no %s; its output:\n%s%s\n", base, out, err);
        g_free(data);
        g_free(csv);
        g_free(base);
    }
    g_free(out);
    g_free(err);
    g_free(profile);
    g_free(path);
    g_byte_array_unref(ods);
    g_ptr_array_unref(docs);
    g_free(soffice);
    return 0;
}

static gboolean
remove_tree(const char *path)
{
    if (g_file_test(path, G_FILE_TEST_IS_DIR) && !g_file_test(path, G_FILE_TEST_IS_SYMLINK)) {
        GDir *d = g_dir_open(path, 0, NULL);
        const char *n;
        while (d != NULL && (n = g_dir_read_name(d)) != NULL) {
            char *child = g_build_filename(path, n, NULL);
            remove_tree(child);
            g_free(child);
        }
        if (d != NULL)
            g_dir_close(d);
    }
    return g_remove(path) == 0;
}

static int
teardown(void **state)
{
    if (tmpdir != NULL)
        remove_tree(tmpdir);
    g_free(tmpdir);
    if (by_name != NULL)
        g_hash_table_unref(by_name);
    return 0;
}

/* Cell (@row, @col) of @sheet as LibreOffice shows it; "" past the end. */
static const char *
cell(const char *sheet, guint row, guint col)
{
    if (by_name == NULL)
        skip();
    GPtrArray *rows = g_hash_table_lookup(by_name, sheet);
    assert_non_null(rows);
    if (row >= rows->len)
        return "";
    GPtrArray *r = g_ptr_array_index(rows, row);
    return col < r->len ? g_ptr_array_index(r, col) : "";
}

static void
test_standards(void **state)
{
    assert_string_equal(cell("Standards", 0, 0), "Reference");
    assert_string_equal(cell("Standards", 0, 11), "Typical duration (months)");
    assert_string_equal(cell("Standards", 1, 0), "ST0116");
    assert_string_equal(cell("Standards", 1, 2), "Software developer & tester <\"quoted\">");
    assert_string_equal(cell("Standards", 1, 5), "4");
    assert_string_equal(cell("Standards", 1, 7), "");
    assert_string_equal(cell("Standards", 1, 10), "FALSE");
    assert_string_equal(cell("Standards", 1, 12), "2023-05-01");
    assert_string_equal(cell("Standards", 1, 15), "TRUE");
    assert_string_equal(cell("Standards", 1, 18),
                        "First paragraph.\n\nSecond  paragraph with  two double spaces.");
    assert_string_equal(cell("Standards", 1, 19), "Developer\nTester");
    assert_string_equal(cell("Standards", 1, 27), "Caf\xC3\xA9 Ltd \xE2\x80\x94 \xE2\x9C\x93");
}

static void
test_duties_and_matrix(void **state)
{
    assert_string_equal(cell("Duties", 2, 3), "K2 K9");
    assert_string_equal(cell("KSBs", 5, 3), "Taking responsibility");
    assert_string_equal(cell("Duty x KSB matrix", 0, 2), "K1");
    assert_string_equal(cell("Duty x KSB matrix", 0, 5), "K10");
    assert_string_equal(cell("Duty x KSB matrix", 1, 2), "\xE2\x9C\x93");
    assert_string_equal(cell("Duty x KSB matrix", 1, 3), "");
    assert_string_equal(cell("Duty x KSB matrix", 2, 4), "\xE2\x9C\x93");
}

static void
test_maps_and_sources(void **state)
{
    assert_string_equal(cell("Occupations", 1, 0), "OCC0509");
    assert_string_equal(cell("Occupations", 1, 2), "3");
    assert_string_equal(cell("Occupational map", 1, 5), "approved_for_delivery");
    assert_string_equal(cell("Occupational map", 3, 2), "Empty cluster");
    assert_string_equal(cell("Roles x units", 0, 3), "CC AA1");
    assert_string_equal(cell("Roles x units", 2, 4), "\xE2\x9C\x93");
    assert_string_equal(cell("Units", 1, 4), "SFJAA1");
    assert_string_equal(cell("Sources", 1, 0), "in/ST0116.pdf");
    assert_string_equal(cell("Sources", 1, 4), "7");
    assert_string_equal(cell("Sources", 4, 3), "third_party");
    assert_string_equal(cell("Sources", 1, 7),
                        "ksb_ref_unknown (page 3): Duty 2 refers to K9, which is not defined\n"
                        "no_version: The document states no version");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_standards),
        cmocka_unit_test(test_duties_and_matrix),
        cmocka_unit_test(test_maps_and_sources),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
