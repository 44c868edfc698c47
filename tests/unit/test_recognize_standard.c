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

static const char *
extra_value(const ost_standard *s, const char *key)
{
    for (guint i = 0; i < s->extra->len; i++) {
        const ost_pair *p = g_ptr_array_index(s->extra, i);
        if (strcmp(p->key, key) == 0)
            return p->value;
    }
    return NULL;
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

/* Behaviour names: before a colon or a dash, after the code and its own
 * colon, or on a line of their own (bold in PDFs); a colon inside a
 * sentence names nothing. */
static void
test_named_behaviours(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Widget maker");
    label_row(b, "Reference", "ST9001");
    heading(b, 2, "Knowledge");
    line(b, "K1: How widgets are made.");
    heading(b, 2, "Skills");
    line(b, "S1: Make widgets.");
    heading(b, 2, "Behaviours");
    line(b, "B1: Team working: Works well with others in the team.");
    line(b, "B2 Safety first \xE2\x80\x93 Puts the safety of self and others first.");
    line(b, "B3: Takes ownership of own work: follows it through to completion.");
    ost_blocks_add(b, OST_BLOCK_LINE, "B4 Resilience")->flags |= OST_BLOCK_BOLD;
    brk(b);
    line(b, "Stays calm under pressure and adapts to change.");
    row(b, "B5", "Curiosity\nSeeks out new ways of working and keeps own knowledge up to\ndate.", 0);
    row(b, "B6", "Acts fairly and openly, following the code of ethics of the\nOrganisation.", 0);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);

    assert_int_equal(s->behaviours->len, 6);
    const char *titles[] = {"Team working", "Safety first", NULL, "Resilience", "Curiosity", NULL};
    const char *texts[] = {
        "Works well with others in the team.",
        "Puts the safety of self and others first.",
        "Takes ownership of own work: follows it through to completion.",
        "Stays calm under pressure and adapts to change.",
        "Seeks out new ways of working and keeps own knowledge up to date.",
        "Acts fairly and openly, following the code of ethics of the Organisation.",
    };
    for (guint i = 0; i < G_N_ELEMENTS(titles); i++) {
        const ost_ksb *k = ksb(s->behaviours, i);
        if (titles[i] != NULL)
            assert_string_equal(k->title, titles[i]);
        else
            assert_null(k->title);
        assert_string_equal(k->text, texts[i]);
    }
    ost_doc_free(doc);
}

/* A duty row split by a page break: its rest, at the top of the next page
 * with no "Duty N" of its own, belongs to the duty before. */
static void
test_duty_row_split_by_page(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Widget maker");
    label_row(b, "Reference", "ST9002");
    heading(b, 2, "Occupation duties");
    row(b, "Duty", "KSBs", OST_BLOCK_HEADER_ROW);
    row(b, "Duty 1 Plan the work.", "K1 S1", 0);
    const char *split[] = {"Duty 2 Produce reports on service levels, costs and", "K1 S1"};
    ost_blocks_add_row(b, split, 2)->page = 1;
    ost_blocks_add(b, OST_BLOCK_PAGE, NULL)->page = 2;
    row(b, "Duty", "KSBs", OST_BLOCK_HEADER_ROW);
    const char *rest[] = {"Supplier performance for managers.", "B1"};
    ost_blocks_add_row(b, rest, 2)->page = 2;
    const char *next[] = {"Duty 3 Keep records.", "S1"};
    ost_blocks_add_row(b, next, 2)->page = 2;
    /* Without a page between, a row going on mid-sentence with no codes. */
    row(b, "Duty 4 Check the widgets against the", "K1", 0);
    row(b, "drawings.", "", 0);
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);

    assert_int_equal(s->duties->len, 4);
    const ost_duty *d2 = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d2->id, "D2");
    assert_string_equal(d2->text,
                        "Produce reports on service levels, costs and Supplier performance for "
                        "managers.");
    assert_int_equal(d2->ksbs->len, 3);
    assert_string_equal(g_ptr_array_index(d2->ksbs, 2), "B1");
    const ost_duty *d3 = g_ptr_array_index(s->duties, 2);
    assert_string_equal(d3->id, "D3");
    const ost_duty *d4 = g_ptr_array_index(s->duties, 3);
    assert_string_equal(d4->text, "Check the widgets against the drawings.");
    ost_doc_free(doc);
}

