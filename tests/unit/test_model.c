/* SPDX-License-Identifier: MIT */
/* The data model: construction, ownership, repair merging, warnings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ost.h>

static void
test_free_null_is_noop(void **state)
{
    ost_doc_free(NULL);
    ost_standard_free(NULL);
    ost_ksb_free(NULL);
    ost_duty_free(NULL);
    ost_option_free(NULL);
    ost_occupation_free(NULL);
    ost_occupational_map_free(NULL);
    ost_map_pathway_free(NULL);
    ost_map_cluster_free(NULL);
    ost_map_occupation_free(NULL);
    ost_functional_map_free(NULL);
    ost_fm_role_free(NULL);
    ost_fm_key_area_free(NULL);
    ost_fm_area_free(NULL);
    ost_fm_function_free(NULL);
    ost_fm_unit_free(NULL);
    ost_pair_free(NULL);
    ost_blocks_free(NULL);
}

static void
test_new_objects_have_empty_lists(void **state)
{
    ost_doc *doc = ost_doc_new();
    assert_non_null(doc->standards);
    assert_int_equal(doc->standards->len, 0);
    assert_int_equal(doc->source.repairs->len, 0);
    ost_standard *s = ost_standard_new();
    assert_int_equal(s->level, 0);
    assert_int_equal(s->resubmission, OST_UNSET);
    assert_int_equal(s->knowledge->len, 0);
    assert_null(s->title);
    assert_int_equal(s->options->len, 0);
    g_ptr_array_add(s->options, ost_option_new("O1", "Software engineer"));
    ost_duty *d = ost_duty_new("D1", "Write code");
    assert_int_equal(d->options->len, 0);
    ost_strlist_add_unique(d->options, "O1");
    g_ptr_array_add(s->duties, d);
    g_ptr_array_add(doc->standards, s);
    ost_functional_map *m = ost_functional_map_new();
    assert_int_equal(m->units->len, 0);
    g_ptr_array_add(doc->functional_maps, m);
    ost_doc_free(doc); /* frees s and m: checked under valgrind/ASan */
}

static void
test_repairs_merge_by_kind_from_to(void **state)
{
    ost_doc *doc = ost_doc_new();
    ost_doc_add_repair(doc, "ligature", "o\xEF\xBF\xBD" "cer", "officer", 1);
    ost_doc_add_repair(doc, "ligature", "Sta\xEF\xBF\xBD", "Staff", 1);
    ost_doc_add_repair(doc, "ligature", "o\xEF\xBF\xBD" "cer", "officer", 2);
    ost_doc_add_repair(doc, "mojibake", "o\xEF\xBF\xBD" "cer", "officer", 1);
    assert_int_equal(doc->source.repairs->len, 3);
    const ost_repair *first = g_ptr_array_index(doc->source.repairs, 0);
    assert_string_equal(first->to, "officer");
    assert_int_equal(first->count, 3);
    const ost_repair *third = g_ptr_array_index(doc->source.repairs, 2);
    assert_string_equal(third->kind, "mojibake");
    ost_doc_free(doc);
}

static void
test_warning_formats_message(void **state)
{
    ost_doc *doc = ost_doc_new();
    ost_doc_warn(doc, "ksb_ref_unknown", "page 3", "Duty %d refers to %s", 3, "K40");
    ost_doc_warn(doc, "placeholder_text", NULL, "placeholder");
    assert_int_equal(doc->source.warnings->len, 2);
    const ost_warning *w = g_ptr_array_index(doc->source.warnings, 0);
    assert_string_equal(w->code, "ksb_ref_unknown");
    assert_string_equal(w->message, "Duty 3 refers to K40");
    assert_string_equal(w->where, "page 3");
    assert_null(((const ost_warning *)g_ptr_array_index(doc->source.warnings, 1))->where);
    ost_doc_free(doc);
}

static void
test_strlist_add_unique(void **state)
{
    GPtrArray *l = ost_strlist_new();
    assert_true(ost_strlist_add_unique(l, "Hampshire"));
    assert_true(ost_strlist_add_unique(l, "MPS"));
    assert_false(ost_strlist_add_unique(l, "Hampshire"));
    assert_int_equal(l->len, 2);
    g_ptr_array_unref(l);
}

static void
test_set_str_replaces_and_clears(void **state)
{
    char *field = NULL;
    ost_set_str(&field, "one");
    assert_string_equal(field, "one");
    ost_set_str(&field, field); /* self-assignment must not read freed memory */
    assert_string_equal(field, "one");
    ost_set_str(&field, NULL);
    assert_null(field);
}

static void
test_map_status_names(void **state)
{
    assert_null(ost_map_status_name(OST_MAP_STATUS_NONE));
    assert_string_equal(ost_map_status_name(OST_MAP_STATUS_APPROVED_FOR_DELIVERY),
                        "approved_for_delivery");
    assert_string_equal(ost_map_status_name(OST_MAP_STATUS_AWAITING_STANDARD), "awaiting_standard");
}

static void
test_blocks_row_joins_cells(void **state)
{
    ost_blocks *blocks = ost_blocks_new();
    const char *cells[] = {"Duty 1 Act as a first point of contact", "K1 K2 S1", NULL};
    ost_block *b = ost_blocks_add_row(blocks, cells, 3);
    assert_int_equal(b->kind, OST_BLOCK_ROW);
    assert_int_equal(b->cells->len, 3);
    assert_string_equal(g_ptr_array_index(b->cells, 2), "");
    assert_string_equal(b->text, "Duty 1 Act as a first point of contact\tK1 K2 S1\t");
    ost_blocks_free(blocks);
}

static void
test_strerror_covers_codes(void **state)
{
    for (int s = OST_OK; s <= OST_ERR_EMPTY; s++)
        assert_string_not_equal(ost_strerror((ost_status)s), "unknown error");
    assert_string_equal(ost_strerror((ost_status)999), "unknown error");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_null_is_noop),
        cmocka_unit_test(test_new_objects_have_empty_lists),
        cmocka_unit_test(test_repairs_merge_by_kind_from_to),
        cmocka_unit_test(test_warning_formats_message),
        cmocka_unit_test(test_strlist_add_unique),
        cmocka_unit_test(test_set_str_replaces_and_clears),
        cmocka_unit_test(test_map_status_names),
        cmocka_unit_test(test_blocks_row_joins_cells),
        cmocka_unit_test(test_strerror_covers_codes),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
