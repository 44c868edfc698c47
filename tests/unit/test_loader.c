/* SPDX-License-Identifier: MIT */
/* Loading the real plugin modules from the build tree with GModule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include <ost.h>

static void
test_loads_real_modules_from_build_tree(void **state)
{
    ost_registry *reg = ost_registry_new();
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    guint n = ost_registry_load_dir(reg, OST_MODULE_DIR, problems);
    assert_true(n >= 2);
    assert_int_equal(problems->len, 0);
    const char *origin = NULL;
    const ost_reader_info *text = NULL;
    for (guint i = 0; i < ost_registry_n_readers(reg); i++) {
        const ost_reader_info *r = ost_registry_reader_at(reg, i, &origin);
        if (strcmp(r->name, "text") == 0) {
            text = r;
            break;
        }
    }
    assert_non_null(text);
    assert_true(g_str_has_suffix(origin, "ost-text." G_MODULE_SUFFIX));
    assert_non_null(ost_registry_find_writer(reg, "json"));

    /* The loaded modules do real work. */
    const char *input = "Reference: OCC0001\nLevel 3\n";
    ost_input in = {"t.txt", (const guint8 *)input, strlen(input)};
    assert_true(text->bid(&in) > 0);
    /* Control characters refuse the bytes wherever they sit (the bid
     * reads eight bytes at a time, then the tail); white space does not. */
    static const char spaced[] = "Level\t3\r\nRoute:\fCare and more words";
    static const char mid[] = "Reference: OC\001C0001 Level 3";
    static const char tail[] = "Reference: OCC0001 Lev\002";
    const char *const cases[] = {spaced, mid, tail};
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        ost_input c = {"t.txt", (const guint8 *)cases[i], strlen(cases[i])};
        assert_int_equal(text->bid(&c) > 0, i == 0);
    }
    ost_blocks *blocks = ost_blocks_new();
    ost_read_context *ctx = ost_read_context_new();
    assert_int_equal(text->read(&in, blocks, ctx, NULL), OST_OK);
    assert_true(blocks->items->len >= 2);
    ost_blocks_free(blocks);
    ost_read_context_free(ctx);
    g_ptr_array_unref(problems);
    ost_registry_free(reg);
}

static void
test_wrong_abi_module_is_refused(void **state)
{
    ost_registry *reg = ost_registry_new();
    GError *error = NULL;
    char *path = g_build_filename(OST_TEST_MODULE_DIR, "ost-badabi." G_MODULE_SUFFIX, NULL);
    assert_int_equal(ost_registry_load_module(reg, path, &error), OST_ERR_PLUGIN);
    assert_non_null(strstr(error->message, path));
    assert_non_null(strstr(error->message, "ABI version"));
    g_error_free(error);
    g_free(path);
    ost_registry_free(reg);
}

static void
test_module_without_descriptor_is_refused(void **state)
{
    ost_registry *reg = ost_registry_new();
    GError *error = NULL;
    char *path = g_build_filename(OST_TEST_MODULE_DIR, "ost-nodesc." G_MODULE_SUFFIX, NULL);
    assert_int_equal(ost_registry_load_module(reg, path, &error), OST_ERR_PLUGIN);
    assert_non_null(strstr(error->message, "not an ost plugin"));
    assert_non_null(strstr(error->message, "ost_plugin_nodesc_get_desc"));
    g_error_free(error);
    g_free(path);
    ost_registry_free(reg);
}

static void
test_dir_scan_reports_bad_modules_and_keeps_going(void **state)
{
    ost_registry *reg = ost_registry_new();
    GPtrArray *problems = g_ptr_array_new_with_free_func(g_free);
    assert_int_equal(ost_registry_load_dir(reg, OST_TEST_MODULE_DIR, problems), 0);
    assert_int_equal(problems->len, 2);
    assert_int_equal(ost_registry_load_dir(reg, "/nonexistent/ost/plugins", problems), 0);
    assert_int_equal(problems->len, 2);
    g_ptr_array_unref(problems);
    ost_registry_free(reg);
}

static void
test_search_path_order_option_then_environment(void **state)
{
    /* The same module found twice: the first directory on the path wins. */
    char *tmp = g_dir_make_tmp("ost-loader-XXXXXX", NULL);
    char *src = g_build_filename(OST_MODULE_DIR, "ost-json." G_MODULE_SUFFIX, NULL);
    char *dst = g_build_filename(tmp, "ost-json." G_MODULE_SUFFIX, NULL);
    assert_int_equal(symlink(src, dst), 0);
    g_setenv(OST_PLUGIN_PATH_ENV, OST_MODULE_DIR, TRUE);
    ost_registry *reg = ost_registry_new();
    const char *dirs[] = {tmp, NULL};
    ost_registry_load_search_path(reg, dirs, NULL);
    const char *origin = NULL;
    for (guint i = 0; i < ost_registry_n_writers(reg); i++)
        if (strcmp(ost_registry_writer_at(reg, i, &origin)->name, "json") == 0)
            break;
    assert_string_equal(origin, dst);
    assert_non_null(ost_registry_find_reader(reg, "text")); /* from the environment */
    ost_registry_free(reg);
    g_unsetenv(OST_PLUGIN_PATH_ENV);
    unlink(dst);
    rmdir(tmp);
    g_free(src);
    g_free(dst);
    g_free(tmp);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_loads_real_modules_from_build_tree),
        cmocka_unit_test(test_wrong_abi_module_is_refused),
        cmocka_unit_test(test_module_without_descriptor_is_refused),
        cmocka_unit_test(test_dir_scan_reports_bad_modules_and_keeps_going),
        cmocka_unit_test(test_search_path_order_option_then_environment),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