/* The ways sources write a statement's code: with a dash, a space inside,
 * a full stop, brackets, or the kind spelt out; named behaviours keep
 * their name as the title. */
static void
test_ksb_code_formats(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0004");
    line(b, "Knowledge");
    line(b, "K1 - Principles of the occupation.");
    line(b, "K 2. How the organisation is run.");
    line(b, "(K3) Legislation that applies.");
    line(b, "Knowledge 4: Methods used in the role.");
    line(b, "Skills");
    line(b, "Skill 1: Plan the work.");
    line(b, "S2 Carry out the work.");
    line(b, "Behaviours");
    line(b, "Behaviour 1: Team working - works well with others.");
    line(b, "B2: Integrity: acts honestly.");
    line(b, "B3 Safety first \xE2\x80\x93 puts safety first.");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->knowledge->len, 4);
    static const char *const ktext[] = {"Principles of the occupation.", "How the organisation is run.",
                                        "Legislation that applies.", "Methods used in the role."};
    for (guint i = 0; i < 4; i++) {
        char id[4];
        g_snprintf(id, sizeof id, "K%u", i + 1);
        assert_string_equal(ksb(s->knowledge, i)->id, id);
        assert_false(ksb(s->knowledge, i)->id_derived);
        assert_string_equal(ksb(s->knowledge, i)->text, ktext[i]);
    }
    assert_int_equal(s->skills->len, 2);
    assert_string_equal(ksb(s->skills, 0)->id, "S1");
    assert_string_equal(ksb(s->skills, 0)->text, "Plan the work.");
    assert_int_equal(s->behaviours->len, 3);
    assert_string_equal(ksb(s->behaviours, 0)->title, "Team working");
    assert_string_equal(ksb(s->behaviours, 0)->text, "works well with others.");
    assert_string_equal(ksb(s->behaviours, 1)->title, "Integrity");
    assert_string_equal(ksb(s->behaviours, 2)->id, "B3");
    assert_string_equal(ksb(s->behaviours, 2)->title, "Safety first");
    ost_doc_free(doc);
}

/* A statement line with a tab after its first word reaches the core as a
 * row ("K2: tab", "here"): still a statement of its own, not the rest of
 * the one above. */
static void
test_ksb_line_with_tab(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0004");
    line(b, "Knowledge");
    line(b, "K1: Principles of the occupation.");
    const char *cells[] = {"K2: tab", "here"};
    ost_blocks_add_row(b, cells, 2);
    line(b, "K3: Legislation that applies.");
    line(b, "Skills");
    line(b, "S1\tPlan the work.");
    line(b, "Behaviours");
    line(b, "B1: Be professional.");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->knowledge->len, 3);
    assert_string_equal(ksb(s->knowledge, 0)->text, "Principles of the occupation.");
    assert_string_equal(ksb(s->knowledge, 1)->id, "K2");
    assert_string_equal(ksb(s->knowledge, 1)->text, "tab here");
    assert_string_equal(ksb(s->knowledge, 2)->id, "K3");
    assert_int_equal(s->skills->len, 1);
    assert_string_equal(ksb(s->skills, 0)->text, "Plan the work.");
    ost_doc_free(doc);
}

static void
assert_codes(const ost_duty *d, const char *const *want)
{
    guint n = 0;
    for (; want[n] != NULL; n++) {
        assert_true(n < d->ksbs->len);
        assert_string_equal(g_ptr_array_index(d->ksbs, n), want[n]);
    }
    assert_int_equal(d->ksbs->len, n);
}

/* A duty's KSB references: ranges expand (K1-K4, K1–K3, K2 to K4, S1-2),
 * codes may be grouped by kind, and may end the duty's own line, after a
 * column gap or right after the text, with the duty's text wrapping on. */
