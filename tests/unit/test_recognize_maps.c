/* SPDX-License-Identifier: MIT */
/* Occupational and functional map recognition from synthetic block streams. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ost.h>
#include <string.h>

/* ---- building streams ------------------------------------------------- */

static ost_block *
line(ost_blocks *b, const char *text)
{
    return ost_blocks_add(b, OST_BLOCK_LINE, text);
}

static void
brk(ost_blocks *b)
{
    ost_blocks_add(b, OST_BLOCK_BREAK, NULL);
}

/* Each text as its own paragraph, as extracted text with blank lines. */
static void
paras(ost_blocks *b, const char *const *texts)
{
    for (gsize i = 0; texts[i] != NULL; i++) {
        line(b, texts[i]);
        brk(b);
    }
}

static ost_block *
heading(ost_blocks *b, int level, const char *text)
{
    ost_block *h = ost_blocks_add(b, OST_BLOCK_HEADING, text);
    h->level = level;
    return h;
}

static ost_block *
item(ost_blocks *b, const char *text, ost_map_status status)
{
    ost_block *i = ost_blocks_add(b, OST_BLOCK_ITEM, text);
    i->status = status;
    return i;
}

static ost_block *
row(ost_blocks *b, const char *const *cells)
{
    return ost_blocks_add_row(b, cells, g_strv_length((char **)cells));
}

static ost_doc *
recognize(ost_blocks *blocks)
{
    GError *error = NULL;
    ost_repairer *rep = ost_repairer_new(&error);
    assert_non_null(rep);
    ost_doc *doc = ost_doc_new();
    ost_recognize(blocks, rep, doc);
    ost_repairer_free(rep);
    ost_blocks_free(blocks);
    return doc;
}

/* ---- occupational maps ------------------------------------------------ */

static const ost_occupational_map *
the_map(const ost_doc *doc)
{
    assert_string_equal(doc->source.document_type, "occupational_map");
    assert_int_equal(doc->occupational_maps->len, 1);
    return g_ptr_array_index(doc->occupational_maps, 0);
}

static const ost_map_cluster *
cluster_at(const ost_occupational_map *m, guint p, guint c)
{
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, p);
    return g_ptr_array_index(pw->clusters, c);
}

static void
assert_occ(const ost_map_cluster *c, guint i, const char *title, int level,
           ost_map_status status)
{
    assert_true(i < c->occupations->len);
    const ost_map_occupation *o = g_ptr_array_index(c->occupations, i);
    assert_string_equal(o->title, title);
    assert_int_equal(o->level, level);
    assert_int_equal(o->status, status);
}

static void
add_legend(ost_blocks *b)
{
    line(b, "Occupations in green: approved for delivery")->status =
        OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    line(b, "Occupations in amber: standard published")->status =
        OST_MAP_STATUS_STANDARD_PUBLISHED;
    line(b, "Occupations in black: occupation awaiting standard")->status =
        OST_MAP_STATUS_AWAITING_STANDARD;
    line(b, "(): the number shown in brackets is the level of the apprenticeship");
    brk(b);
}

/* Extracted text: clusters on one tab-separated row, their occupations run
 * together in the same columns of the next. */
