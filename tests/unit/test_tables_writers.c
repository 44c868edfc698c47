/* SPDX-License-Identifier: MIT */
/* The table writers: CSV files, JSON Lines and the SQLite database, exactly;
 * and folder output that appears whole or not at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "test_xml_fixture.h"

static ost_status
collect_file(void *user, const char *name, const guint8 *data, gsize len, GError **error)
{
    GPtrArray *files = user; /* name, contents, name, contents, ... */
    g_ptr_array_add(files, g_strdup(name));
    g_ptr_array_add(files, g_strndup((const char *)data, len));
    return OST_OK;
}

static GPtrArray *
write_csv(GPtrArray *docs)
{
    GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
    const ost_file_sink sink = {collect_file, files};
    GError *error = NULL;
    const ost_writer_info *w = fixture_writer("csv");
    assert_non_null(w);
    assert_int_equal(w->write_files((const ost_doc *const *)docs->pdata, docs->len,
                                    OST_WRITE_COMBINED, &sink, &error),
                     OST_OK);
    return files;
}

static const char *
file_named(GPtrArray *files, const char *name)
{
    for (guint i = 0; i < files->len; i += 2)
        if (strcmp(g_ptr_array_index(files, i), name) == 0)
            return g_ptr_array_index(files, i + 1);
    fail_msg("no file %s", name);
    return NULL;
}

#define SRC_STD "in/ST0116.pdf,c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13,official"
#define SRC_FM "in/fm.txt,c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13,third_party"

static void
test_csv_one_file_per_table_in_order(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GPtrArray *files = write_csv(docs);
    static const char *const names[] = {
        "sources.csv", "standards.csv", "options.csv", "duties.csv", "duty_ksbs.csv",
        "ksbs.csv", "occupations.csv", "occupational_map_entries.csv",
        "functional_map_units.csv", "role_units.csv", "repairs.csv", "warnings.csv",
    };
    assert_int_equal(files->len, 2 * G_N_ELEMENTS(names));
    for (guint i = 0; i < G_N_ELEMENTS(names); i++) {
        assert_string_equal(g_ptr_array_index(files, 2 * i), names[i]);
        assert_true(g_str_has_prefix(g_ptr_array_index(files, 2 * i + 1),
                                     "source_path,source_sha256,source_trust,"));
    }
    assert_string_equal(file_named(files, "options.csv"),
                        "source_path,source_sha256,source_trust,standard_no,reference,"
                        "option_no,option_id,title\r\n");
    g_ptr_array_unref(files);
    g_ptr_array_unref(docs);
}