static void
test_duty_ksb_references(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0005");
    line(b, "Duties");
    line(b, "Duty 1 Reconcile the accounts         K1-K4 S3 B1");
    line(b, "Duty 2 Prepare management information for the team    K5, K6");
    line(b, "and its managers                                        S4");
    line(b, "D3: Respond to requests. Knowledge: K1, K2 Skills: S1-2 Behaviours: B1");
    line(b, "Duty 4 - Keep records (K1\xE2\x80\x93K3, S5)");
    line(b, "Duty 5 - Check the work of others with S1");
    line(b, "K2 to K4, S6");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->duties->len, 5);
    const ost_duty *d = g_ptr_array_index(s->duties, 0);
    assert_string_equal(d->id, "D1");
    assert_string_equal(d->text, "Reconcile the accounts");
    assert_codes(d, (const char *const[]){"K1", "K2", "K3", "K4", "S3", "B1", NULL});
    d = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d->text, "Prepare management information for the team and its managers");
    assert_codes(d, (const char *const[]){"K5", "K6", "S4", NULL});
    d = g_ptr_array_index(s->duties, 2);
    assert_string_equal(d->id, "D3");
    assert_string_equal(d->text, "Respond to requests.");
    assert_codes(d, (const char *const[]){"K1", "K2", "S1", "S2", "B1", NULL});
    d = g_ptr_array_index(s->duties, 3);
    assert_string_equal(d->text, "Keep records");
    assert_codes(d, (const char *const[]){"K1", "K2", "K3", "S5", NULL});
    /* One code named in the text stays text; the codes below are its own. */
    d = g_ptr_array_index(s->duties, 4);
    assert_string_equal(d->text, "Check the work of others with S1");
    assert_codes(d, (const char *const[]){"K2", "K3", "K4", "S6", NULL});
    ost_doc_free(doc);
}

/* A duties table printed in two columns and extracted as text: each
 * duty's codes are centred beside its wrapped text, so code lines stand
 * above, between and below its lines; the column headings stand apart.
 * Each duty's codes run K, S, B in order, which says where they part. */
static void
test_duty_table_printed_apart(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0009");
    line(b, "Core occupation duties");
    line(b, "Duty");
    line(b, "KSBs");
    line(b, "K1 K2 K4");
    line(b, "Duty 1 Agree the scope of each survey with");
    line(b, "S1 S2");
    line(b, "the client and record it.");
    line(b, "B1");
    line(b, "K2 K3");
    line(b, "Duty 2 Carry out the survey safely                 S2 S3");
    line(b, "on site.");
    line(b, "B1 B2");
    line(b, "Knowledge");
    line(b, "K1: Survey methods. Back to Duty");
    line(b, "K2: Client needs. Back to");
    line(b, "Duty");
    line(b, "K3: Site safety.");
    line(b, "K4: Records.");
    line(b, "Skills");
    line(b, "S1: Agree scope.");
    line(b, "S2: Measure and report back to the client");
    line(b, "S3: Work safely.");
    line(b, "Behaviours");
    line(b, "B1: Careful.");
    line(b, "B2: Honest. Back to top");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    /* The page's in-page links are no part of the statements. */
    assert_string_equal(ksb(s->knowledge, 0)->text, "Survey methods.");
    assert_string_equal(ksb(s->knowledge, 1)->text, "Client needs.");
    assert_string_equal(ksb(s->skills, 1)->text, "Measure and report back to the client");
    assert_string_equal(ksb(s->behaviours, 1)->text, "Honest.");
    assert_int_equal(s->duties->len, 2);
    const ost_duty *d = g_ptr_array_index(s->duties, 0);
    assert_string_equal(d->id, "D1");
    assert_string_equal(d->text, "Agree the scope of each survey with the client and record it.");
    assert_codes(d, (const char *const[]){"K1", "K2", "K4", "S1", "S2", "B1", NULL});
    d = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d->id, "D2");
    assert_string_equal(d->text, "Carry out the survey safely on site.");
    assert_codes(d, (const char *const[]){"K2", "K3", "S2", "S3", "B1", "B2", NULL});
    assert_int_equal(s->knowledge->len, 4);
    ost_doc_free(doc);
}

