/* SPDX-License-Identifier: MIT */
/* The registry: registration, ABI checks, bidding, lookups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <ost.h>

#include "builtins.h"

static int
bid_never(const ost_input *in)
{
    return OST_BID_NONE;
}

static int
bid_on_magic(const ost_input *in)
{
    return in->len >= 5 && memcmp(in->data, "MAGIC", 5) == 0 ? 80 : 5;
}

static int
bid_twenty(const ost_input *in)
{
    return 20;
}

static ost_status
read_nothing(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    return OST_OK;
}

static const char *const no_ext[] = {NULL};
static const ost_reader_info never = {sizeof(ost_reader_info), "never", "never bids", no_ext, no_ext, bid_never, read_nothing, NULL, 0};
static const ost_reader_info magic = {sizeof(ost_reader_info), "magic", "bids on MAGIC", no_ext, no_ext, bid_on_magic, read_nothing, NULL, 0};
static const ost_reader_info twenty = {sizeof(ost_reader_info), "twenty", "always 20", no_ext, no_ext, bid_twenty, read_nothing, NULL, 0};
static const ost_reader_info twenty_again = {sizeof(ost_reader_info), "twentyagain", "also 20", no_ext, no_ext, bid_twenty, read_nothing, NULL, 0};

static ost_status
fake_init(ost_registry *reg, GError **error)
{
    ost_registry_add_reader(reg, &never);
    ost_registry_add_reader(reg, &magic);
    ost_registry_add_reader(reg, &twenty);
    ost_registry_add_reader(reg, &twenty_again);
    return OST_OK;
}

static ost_status
failing_init(ost_registry *reg, GError **error)
{
    ost_registry_add_reader(reg, &never); /* then fails: it must not stay */
    g_set_error(error, OST_ERROR, OST_ERR_PLUGIN, "cannot start");
    return OST_ERR_PLUGIN;
}

static const ost_plugin_desc fake = {OST_PLUGIN_ABI_MAJOR, OST_PLUGIN_ABI_MINOR, "fake", "test readers", "1", "MIT", fake_init};

static void
test_best_bid_wins_and_ties_go_first(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "test", NULL), OST_OK);
    int bid = 0;
    ost_input magic_in = {"x", (const guint8 *)"MAGIC bytes", 11};
    assert_ptr_equal(ost_registry_best_reader(reg, &magic_in, &bid), &magic);
    assert_int_equal(bid, 80);
    ost_input other = {"y", (const guint8 *)"other", 5};
    assert_ptr_equal(ost_registry_best_reader(reg, &other, &bid), &twenty);
    assert_int_equal(bid, 20);
    ost_registry_free(reg);
}

static void
test_no_bidder_gives_null(void **state)
{
    ost_registry *reg = ost_registry_new();
    ost_registry_add_reader(reg, &never);
    ost_input in = {"z", (const guint8 *)"abc", 3};
    int bid = 0;
    assert_null(ost_registry_best_reader(reg, &in, &bid));
    assert_int_equal(bid, OST_BID_NONE);
    ost_registry_free(reg);
}

static void
test_wrong_abi_is_refused(void **state)
{
    ost_registry *reg = ost_registry_new();
    ost_plugin_desc future = fake;
    future.abi_major = OST_PLUGIN_ABI_MAJOR + 1;
    future.abi_minor = 0;
    GError *error = NULL;
    assert_int_equal(ost_registry_add_plugin(reg, &future, "future.so", &error), OST_ERR_PLUGIN);
    assert_non_null(strstr(error->message, "future.so"));
    assert_non_null(strstr(error->message, "\"fake\" is built for plugin ABI 3.0"));
    g_clear_error(&error);
    /* The same major with a newer minor may read fields this ost lacks. */
    ost_plugin_desc newer = fake;
    newer.abi_minor = OST_PLUGIN_ABI_MINOR + 1;
    assert_int_equal(ost_registry_add_plugin(reg, &newer, "newer.so", &error), OST_ERR_PLUGIN);
    assert_non_null(strstr(error->message, "ABI 2."));
    assert_int_equal(ost_registry_n_readers(reg), 0);
    g_error_free(error);
    ost_registry_free(reg);
}

