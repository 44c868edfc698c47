/* SPDX-License-Identifier: MIT */
/* Model-level diff: changed fields, reworded and renumbered statements,
 * additions, removals and links, on documents made for each case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include "test_xml_fixture.h"

static GPtrArray *
diff(GPtrArray *a, GPtrArray *b)
{
    return ost_diff_docs((const ost_doc *const *)a->pdata, a->len,
                         (const ost_doc *const *)b->pdata, b->len);
}

/* The changes as "kind item old_id>new_id" lines, for exact comparison. */
static char *
summary(GPtrArray *changes)
{
    GString *s = g_string_new(NULL);
    for (guint i = 0; i < changes->len; i++) {
        const ost_change *c = g_ptr_array_index(changes, i);
        g_string_append_printf(s, "%s|%s|%s|%s>%s|%s>%s\n", ost_change_kind_name(c->kind),
                               c->subject, c->item, c->old_id ? c->old_id : "-",
                               c->new_id ? c->new_id : "-", c->old_value ? c->old_value : "-",
                               c->new_value ? c->new_value : "-");
    }
    return g_string_free(s, FALSE);
}

static void
assert_diff(GPtrArray *a, GPtrArray *b, const char *expected)
{
    GPtrArray *changes = diff(a, b);
    char *got = summary(changes);
    assert_string_equal(got, expected);
    g_free(got);
    g_ptr_array_unref(changes);
}

static ost_standard *
standard_of(GPtrArray *docs)
{
    return g_ptr_array_index(((ost_doc *)g_ptr_array_index(docs, 0))->standards, 0);
}