/* Statements printed as a list without bullets or codes: a capital
 * starts each, a lower-case line goes on with the one above; a caption
 * above a duties table printed apart is no duty. */
static void
test_unpointed_lists(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0011");
    line(b, "Duties");
    line(b, "Duties of the role and what they draw on");
    line(b, "Duty 1 Inspect the site.");
    line(b, "Duty 2 Report the findings.");
    line(b, "K1 S1");
    line(b, "K2 S2 B1");
    line(b, "Knowledge");
    line(b, "Safe working practices, including working near water and confined");
    line(b, "spaces");
    line(b, "Surveying methods");
    line(b, "Skills");
    line(b, "Take measurements");
    line(b, "Write reports");
    line(b, "Behaviours");
    line(b, "Careful and thorough");
    line(b, "Honest with clients");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->duties->len, 2);
    const ost_duty *d = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d->text, "Report the findings.");
    assert_codes(d, (const char *const[]){"K2", "S2", "B1", NULL});
    assert_int_equal(s->knowledge->len, 2);
    assert_string_equal(ksb(s->knowledge, 0)->text,
                        "Safe working practices, including working near water and confined spaces");
    assert_string_equal(ksb(s->knowledge, 1)->id, "K2");
    assert_int_equal(s->skills->len, 2);
    assert_int_equal(s->behaviours->len, 2);
    ost_doc_free(doc);
}

/* A key facts table whose columns were printed one after the other:
 * the labels, a caption, then the values in the same order. A list of
 * contents (section names alone) is no such table. */
static void
test_key_facts_columns_apart(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Contents");
    line(b, "Occupation summary");
    line(b, "Duties");
    line(b, "Knowledge");
    brk(b);
    line(b, "Reference number");
    line(b, "Level:");
    line(b, "Funding band");
    line(b, "Standard status");
    brk(b);
    line(b, "At a glance");
    brk(b);
    line(b, "ST0012");
    line(b, "3");
    line(b, "5 (\xC2\xA3" "8,000)");
    line(b, "Approved for delivery");
    brk(b);
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_string_equal(s->reference, "ST0012");
    assert_int_equal(s->level, 3);
    assert_string_equal(s->status, "Approved for delivery");
    assert_int_equal(s->knowledge->len, 1);
    ost_doc_free(doc);
}

/* Key facts as other tools lay them out: a title line above them with
 * the reference and version, values after a column gap or a tab, a
 * duration range (its lower figure, the span kept in extra). */
static void
test_key_facts_layouts(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Occupational standard");
    line(b, "Network engineer");
    line(b, "ST0006 \xE2\x80\x93 Version 1.2");
    line(b, "Level                  4 (equivalent to a foundation degree)");
    const char *cells[] = {"Typical duration", "18-24 months"};
    ost_blocks_add_row(b, cells, 2);
    const char *route[] = {"Route", "Digital"};
    ost_blocks_add_row(b, route, 2);
    line(b, "Status:   Approved for delivery");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_string_equal(s->title, "Network engineer");
    assert_string_equal(s->reference, "ST0006");
    assert_string_equal(s->version, "1.2");
    assert_int_equal(s->level, 4);
    assert_int_equal(s->typical_duration_months, 18);
    assert_string_equal(s->route, "Digital");
    assert_string_equal(s->status, "Approved for delivery");
    assert_string_equal(extra_value(s, "Typical duration"), "18-24 months");
    assert_false(has_warning(doc, "title_missing"));
    ost_doc_free(doc);

    /* A first line that is a level is no title. */
    b = ost_blocks_new();
    line(b, "Level 3");
    line(b, "Reference: ST0007");
    ksb_lists(b);
    doc = recognise(b);
    assert_null(only_standard(doc)->title);
    assert_true(has_warning(doc, "title_missing"));
    ost_doc_free(doc);
}

/* Key facts printed as a numbered list, and headings that qualify a
 * field's wording, as printed pages and their text keep them. */
