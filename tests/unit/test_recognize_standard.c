/* SPDX-License-Identifier: MIT */
/* Standard recognition from synthetic block streams of every reader's shape. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <ost.h>

static void
line(ost_blocks *b, const char *text)
{
    ost_blocks_add(b, OST_BLOCK_LINE, text);
}

static void
brk(ost_blocks *b)
{
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
}

/* Extracted PDF text: every line followed by a blank line. */
static void
dline(ost_blocks *b, const char *text)
{
    line(b, text);
    brk(b);
}

static void
heading(ost_blocks *b, int level, const char *text)
{
    ost_blocks_add(b, OST_BLOCK_HEADING, text)->level = level;
}

static void
item(ost_blocks *b, const char *text)
{
    ost_blocks_add(b, OST_BLOCK_ITEM, text)->level = 1;
}

static void
label_row(ost_blocks *b, const char *label, const char *value)
{
    const char *cells[] = {label, value};
    ost_blocks_add_row(b, cells, 2)->flags |= OST_BLOCK_LABEL;
}

static void
row(ost_blocks *b, const char *a, const char *c, guint flags)
{
    const char *cells[] = {a, c};
    ost_blocks_add_row(b, cells, 2)->flags |= flags;
}

static ost_doc *
recognise(ost_blocks *blocks)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    assert_non_null(rep);
    ost_doc *doc = ost_doc_new();
    ost_recognize(blocks, rep, doc);
    ost_repairer_free(rep);
    ost_blocks_free(blocks);
    return doc;
}

static ost_standard *
only_standard(ost_doc *doc)
{
    assert_string_equal(doc->source.document_type, "standard");
    assert_int_equal(doc->standards->len, 1);
    return g_ptr_array_index(doc->standards, 0);
}

static const ost_ksb *
ksb(GPtrArray *list, guint i)
{
    assert_true(i < list->len);
    return g_ptr_array_index(list, i);
}

static gboolean
has_warning(const ost_doc *doc, const char *code)
{
    for (guint i = 0; i < doc->source.warnings->len; i++)
        if (strcmp(((ost_warning *)g_ptr_array_index(doc->source.warnings, i))->code, code) == 0)
            return TRUE;
    return FALSE;
}

/* Enough statements for the stream to read as a standard. */
static void
ksb_lists(ost_blocks *b)
{
    dline(b, "Knowledge");
    dline(b, "K1: Principles of the occupation and how they apply");
    dline(b, "within the organisation.");
    dline(b, "Skills");
    dline(b, "S1: Apply the principles.");
    dline(b, "Behaviours");
    dline(b, "B1: Be professional.");
}

static void
test_level_label_variants(void **state)
{
    static const char *const variants[][2] = {
        {"Level", "3"}, {"Level of occupation", "Level 3"}, {"Stage", "This standard is at stage 3."},
        {"Occupational level", "Level 3 (A level equivalent)"},
    };
    for (gsize v = 0; v < G_N_ELEMENTS(variants); v++) {
        ost_blocks *b = ost_blocks_new();
        dline(b, "Reference number: ST0001");
        dline(b, variants[v][0]);
        dline(b, variants[v][1]);
        ksb_lists(b);
        ost_doc *doc = recognise(b);
        assert_int_equal(only_standard(doc)->level, 3);
        ost_doc_free(doc);
    }
}

static void
test_durations(void **state)
{
    static const struct {
        const char *text;
        int months;
    } cases[] = {
        {"18 months", 18}, {"1 year", 12}, {"2 years 6 months", 30}, {"A minimum of 1 yr.", 12},
        {"12 to 18 months", 12}, {"Typically eighteen months", 18}, {"1.5 years", 18},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        ost_blocks *b = ost_blocks_new();
        label_row(b, "Reference", "ST0002");
        label_row(b, "Typical duration to gateway", cases[i].text);
        ksb_lists(b);
        ost_doc *doc = recognise(b);
        assert_int_equal(only_standard(doc)->typical_duration_months, cases[i].months);
        ost_doc_free(doc);
    }
}

static void
test_dates(void **state)
{
    static const char *const inputs[] = {"01/06/2023", "1 June 2023", "2023-06-01", "1st June, 2023",
                                         "June 1, 2023"};
    for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
        ost_blocks *b = ost_blocks_new();
        dline(b, "ST0003");
        dline(b, "Target date for approval");
        dline(b, inputs[i]);
        dline(b, "Resubmission");
        dline(b, "No");
        ksb_lists(b);
        ost_doc *doc = recognise(b);
        ost_standard *s = only_standard(doc);
        assert_non_null(s->target_approval_date);
        assert_string_equal(s->target_approval_date, "2023-06-01");
        assert_string_equal(s->stage, "proposal");
        ost_doc_free(doc);
    }
    /* No day: no date is invented. */
    ost_blocks *b = ost_blocks_new();
    dline(b, "ST0003");
    dline(b, "Target date for approval");
    dline(b, "June 2023");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    assert_null(only_standard(doc)->target_approval_date);
    ost_doc_free(doc);
}

