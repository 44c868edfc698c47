/* SPDX-License-Identifier: MIT */
/* Content no model field names is kept in extra or named in a warning. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <ost.h>

static void
add(ost_blocks *b, ost_block_kind kind, const char *text, int level)
{
    ost_blocks_add(b, kind, text)->level = level;
}

static void
label_row(ost_blocks *b, const char *label, const char *value)
{
    const char *cells[] = {label, value};
    ost_blocks_add_row(b, cells, 2)->flags |= OST_BLOCK_LABEL;
}

static ost_doc *
recognise(ost_blocks *blocks, const char *type)
{
    ost_repairer *rep = ost_repairer_new(NULL);
    assert_non_null(rep);
    ost_doc *doc = ost_doc_new();
    ost_recognize(blocks, rep, doc);
    ost_repairer_free(rep);
    ost_blocks_free(blocks);
    assert_string_equal(doc->source.document_type, type);
    return doc;
}

static const char *
extra(GPtrArray *list, const char *key)
{
    for (guint i = 0; i < list->len; i++) {
        const ost_pair *p = g_ptr_array_index(list, i);
        if (strcmp(p->key, key) == 0)
            return p->value;
    }
    return NULL;
}

static const ost_warning *
warning(const ost_doc *doc, const char *code)
{
    for (guint i = 0; i < doc->source.warnings->len; i++) {
        const ost_warning *w = g_ptr_array_index(doc->source.warnings, i);
        if (strcmp(w->code, code) == 0)
            return w;
    }
    return NULL;
}

/* A standard's key facts and sections, with facts and a section the model
 * has no field for, and a heading per KSB code. */
static ost_blocks *
standard_blocks(const char *unknown_text)
{
    ost_blocks *b = ost_blocks_new();
    add(b, OST_BLOCK_HEADING, "Dental technician", 1);
    label_row(b, "Reference", "ST0412");
    label_row(b, "Level", "Foundation");
    label_row(b, "Apprenticeship category", "Clinical technical");
    add(b, OST_BLOCK_LINE, "Funding band: 9", 0);
    add(b, OST_BLOCK_HEADING, "Occupation summary", 2);
    add(b, OST_BLOCK_LINE, "Dental technicians make dental appliances.", 0);
    add(b, OST_BLOCK_HEADING, "Working environment", 2);
    add(b, OST_BLOCK_LINE, unknown_text, 0);
    add(b, OST_BLOCK_HEADING, "Knowledge", 2);
    add(b, OST_BLOCK_HEADING, "K1", 4);
    add(b, OST_BLOCK_LINE, "The structure of the mouth.", 0);
    add(b, OST_BLOCK_HEADING, "K2", 4);
    add(b, OST_BLOCK_LINE, "Properties of dental materials.", 0);
    add(b, OST_BLOCK_HEADING, "Skills", 2);
    add(b, OST_BLOCK_LINE, "S1: Read a prescription.", 0);
    add(b, OST_BLOCK_HEADING, "Behaviours", 2);
    add(b, OST_BLOCK_LINE, "B1: Takes responsibility for own work.", 0);
    return b;
}

static void
test_standard_keeps_unplaced(void **state)
{
    (void)state;
    ost_doc *doc = recognise(standard_blocks("Most work in a laboratory."), "standard");
    const ost_standard *s = g_ptr_array_index(doc->standards, 0);
    /* A value its field cannot hold, a fact without a field (row and
     * running text), a section without a field. */
    assert_int_equal(s->level, 0);
    assert_string_equal(extra(s->extra, "Level"), "Foundation");
    assert_string_equal(extra(s->extra, "Apprenticeship category"), "Clinical technical");
    assert_string_equal(extra(s->extra, "Funding band"), "9");
    assert_string_equal(extra(s->extra, "Working environment"), "Most work in a laboratory.");
    /* Code headings are statements, not sections. */
    assert_int_equal(s->knowledge->len, 2);
    assert_string_equal(((ost_ksb *)g_ptr_array_index(s->knowledge, 1))->text,
                        "Properties of dental materials.");
    assert_null(extra(s->extra, "K1"));
    assert_null(warning(doc, "unplaced_content"));
    ost_doc_free(doc);
}

