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
static const ost_reader_info never = {"never", "never bids", no_ext, no_ext, bid_never, read_nothing};
static const ost_reader_info magic = {"magic", "bids on MAGIC", no_ext, no_ext, bid_on_magic, read_nothing};
static const ost_reader_info twenty = {"twenty", "always 20", no_ext, no_ext, bid_twenty, read_nothing};
static const ost_reader_info twenty_again = {"twentyagain", "also 20", no_ext, no_ext, bid_twenty, read_nothing};

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
    g_set_error(error, OST_ERROR, OST_ERR_PLUGIN, "cannot start");
    return OST_ERR_PLUGIN;
}

static const ost_plugin_desc fake = {OST_PLUGIN_ABI, "fake", "test readers", "1", "MIT", fake_init};

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
    future.abi = OST_PLUGIN_ABI + 1;
    GError *error = NULL;
    assert_int_equal(ost_registry_add_plugin(reg, &future, "future.so", &error), OST_ERR_PLUGIN);
    assert_non_null(strstr(error->message, "future.so"));
    assert_non_null(strstr(error->message, "ABI"));
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
    g_clear_error(&error);
    ost_registry_free(reg);
}

static void
test_first_plugin_of_a_name_wins(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "first", NULL), OST_OK);
    assert_int_equal(ost_registry_add_plugin(reg, &fake, "second", NULL), OST_OK);
    assert_int_equal(ost_registry_n_readers(reg), 4);
    const char *origin = NULL;
    ost_registry_reader_at(reg, 0, &origin);
    assert_string_equal(origin, "first");
    ost_registry_free(reg);
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
    };
    return cmocka_run_group_tests_name("registry", tests, NULL, NULL);
}
