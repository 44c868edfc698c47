/* SPDX-License-Identifier: MIT */
/* Loading plugin modules with GModule: ABI versions, refusals, the search
 * path. The modules are the fixtures in tests/fixtures/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include <ost.h>

static char *
module_path(const char *name)
{
    return g_build_filename(OST_TEST_MODULE_DIR, name, NULL);
}

/* Load @name from the fixtures; the status, with @message_part in the
 * error when it is not NULL. */
static ost_status
load(ost_registry *reg, const char *name, const char *message_part)
{
    char *path = module_path(name);
    GError *error = NULL;
    ost_status st = ost_registry_load_module(reg, path, &error);
    if (message_part != NULL) {
        assert_non_null(error);
        assert_non_null(strstr(error->message, path));
        assert_non_null(strstr(error->message, message_part));
    }
    g_clear_error(&error);
    g_free(path);
    return st;
}

static void
test_abi_2_0_module_loads_with_its_shorter_tables(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(load(reg, "ost-abi20." G_MODULE_SUFFIX, NULL), OST_OK);
    const char *origin = NULL;
    const ost_reader_info *r = ost_registry_reader_at(reg, 0, &origin);
    assert_string_equal(r->name, "oldfmt");
    assert_true(g_str_has_suffix(origin, "ost-abi20." G_MODULE_SUFFIX));
    assert_null(r->url); /* added in 2.1: reads as NULL */
    ost_input in = {"x.old", (const guint8 *)"OLDFMT", 6};
    assert_ptr_equal(ost_registry_best_reader(reg, &in, NULL), r);
    const ost_writer_info *w = ost_registry_find_writer(reg, "oldfmt");
    assert_null(w->url);
    GByteArray *out = g_byte_array_new();
    assert_int_equal(w->write(NULL, 0, 0, out, NULL), OST_OK);
    assert_int_equal(out->len, 4);
    g_byte_array_unref(out);
    assert_int_equal(ost_registry_problems(reg)->len, 0);
    ost_registry_free(reg);
}

static void
test_other_major_abi_is_refused_by_name(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(load(reg, "ost-future." G_MODULE_SUFFIX,
                          "plugin \"future\" is built for plugin ABI 3.0"),
                     OST_ERR_PLUGIN);
    assert_int_equal(load(reg, "ost-abione." G_MODULE_SUFFIX,
                          "plugin \"abione\" is built for plugin ABI 1."),
                     OST_ERR_PLUGIN);
    assert_int_equal(ost_registry_n_readers(reg), 0);
    ost_registry_free(reg);
}

static void
test_module_without_descriptor_is_refused(void **state)
{
    ost_registry *reg = ost_registry_new();
    assert_int_equal(load(reg, "ost-nodesc." G_MODULE_SUFFIX,
                          "not an ost plugin (no ost_plugin_nodesc_get_desc symbol)"),
                     OST_ERR_PLUGIN);
    ost_registry_free(reg);
}

static void
test_dir_scan_reports_every_skipped_module_and_keeps_going(void **state)
{
    ost_registry *reg = ost_registry_new();
    /* ost-abi20 and ost-json load; ost-abione, ost-future, ost-nodesc are
     * refused; notost is skipped for its name. */
    assert_int_equal(ost_registry_load_dir(reg, OST_TEST_MODULE_DIR), 2);
    const GPtrArray *problems = ost_registry_problems(reg);
    assert_int_equal(problems->len, 4);
    assert_non_null(strstr(g_ptr_array_index(problems, 0), "notost." G_MODULE_SUFFIX
                           ": skipped, plugin module names start with \"ost-\""));
    assert_non_null(strstr(g_ptr_array_index(problems, 1), "\"abione\""));
    assert_non_null(strstr(g_ptr_array_index(problems, 2), "\"future\""));
    assert_non_null(strstr(g_ptr_array_index(problems, 3), "not an ost plugin"));

    assert_int_equal(ost_registry_load_dir(reg, "/nonexistent/ost/plugins"), 0);
    assert_int_equal(problems->len, 5);
    assert_non_null(strstr(g_ptr_array_index(problems, 4), "plugin folder /nonexistent/ost/plugins: "));
    gboolean found = TRUE;
    assert_string_equal(ost_registry_dir_at(reg, 1, &found), "/nonexistent/ost/plugins");
    assert_false(found);
    ost_registry_free(reg);
}