/* The PDF proposal form: labels alone on a line, answers below, double
 * spaced, a wrapped question label, a flattened duty table. */
static void
test_proposal_form_from_pdf_text(void **state)
{
    ost_blocks *b = ost_blocks_new();
    dline(b, " ST0999");
    dline(b, "Core and options");
    dline(b, "No");
    dline(b, "Level of occupation");
    dline(b, "Level 4");
    dline(b, "Route: Care services");
    dline(b, "Typical duration of apprenticeship");
    dline(b, "2 years");
    dline(b, "Resubmission");
    dline(b, "Yes");
    dline(b, "This was submitted last cycle and put on hold because the panel was unsure about the");
    dline(b, "level");
    dline(b, "Would your proposed apprenticeship standard replace an existing framework?");
    dline(b, "Yes");
    dline(b, "Occupation summary");
    dline(b, "This occupation is found in a wide range of organisations in the public and private");
    dline(b, "sectors.");
    dline(b, "The broad purpose of the occupation is to keep people safe in the places where they work");
    dline(b, "and live.");
    dline(b, "Typical job titles");
    dline(b, "Care advisor Care assistant Senior care coordinator");
    dline(b, "Occupation duties");
    line(b, " DUTY KSBS");
    brk(b);
    dline(b, "Duty 1 Act as a first point of contact for people who raise a");
    dline(b, "concern.");
    dline(b, "K1 K2");
    dline(b, "S1 B1");
    line(b, " Duty 2 Keep records up to date.");
    brk(b);
    dline(b, "K2 K3 S1");
    ksb_lists(b);
    dline(b, "Qualifications");
    dline(b, "English and Maths");
    dline(b, "Apprentices without level 2 English and maths will need to achieve this level.");
    line(b, "Does the apprenticeship need to include any mandated qualifications in addition to");
    line(b, "the above-mentioned English and maths qualifications?");
    brk(b);
    dline(b, "No");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);

    assert_string_equal(s->reference, "ST0999");
    assert_int_equal(s->core_and_options, OST_NO);
    assert_int_equal(s->level, 4);
    assert_string_equal(s->route, "Care services");
    assert_int_equal(s->typical_duration_months, 24);
    assert_int_equal(s->resubmission, OST_YES);
    assert_string_equal(s->resubmission_note,
                        "This was submitted last cycle and put on hold because the panel was "
                        "unsure about the level");
    assert_int_equal(s->replaces_framework, OST_YES);
    assert_string_equal(s->occupation_summary,
                        "This occupation is found in a wide range of organisations in the public "
                        "and private sectors.\n\nThe broad purpose of the occupation is to keep "
                        "people safe in the places where they work and live.");
    assert_int_equal(s->typical_job_titles->len, 3);
    assert_string_equal(g_ptr_array_index(s->typical_job_titles, 2), "Senior care coordinator");

    assert_int_equal(s->duties->len, 2);
    const ost_duty *d1 = g_ptr_array_index(s->duties, 0);
    assert_string_equal(d1->id, "D1");
    assert_string_equal(d1->text, "Act as a first point of contact for people who raise a concern.");
    assert_int_equal(d1->ksbs->len, 4);
    assert_string_equal(g_ptr_array_index(d1->ksbs, 3), "B1");
    const ost_duty *d2 = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d2->text, "Keep records up to date.");
    assert_int_equal(d2->ksbs->len, 3);

    assert_string_equal(ksb(s->knowledge, 0)->text,
                        "Principles of the occupation and how they apply within the organisation.");
    assert_false(ksb(s->knowledge, 0)->id_derived);
    assert_string_equal(s->english_and_maths,
                        "Apprentices without level 2 English and maths will need to achieve this level.");
    assert_non_null(strstr(s->qualifications, "mandated qualifications in addition to the "
                                               "above-mentioned English and maths qualifications? No"));
    ost_doc_free(doc);
}

