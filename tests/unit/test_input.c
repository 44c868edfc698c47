/* SPDX-License-Identifier: MIT */
/* Input files: only regular files are read, never blocking on a FIFO, and
 * a file over a reader's size limit is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ost.h>

static int
bid_any(const ost_input *in)
{
    return 50;
}

static int reads;

static ost_status
read_counting(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    reads++;
    ost_blocks_add(blocks, OST_BLOCK_LINE, "x");
    return OST_OK;
}

static const char *const no_ext[] = {NULL};
static const ost_reader_info small = {
    .size = sizeof(ost_reader_info),
    .name = "small",
    .description = "takes 16 bytes at most",
    .extensions = no_ext,
    .mime_types = no_ext,
    .bid = bid_any,
    .read = read_counting,
    .max_input = 16,
};

static ost_status
small_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &small);
}

static const ost_plugin_desc small_desc = {OST_PLUGIN_ABI_MAJOR, OST_PLUGIN_ABI_MINOR, "small",
                                           "test", "1", "MIT", small_init};

typedef struct {
    char *dir;
    ost_registry *reg;
} fixture;

static int
setup(void **state)
{
    fixture *f = g_new0(fixture, 1);
    f->dir = g_dir_make_tmp("ost-input-XXXXXX", NULL);
    f->reg = ost_registry_new();
    if (f->dir == NULL || ost_registry_add_plugin(f->reg, &small_desc, "test", NULL) != OST_OK)
        return -1;
    reads = 0;
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    GDir *d = g_dir_open(f->dir, 0, NULL);
    for (const char *name; d != NULL && (name = g_dir_read_name(d)) != NULL;) {
        char *p = g_build_filename(f->dir, name, NULL);
        g_remove(p);
        g_free(p);
    }
    if (d != NULL)
        g_dir_close(d);
    g_rmdir(f->dir);
    g_free(f->dir);
    ost_registry_free(f->reg);
    g_free(f);
    return 0;
}

static char *
make_file(const fixture *f, const char *name, gsize size)
{
    char *path = g_build_filename(f->dir, name, NULL);
    char *data = g_malloc(size);
    memset(data, 'a', size);
    assert_true(g_file_set_contents(path, data, (gssize)size, NULL));
    g_free(data);
    return path;
}

static void
assert_refused(const fixture *f, const char *path, const char *message)
{
    GError *error = NULL;
    assert_null(ost_read_file(f->reg, path, NULL, &error));
    assert_non_null(error);
    if (strstr(error->message, message) == NULL)
        fail_msg("\"%s\" is not \"%s\"", error->message, message);
    g_error_free(error);
    assert_int_equal(reads, 0);
}

/* With no writer, a blocking open() of a FIFO would wait for ever. */
static void
test_fifo_refused_without_blocking(void **state)
{
    fixture *f = *state;
    char *path = g_build_filename(f->dir, "pipe.txt", NULL);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(10); /* a hang fails the test instead of stalling the suite */
    assert_refused(f, path, "not a regular file");
    assert_false(ost_file_is_regular(path));
    guint8 *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    assert_false(ost_file_load(path, 1024, &data, &len, &error));
    assert_non_null(strstr(error->message, "not a regular file"));
    g_error_free(error);
    alarm(0);
    g_free(path);
}

static void
test_devices_and_folders_refused(void **state)
{
    fixture *f = *state;
    assert_refused(f, "/dev/null", "not a regular file");
    assert_refused(f, "/dev/zero", "not a regular file");
    assert_refused(f, f->dir, "not a regular file");
    assert_false(ost_file_is_regular("/dev/null"));
    assert_false(ost_file_is_regular(f->dir));
}

static void
test_missing_file_named_by_its_problem(void **state)
{
    fixture *f = *state;
    char *path = g_build_filename(f->dir, "absent.txt", NULL);
    assert_refused(f, path, g_strerror(ENOENT));
    g_free(path);
}

static void
test_reader_limit_checked(void **state)
{
    fixture *f = *state;
    char *fits = make_file(f, "fits.txt", 16);
    char *over = make_file(f, "over.txt", 17);
    assert_true(ost_file_is_regular(fits));
    assert_refused(f, over, "too large: 17 bytes (the small reader's limit is 16 bytes)");
    GError *error = NULL;
    ost_doc *doc = ost_read_file(f->reg, fits, NULL, &error);
    assert_int_equal(reads, 1); /* no document type: refused after reading */
    if (doc != NULL)
        ost_doc_free(doc);
    g_clear_error(&error);
    g_free(fits);
    g_free(over);
}

static void
test_load_bounded(void **state)
{
    fixture *f = *state;
    char *path = make_file(f, "ten.txt", 10);
    guint8 *data = NULL;
    gsize len = 0;
    GError *error = NULL;
    assert_true(ost_file_load(path, 10, &data, &len, &error));
    assert_int_equal(len, 10);
    assert_int_equal(data[10], '\0');
    g_free(data);
    assert_false(ost_file_load(path, 9, &data, &len, &error));
    assert_non_null(strstr(error->message, "too large: 10 bytes"));
    g_error_free(error);
    g_free(path);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fifo_refused_without_blocking, setup, teardown),
        cmocka_unit_test_setup_teardown(test_devices_and_folders_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_named_by_its_problem, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reader_limit_checked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_bounded, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