static void
test_standard_long_section_warns(void **state)
{
    (void)state;
    GString *text = g_string_new(NULL);
    while (text->len < 2100)
        g_string_append(text, "Laboratory work follows the hygiene rules of the practice. ");
    ost_doc *doc = recognise(standard_blocks(g_strstrip(text->str)), "standard");
    const ost_standard *s = g_ptr_array_index(doc->standards, 0);
    assert_null(extra(s->extra, "Working environment"));
    const ost_warning *w = warning(doc, "unplaced_content");
    assert_non_null(w);
    assert_non_null(strstr(w->message, "Working environment"));
    g_string_free(text, TRUE);
    ost_doc_free(doc);
}

/* An occupation page: a fact line without a field, prose under an
 * unknown heading (not the summary), the progression legend left out. */
static void
test_occupation_keeps_unplaced(void **state)
{
    (void)state;
    ost_blocks *b = ost_blocks_new();
    add(b, OST_BLOCK_HEADING, "Water network operative", 1);
    label_row(b, "Reference", "OCC0733");
    add(b, OST_BLOCK_LINE, "Version: 1.1", 0);
    label_row(b, "Shift pattern", "Rota including nights");
    add(b, OST_BLOCK_HEADING, "Summary", 2);
    add(b, OST_BLOCK_LINE, "Water network operatives repair the pipes that carry clean water.", 0);
    add(b, OST_BLOCK_HEADING, "Physical requirements", 2);
    add(b, OST_BLOCK_LINE, "The role involves manual handling and work in excavations.", 0);
    add(b, OST_BLOCK_HEADING, "Progression map", 2);
    add(b, OST_BLOCK_LINE, "The progression map shows the occupations this one can lead to.", 0);
    add(b, OST_BLOCK_ITEM, "Technical occupations", 1);
    ost_doc *doc = recognise(b, "occupation");
    const ost_occupation *o = g_ptr_array_index(doc->occupations, 0);
    assert_string_equal(extra(o->extra, "Version"), "1.1");
    assert_string_equal(extra(o->extra, "Shift pattern"), "Rota including nights");
    assert_string_equal(extra(o->extra, "Physical requirements"),
                        "The role involves manual handling and work in excavations.");
    assert_string_equal(o->summary, "Water network operatives repair the pipes that carry clean water.");
    assert_int_equal(o->extra->len, 3);
    ost_doc_free(doc);
}

/* A note below an occupational map is no occupation: it is reported. */
static void
test_map_note_is_no_occupation(void **state)
{
    (void)state;
    ost_blocks *b = ost_blocks_new();
    add(b, OST_BLOCK_HEADING, "Occupational map: Business and administration", 1);
    add(b, OST_BLOCK_ITEM, "Pathway: Business support", 1);
    add(b, OST_BLOCK_ITEM, "Cluster: Administration", 2);
    add(b, OST_BLOCK_ITEM, "Business administrator (Level 3)", 3);
    add(b, OST_BLOCK_ITEM, "Office assistant (Level 2)", 3);
    add(b, OST_BLOCK_BREAK, NULL, 0);
    add(b, OST_BLOCK_LINE, "Maps are reviewed every year with employers.", 0);
    ost_doc *doc = recognise(b, "occupational_map");
    const ost_occupational_map *m = g_ptr_array_index(doc->occupational_maps, 0);
    const ost_map_pathway *p = g_ptr_array_index(m->pathways, 0);
    const ost_map_cluster *c = g_ptr_array_index(p->clusters, 0);
    assert_int_equal(c->occupations->len, 2);
    assert_non_null(warning(doc, "unplaced_content"));
    ost_doc_free(doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_standard_keeps_unplaced),
        cmocka_unit_test(test_standard_long_section_warns),
        cmocka_unit_test(test_occupation_keeps_unplaced),
        cmocka_unit_test(test_map_note_is_no_occupation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