static void
test_om_text_rows_split_run_together_titles(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Occupational Map: Construction And The Built Environment");
    brk(b);
    line(b, "Occupations in this route build and maintain the places where we live.");
    brk(b);
    add_legend(b);
    row(b, (const char *const[]){"Click here for more information", "", "", NULL});
    row(b, (const char *const[]){
               "Construction and the built environment",
               "Cluster: Bricklaying and Masonry APPRENTICESHIP ONLY Build and repair walls, "
               "arches and other structures.",
               "Cluster: Site supervision Plan, organise and oversee work on site.", NULL});
    row(b, (const char *const[]){
               "", "Bricklayer (2) Craft mason (3) Stonemason Dry stone waller (2)",
               "Site supervisor (4) Building control surveyor (Level 6) Trading Standards "
               "Officer Assistant to the site manager HM forces engineer (public services)",
               NULL});
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);

    /* The body's sentence-case name wins over the title-cased heading. */
    assert_string_equal(m->route, "Construction and the built environment");
    assert_string_equal(m->description,
                        "Occupations in this route build and maintain the places where we live.");
    assert_int_equal(m->pathways->len, 1);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Construction and the built environment");
    assert_int_equal(pw->clusters->len, 2);

    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Bricklaying and Masonry");
    assert_string_equal(c->description, "Build and repair walls, arches and other structures.");
    assert_int_equal(c->apprenticeship_only, OST_YES);
    assert_int_equal(c->occupations->len, 4);
    assert_occ(c, 0, "Bricklayer", 2, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Craft mason", 3, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "Stonemason", 0, OST_MAP_STATUS_NONE);
    assert_occ(c, 3, "Dry stone waller", 2, OST_MAP_STATUS_NONE);

    c = cluster_at(m, 0, 1);
    assert_string_equal(c->name, "Site supervision");
    assert_string_equal(c->description, "Plan, organise and oversee work on site.");
    /* The map marks clusters, so an unmarked one is not apprenticeship-only. */
    assert_int_equal(c->apprenticeship_only, OST_NO);
    assert_int_equal(c->occupations->len, 5);
    assert_occ(c, 0, "Site supervisor", 4, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Building control surveyor", 6, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "Trading Standards Officer", 0, OST_MAP_STATUS_NONE);
    assert_occ(c, 3, "Assistant to the site manager", 0, OST_MAP_STATUS_NONE);
    assert_occ(c, 4, "HM forces engineer (public services)", 0, OST_MAP_STATUS_NONE);
    ost_doc_free((ost_doc *)doc);
}

/* HTML: unprefixed headings (pathway above cluster), one ITEM per
 * occupation with its colour status. */
static void
test_om_headings_and_items_with_status(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Digital occupational map");
    line(b, "The digital route covers software, data and infrastructure.");
    brk(b);
    add_legend(b);
    heading(b, 2, "Software and data");
    heading(b, 3, "Data");
    line(b, "Apprenticeship only");
    line(b, "Collect, analyse and");
    line(b, "present data.");
    brk(b);
    item(b, "Data technician (3)", OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    item(b, "Data scientist (integrated degree) (6)", OST_MAP_STATUS_IN_DEVELOPMENT);
    heading(b, 3, "Software");
    item(b, "Software developer (4)", OST_MAP_STATUS_STANDARD_PUBLISHED);
    item(b, "Games programmer", OST_MAP_STATUS_AWAITING_STANDARD);
    heading(b, 2, "Digital support");
    heading(b, 3, "Support");
    item(b, "IT technician (3)", OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);

    assert_string_equal(m->route, "Digital");
    assert_string_equal(m->description, "The digital route covers software, data and infrastructure.");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Software and data");
    assert_int_equal(pw->clusters->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Data");
    assert_string_equal(c->description, "Collect, analyse and present data.");
    assert_int_equal(c->apprenticeship_only, OST_YES);
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Data technician", 3, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    /* One ITEM is one occupation: no splitting inside it. */
    assert_occ(c, 1, "Data scientist (integrated degree)", 6, OST_MAP_STATUS_IN_DEVELOPMENT);
    c = cluster_at(m, 0, 1);
    assert_null(c->description);
    assert_int_equal(c->apprenticeship_only, OST_NO);
    assert_occ(c, 0, "Software developer", 4, OST_MAP_STATUS_STANDARD_PUBLISHED);
    assert_occ(c, 1, "Games programmer", 0, OST_MAP_STATUS_AWAITING_STANDARD);
    pw = g_ptr_array_index(m->pathways, 1);
    assert_string_equal(pw->name, "Digital support");
    assert_occ(cluster_at(m, 1, 0), 0, "IT technician", 3, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    ost_doc_free((ost_doc *)doc);
}

/* PDF: one LINE per visual line, prefixed pathway and clusters, a wrapped
 * description with no break before the coloured occupation lines. */
static void
test_om_pdf_lines_with_status(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Occupational map: Transport and logistics");
    add_legend(b);
    line(b, "Pathway: Rail");
    line(b, "Cluster: Rail engineering");
    line(b, "APPRENTICESHIP ONLY");
    line(b, "Install and maintain track, signalling and");
    line(b, "rolling stock.");
    line(b, "Rail engineering operative (2)")->status = OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    line(b, "Train driver")->status = OST_MAP_STATUS_AWAITING_STANDARD;
    line(b, "Cluster: Rail operations");
    line(b, "Station manager (4)")->status = OST_MAP_STATUS_IN_DEVELOPMENT;
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);

    assert_string_equal(m->route, "Transport and logistics");
    assert_null(m->description);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Rail");
    assert_int_equal(pw->clusters->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Rail engineering");
    assert_string_equal(c->description, "Install and maintain track, signalling and rolling stock.");
    assert_int_equal(c->apprenticeship_only, OST_YES);
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Rail engineering operative", 2, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    assert_occ(c, 1, "Train driver", 0, OST_MAP_STATUS_AWAITING_STANDARD);
    c = cluster_at(m, 0, 1);
    assert_int_equal(c->occupations->len, 1);
    assert_occ(c, 0, "Station manager", 4, OST_MAP_STATUS_IN_DEVELOPMENT);
    ost_doc_free((ost_doc *)doc);
}

/* Label/value rows and plain text without any apprenticeship-only marker:
 * the flag stays unknown. */
static void
test_om_label_rows(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Occupational map");
    row(b, (const char *const[]){"Route", "Hair and beauty", NULL})->flags |= OST_BLOCK_LABEL;
    row(b, (const char *const[]){"Description", "Occupations caring for hair, skin and nails.",
                                 NULL})->flags |= OST_BLOCK_LABEL;
    row(b, (const char *const[]){"Pathway", "Hair", NULL})->flags |= OST_BLOCK_LABEL;
    row(b, (const char *const[]){"Cluster", "Hairdressing", NULL})->flags |= OST_BLOCK_LABEL;
    line(b, "Hair professional (2) Barber (2)");
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Hair and beauty");
    assert_string_equal(m->description, "Occupations caring for hair, skin and nails.");
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Hairdressing");
    assert_int_equal(c->apprenticeship_only, OST_UNSET);
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Hair professional", 2, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Barber", 2, OST_MAP_STATUS_NONE);
    ost_doc_free((ost_doc *)doc);
}

/* A top heading above the pathways names the route even without the words
 * "Occupational map: "; the bare caption is not part of the description. */
/* A map as a table of one cluster a row, its header naming the columns;
 * the heading above it names the route, a colour key is no cluster. */
static void
test_om_table_of_clusters(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Transport and logistics");
    line(b, "Occupations that move people and goods.");
    brk(b);
    heading(b, 2, "Colour key");
    line(b, "Approved for delivery")->status = OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    brk(b);
    row(b, (const char *const[]){"Occupational pathway", "Cluster", "Occupations and levels", NULL})
        ->flags |= OST_BLOCK_HEADER_ROW;
    row(b, (const char *const[]){"Rail", "Rail engineering", "Track worker (L2)\nSignal technician (L3)",
                                 NULL})
        ->status = OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    row(b, (const char *const[]){"Rail", "Rail operations", "Train driver (L3)", NULL})->status =
        OST_MAP_STATUS_IN_DEVELOPMENT;
    brk(b);
    line(b, "Print this map");
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Transport and logistics");
    assert_int_equal(m->pathways->len, 1);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Rail engineering");
    assert_occ(c, 1, "Signal technician", 3, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    c = cluster_at(m, 0, 1);
    assert_int_equal(c->occupations->len, 1);
    assert_occ(c, 0, "Train driver", 3, OST_MAP_STATUS_IN_DEVELOPMENT);
    ost_doc_free(doc);
}

/* The same kind of table printed: names wrap inside narrow cells, and an
 * occupation the page set apart comes on a row of its own whose pathway
 * and cluster cells are empty. A wrapped name is no description. */
static void
test_om_table_printed_with_wrapped_cells(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Hospitality");
    row(b, (const char *const[]){"Pathway", "Occupational cluster", "Occupations", NULL})->flags |=
        OST_BLOCK_HEADER_ROW;
    row(b, (const char *const[]){"Food and\ndrink", "Kitchen and\npastry work",
                                 "Commis chef (L2)\nChef de\npartie (L3)", NULL});
    row(b, (const char *const[]){"", "", "Head chef (L4)", NULL});
    row(b, (const char *const[]){"Food and\ndrink", "Front of house\nGreet and serve guests.",
                                 "Waiter (L2)", NULL});
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_int_equal(m->pathways->len, 1);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Food and drink");
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Kitchen and pastry work");
    assert_null(c->description);
    assert_int_equal(c->occupations->len, 3);
    assert_occ(c, 1, "Chef de partie", 3, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "Head chef", 4, OST_MAP_STATUS_NONE);
    c = cluster_at(m, 0, 1);
    assert_string_equal(c->name, "Front of house");
    assert_string_equal(c->description, "Greet and serve guests.");
    assert_occ(c, 0, "Waiter", 2, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* A map page as extracted text: no headings, only paragraphs. A title
 * over an "Occupational map" caption names the route; a name line that
 * opens a paragraph and has another name line under it is a pathway, the
 * one under it a cluster; a name line opening a paragraph is a cluster;
 * a colour key's bare status names are no clusters. */
static void
test_om_plain_text_paragraphs(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Legal, finance and accounting");
    line(b, "Occupational map");
    line(b, "Occupations that keep accounts and give legal advice.");
    brk(b);
    line(b, "Approved for delivery");
    brk(b);
    line(b, "Awaiting standard");
    brk(b);
    line(b, "Finance");
    line(b, "Accountancy and taxation");
    line(b, "Keep the books of firms and people.");
    line(b, "Accounts assistant (2)");
    line(b, "Tax adviser (Level 4)");
    line(b, "Bookkeeper");
    brk(b);
    line(b, "Payroll");
    line(b, "Payroll administrator (L3)");
    brk(b);
    line(b, "Legal services pathway");
    line(b, "Paralegal work cluster");
    line(b, "Paralegal (3)");
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Legal, finance and accounting");
    assert_string_equal(m->description, "Occupations that keep accounts and give legal advice.");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Finance");
    assert_int_equal(pw->clusters->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Accountancy and taxation");
    assert_string_equal(c->description, "Keep the books of firms and people.");
    assert_int_equal(c->occupations->len, 3);
    assert_occ(c, 1, "Tax adviser", 4, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "Bookkeeper", 0, OST_MAP_STATUS_NONE);
    c = cluster_at(m, 0, 1);
    assert_string_equal(c->name, "Payroll");
    assert_occ(c, 0, "Payroll administrator", 3, OST_MAP_STATUS_NONE);
    pw = g_ptr_array_index(m->pathways, 1);
    assert_string_equal(pw->name, "Legal services");
    c = cluster_at(m, 1, 0);
    assert_string_equal(c->name, "Paralegal work");
    assert_occ(c, 0, "Paralegal", 3, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* Nested lists as extracted text: every item a bulleted line, pathways
 * and clusters by their labels, the title wrapped over its caption. */
static void
test_om_bulleted_lines(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Sales, marketing and procurement");
    line(b, "occupational map");
    brk(b);
    line(b, "\u25aa Pathway: Procurement");
    line(b, "\u25aa Cluster: Buying");
    line(b, "\u25aa Buyer (Level 4)");
    line(b, "\u25aa Purchasing assistant - L2");
    line(b, "* Cluster: Supply");
    line(b, "* Supply chain practitioner (Level 3)");
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Sales, marketing and procurement");
    assert_int_equal(m->pathways->len, 1);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Procurement");
    assert_int_equal(pw->clusters->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Buying");
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Buyer", 4, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Purchasing assistant", 2, OST_MAP_STATUS_NONE);
    c = cluster_at(m, 0, 1);
    assert_string_equal(c->name, "Supply");
    assert_occ(c, 0, "Supply chain practitioner", 3, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

static ost_block *
label_row(ost_blocks *b, const char *label, const char *value)
{
    ost_block *r = row(b, (const char *const[]){label, value, NULL});
    r->flags |= OST_BLOCK_LABEL;
    return r;
}

/* A map as definition lists: "Pathway", "Cluster" and "Occupations" terms
 * with their values, or terms that name themselves ("Pathway: Rail") over
 * their details. The heading above names the route, not a cluster. */
static void
test_om_definition_lists(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Agriculture and animal care");
    line(b, "Occupations that grow food and look after animals.");
    brk(b);
    label_row(b, "Occupational pathway", "Animal care");
    label_row(b, "Occupational cluster", "Veterinary support");
    label_row(b, "Occupations", "Veterinary nurse (level 3)\nAnimal care worker (Level 2)")->status =
        OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    brk(b);
    label_row(b, "Pathway: Land", "Cluster: Crops\nCrop technician (L3)");
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Agriculture and animal care");
    assert_string_equal(m->description, "Occupations that grow food and look after animals.");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Animal care");
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Veterinary support");
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Veterinary nurse", 3, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    assert_occ(c, 1, "Animal care worker", 2, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    pw = g_ptr_array_index(m->pathways, 1);
    assert_string_equal(pw->name, "Land");
    c = cluster_at(m, 1, 0);
    assert_string_equal(c->name, "Crops");
    assert_occ(c, 0, "Crop technician", 3, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* A page printed with the browser's header: its title line ("Digital -
 * occupational map") names the route before the page's own heading does;
 * that heading is then no pathway, and the breadcrumbs above it are no
 * part of the description (nor a pathway and cluster). */
static void
test_om_printed_title_names_route(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Digital \u2013 occupational map");
    brk(b);
    line(b, "Skills map");
    line(b, "All routes");
    heading(b, 1, "Digital occupational map");
    line(b, "Occupations that build and run software.");
    brk(b);
    heading(b, 2, "Software");
    heading(b, 3, "Development");
    item(b, "Software developer (4)", OST_MAP_STATUS_NONE);
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Digital");
    assert_string_equal(m->description, "Occupations that build and run software.");
    assert_int_equal(m->pathways->len, 1);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Software");
    assert_occ(cluster_at(m, 0, 0), 0, "Software developer", 4, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* Navigation left as plain lines above the "... route" title heading is
 * no part of the map's description. */
static void
test_om_text_above_route_heading(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Home");
    line(b, "About");
    heading(b, 1, "Sales and retail route");
    line(b, "Occupations that sell goods and services.");
    brk(b);
    heading(b, 2, "Retail pathway");
    heading(b, 3, "Store cluster");
    item(b, "Retailer (Level 2)", OST_MAP_STATUS_NONE);
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Sales and retail");
    assert_string_equal(m->description, "Occupations that sell goods and services.");
    assert_occ(cluster_at(m, 0, 0), 0, "Retailer", 2, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* Definition lists under pathway headings: each term a cluster, its
 * details the occupations. */
static void
test_om_cluster_terms_under_headings(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Protective services occupational map");
    heading(b, 2, "Fire and rescue");
    label_row(b, "Firefighting", "Firefighter (level 3)\nCrew commander (level 4)");
    label_row(b, "Fire safety", "Fire safety inspector (Level 4)");
    heading(b, 2, "Policing");
    label_row(b, "Investigation", "Detective constable (L6)");
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Protective services");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Fire and rescue");
    assert_int_equal(pw->clusters->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Firefighting");
    assert_occ(c, 1, "Crew commander", 4, OST_MAP_STATUS_NONE);
    c = cluster_at(m, 0, 1);
    assert_string_equal(c->name, "Fire safety");
    pw = g_ptr_array_index(m->pathways, 1);
    assert_string_equal(pw->name, "Policing");
    c = cluster_at(m, 1, 0);
    assert_occ(c, 0, "Detective constable", 6, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* Nested lists as a word processor prints them: a heading inside a list
 * keeps the list's bullet, and the items of an inner list run on in their
 * parent item, their bullets between them. */
static void
test_om_printed_nested_lists(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Hair and beauty occupational map");
    heading(b, 2, "\u2022 Barbering pathway");
    heading(b, 3, "\u2022 Cutting cluster");
    item(b, "Barber (Level 2)", OST_MAP_STATUS_NONE);
    brk(b);
    item(b, "Pathway: Beauty \u2022 Cluster: Skin care \u2022 Beauty therapist (Level 3) "
            "\u2022 Spa therapist (Level 3)",
         OST_MAP_STATUS_NONE);
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Hair and beauty");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_pathway *pw = g_ptr_array_index(m->pathways, 0);
    assert_string_equal(pw->name, "Barbering");
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Cutting");
    assert_occ(c, 0, "Barber", 2, OST_MAP_STATUS_NONE);
    pw = g_ptr_array_index(m->pathways, 1);
    assert_string_equal(pw->name, "Beauty");
    c = cluster_at(m, 1, 0);
    assert_string_equal(c->name, "Skin care");
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 1, "Spa therapist", 3, OST_MAP_STATUS_NONE);
    ost_doc_free(doc);
}

/* Nested lists whose pathways and clusters say what they are by their
 * last word, occupations with a spelt-out level. */
static void
test_om_named_pathways_and_clusters(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Hair and beauty route");
    brk(b);
    item(b, "Hair pathway", OST_MAP_STATUS_NONE)->level = 1;
    item(b, "Barbering cluster", OST_MAP_STATUS_NONE)->level = 2;
    item(b, "Barber \xE2\x80\x93 level 2", OST_MAP_STATUS_APPROVED_FOR_DELIVERY)->level = 3;
    item(b, "Beauty pathway", OST_MAP_STATUS_NONE)->level = 1;
    item(b, "Nails cluster", OST_MAP_STATUS_NONE)->level = 2;
    item(b, "Nail technician \xE2\x80\x93 level 3", OST_MAP_STATUS_IN_DEVELOPMENT)->level = 3;
    ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Hair and beauty");
    assert_int_equal(m->pathways->len, 2);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Barbering");
    assert_occ(c, 0, "Barber", 2, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    c = cluster_at(m, 1, 0);
    assert_string_equal(c->name, "Nails");
    assert_occ(c, 0, "Nail technician", 3, OST_MAP_STATUS_IN_DEVELOPMENT);
    ost_doc_free(doc);
}

static void
test_om_route_from_top_heading(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Health and science");
    line(b, "Occupational map");
    brk(b);
    line(b, "This map groups the occupations of the route.");
    brk(b);
    heading(b, 2, "Health");
    heading(b, 3, "Clinical support");
    line(b, "Apprenticeship only Support registered health professionals.");
    brk(b);
    line(b, "Healthcare support worker (2)")->status = OST_MAP_STATUS_APPROVED_FOR_DELIVERY;
    brk(b);
    line(b, "Pharmacy dispenser")->status = OST_MAP_STATUS_AWAITING_STANDARD;
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    assert_string_equal(m->route, "Health and science");
    assert_string_equal(m->description, "This map groups the occupations of the route.");
    assert_int_equal(m->pathways->len, 1);
    assert_string_equal(((ost_map_pathway *)g_ptr_array_index(m->pathways, 0))->name, "Health");
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_string_equal(c->name, "Clinical support");
    assert_string_equal(c->description, "Support registered health professionals.");
    assert_int_equal(c->apprenticeship_only, OST_YES);
    assert_int_equal(c->occupations->len, 2);
    assert_occ(c, 0, "Healthcare support worker", 2, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    assert_occ(c, 1, "Pharmacy dispenser", 0, OST_MAP_STATUS_AWAITING_STANDARD);
    ost_doc_free((ost_doc *)doc);
}

/* ---- functional maps --------------------------------------------------- */

static const ost_functional_map *
the_fmap(const ost_doc *doc)
{
    assert_string_equal(doc->source.document_type, "functional_map");
    assert_int_equal(doc->functional_maps->len, 1);
    return g_ptr_array_index(doc->functional_maps, 0);
}

static const ost_fm_unit *
unit_named(const ost_functional_map *m, const char *code)
{
    const ost_fm_unit *found = NULL;
    for (guint i = 0; i < m->units->len; i++) {
        const ost_fm_unit *u = g_ptr_array_index(m->units, i);
        if (strcmp(u->code, code) == 0) {
            assert_null(found); /* each code once */
            found = u;
        }
    }
    assert_non_null(found);
    return found;
}

static void
assert_strings(const GPtrArray *list, const char *const *expected)
{
    guint n = g_strv_length((char **)expected);
    assert_int_equal(list->len, n);
    for (guint i = 0; i < n; i++)
        assert_string_equal(g_ptr_array_index(list, i), expected[i]);
}

static const ost_fm_role *
role_at(const ost_functional_map *m, guint i)
{
    assert_true(i < m->roles->len);
    return g_ptr_array_index(m->roles, i);
}

/* Roles -> units and units -> roles complement each other; "None" gives no
 * reference; without Skills for Justice there is no URN. */
static void
test_fm_roles_both_ways(void **state)
{
    ost_blocks *b = ost_blocks_new();
    paras(b, (const char *const[]){
                 "Custody Officer", "National Occupational Standards",
                 "FA1 - Manage the reception of individuals", "Source reference: CJ A101",
                 "Escort Officer", "National Occupational Standards",
                 "FA2 - Escort individuals between locations", "Source reference: None",
                 "FA3 - Search individuals", "Roles", "Custody Officer", "Escort Officer",
                 "FA1 - Manage the reception of individuals", "Roles", "Custody Officer",
                 "Night Supervisor", NULL});
    const ost_doc *doc = recognize(b);
    const ost_functional_map *m = the_fmap(doc);
    assert_null(m->title);
    assert_int_equal(m->roles->len, 3);
    assert_string_equal(role_at(m, 0)->name, "Custody Officer");
    assert_strings(role_at(m, 0)->units, (const char *const[]){"FA1", "FA3", NULL});
    assert_string_equal(role_at(m, 1)->name, "Escort Officer");
    assert_strings(role_at(m, 1)->units, (const char *const[]){"FA2", "FA3", NULL});
    assert_string_equal(role_at(m, 2)->name, "Night Supervisor");
    assert_strings(role_at(m, 2)->units, (const char *const[]){"FA1", NULL});
    assert_int_equal(m->units->len, 3);
    const ost_fm_unit *u = unit_named(m, "FA1");
    assert_string_equal(u->title, "Manage the reception of individuals");
    assert_strings(u->source_references, (const char *const[]){"CJ A101", NULL});
    assert_null(u->nos_urn);
    assert_int_equal(unit_named(m, "FA2")->source_references->len, 0);
    assert_int_equal(m->key_areas->len, 0);
    ost_doc_free((ost_doc *)doc);
}

/* The map itself: key areas, two-token area and unit codes, functions with
 * placeholder and real details, Skills for Justice URNs. */
static void
test_fm_key_areas_functions_units(void **state)
{
    ost_blocks *b = ost_blocks_new();
    paras(b, (const char *const[]){
                 "C. Civil contingencies", "Areas of competence",
                 "CC A. Prepare for emergencies", "Functions", "Plan for emergencies", "Details",
                 "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
                 "National Occupational Standards (NOS)",
                 "CC AC1 Develop, maintain and evaluate emergency plans",
                 "Source reference: None", "CC AC2 Share information with other organisations",
                 "Source reference: SfJ", "Warn the community", "Details",
                 "Tell people what to do when an emergency happens.",
                 "National Occupational Standards (NOS)", "CC AF2 Warn and inform the community",
                 "Source reference: Skills for Justice 12", "D. Custody", "Areas of competence",
                 "DA. Receive individuals", "Functions", "Receive individuals into custody",
                 "Details", "National Occupational Standards (NOS)",
                 "DA1 Receive individuals into custody", "Source reference: CJ A1", NULL});
    const ost_doc *doc = recognize(b);
    const ost_functional_map *m = the_fmap(doc);
    assert_int_equal(m->key_areas->len, 2);
    const ost_fm_key_area *k = g_ptr_array_index(m->key_areas, 0);
    assert_string_equal(k->code, "C");
    assert_string_equal(k->title, "Civil contingencies");
    assert_int_equal(k->areas->len, 1);
    const ost_fm_area *a = g_ptr_array_index(k->areas, 0);
    assert_string_equal(a->code, "CC A");
    assert_string_equal(a->title, "Prepare for emergencies");
    assert_int_equal(a->functions->len, 2);
    const ost_fm_function *f = g_ptr_array_index(a->functions, 0);
    assert_string_equal(f->title, "Plan for emergencies");
    assert_null(f->details);
    assert_strings(f->units, (const char *const[]){"CC AC1", "CC AC2", NULL});
    f = g_ptr_array_index(a->functions, 1);
    assert_string_equal(f->details, "Tell people what to do when an emergency happens.");
    assert_strings(f->units, (const char *const[]){"CC AF2", NULL});

    k = g_ptr_array_index(m->key_areas, 1);
    assert_string_equal(k->code, "D");
    a = g_ptr_array_index(k->areas, 0);
    assert_string_equal(a->code, "DA");
    f = g_ptr_array_index(a->functions, 0);
    assert_null(f->details);
    assert_strings(f->units, (const char *const[]){"DA1", NULL});

    const ost_fm_unit *u = unit_named(m, "CC AC1");
    assert_string_equal(u->title, "Develop, maintain and evaluate emergency plans");
    assert_int_equal(u->source_references->len, 0);
    assert_string_equal(u->nos_urn, "SFJCCAC1");
    assert_string_equal(unit_named(m, "DA1")->nos_urn, "SFJDA1");
    assert_strings(unit_named(m, "CC AF2")->source_references,
                   (const char *const[]){"Skills for Justice 12", NULL});

    /* Exactly one warning, for the placeholder. */
    assert_int_equal(doc->source.warnings->len, 1);
    const ost_warning *w = g_ptr_array_index(doc->source.warnings, 0);
    assert_string_equal(w->code, "placeholder_text");
    assert_non_null(strstr(w->message, "Plan for emergencies"));
    ost_doc_free((ost_doc *)doc);
}

/* HTML-like: a title heading, role headings with unit items and no NOS
 * label, a source reference whose value is its own block, a unit title
 * wrapped over two lines, and a reference broken by a stray space. */
static void
test_fm_headings_wrapped_and_broken_reference(void **state)
{
    ost_blocks *b = ost_blocks_new();
    heading(b, 1, "Community justice functional map");
    heading(b, 2, "Youth Worker");
    item(b, "YA1 - Support young people", OST_MAP_STATUS_NONE);
    item(b, "Source reference: Common CS9", OST_MAP_STATUS_NONE);
    item(b, "YA2 - Plan activities", OST_MAP_STATUS_NONE);
    item(b, "Source reference:", OST_MAP_STATUS_NONE);
    item(b, "Commo n CS", OST_MAP_STATUS_NONE);
    heading(b, 2, "Mentor");
    line(b, "YA3 - Review progress with young people and");
    line(b, "their families");
    brk(b);
    line(b, "Source reference: Sf J");
    brk(b);
    line(b, "National Occupational Standards");
    brk(b);
    const ost_doc *doc = recognize(b);
    const ost_functional_map *m = the_fmap(doc);
    assert_string_equal(m->title, "Community justice functional map");
    assert_int_equal(m->roles->len, 2);
    assert_strings(role_at(m, 0)->units, (const char *const[]){"YA1", "YA2", NULL});
    assert_string_equal(role_at(m, 1)->name, "Mentor");
    assert_strings(role_at(m, 1)->units, (const char *const[]){"YA3", NULL});
    assert_string_equal(unit_named(m, "YA3")->title,
                        "Review progress with young people and their families");
    /* "Common" occurs in another reference: the break is repaired. */
    assert_strings(unit_named(m, "YA2")->source_references,
                   (const char *const[]){"Common CS", NULL});
    /* No evidence for "SfJ" anywhere: kept as written, and no URNs. */
    assert_strings(unit_named(m, "YA3")->source_references,
                   (const char *const[]){"Sf J", NULL});
    assert_null(unit_named(m, "YA1")->nos_urn);
    assert_int_equal(doc->source.repairs->len, 1);
    const ost_repair *r = g_ptr_array_index(doc->source.repairs, 0);
    assert_string_equal(r->from, "Commo n");
    assert_string_equal(r->to, "Common");
    ost_doc_free((ost_doc *)doc);
}

/* A roles table (role, unit codes) and the publisher named only in the
 * site banner: URNs are assigned, titles come from the map section. */
static void
test_fm_roles_table_and_publisher_banner(void **state)
{
    ost_blocks *b = ost_blocks_new();
    line(b, "Skills for Justice")->flags |= OST_BLOCK_CHROME;
    heading(b, 2, "Roles");
    row(b, (const char *const[]){"Role", "National Occupational Standards", NULL})->flags |=
        OST_BLOCK_HEADER_ROW;
    row(b, (const char *const[]){"YOT Officer", "AA1, CC AB2", NULL});
    row(b, (const char *const[]){"YOT Manager", "AA1", NULL});
    paras(b, (const char *const[]){
                 "A. Foundations", "Areas of competence", "AA. Equality", "Functions",
                 "Promote equality", "Details", "National Occupational Standards (NOS)",
                 "AA1 Promote equality and value diversity", "Source reference: Core CS1",
                 "CC AB2 Share information", "Source reference: None", NULL});
    const ost_doc *doc = recognize(b);
    const ost_functional_map *m = the_fmap(doc);
    assert_int_equal(m->roles->len, 2);
    assert_string_equal(role_at(m, 0)->name, "YOT Officer");
    assert_strings(role_at(m, 0)->units, (const char *const[]){"AA1", "CC AB2", NULL});
    assert_strings(role_at(m, 1)->units, (const char *const[]){"AA1", NULL});
    assert_int_equal(m->units->len, 2);
    const ost_fm_unit *u = unit_named(m, "CC AB2");
    assert_string_equal(u->title, "Share information");
    assert_string_equal(u->nos_urn, "SFJCCAB2");
    assert_string_equal(unit_named(m, "AA1")->title, "Promote equality and value diversity");
    /* "Details" with nothing under it is no details and no warning. */
    assert_int_equal(doc->source.warnings->len, 0);
    ost_doc_free((ost_doc *)doc);
}

/* Levels written without brackets ("Level 4", "L3") or with them ("(L3)")
 * end a title, one occupation per line or run together. */
static void
test_om_unbracketed_levels(void **state)
{
    ost_blocks *b = ost_blocks_new();
    paras(b, (const char *const[]){"Occupational map: Engineering", NULL});
    line(b, "Cluster: Test engineers");
    line(b, "Test engineer Level 4");
    line(b, "Quality inspector (L3)");
    line(b, "CAD technician - L3");
    line(b, "Inspection manager");
    brk(b);
    line(b, "Cluster: Fitters");
    line(b, "Pipe fitter L2 Welder Level 3 Fabricator (2)");
    const ost_doc *doc = recognize(b);
    const ost_occupational_map *m = the_map(doc);
    const ost_map_cluster *c = cluster_at(m, 0, 0);
    assert_int_equal(c->occupations->len, 4);
    assert_occ(c, 0, "Test engineer", 4, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Quality inspector", 3, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "CAD technician", 3, OST_MAP_STATUS_NONE);
    assert_occ(c, 3, "Inspection manager", 0, OST_MAP_STATUS_NONE);
    c = cluster_at(m, 0, 1);
    assert_int_equal(c->occupations->len, 3);
    assert_occ(c, 0, "Pipe fitter", 2, OST_MAP_STATUS_NONE);
    assert_occ(c, 1, "Welder", 3, OST_MAP_STATUS_NONE);
    assert_occ(c, 2, "Fabricator", 2, OST_MAP_STATUS_NONE);
    ost_doc_free((ost_doc *)doc);
}

/* Other publishers' code schemes: long letter runs ("SFHGEN1",
 * "SCDHSC0023") beside two-token codes, no source references at all, and
 * no URN without Skills for Justice. */
static void
test_fm_other_code_schemes(void **state)
{
    ost_blocks *b = ost_blocks_new();
    paras(b, (const char *const[]){
                 "Senior care worker", "National Occupational Standards",
                 "SFHGEN1 - Communicate effectively with individuals", "SCDHSC0023 Develop your own practice",
                 "CC AA1 - Support health and safety", "A. Working with individuals",
                 "Areas of competence", "AA. Communication", "Functions",
                 "Communicate with individuals", "National Occupational Standards (NOS)",
                 "SFHGEN1 - Communicate effectively with individuals", NULL});
    const ost_doc *doc = recognize(b);
    const ost_functional_map *m = the_fmap(doc);
    assert_int_equal(m->roles->len, 1);
    assert_strings(role_at(m, 0)->units,
                   (const char *const[]){"SFHGEN1", "SCDHSC0023", "CC AA1", NULL});
    assert_int_equal(m->units->len, 3);
    const ost_fm_unit *u = unit_named(m, "SCDHSC0023");
    assert_string_equal(u->title, "Develop your own practice");
    assert_int_equal(u->source_references->len, 0);
    assert_null(u->nos_urn);
    assert_null(unit_named(m, "SFHGEN1")->nos_urn);
    const ost_fm_key_area *k = g_ptr_array_index(m->key_areas, 0);
    const ost_fm_area *a = g_ptr_array_index(k->areas, 0);
    const ost_fm_function *f = g_ptr_array_index(a->functions, 0);
    assert_string_equal(f->title, "Communicate with individuals");
    assert_strings(f->units, (const char *const[]){"SFHGEN1", NULL});
    ost_doc_free((ost_doc *)doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_om_text_rows_split_run_together_titles),
        cmocka_unit_test(test_om_headings_and_items_with_status),
        cmocka_unit_test(test_om_pdf_lines_with_status),
        cmocka_unit_test(test_om_label_rows),
        cmocka_unit_test(test_om_route_from_top_heading),
        cmocka_unit_test(test_om_table_of_clusters),
        cmocka_unit_test(test_om_table_printed_with_wrapped_cells),
        cmocka_unit_test(test_om_plain_text_paragraphs),
        cmocka_unit_test(test_om_bulleted_lines),
        cmocka_unit_test(test_om_definition_lists),
        cmocka_unit_test(test_om_printed_nested_lists),
        cmocka_unit_test(test_om_cluster_terms_under_headings),
        cmocka_unit_test(test_om_printed_title_names_route),
        cmocka_unit_test(test_om_text_above_route_heading),
        cmocka_unit_test(test_om_named_pathways_and_clusters),
        cmocka_unit_test(test_fm_roles_both_ways),
        cmocka_unit_test(test_fm_key_areas_functions_units),
        cmocka_unit_test(test_fm_headings_wrapped_and_broken_reference),
        cmocka_unit_test(test_fm_roles_table_and_publisher_banner),
        cmocka_unit_test(test_om_unbracketed_levels),
        cmocka_unit_test(test_fm_other_code_schemes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