static void
test_search_path_order_option_then_environment_then_install(void **state)
{
    /* The same module found twice: the first folder on the path wins, and
     * the second is reported. */
    char *tmp = g_dir_make_tmp("ost-loader-XXXXXX", NULL);
    char *src = module_path("ost-abi20." G_MODULE_SUFFIX);
    char *dst = g_build_filename(tmp, "ost-abi20." G_MODULE_SUFFIX, NULL);
    assert_int_equal(symlink(src, dst), 0);
    g_setenv(OST_PLUGIN_PATH_ENV, OST_TEST_MODULE_DIR ":", TRUE);
    ost_registry *reg = ost_registry_new();
    const char *dirs[] = {tmp, NULL};
    ost_registry_load_search_path(reg, dirs);
    const char *origin = NULL;
    ost_registry_reader_at(reg, 0, &origin);
    assert_string_equal(origin, dst);
    assert_int_equal(ost_registry_n_dirs(reg), 3);
    assert_string_equal(ost_registry_dir_at(reg, 0, NULL), tmp);
    assert_string_equal(ost_registry_dir_at(reg, 1, NULL), OST_TEST_MODULE_DIR);
    assert_string_equal(ost_registry_dir_at(reg, 2, NULL), ost_registry_install_dir());
    gboolean clash_reported = FALSE;
    const GPtrArray *problems = ost_registry_problems(reg);
    for (guint i = 0; i < problems->len; i++)
        clash_reported |= strstr(g_ptr_array_index(problems, i),
                                 "plugin \"abi20\" is already loaded from") != NULL;
    assert_true(clash_reported);
    ost_registry_free(reg);
    g_unsetenv(OST_PLUGIN_PATH_ENV);
    unlink(dst);
    rmdir(tmp);
    g_free(src);
    g_free(dst);
    g_free(tmp);
}

static void
test_install_dir_is_beside_the_library(void **state)
{
    /* In the build tree libost is in core/; installed, in <libdir>. */
    char *expected = g_build_filename(OST_BINARY_DIR, "core", "ost", "plugins", NULL);
    assert_string_equal(ost_registry_install_dir(), expected);
    g_free(expected);
}

static void
note_loading(const char *path, gpointer data)
{
    g_ptr_array_add(data, g_path_get_basename(path));
}

static void
test_loading_func_names_each_module_first(void **state)
{
    ost_registry *reg = ost_registry_new();
    GPtrArray *seen = g_ptr_array_new_with_free_func(g_free);
    ost_registry_set_loading_func(reg, note_loading, seen);
    ost_registry_load_dir(reg, OST_TEST_MODULE_DIR);
    assert_int_equal(seen->len, 5);
    assert_string_equal(g_ptr_array_index(seen, 0), "ost-abi20." G_MODULE_SUFFIX);
    g_ptr_array_unref(seen);
    ost_registry_free(reg);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abi_2_0_module_loads_with_its_shorter_tables),
        cmocka_unit_test(test_other_major_abi_is_refused_by_name),
        cmocka_unit_test(test_module_without_descriptor_is_refused),
        cmocka_unit_test(test_dir_scan_reports_every_skipped_module_and_keeps_going),
        cmocka_unit_test(test_search_path_order_option_then_environment_then_install),
        cmocka_unit_test(test_install_dir_is_beside_the_library),
        cmocka_unit_test(test_loading_func_names_each_module_first),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