static void
test_numbered_facts_and_qualified_headings(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "1. Status: Approved for delivery");
    line(b, "2) Reference: ST0010");
    line(b, "(3) Level: 2");
    line(b, "4. Route: Care services");
    line(b, "Core occupation duties");
    line(b, "Duty 1 Plan the day's work. K1 S1");
    line(b, "Option 1: Field service duties");
    line(b, "Duty 7 Service the equipment on site. K1 S1");
    line(b, "Option B - Workshop engineer");
    line(b, "Duty 8 Repair units on the bench. K1 S1 B1");
    line(b, "Knowledge, skills and behaviours (KSBs)");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_string_equal(s->status, "Approved for delivery");
    assert_string_equal(s->reference, "ST0010");
    assert_int_equal(s->level, 2);
    assert_string_equal(s->route, "Care services");
    /* Core and option duties together, as numbered; each option's own. */
    assert_int_equal(s->duties->len, 3);
    const ost_duty *core = g_ptr_array_index(s->duties, 0);
    assert_string_equal(core->id, "D1");
    assert_int_equal(core->options->len, 0);
    const ost_duty *d7 = g_ptr_array_index(s->duties, 1);
    assert_string_equal(d7->id, "D7");
    assert_int_equal(d7->options->len, 1);
    assert_string_equal(g_ptr_array_index(d7->options, 0), "O1");
    const ost_duty *d8 = g_ptr_array_index(s->duties, 2);
    assert_string_equal(g_ptr_array_index(d8->options, 0), "OB");
    assert_int_equal(s->options->len, 2);
    const ost_option *o = g_ptr_array_index(s->options, 0);
    assert_string_equal(o->id, "O1");
    assert_string_equal(o->title, "Field service");
    o = g_ptr_array_index(s->options, 1);
    assert_string_equal(o->title, "Workshop engineer");
    assert_int_equal(s->core_and_options, OST_YES);
    assert_int_equal(s->knowledge->len, 1);
    ost_doc_free(doc);
}

/* Paragraphs of plain text: lines that run on in lower case belong to
 * the sentence above, even among short statement lines. */
static void
test_wrapped_plain_text(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Reference: ST0008");
    line(b, "Occupation summary");
    line(b, "This occupation is found in small, medium and large organisations across the");
    line(b, "public and private sectors.");
    brk(b);
    line(b, "Employees work with colleagues,");
    line(b, "suppliers and customers.");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_string_equal(s->occupation_summary,
                        "This occupation is found in small, medium and large organisations across "
                        "the public and private sectors.\n\nEmployees work with colleagues, "
                        "suppliers and customers.");
    ost_doc_free(doc);
}

/* A standard's page before its content is published: a title, a status
 * notice, a version log whose first column shows the page's own address,
 * and a sentence naming the trailblazer contact. */
static void
test_page_in_development(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Widget inspector");
    line(b, "This standard is in revision");
    brk(b);
    heading(b, 2, "How can I get involved?");
    line(b, "Email the trailblazer contact using the details on this page.");
    heading(b, 3, "Version log");
    row(b, "Version", "Change detail", OST_BLOCK_HEADER_ROW);
    row(b, "/apprenticeships/st0456-v1-1", "Standard revised", 0);
    line(b, "The trailblazer contact for this apprenticeship is a.person@example.org.");
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_string_equal(s->reference, "ST0456");
    assert_string_equal(s->version, "1.1");
    assert_string_equal(s->title, "Widget inspector");
    assert_string_equal(s->status, "In revision");
    assert_string_equal(extra_value(s, "Trailblazer contact"), "a.person@example.org");
    ost_doc_free(doc);

    /* An address written out counts only where the page links to none:
     * a link to the page's standard decides. */
    b = ost_blocks_new();
    heading(b, 1, "Widget inspector");
    line(b, "This apprenticeship is approved for delivery");
    heading(b, 3, "Version log");
    row(b, "/apprenticeships/st0456", "Standard revised", 0);
    row(b, "View this apprenticeship", "/apprenticeships/st0789-v2-0",
        OST_BLOCK_LINK | OST_BLOCK_CHROME);
    doc = recognise(b);
    s = only_standard(doc);
    assert_string_equal(s->reference, "ST0789");
    assert_string_equal(s->version, "2.0");
    assert_null(extra_value(s, "Trailblazer contact"));
    ost_doc_free(doc);

    /* The version log as text laid out in columns: the address fills its
     * column; an address inside a sentence is no such column. */
    b = ost_blocks_new();
    heading(b, 1, "Widget inspector");
    line(b, "This standard is in development");
    line(b, "Version            Change detail        Earliest start date");
    line(b, "/apprenticeships/st0321             Not set             Not set");
    line(b, "/apprenticeships/st0654 is where a related standard is.");
    doc = recognise(b);
    assert_string_equal(only_standard(doc)->reference, "ST0321");
    ost_doc_free(doc);

    /* A print link under a field's label is no value of it. */
    b = ost_blocks_new();
    line(b, "Reference: ST0322");
    line(b, "Qualifications");
    line(b, "Print apprenticeship summary");
    ksb_lists(b);
    doc = recognise(b);
    assert_null(only_standard(doc)->qualifications);
    ost_doc_free(doc);
}

