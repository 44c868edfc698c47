/* SPDX-License-Identifier: MIT */
/* Occupation page recognition from synthetic block streams. */
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
label_row(ost_blocks *b, const char *label, const char *value)
{
    const char *cells[] = {label, value};
    ost_blocks_add_row(b, cells, 2)->flags |= OST_BLOCK_LABEL;
}

static ost_occupation *
recognise(ost_blocks *blocks, ost_doc **doc)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    assert_non_null(rep);
    *doc = ost_doc_new();
    ost_recognize(blocks, rep, *doc);
    ost_repairer_free(rep);
    ost_blocks_free(blocks);
    assert_string_equal((*doc)->source.document_type, "occupation");
    assert_int_equal((*doc)->occupations->len, 1);
    return g_ptr_array_index((*doc)->occupations, 0);
}

static gboolean
has_warning(const ost_doc *doc, const char *code)
{
    for (guint i = 0; i < doc->source.warnings->len; i++)
        if (strcmp(((ost_warning *)g_ptr_array_index(doc->source.warnings, i))->code, code) == 0)
            return TRUE;
    return FALSE;
}

/* Page text as a browser copies it: one line per element, empty facts,
 * the employer list twice, the progression map's legend, then routes. */
static void
test_page_text(void **state)
{
    ost_blocks *b = ost_blocks_new();
    /* A cookie banner printed above the page is none of its text. */
    line(b, "We use some essential cookies to make this service work.");
    line(b, "Accept analytics cookies");
    line(b, "Level 5 -");
    line(b, "Keeping bridges safe for the travelling public.");
    line(b, "Reference: OCC0042");
    line(b, "Status:");
    line(b, "SOC 2020 sub unit groups:");
    line(b, "Acme Bridges, Northshire County Council, Span and Truss Ltd, Rivets UK");
    line(b, "Bridge inspectors examine bridges and report on their condition. They plan "
            "inspections, use access equipment and record defects so that repairs can be "
            "prioritised, working to national standards for highway structures.");
    line(b, "Acme Bridges, Northshire County Council, Span and Truss Ltd, Rivets UK");
    line(b, "This occupational progression map shows technical occupations that have "
            "transferable knowledge and skills.");
    line(b, "In this map, the focused occupation is highlighted in yellow.");
    line(b, "Technical Occupations");
    line(b, "Levels 2-3");
    line(b, "Higher Technical Occupations");
    line(b, "Levels 4-5");
    line(b, "Professional Occupations Levels 6-7");
    line(b, "Construction and the built environment");
    line(b, "Engineering and manufacturing");
    ost_doc *doc;
    ost_occupation *o = recognise(b, &doc);

    assert_string_equal(o->code, "OCC0042");
    assert_int_equal(o->level, 5);
    assert_string_equal(o->overview, "Keeping bridges safe for the travelling public.");
    assert_non_null(o->summary);
    assert_true(g_str_has_prefix(o->summary, "Bridge inspectors examine bridges"));
    assert_null(strstr(o->summary, "progression"));
    assert_null(o->status);
    assert_int_equal(o->soc_codes->len, 0);
    assert_int_equal(o->involved_employers->len, 4);
    assert_string_equal(g_ptr_array_index(o->involved_employers, 3), "Rivets UK");
    assert_int_equal(o->related_routes->len, 2);
    assert_string_equal(g_ptr_array_index(o->related_routes, 0),
                        "Construction and the built environment");
    assert_null(o->title);
    assert_true(has_warning(doc, "title_missing"));
    ost_doc_free(doc);
}

/* A web page: the heading is the title, facts are label rows, lists are
 * items (route names may hold commas). */
static void
test_page_html(void **state)
{
    ost_blocks *b = ost_blocks_new();
    ost_blocks_add(b, OST_BLOCK_HEADING, "Bridge inspector")->level = 1;
    line(b, "Level 4 - Higher technical occupation");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    label_row(b, "Reference", "OCC0043");
    label_row(b, "Status", "Approved occupation");
    label_row(b, "SOC 2020 sub unit groups", "3114/01 Building and civil engineering technicians\n"
                                             "2121/02 Civil engineers");
    label_row(b, "Standard", "ST0043 Bridge inspector");
    ost_blocks_add(b, OST_BLOCK_HEADING, "Summary")->level = 2;
    line(b, "Bridge inspectors examine bridges.");
    ost_blocks_add(b, OST_BLOCK_HEADING, "Employers involved in creating the standard")->level = 2;
    line(b, "Acme Bridges, Rivets UK, Acme Bridges");
    ost_blocks_add(b, OST_BLOCK_HEADING, "Related routes")->level = 2;
    ost_blocks_add(b, OST_BLOCK_ITEM, "Legal, finance and accounting");
    ost_blocks_add(b, OST_BLOCK_ITEM, "Protective services");
    ost_doc *doc;
    ost_occupation *o = recognise(b, &doc);

    assert_string_equal(o->title, "Bridge inspector");
    assert_int_equal(o->level, 4);
    assert_string_equal(o->status, "Approved occupation");
    assert_int_equal(o->soc_codes->len, 2);
    assert_string_equal(o->standard_reference, "ST0043");
    assert_string_equal(o->summary, "Bridge inspectors examine bridges.");
    assert_int_equal(o->involved_employers->len, 2);
    assert_int_equal(o->related_routes->len, 2);
    assert_string_equal(g_ptr_array_index(o->related_routes, 0), "Legal, finance and accounting");
    assert_false(has_warning(doc, "title_missing"));
    assert_string_equal(doc->source.trust, "official");
    ost_doc_free(doc);
}

