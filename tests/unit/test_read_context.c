/* SPDX-License-Identifier: MIT */
/* The read context: what a reader reports, applied to the document once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ost.h>
#include <ost/plugin.h>

#include <string.h>

static void
test_apply_moves_facts_after_existing_warnings(void **state)
{
    ost_read_context *ctx = ost_read_context_new();
    ost_read_context_set_pages(ctx, 4);
    ost_read_context_warn(ctx, "pdf_page_image_only", "page 2", "page %d holds only images", 2);
    ost_read_context_warn(ctx, "charset_mismatch", NULL, "declared %s", "latin1");
    assert_int_equal(ost_read_context_get_pages(ctx), 4);
    assert_int_equal(ost_read_context_get_warnings(ctx)->len, 2);

    ost_doc *doc = ost_doc_new();
    ost_doc_warn(doc, "earlier", NULL, "already there");
    ost_read_context_apply(ctx, doc);
    assert_int_equal(doc->source.pages, 4);
    assert_int_equal(doc->source.warnings->len, 3);
    const ost_warning *w = g_ptr_array_index(doc->source.warnings, 1);
    assert_string_equal(w->code, "pdf_page_image_only");
    assert_string_equal(w->where, "page 2");
    assert_string_equal(w->message, "page 2 holds only images");
    w = g_ptr_array_index(doc->source.warnings, 2);
    assert_null(w->where);
    assert_string_equal(w->message, "declared latin1");

    /* Emptied: applying again adds nothing and keeps the page count. */
    assert_int_equal(ost_read_context_get_warnings(ctx)->len, 0);
    ost_read_context_apply(ctx, doc);
    assert_int_equal(doc->source.warnings->len, 3);
    assert_int_equal(doc->source.pages, 4);
    ost_read_context_free(ctx);
    ost_doc_free(doc);
}

static void
test_unapplied_context_frees_its_warnings(void **state)
{
    ost_read_context *ctx = ost_read_context_new();
    ost_read_context_warn(ctx, "x", "line 3", "left %s", "behind");
    ost_read_context_free(ctx);
    ost_read_context_free(NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_apply_moves_facts_after_existing_warnings),
        cmocka_unit_test(test_unapplied_context_frees_its_warnings),
    };
    return cmocka_run_group_tests_name("read_context", tests, NULL, NULL);
}