/* Duties as the headings of disclosure panels: each duty's line, then its
 * codes in a labelled row of their own, whatever the label says. */
static void
test_duty_codes_in_labelled_rows(void **state)
{
    static const char *const labels[] = {"KSBs", "Related KSBs", "Knowledge, skills and behaviours"};
    for (gsize l = 0; l < G_N_ELEMENTS(labels); l++) {
        ost_blocks *b = ost_blocks_new();
        heading(b, 1, "Bicycle mechanic");
        label_row(b, "Reference", "ST0002");
        heading(b, 2, "Duties");
        line(b, "Duty 1 Inspect bicycles brought in for repair.");
        brk(b);
        label_row(b, labels[l], "K1 S1");
        line(b, "Duty 2 Replace worn parts and test the repair.");
        brk(b);
        label_row(b, labels[l], "K1, S1, B1");
        ksb_lists(b);
        ost_doc *doc = recognise(b);
        ost_standard *s = only_standard(doc);
        assert_int_equal(s->duties->len, 2);
        const ost_duty *d2 = g_ptr_array_index(s->duties, 1);
        assert_string_equal(d2->id, "D2");
        assert_string_equal(d2->text, "Replace worn parts and test the repair.");
        assert_int_equal(d2->ksbs->len, 3);
        assert_string_equal(g_ptr_array_index(d2->ksbs, 2), "B1");
        assert_int_equal(((const ost_duty *)g_ptr_array_index(s->duties, 0))->ksbs->len, 2);
        ost_doc_free(doc);
    }
}

/* A status shown as a tag under the title, a duration label worded to the
 * assessment, and a page's note that its standard is a legacy one. */
static void
test_status_tag_and_label_wordings(void **state)
{
    static const char *const durations[] = {"Typical duration to end-point assessment",
                                            "Duration to end point assessment",
                                            "Typical duration to EPA"};
    for (gsize v = 0; v < G_N_ELEMENTS(durations); v++) {
        ost_blocks *b = ost_blocks_new();
        heading(b, 1, "Bicycle mechanic");
        ost_blocks_add(b, OST_BLOCK_LINE, "Approved for delivery")->flags |= OST_BLOCK_BOLD;
        brk(b);
        line(b, "Download the standard");
        brk(b);
        label_row(b, "Reference", "ST0002");
        label_row(b, durations[v], "15 months");
        ksb_lists(b);
        ost_doc *doc = recognise(b);
        ost_standard *s = only_standard(doc);
        assert_string_equal(s->status, "Approved for delivery");
        assert_int_equal(s->typical_duration_months, 15);
        assert_int_equal(s->extra->len, 0);
        ost_doc_free(doc);
    }
    /* With its date, the label is a fact of its own. */
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Bicycle mechanic");
    label_row(b, "Reference", "ST0002");
    label_row(b, "Approved for delivery", "12 March 2021");
    line(b, "This is a legacy standard. It was replaced by a new version.");
    brk(b);
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_null(s->status);
    assert_int_equal(s->extra->len, 1);
    assert_string_equal(((ost_pair *)g_ptr_array_index(s->extra, 0))->value, "12 March 2021");
    assert_string_equal(s->stage, "legacy_standard");
    ost_doc_free(doc);
}