static void
test_same_documents_no_changes(void **state)
{
    GPtrArray *a = fixture_all_docs(), *b = fixture_all_docs();
    /* Other files, other order: the same records. */
    ost_set_str(&((ost_doc *)g_ptr_array_index(b, 0))->source.path, "elsewhere/x.pdf");
    g_ptr_array_add(b, g_ptr_array_steal_index(b, 0));
    assert_diff(a, b, "");
    GPtrArray *changes = diff(a, b);
    GString *text = g_string_new(NULL);
    ost_diff_write_text(changes, text);
    assert_string_equal(text->str, "No differences.\n");
    g_string_truncate(text, 0);
    ost_diff_write_json(changes, text);
    assert_string_equal(text->str, "{\n  \"same\" : true,\n  \"changes\" : []\n}\n");
    g_string_free(text, TRUE);
    g_ptr_array_unref(changes);
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_changed_fields(void **state)
{
    GPtrArray *a = fixture_one(fixture_standard_doc()), *b = fixture_one(fixture_standard_doc());
    ost_standard *s = standard_of(b);
    ost_set_str(&s->version, "1.4");
    s->level = 5;
    ost_set_str(&s->review, NULL);
    g_ptr_array_add(s->typical_job_titles, g_strdup("Engineer"));
    assert_diff(a, b,
                "changed|ST0116 1.4|field|version>version|1.3>1.4\n"
                "changed|ST0116 1.4|field|level>level|4>5\n"
                "changed|ST0116 1.4|field|typical_job_titles>typical_job_titles|"
                "Developer; Tester>Developer; Tester; Engineer\n"
                "changed|ST0116 1.4|field|review>review|after 3 years>-\n");
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

/* Fields the model has no name for, compared by their names on the page. */
static void
test_other_fields_by_name(void **state)
{
    GPtrArray *a = fixture_all_docs(), *b = fixture_all_docs();
    ost_standard *s = standard_of(b);
    ost_set_str(&((ost_pair *)g_ptr_array_index(s->extra, 0))->value, "\xC2\xA3" "17,000");
    g_ptr_array_add(s->extra, ost_pair_new("Route", "Digital"));
    ost_doc *occ = g_ptr_array_index(a, 1);
    g_ptr_array_add(((ost_occupation *)g_ptr_array_index(occ->occupations, 0))->extra,
                    ost_pair_new("Trailblazer contact", "someone@example.org"));
    assert_diff(a, b,
                "changed|ST0116 1.3|field|Funding band>Funding band|\xC2\xA3" "15,000>"
                "\xC2\xA3" "17,000\n"
                "changed|ST0116 1.3|field|Route>Route|->Digital\n"
                "changed|occupation OCC0509|field|Trailblazer contact>Trailblazer contact|"
                "someone@example.org>-\n");
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_reworded_duty_and_ksb(void **state)
{
    GPtrArray *a = fixture_one(fixture_standard_doc()), *b = fixture_one(fixture_standard_doc());
    ost_standard *s = standard_of(b);
    ost_duty *d2 = g_ptr_array_index(s->duties, 1);
    ost_set_str(&d2->text, "Test code thoroughly");
    ost_ksb *k2 = g_ptr_array_index(s->knowledge, 1);
    ost_set_str(&k2->text, "Testing frameworks and tools");
    assert_diff(a, b,
                "reworded|ST0116 1.3|duty|D2>D2|Test code>Test code thoroughly\n"
                "reworded|ST0116 1.3|knowledge|K2>K2|Testing frameworks>"
                "Testing frameworks and tools\n");
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

/* A new K2 pushes K2 to K3: one addition and a move, not a rewording of K2
 * and an addition of K3; the duties citing K2 now cite K3, unchanged. */
static void
test_renumbered_ksb_is_a_move(void **state)
{
    GPtrArray *a = fixture_one(fixture_standard_doc()), *b = fixture_one(fixture_standard_doc());
    ost_standard *s = standard_of(b);
    ost_ksb *k2 = g_ptr_array_index(s->knowledge, 1);
    ost_set_str(&k2->id, "K3");
    g_ptr_array_insert(s->knowledge, 1, ost_ksb_new("K2", NULL, "Version control"));
    ost_duty *d2 = g_ptr_array_index(s->duties, 1);
    ost_set_str((char **)&g_ptr_array_index(d2->ksbs, 0), "K3");
    assert_diff(a, b,
                "added|ST0116 1.3|knowledge|->K2|->Version control\n"
                "moved|ST0116 1.3|knowledge|K2>K3|->-\n");
    GPtrArray *changes = diff(a, b);
    GString *text = g_string_new(NULL);
    ost_diff_write_text(changes, text);
    assert_string_equal(text->str, "ST0116 1.3\n"
                                   "  + knowledge K2: Version control\n"
                                   "  > knowledge K2 is now K3\n"
                                   "2 differences.\n");
    g_string_free(text, TRUE);
    g_ptr_array_unref(changes);
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_links_added_and_removed(void **state)
{
    GPtrArray *a = fixture_one(fixture_standard_doc()), *b = fixture_one(fixture_standard_doc());
    ost_standard *s = standard_of(b);
    ost_duty *d1 = g_ptr_array_index(s->duties, 0);
    g_ptr_array_remove_index(d1->ksbs, 1); /* S1 */
    g_ptr_array_add(d1->ksbs, g_strdup("K10"));
    assert_diff(a, b, "links|ST0116 1.3|duty|D1>D1|S1>K10\n");
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_added_and_removed_records(void **state)
{
    GPtrArray *a = fixture_all_docs(), *b = fixture_all_docs();
    ost_standard *s = standard_of(b);
    g_ptr_array_remove_index(s->skills, 0);
    g_ptr_array_add(s->duties, ost_duty_new("D3", "Deploy code"));
    ost_standard *other = ost_standard_new();
    ost_set_str(&other->reference, "ST0200");
    ost_set_str(&other->title, "Other");
    g_ptr_array_add(((ost_doc *)g_ptr_array_index(b, 0))->standards, other);
    ost_doc *occ = g_ptr_array_index(b, 1);
    ost_occupation *o = g_ptr_array_index(occ->occupations, 0);
    ost_set_str(&o->title, "Safeguarding officer");
    ost_doc *fm = g_ptr_array_index(b, 3);
    ost_functional_map *m = g_ptr_array_index(fm->functional_maps, 0);
    g_ptr_array_remove_index(m->units, 1);
    assert_diff(a, b,
                "added|ST0116 1.3|duty|->D3|->Deploy code\n"
                "removed|ST0116 1.3|skill|S1>-|Write clean code>-\n"
                "added|ST0200|standard|->ST0200|->Other\n"
                "changed|occupation OCC0509|field|title>title|Safeguarding support officer>"
                "Safeguarding officer\n"
                "removed|functional map unit Justice functional map / CC AA1|"
                "functional map unit|Justice functional map / CC AA1>-|->-\n");
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_options_renamed_added_removed(void **state)
{
    GPtrArray *a = fixture_one(fixture_options_standard_doc());
    GPtrArray *b = fixture_one(fixture_options_standard_doc());
    ost_standard *s = standard_of(b);
    ost_option *o1 = g_ptr_array_index(s->options, 0);
    ost_set_str(&o1->title, "Software engineer (backend)");
    g_ptr_array_remove_index(s->options, 1);
    g_ptr_array_add(s->options, ost_option_new("O3", "Data engineer"));
    ost_duty *d3 = g_ptr_array_index(s->duties, 2);
    ost_set_str((char **)&g_ptr_array_index(d3->options, 0), "O3");
    assert_diff(a, b,
                "reworded|ST0119|option|O1>O1|Software engineer>Software engineer (backend)\n"
                "added|ST0119|option|->O3|->Data engineer\n"
                "removed|ST0119|option|O2>-|Cyber security & <risk> analyst>-\n"
                "changed|ST0119|duty options|D3>D3|O2>O3\n");
    GPtrArray *changes = diff(a, b);
    GString *text = g_string_new(NULL);
    ost_diff_write_text(changes, text);
    assert_non_null(strstr(text->str, "\n  ~ duty options D3: \"O2\" -> \"O3\"\n"));
    g_string_free(text, TRUE);
    g_ptr_array_unref(changes);
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

static void
test_json_report(void **state)
{
    GPtrArray *a = fixture_one(fixture_standard_doc()), *b = fixture_one(fixture_standard_doc());
    ost_set_str(&standard_of(b)->title, "Tester");
    GPtrArray *changes = diff(a, b);
    GString *json = g_string_new(NULL);
    ost_diff_write_json(changes, json);
    assert_string_equal(json->str,
                        "{\n  \"same\" : false,\n  \"changes\" : [\n    {\n"
                        "      \"change\" : \"changed\",\n"
                        "      \"subject\" : \"ST0116 1.3\",\n"
                        "      \"item\" : \"field\",\n"
                        "      \"old_id\" : \"title\",\n"
                        "      \"new_id\" : \"title\",\n"
                        "      \"old\" : \"Software developer & tester <\\\"quoted\\\">\",\n"
                        "      \"new\" : \"Tester\"\n"
                        "    }\n  ]\n}\n");
    g_string_free(json, TRUE);
    g_ptr_array_unref(changes);
    g_ptr_array_unref(a);
    g_ptr_array_unref(b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_documents_no_changes),
        cmocka_unit_test(test_changed_fields),
        cmocka_unit_test(test_other_fields_by_name),
        cmocka_unit_test(test_reworded_duty_and_ksb),
        cmocka_unit_test(test_renumbered_ksb_is_a_move),
        cmocka_unit_test(test_links_added_and_removed),
        cmocka_unit_test(test_added_and_removed_records),
        cmocka_unit_test(test_options_renamed_added_removed),
        cmocka_unit_test(test_json_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