static void
test_missing_descriptor_or_name_is_refused(void **state)
{
    ost_registry *reg = ost_registry_new();
    GError *error = NULL;
    assert_int_equal(ost_registry_add_plugin(reg, NULL, "none.so", &error), OST_ERR_PLUGIN);
    g_clear_error(&error);
    ost_plugin_desc bad_name = fake;
    bad_name.name = "Bad Name";
    assert_int_equal(ost_registry_add_plugin(reg, &bad_name, "bad.so", &error), OST_ERR_PLUGIN);
    g_clear_error(&error);
    ost_plugin_desc failing = fake;
    failing.name = "failing";
    failing.init = failing_init;
    assert_int_equal(ost_registry_add_plugin(reg, &failing, "failing.so", &error), OST_ERR_PLUGIN);
    assert_string_equal(error->message, "cannot start");
    assert_int_equal(ost_registry_n_readers(reg), 0);
    g_clear_error(&error);
    ost_registry_free(reg);
}

static void
test_first_plugin_of_a_name_wins(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "first", NULL), OST_OK);
    GError *error = NULL;
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "second", &error), OST_WARNING);
    assert_string_equal(error->message,
                        "second: plugin \"fake\" is already loaded from first; this one is skipped");
    g_error_free(error);
    assert_int_equal(ost_registry_n_readers(reg), 4);
    const char *origin = NULL;
    ost_registry_reader_at(reg, 0, &origin);
    assert_string_equal(origin, "first");
    ost_registry_free(reg);
}

static const ost_reader_info magic_clash = {sizeof(ost_reader_info), "MAGIC", "another magic",
                                            no_ext, no_ext, bid_twenty, read_nothing, NULL, 0};

static ost_status
clashing_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &magic_clash);
}

static void
test_reader_name_clash_is_reported(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "first.so", NULL), OST_OK);
    ost_plugin_desc clashing = fake;
    clashing.name = "clashing";
    clashing.init = clashing_init;
    GError *error = NULL;
    /* The init's own warning is the plugin's status: it stays loaded. */
    assert_int_equal(ost_registry_add_plugin(reg, &clashing, "second.so", &error), OST_WARNING);
    g_clear_error(&error);
    assert_ptr_equal(ost_registry_find_reader(reg, "magic"), &magic);
    const GPtrArray *problems = ost_registry_problems(reg);
    assert_int_equal(problems->len, 1);
    assert_string_equal(g_ptr_array_index(problems, 0),
                        "second.so: reader \"MAGIC\" is already registered from first.so; skipped");
    ost_registry_free(reg);
}

/* The reader table as ABI 2.0 defined it, before it grew. */
typedef struct reader_2_0 {
    gsize size;
    const char *name, *description;
    const char *const *extensions, *const *mime_types;
    int (*bid)(const ost_input *in);
    ost_status (*read)(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx,
                       GError **error);
} reader_2_0;

/* The writer table as ABI 2.0 defined it. */
typedef struct writer_2_0 {
    gsize size;
    const char *name, *description, *extension, *mime_type;
    guint flags;
    ost_status (*write)(const ost_doc *const *docs, gsize n_docs, guint flags, GByteArray *out,
                        GError **error);
} writer_2_0;

/* Within a major ABI, fields only ever join at the end: every ABI 2.0
 * field is where 2.0 put it. */