/* A box of key facts floated beside the duties prints between their
 * heading and the duties; the duties are found by what they say. */
static void
test_duties_after_a_floated_box(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Bicycle mechanic");
    heading(b, 2, "Main duties");
    heading(b, 2, "At a glance");
    line(b, "Reference: ST0002");
    line(b, "Level: 2");
    brk(b);
    line(b, "Duty 1 Inspect bicycles brought in for");
    line(b, "repair.");
    brk(b);
    line(b, "KSBs: K1 S1");
    brk(b);
    line(b, "D2 Replace worn parts.");
    brk(b);
    line(b, "Related KSBs: K1, S1, B1");
    brk(b);
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->level, 2);
    assert_int_equal(s->duties->len, 2);
    const ost_duty *d1 = g_ptr_array_index(s->duties, 0);
    assert_string_equal(d1->text, "Inspect bicycles brought in for repair.");
    assert_int_equal(d1->ksbs->len, 2);
    ost_doc_free(doc);
}

/* A printed page's list whose bullets the text lost: each indented line
 * after a finished sentence starts a statement. */
static void
test_printed_list_without_bullets(void **state)
{
    static const char *const lines[] = {
        "Reference: ST0002", "Knowledge", "How gears and brakes work.",
        "The parts of a wheel and how", "they are trued.", "Skills", "Adjust brakes.",
        "Fit new tyres.",
    };
    ost_blocks *b = ost_blocks_new();
    for (gsize i = 0; i < G_N_ELEMENTS(lines); i++) {
        gboolean head = strcmp(lines[i], "Knowledge") == 0 || strcmp(lines[i], "Skills") == 0;
        ost_block *l = ost_blocks_add(b, head ? OST_BLOCK_HEADING : OST_BLOCK_LINE, lines[i]);
        l->font_size = head ? 14.0 : 12.0;
        l->level = head ? 3 : 0;
        if (!head && i > 0)
            l->flags |= OST_BLOCK_INDENTED;
    }
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->knowledge->len, 2);
    assert_string_equal(ksb(s->knowledge, 1)->text, "The parts of a wheel and how they are trued.");
    assert_int_equal(s->skills->len, 2);
    ost_doc_free(doc);
}

/* A rarer wording of a field already stated is a fact of its own. */
static void
test_second_level_wording_kept(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Bicycle mechanic");
    label_row(b, "Reference", "ST0002");
    label_row(b, "Level", "6");
    label_row(b, "Degree", "Integrated degree");
    ksb_lists(b);
    ost_doc *doc = recognise(b);
    ost_standard *s = only_standard(doc);
    assert_int_equal(s->level, 6);
    assert_int_equal(s->extra->len, 1);
    assert_string_equal(((ost_pair *)g_ptr_array_index(s->extra, 0))->key, "Degree");
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
        cmocka_unit_test(test_ksb_code_formats),
        cmocka_unit_test(test_ksb_line_with_tab),
        cmocka_unit_test(test_duty_ksb_references),
        cmocka_unit_test(test_duty_table_printed_apart),
        cmocka_unit_test(test_key_facts_layouts),
        cmocka_unit_test(test_key_facts_columns_apart),
        cmocka_unit_test(test_unpointed_lists),
        cmocka_unit_test(test_numbered_facts_and_qualified_headings),
        cmocka_unit_test(test_wrapped_plain_text),
        cmocka_unit_test(test_named_behaviours),
        cmocka_unit_test(test_duty_row_split_by_page),
        cmocka_unit_test(test_page_in_development),
        cmocka_unit_test(test_duty_codes_in_labelled_rows),
        cmocka_unit_test(test_status_tag_and_label_wordings),
        cmocka_unit_test(test_duties_after_a_floated_box),
        cmocka_unit_test(test_printed_list_without_bullets),
        cmocka_unit_test(test_second_level_wording_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
