/* SPDX-License-Identifier: MIT */
/* The dictionary's cache file: created, reused, rebuilt when stale or damaged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <ost.h>

/* The dictionary loads once per process, so each load runs in a child. */
static char *lists_dir, *cache_dir;

#define DAMAGED "the o\xEF\xBF\xBD" "cer"

static void
write_file(const char *dir, const char *name, const char *text)
{
    char *path = g_build_filename(dir, name, NULL);
    assert_true(g_file_set_contents(path, text, -1, NULL));
    g_free(path);
}

/* Word lists holding "officer" or not; the hunspell stems are there so
 * that the system's are not read. */
static void
write_lists(gboolean officer)
{
    write_file(lists_dir, "british-english-small", officer ? "officer\nthe\n" : "the\n");
    write_file(lists_dir, "british-english", officer ? "officer\nthe\n" : "offer\nthe\n");
    write_file(lists_dir, "en_GB.dic", "1\nfinance/S\n");
}

/* DAMAGED repaired by a fresh process. */
static char *
repair_in_child(void)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        ost_repairer *rep = ost_repairer_new(NULL);
        char *out = rep != NULL ? ost_repairer_fix(rep, DAMAGED, NULL) : g_strdup("(none)");
        gsize len = strlen(out);
        _exit(write(fds[1], out, len) == (ssize_t)len ? 0 : 1);
    }
    close(fds[1]);
    GString *out = g_string_new(NULL);
    char buf[256];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0)
        g_string_append_len(out, buf, n);
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return g_string_free(out, FALSE);
}

static void
assert_repairs(const char *expected)
{
    char *out = repair_in_child();
    assert_string_equal(out, expected);
    g_free(out);
}

/* The one cache file in cache_dir. */
static char *
cache_file(void)
{
    GDir *dir = g_dir_open(cache_dir, 0, NULL);
    assert_non_null(dir);
    char *path = NULL;
    for (const char *name; (name = g_dir_read_name(dir)) != NULL;) {
        assert_null(path);
        assert_true(g_str_has_prefix(name, "dictionary-"));
        path = g_build_filename(cache_dir, name, NULL);
    }
    g_dir_close(dir);
    assert_non_null(path);
    return path;
}

static GBytes *
contents(const char *path)
{
    char *data;
    gsize len;
    assert_true(g_file_get_contents(path, &data, &len, NULL));
    return g_bytes_new_take(data, len);
}

static int
setup(void **state)
{
    lists_dir = g_dir_make_tmp("ost-dict-XXXXXX", NULL);
    char *tmp = g_dir_make_tmp("ost-cache-XXXXXX", NULL);
    cache_dir = g_build_filename(tmp, "ost", NULL);
    g_free(tmp);
    g_setenv("OST_DICT_DIR", lists_dir, TRUE);
    g_setenv("OST_CACHE_DIR", cache_dir, TRUE);
    write_lists(TRUE);
    return 0;
}

static void
remove_tree(const char *path)
{
    GDir *dir = g_dir_open(path, 0, NULL);
    for (const char *name; dir != NULL && (name = g_dir_read_name(dir)) != NULL;) {
        char *child = g_build_filename(path, name, NULL);
        g_remove(child);
        g_free(child);
    }
    if (dir != NULL)
        g_dir_close(dir);
    g_rmdir(path);
}

static int
teardown(void **state)
{
    remove_tree(lists_dir);
    remove_tree(cache_dir);
    char *parent = g_path_get_dirname(cache_dir);
    g_rmdir(parent);
    g_free(parent);
    g_free(lists_dir);
    g_free(cache_dir);
    return 0;
}

/* The first load makes the cache (and its folder); the next uses it
 * as it is: same answer, the file not replaced. */
static void
test_created_and_reused(void **state)
{
    assert_repairs("the officer");
    char *path = cache_file();
    GStatBuf before, after;
    assert_int_equal(g_stat(path, &before), 0);
    assert_repairs("the officer");
    assert_int_equal(g_stat(path, &after), 0);
    assert_true(before.st_ino == after.st_ino);
    assert_true(before.st_mtim.tv_sec == after.st_mtim.tv_sec &&
                before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
    g_free(path);
}

/* A changed word list makes the cache stale: rebuilt from the new lists. */
static void
test_rebuilt_when_list_changes(void **state)
{
    assert_repairs("the officer");
    char *path = cache_file();
    GBytes *old = contents(path);
    write_lists(FALSE);
    assert_repairs(DAMAGED);
    GBytes *now = contents(path);
    assert_false(g_bytes_equal(old, now));
    write_lists(TRUE);
    assert_repairs("the officer");
    g_bytes_unref(old);
    g_bytes_unref(now);
    g_free(path);
}

/* Damage of every kind is noticed: the lists are read again and the
 * cache rewritten as it was. */
static void
test_damaged_cache_ignored(void **state)
{
    assert_repairs("the officer");
    char *path = cache_file();
    GBytes *good = contents(path);
    gsize len;
    const char *data = g_bytes_get_data(good, &len);
    struct {
        const char *what;
        gsize keep;       /* bytes kept from the good file */
        gssize flip;      /* a byte changed, or -1 */
    } damage[] = {
        {"empty", 0, -1},
        {"header only", 48, -1},
        {"truncated", len / 2, -1},
        {"one byte short", len - 1, -1},
        {"bad magic", len, 0},
        {"bad key", len, 60},
        {"bad slot", len, (gssize)(len / 3)},
        {"bad word", len, (gssize)(len - 80)},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(damage); i++) {
        char *bad = g_memdup2(data, damage[i].keep);
        if (damage[i].flip >= 0)
            bad[damage[i].flip] ^= 0x21;
        assert_true(g_file_set_contents(path, bad, (gssize)damage[i].keep, NULL));
        g_free(bad);
        char *out = repair_in_child();
        if (strcmp(out, "the officer") != 0)
            print_error("%s: \"%s\"\n", damage[i].what, out);
        assert_string_equal(out, "the officer");
        g_free(out);
        GBytes *now = contents(path);
        if (!g_bytes_equal(good, now))
            print_error("%s: cache not rebuilt\n", damage[i].what);
        assert_true(g_bytes_equal(good, now));
        g_bytes_unref(now);
    }
    g_bytes_unref(good);
    g_free(path);
}

/* A cache folder that cannot be made only costs time. */
static void
test_unwritable_cache_dir(void **state)
{
    char *file = g_build_filename(lists_dir, "british-english", NULL);
    char *below_file = g_build_filename(file, "cache", NULL);
    g_setenv("OST_CACHE_DIR", below_file, TRUE);
    assert_repairs("the officer");
    assert_repairs("the officer");
    g_setenv("OST_CACHE_DIR", cache_dir, TRUE);
    g_free(below_file);
    g_free(file);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_created_and_reused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rebuilt_when_list_changes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_cache_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_cache_dir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