static void
test_csv_quotes_as_rfc_4180(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GPtrArray *files = write_csv(docs);
    assert_string_equal(
        file_named(files, "standards.csv"),
        "source_path,source_sha256,source_trust,standard_no,reference,version,title,stage,"
        "status,level,route,pathway,cluster,occupation_code,core_and_options,"
        "typical_duration_months,target_approval_date,resubmission,resubmission_note,"
        "replaces_framework,professional_recognition,overview_of_role,occupation_summary,"
        "typical_job_titles,entry_requirements,qualifications,english_and_maths,consultation,"
        "progression_routes,subject_sector_area,review,involved_employers,other_fields\r\n"
        SRC_STD ",1,ST0116,1.3,\"Software developer & tester <\"\"quoted\"\">\",standard,"
        "Approved for delivery,4,Digital,,,,0,24,2023-05-01,,,1,0,Build and test software.,"
        "\"First paragraph.\n\nSecond  paragraph with  two double spaces.\",Developer; Tester"
        ",,,,,,,after 3 years,Caf\xC3\xA9 Ltd \xE2\x80\x94 \xE2\x9C\x93,"
        "\"Funding band: \xC2\xA3" "15,000\"\r\n");
    assert_string_equal(file_named(files, "duty_ksbs.csv"),
                        "source_path,source_sha256,source_trust,standard_no,reference,duty_no,"
                        "duty_id,link_no,ksb_id\r\n"
                        SRC_STD ",1,ST0116,1,D1,1,K1\r\n"
                        SRC_STD ",1,ST0116,1,D1,2,S1\r\n"
                        SRC_STD ",1,ST0116,1,D1,3,B1\r\n"
                        SRC_STD ",1,ST0116,2,D2,1,K2\r\n"
                        SRC_STD ",1,ST0116,2,D2,2,K9\r\n");
    assert_string_equal(file_named(files, "ksbs.csv"),
                        "source_path,source_sha256,source_trust,standard_no,reference,kind,"
                        "ksb_no,ksb_id,id_source,title,text\r\n"
                        SRC_STD ",1,ST0116,knowledge,1,K1,stated,,Programming languages\r\n"
                        SRC_STD ",1,ST0116,knowledge,2,K2,stated,,Testing frameworks\r\n"
                        SRC_STD ",1,ST0116,knowledge,3,K10,stated,,Security\r\n"
                        SRC_STD ",1,ST0116,skill,1,S1,stated,,Write clean code\r\n"
                        SRC_STD ",1,ST0116,behaviour,1,B1,derived,Taking responsibility,"
                        "Owns the work\r\n");
    assert_string_equal(file_named(files, "repairs.csv"),
                        "source_path,source_sha256,source_trust,repair_no,kind,from,to,count\r\n"
                        SRC_STD ",1,ligature,o\xEF\xBF\xBD" "cer,officer,14\r\n"
                        SRC_STD ",2,hyphenation,\"soft-\nware\",software,2\r\n");
    assert_string_equal(file_named(files, "role_units.csv"),
                        "source_path,source_sha256,source_trust,map_no,role_no,role,link_no,"
                        "unit_code\r\n"
                        SRC_FM ",1,1,PSO (O.M),1,AA1\r\n"
                        SRC_FM ",1,1,PSO (O.M),2,CC AA1\r\n"
                        SRC_FM ",1,2,Custody,1,GE8\r\n");
    assert_string_equal(file_named(files, "occupational_map_entries.csv"),
                        "source_path,source_sha256,source_trust,map_no,entry_no,route,pathway,"
                        "cluster,apprenticeship_only,title,level,status\r\n"
                        "in/map.txt,c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13,"
                        "official,1,1,Protective services,Protective services,Protective Service "
                        "Officer,1,Business fire safety advisor,3,approved_for_delivery\r\n"
                        "in/map.txt,c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13,"
                        "official,1,2,Protective services,Protective services,Protective Service "
                        "Officer,1,Custody officer,,\r\n");
    g_ptr_array_unref(files);
    g_ptr_array_unref(docs);
}

static void
test_csv_options_of_a_standard(void **state)
{
    GPtrArray *docs = fixture_one(fixture_options_standard_doc());
    GPtrArray *files = write_csv(docs);
#define SRC_OPT "in/ST0119.html,c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13,official,1,ST0119"
    assert_string_equal(file_named(files, "options.csv"),
                        "source_path,source_sha256,source_trust,standard_no,reference,"
                        "option_no,option_id,title\r\n"
                        SRC_OPT ",1,O1,Software engineer\r\n"
                        SRC_OPT ",2,O2,Cyber security & <risk> analyst\r\n");
    assert_string_equal(file_named(files, "duties.csv"),
                        "source_path,source_sha256,source_trust,standard_no,reference,"
                        "duty_no,duty_id,text,options\r\n"
                        SRC_OPT ",1,D1,Plan the work,\r\n"
                        SRC_OPT ",2,D2,Build software,O1\r\n"
                        SRC_OPT ",3,D3,Assess risks,O2\r\n"
                        SRC_OPT ",4,D4,Review security of code,O1; O2\r\n");
    g_ptr_array_unref(files);
    g_ptr_array_unref(docs);
}

static void
test_jsonl_one_compact_document_per_line(void **state)
{
    GPtrArray *docs = fixture_one(fixture_occupation_doc());
    GByteArray *out = fixture_write("jsonl", docs, 0);
    g_byte_array_append(out, (const guint8 *)"", 1);
    assert_string_equal((const char *)out->data,
        "{\"ost_version\":\"1\",\"source\":{\"path\":\"in/OCC0509.html\",\"format\":\"html\","
        "\"sha256\":\"c9494036a70daa8c465bb399e8169db5946d4568fd83cb37c3b3c7723af6ab13\","
        "\"document_type\":\"occupation\",\"pages\":null,\"trust\":\"official\",\"repairs\":[],"
        "\"warnings\":[]},\"standards\":[],\"occupations\":[{\"code\":\"OCC0509\",\"title\":"
        "\"Safeguarding support officer\",\"level\":3,\"overview\":\"Supports people at risk.\","
        "\"summary\":null,\"status\":null,\"soc_codes\":[\"3221\",\"6136\"],"
        "\"involved_employers\":[\"Council A\"],\"related_routes\":[],\"standard_reference\":"
        "\"ST1030\",\"extra\":{}}],\"occupational_maps\":[],\"functional_maps\":[]}\n");
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);

    docs = fixture_all_docs();
    out = fixture_write("jsonl", docs, OST_WRITE_COMBINED);
    guint lines = 0;
    for (guint i = 0; i < out->len; i++)
        lines += out->data[i] == '\n';
    assert_int_equal(lines, 4);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static sqlite3 *