static void
test_abi_2_0_fields_keep_their_place(void **state)
{
    assert_int_equal(OST_PLUGIN_ABI_MAJOR, 2);
    assert_int_equal(offsetof(ost_reader_info, name), offsetof(reader_2_0, name));
    assert_int_equal(offsetof(ost_reader_info, mime_types), offsetof(reader_2_0, mime_types));
    assert_int_equal(offsetof(ost_reader_info, read), offsetof(reader_2_0, read));
    assert_true(sizeof(ost_reader_info) >= sizeof(reader_2_0));
    assert_int_equal(offsetof(ost_writer_info, name), offsetof(writer_2_0, name));
    assert_int_equal(offsetof(ost_writer_info, flags), offsetof(writer_2_0, flags));
    assert_int_equal(offsetof(ost_writer_info, write), offsetof(writer_2_0, write));
    assert_true(sizeof(ost_writer_info) >= sizeof(writer_2_0));
    /* The descriptor's version and name are where ABI 1 had them. */
    struct desc_1 {
        guint abi;
        const char *name;
    };
    assert_int_equal(offsetof(ost_plugin_desc, abi_major), offsetof(struct desc_1, abi));
    assert_int_equal(offsetof(ost_plugin_desc, name), offsetof(struct desc_1, name));
}

static void
test_shorter_table_reads_as_zero_filled_and_too_short_is_refused(void **state)
{
    static const reader_2_0 old = {sizeof(reader_2_0), "old", "ABI 2.0 reader", no_ext,
                                   no_ext, bid_twenty, read_nothing};
    ost_registry *reg = ost_registry_new();
    assert_true(sizeof old < sizeof(ost_reader_info));
    assert_int_equal(ost_registry_add_reader(reg, (const ost_reader_info *)&old), OST_OK);
    const ost_reader_info *r = ost_registry_find_reader(reg, "old");
    assert_non_null(r);
    assert_ptr_not_equal(r, (const void *)&old);
    assert_string_equal(r->description, "ABI 2.0 reader");
    assert_null(r->url);
    ost_input in = {"x", (const guint8 *)"abc", 3};
    assert_ptr_equal(ost_registry_best_reader(reg, &in, NULL), r);

    /* A table with no size set, as a plugin migrated without it would be. */
    ost_reader_info unsized = magic;
    unsized.size = 0;
    unsized.name = "unsized";
    assert_int_equal(ost_registry_add_reader(reg, &unsized), OST_ERR_PLUGIN);
    assert_null(ost_registry_find_reader(reg, "unsized"));
    const GPtrArray *problems = ost_registry_problems(reg);
    assert_int_equal(problems->len, 1);
    assert_non_null(strstr(g_ptr_array_index(problems, 0), "\"unsized\" has a table of 0 bytes"));
    ost_registry_free(reg);
}

static void
test_status_grades(void **state)
{
    assert_int_equal(ost_status_grade(OST_OK), OST_GRADE_OK);
    assert_int_equal(ost_status_grade(OST_WARNING), OST_GRADE_WARNING);
    assert_int_equal(ost_status_grade(OST_ERR_PARSE), OST_GRADE_FAILED);
    assert_int_equal(ost_status_grade(OST_ERR_PLUGIN), OST_GRADE_FAILED);
    assert_int_equal(ost_status_grade(OST_ERR_NOMEM), OST_GRADE_FATAL);
}

static void
test_builtins_register_text_and_json(void **state)
{
    ost_registry *reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    assert_non_null(ost_registry_find_reader(reg, "text"));
    assert_non_null(ost_registry_find_writer(reg, "json"));
    assert_non_null(ost_registry_find_writer(reg, "JSON"));
    assert_ptr_equal(ost_registry_writer_for_extension(reg, "json"),
                     ost_registry_find_writer(reg, "json"));
    assert_null(ost_registry_find_reader(reg, "nonesuch"));
    assert_null(ost_registry_reader_at(reg, 1000, NULL));
    ost_registry_free(reg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_best_bid_wins_and_ties_go_first),
        cmocka_unit_test(test_no_bidder_gives_null),
        cmocka_unit_test(test_wrong_abi_is_refused),
        cmocka_unit_test(test_missing_descriptor_or_name_is_refused),
        cmocka_unit_test(test_first_plugin_of_a_name_wins),
        cmocka_unit_test(test_builtins_register_text_and_json),
        cmocka_unit_test(test_reader_name_clash_is_reported),
        cmocka_unit_test(test_shorter_table_reads_as_zero_filled_and_too_short_is_refused),
        cmocka_unit_test(test_status_grades),
        cmocka_unit_test(test_abi_2_0_fields_keep_their_place),
    };
    return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