/* A web page: headings, label rows, items, a duty table of rows. */
static void
test_html_shapes(void **state)
{
    ost_blocks *b = ost_blocks_new();
    ost_blocks_add(b, OST_BLOCK_LINE, "Skip to main content")->flags |= OST_BLOCK_CHROME;
    heading(b, 1, "Digital support technician");
    label_row(b, "Reference", "ST0973");
    label_row(b, "Version", "1.1");
    label_row(b, "Level", "3");
    label_row(b, "Status", "Approved for delivery");
    label_row(b, "Maximum funding", "£13,000");
    label_row(b, "Occupation code", "OCC0973");
    heading(b, 2, "Typical job titles");
    item(b, "Digital support technician");
    item(b, "IT support technician");
    heading(b, 2, "Occupation duties");
    row(b, "Duty", "KSBs", OST_BLOCK_HEADER_ROW);
    row(b, "Duty 1 Set up user devices.", "K1 K2 S1 B1", 0);
    row(b, "Duty 2 Resolve faults.", "K1-K3, S2", 0);
    heading(b, 2, "Knowledge, skills and behaviours");
    heading(b, 3, "Knowledge");
    item(b, "K1: Operating systems.");
    item(b, "K2: Networks.");
    item(b, "K3: Security.");
    heading(b, 3, "Skills");
    row(b, "S1", "Install software.", 0);
    row(b, "S2", "Diagnose faults.", 0);
    heading(b, 3, "Behaviours");
    item(b, "B1: Integrity: acts with honesty.");
    heading(b, 2, "Qualifications");
    label_row(b, "Awarding organisation", "Some body");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);

    assert_string_equal(s->title, "Digital support technician");
    assert_string_equal(s->version, "1.1");
    assert_string_equal(s->status, "Approved for delivery");
    assert_string_equal(s->occupation_code, "OCC0973");
    assert_string_equal(s->stage, "standard");
    assert_int_equal(s->typical_job_titles->len, 2);
    assert_int_equal(s->duties->len, 2);
    const ost_duty *d2 = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d2->id, "D2");
    assert_string_equal(d2->text, "Resolve faults.");
    assert_int_equal(d2->ksbs->len, 4);
    assert_string_equal(g_ptr_array_index(d2->ksbs, 2), "K3");
    assert_int_equal(s->knowledge->len, 3);
    assert_int_equal(s->skills->len, 2);
    assert_string_equal(ksb(s->skills, 1)->text, "Diagnose faults.");
    assert_string_equal(ksb(s->behaviours, 0)->title, "Integrity");
    assert_string_equal(ksb(s->behaviours, 0)->text, "acts with honesty.");
    /* Key facts the model has no field for are kept; facts of other
     * things further down are not. */
    assert_int_equal(s->extra->len, 1);
    assert_string_equal(((ost_pair *)g_ptr_array_index(s->extra, 0))->key, "Maximum funding");
    assert_string_equal(doc->source.trust, "official");
    ost_doc_free(doc);
}

/* The 2017 layout, copied by a blog and reworded by a spinner. */
static void
test_spun_legacy_copy(void **state)
{
    ost_blocks *b = ost_blocks_new();
    dline(b, "Reference Quantity: ST0509");
    dline(b, "Widget Fitter Apprenticeship – Commonplace Occupational profile:");
    dline(b, "Widget fitters fit widgets.");
    dline(b, "Their duties embrace:");
    dline(b, "• Fitting widgets to machines");
    dline(b, "• Testing widgets");
    dline(b, "Data – the apprentice will know and perceive:");
    dline(b, "The kinds of widget in use");
    dline(b, "The rules of widget safety");
    dline(b, "Expertise – the apprentice will be capable of:");
    dline(b, "Fit a widget safely");
    dline(b, "Behaviours – what's required?");
    dline(b, "Taking accountability");
    dline(b, "Being accountable for own work.");
    dline(b, "Work well with others and share knowledge.");
    dline(b, "Stage: This apprenticeship commonplace is at Stage 2.");
    dline(b, "Length: Typically 1 yr.");
    dline(b, "Assessment date: This commonplace will be reviewed after 3 years.");
    dline(b, "Leave a Reply");
    dline(b, "Your email address will not be published.");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);

    assert_string_equal(doc->source.trust, "third_party");
    assert_true(has_warning(doc, "third_party_copy"));
    assert_string_equal(s->reference, "ST0509");
    assert_string_equal(s->title, "Widget Fitter");
    assert_string_equal(s->stage, "legacy_standard");
    assert_int_equal(s->level, 2);
    assert_int_equal(s->typical_duration_months, 12);
    assert_string_equal(s->review, "after 3 years");
    assert_string_equal(s->occupation_summary, "Widget fitters fit widgets.");
    assert_int_equal(s->duties->len, 2);
    assert_string_equal(((ost_duty *)g_ptr_array_index(s->duties, 1))->text, "Testing widgets");
    assert_int_equal(s->knowledge->len, 2);
    assert_string_equal(ksb(s->knowledge, 1)->id, "K2");
    assert_true(ksb(s->knowledge, 1)->id_derived);
    assert_int_equal(s->skills->len, 1);
    assert_int_equal(s->behaviours->len, 2);
    assert_string_equal(ksb(s->behaviours, 0)->title, "Taking accountability");
    assert_string_equal(ksb(s->behaviours, 0)->text, "Being accountable for own work.");
    assert_null(ksb(s->behaviours, 1)->title);
    ost_doc_free(doc);
}

static void
test_warnings(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Some occupation");
    heading(b, 2, "Entry requirements");
    line(b, "Lorem ipsum dolor sit amet.");
    ksb_lists(b);
    dline(b, "K1: Defined twice.");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_null(s->reference);
    assert_null(s->entry_requirements);
    assert_true(has_warning(doc, "reference_missing"));
    assert_true(has_warning(doc, "placeholder_text"));
    assert_false(has_warning(doc, "title_missing"));
    ost_doc_free(doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_level_label_variants),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_proposal_form_from_pdf_text),
        cmocka_unit_test(test_html_shapes),
        cmocka_unit_test(test_spun_legacy_copy),
        cmocka_unit_test(test_warnings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