open_image(GByteArray *image)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
    unsigned char *copy = sqlite3_malloc64(image->len);
    memcpy(copy, image->data, image->len);
    assert_int_equal(sqlite3_deserialize(db, "main", copy, image->len, image->len,
                                         SQLITE_DESERIALIZE_FREEONCLOSE |
                                             SQLITE_DESERIALIZE_READONLY),
                     SQLITE_OK);
    return db;
}

static char *
query(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    GString *out = g_string_new(NULL);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); c++) {
            const unsigned char *v = sqlite3_column_text(stmt, c);
            g_string_append_printf(out, "%s%s", c > 0 ? "|" : "", v != NULL ? (const char *)v : "NULL");
        }
        g_string_append_c(out, '\n');
    }
    sqlite3_finalize(stmt);
    return g_string_free(out, FALSE);
}

static void
assert_query(sqlite3 *db, const char *sql, const char *expected)
{
    char *got = query(db, sql);
    assert_string_equal(got, expected);
    g_free(got);
}

static void
test_sqlite_tables_with_keys_and_types(void **state)
{
    GPtrArray *docs = fixture_all_docs();
    GByteArray *image = fixture_write("sqlite", docs, OST_WRITE_COMBINED);
    assert_non_null(image);
    GByteArray *again = fixture_write("sqlite", docs, OST_WRITE_COMBINED);
    assert_int_equal(image->len, again->len);
    assert_memory_equal(image->data, again->data, image->len);
    sqlite3 *db = open_image(image);
    assert_query(db, "PRAGMA foreign_key_check", "");
    assert_query(db, "SELECT source_path, source_trust, relative_path, pages, repairs, warnings"
                     " FROM sources",
                 "in/ST0116.pdf|official|in/ST0116.pdf|7|2|2\n"
                 "in/OCC0509.html|official|in/OCC0509.html|NULL|0|0\n"
                 "in/map.txt|official|in/map.txt|NULL|0|0\n"
                 "in/fm.txt|third_party|in/fm.txt|NULL|0|0\n");
    assert_query(db, "SELECT typeof(level), typeof(core_and_options), typeof(title) FROM standards",
                 "integer|integer|text\n");
    assert_query(db, "SELECT d.duty_id, group_concat(l.ksb_id, ' ') FROM duties d JOIN duty_ksbs l"
                     " USING (source_path, standard_no, duty_no) GROUP BY d.duty_no",
                 "D1|K1 S1 B1\nD2|K2 K9\n");
    assert_query(db, "SELECT \"from\", \"to\", count FROM repairs WHERE kind = 'hyphenation'",
                 "soft-\nware|software|2\n");
    assert_query(db, "SELECT count(*) FROM functional_map_units", "2\n");
    assert_query(db, "SELECT sql FROM sqlite_schema WHERE name = 'duty_ksbs'",
                 "CREATE TABLE \"duty_ksbs\" (\"source_path\" TEXT, \"source_sha256\" TEXT, "
                 "\"source_trust\" TEXT, \"standard_no\" INTEGER, \"reference\" TEXT, "
                 "\"duty_no\" INTEGER, \"duty_id\" TEXT, \"link_no\" INTEGER, \"ksb_id\" TEXT, "
                 "PRIMARY KEY (source_path, standard_no, duty_no, link_no), FOREIGN KEY "
                 "(source_path, standard_no, duty_no) REFERENCES \"duties\" (source_path, "
                 "standard_no, duty_no) ON DELETE CASCADE)\n");
    sqlite3_close(db);
    g_byte_array_unref(again);
    g_byte_array_unref(image);
    g_ptr_array_unref(docs);
}