/* A page copied as text: its title on the first line, SOC groups one per
 * line with commas inside their names, and an employer list that runs
 * straight into the summary. */
static void
test_copied_page_lists(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Payroll administrator");
    line(b, "Level 3 - Technical occupation");
    line(b, "Reference: OCC0043");
    line(b, "Status: Approved for delivery");
    line(b, "SOC 2020 sub unit groups:");
    line(b, "4122 - Book-keepers, payroll managers and wages clerks");
    line(b, "4131 - Records clerks and assistants, 4132 - Pensions clerks");
    line(b, "Employers involved in creating the standard:");
    line(b, "Acme Payroll, Northern Water Ltd, City Council");
    line(b, "Payroll administrators work in organisations of every size, in the public, "
            "private and voluntary sectors.");
    ost_doc *doc = NULL;
    ost_occupation *o = recognise(b, &doc);
    assert_string_equal(o->title, "Payroll administrator");
    assert_int_equal(o->level, 3);
    assert_string_equal(o->status, "Approved for delivery");
    assert_int_equal(o->soc_codes->len, 3);
    assert_string_equal(g_ptr_array_index(o->soc_codes, 0),
                        "4122 - Book-keepers, payroll managers and wages clerks");
    assert_string_equal(g_ptr_array_index(o->soc_codes, 1), "4131 - Records clerks and assistants");
    assert_string_equal(g_ptr_array_index(o->soc_codes, 2), "4132 - Pensions clerks");
    assert_int_equal(o->involved_employers->len, 3);
    assert_string_equal(g_ptr_array_index(o->involved_employers, 2), "City Council");
    assert_non_null(o->summary);
    assert_true(g_str_has_prefix(o->summary, "Payroll administrators work"));
    assert_false(has_warning(doc, "title_missing"));
    ost_doc_free(doc);
}

/* A web page: one block per paragraph, the summary's paragraphs about as
 * long as one another. Lines that all end their sentences are paragraphs,
 * not text wrapped at a width, so they stay apart. */
static void
test_page_paragraphs(void **state)
{
    ost_blocks *b = ost_blocks_new();
    ost_blocks_add(b, OST_BLOCK_HEADING, "Harbour pilot")->level = 1;
    line(b, "Guides ships safely into and out of the harbour in all conditions.");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    label_row(b, "Reference", "OCC0044");
    ost_blocks_add(b, OST_BLOCK_HEADING, "About this occupation")->level = 2;
    line(b, "Harbour pilots board vessels at sea and take charge of their navigation "
            "through the approaches, channels and docks of a port.");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    line(b, "They know the local tides, currents and hazards, and advise the master "
            "on every manoeuvre until the vessel is safely berthed.");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    line(b, "They keep the records the harbour authority requires of every act of "
            "pilotage, and report hazards to the harbour master.");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    line(b, "Most work shifts around the clock, in all weathers, at sea.");
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
    ost_doc *doc = NULL;
    ost_occupation *o = recognise(b, &doc);
    assert_string_equal(o->code, "OCC0044");
    assert_non_null(o->summary);
    assert_true(g_str_has_prefix(o->summary, "Harbour pilots board vessels"));
    assert_non_null(strstr(o->summary, "port.\n\nThey know"));
    assert_non_null(strstr(o->summary, "berthed.\n\nThey keep"));
    (void)state;
    ost_doc_free(doc);
}

/* A page printed and extracted to text: the site's navigation above the
 * page ("Routes" among its links), the title on the line above the one-line
 * description, routes under the progression heading with the browser's
 * print header and the map's legend among them, then the footer. */
static void
test_printed_page_chrome(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Careers service");
    line(b, "Routes");
    line(b, "Help");
    line(b, "Occupation OCC0045");
    line(b, "Tree surgeon");
    /* The level badge printed on the line of the description. */
    line(b, "Level 2 Climbs and cuts trees safely to keep them healthy and people safe.");
    line(b, "Reference: OCC0045");
    line(b, "Related routes");
    line(b, "file:///home/user/tree-surgeon.html 1/2");
    line(b, "Technical occupations Higher technical occupations Levels 4-5");
    line(b, "Agriculture, environmental and animal care");
    line(b, "© Crown copyright");
    line(b, "Contact us");
    line(b, "Privacy notice");
    line(b, "All content is available under the Open Government Licence v3.0, except where "
            "otherwise stated.");
    ost_doc *doc = NULL;
    ost_occupation *o = recognise(b, &doc);
    assert_string_equal(o->title, "Tree surgeon");
    assert_string_equal(o->overview,
                        "Climbs and cuts trees safely to keep them healthy and people safe.");
    assert_int_equal(o->level, 2);
    assert_int_equal(o->related_routes->len, 1);
    assert_string_equal(g_ptr_array_index(o->related_routes, 0),
                        "Agriculture, environmental and animal care");
    assert_null(o->summary);
    (void)state;
    ost_doc_free(doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_text),
        cmocka_unit_test(test_page_html),
        cmocka_unit_test(test_copied_page_lists),
        cmocka_unit_test(test_page_paragraphs),
        cmocka_unit_test(test_printed_page_chrome),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