static void
test_sqlite_refuses_one_source_twice(void **state)
{
    GPtrArray *docs = fixture_one(fixture_occupation_doc());
    g_ptr_array_add(docs, fixture_occupation_doc());
    GByteArray *out = g_byte_array_new();
    GError *error = NULL;
    assert_int_equal(fixture_writer("sqlite")->write((const ost_doc *const *)docs->pdata, 2,
                                                     OST_WRITE_COMBINED, out, &error),
                     OST_ERR_IO);
    assert_string_equal(error->message, "SQLite, adding a row to sources from in/OCC0509.html: "
                                        "UNIQUE constraint failed: sources.source_path");
    assert_int_equal(out->len, 0);
    g_error_free(error);
    g_byte_array_unref(out);
    g_ptr_array_unref(docs);
}

static char *
read_text(const char *dir, const char *name)
{
    char *path = g_build_filename(dir, name, NULL);
    char *text = NULL;
    g_file_get_contents(path, &text, NULL, NULL);
    g_free(path);
    return text;
}

static guint
count_entries(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (d != NULL && g_dir_read_name(d) != NULL)
        n++;
    if (d != NULL)
        g_dir_close(d);
    return n;
}

static void
test_folder_output_replaced_whole(void **state)
{
    char *tmp = g_dir_make_tmp("ost-tables-XXXXXX", NULL);
    char *out = g_build_filename(tmp, "tables", NULL);
    const ost_writer_info *csv = fixture_writer("csv");
    GPtrArray *all = fixture_all_docs();
    GError *error = NULL;
    assert_int_equal(ost_write_folder(csv, (const ost_doc *const *)all->pdata, all->len,
                                      OST_WRITE_COMBINED, out, &error), OST_OK);
    assert_int_equal(count_entries(out), OST_N_TABLES);
    char *occupations = read_text(out, "occupations.csv");
    assert_non_null(strstr(occupations, "OCC0509"));
    g_free(occupations);

    /* Again with only the map: the old tables are gone, nothing left beside. */
    GPtrArray *map = fixture_one(fixture_map_doc());
    char *again = g_strconcat(out, "/", NULL);
    assert_int_equal(ost_write_folder(csv, (const ost_doc *const *)map->pdata, 1, 0, again,
                                      &error), OST_OK);
    occupations = read_text(out, "occupations.csv");
    assert_string_equal(strchr(occupations, '\n'), "\n");
    g_free(occupations);
    assert_int_equal(count_entries(tmp), 1);

    /* A file in the way: an error naming it, and the file untouched. */
    char *file = g_build_filename(tmp, "file.csv", NULL);
    assert_true(g_file_set_contents(file, "keep", -1, NULL));
    assert_int_equal(ost_write_folder(csv, (const ost_doc *const *)map->pdata, 1, 0, file,
                                      &error), OST_ERR_IO);
    char *expected = g_strdup_printf("%s exists and is not a folder", file);
    assert_string_equal(error->message, expected);
    g_clear_error(&error);
    char *kept = read_text(tmp, "file.csv");
    assert_string_equal(kept, "keep");
    assert_int_equal(count_entries(tmp), 2);

    /* A writer of one stream is no folder writer. */
    assert_int_equal(ost_write_folder(fixture_writer("json"), (const ost_doc *const *)map->pdata,
                                      1, 0, out, &error), OST_ERR_INVALID_ARG);
    g_clear_error(&error);

    g_free(kept);
    g_free(expected);
    g_free(file);
    g_free(again);
    g_ptr_array_unref(map);
    g_ptr_array_unref(all);
    const char *rm[] = {"rm", "-rf", tmp, NULL};
    g_spawn_sync(NULL, (char **)rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
    g_free(out);
    g_free(tmp);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_one_file_per_table_in_order),
        cmocka_unit_test(test_csv_quotes_as_rfc_4180),
        cmocka_unit_test(test_csv_options_of_a_standard),
        cmocka_unit_test(test_jsonl_one_compact_document_per_line),
        cmocka_unit_test(test_sqlite_tables_with_keys_and_types),
        cmocka_unit_test(test_sqlite_refuses_one_source_twice),
        cmocka_unit_test(test_folder_output_replaced_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
