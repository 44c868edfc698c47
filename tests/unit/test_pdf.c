/* SPDX-License-Identifier: MIT */
/* The PDF reader: bad inputs, blocks, tables, furniture, status colours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <ost.h>
#include <string.h>

#include "builtins.h"
#include "pdf/pdf_private.h"

static ost_registry *reg;

static int
setup(void **state)
{
    reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    return reg != NULL && ost_registry_find_reader(reg, "pdf") != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
    ost_registry_free(reg);
    return 0;
}

static GBytes *
load(const char *rel)
{
    char *path = g_build_filename(OST_SOURCE_DIR, rel, NULL);
    char *data = NULL;
    gsize len = 0;
    gboolean ok = g_file_get_contents(path, &data, &len, NULL);
    g_free(path);
    assert_true(ok);
    return g_bytes_new_take(data, len);
}

/* Run the PDF reader alone on @bytes: its blocks and source facts. */
static ost_status
read_pdf(GBytes *bytes, const char *name, ost_blocks **blocks, ost_read_context **ctx,
         GError **error)
{
    const ost_reader_info *r = ost_registry_find_reader(reg, "pdf");
    gsize len;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    ost_input in = {name, data, len};
    *blocks = ost_blocks_new();
    *ctx = ost_read_context_new();
    return r->read(&in, *blocks, *ctx, error);
}

static ost_blocks *
read_sample(const char *rel, ost_read_context **ctx_out)
{
    GBytes *bytes = load(rel);
    ost_blocks *blocks;
    ost_read_context *ctx;
    GError *error = NULL;
    assert_int_equal(read_pdf(bytes, rel, &blocks, &ctx, &error), OST_OK);
    assert_null(error);
    g_bytes_unref(bytes);
    if (ctx_out != NULL)
        *ctx_out = ctx;
    else
        ost_read_context_free(ctx);
    return blocks;
}

static const ost_block *
find_block(const ost_blocks *blocks, ost_block_kind kind, const char *prefix)
{
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->kind == kind && b->text != NULL && g_str_has_prefix(b->text, prefix))
            return b;
    }
    return NULL;
}

static gboolean
any_text_contains(const ost_blocks *blocks, const char *needle)
{
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->text != NULL && strstr(b->text, needle) != NULL)
            return TRUE;
    }
    return FALSE;
}

/* Blocks holding @p needle, counted apart: those of page furniture marked
 * @p furniture (with OST_BLOCK_CHROME) and all others. */
static void
count_text(const ost_blocks *blocks, const char *needle, guint furniture, guint *marked,
           guint *other)
{
    *marked = *other = 0;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->text == NULL || strstr(b->text, needle) == NULL)
            continue;
        if ((b->flags & furniture) && (b->flags & OST_BLOCK_CHROME))
            (*marked)++;
        else
            (*other)++;
    }
}

/* Running headers and footers stay in the stream, marked, on every page
 * they print on, and nowhere else. */
static void
assert_furniture(const ost_blocks *blocks, const char *needle, guint furniture, guint pages)
{
    guint marked, other;
    count_text(blocks, needle, furniture, &marked, &other);
    assert_int_equal(marked, pages);
    assert_int_equal(other, 0);
}

/* A whole conversion must fail with @code and a message containing @words. */
static void
assert_read_fails(GBytes *bytes, const char *name, ost_status code, const char *words)
{
    gsize len;
    const guint8 *data = g_bytes_get_data(bytes, &len);
    GError *error = NULL;
    ost_doc *doc = ost_read_bytes(reg, name, data, len, NULL, &error);
    assert_null(doc);
    assert_non_null(error);
    if (strstr(error->message, words) == NULL)
        fail_msg("\"%s\" does not mention \"%s\"", error->message, words);
    assert_int_equal(error->code, code);
    g_error_free(error);
}

/* ---- bad input -------------------------------------------------------- */

static void
test_bid(void **state)
{
    const ost_reader_info *r = ost_registry_find_reader(reg, "pdf");
    ost_input pdf = {"x.bin", (const guint8 *)"%PDF-1.7\n", 9};
    ost_input named = {"report.PDF", (const guint8 *)"hello\n", 6};
    ost_input text = {"notes.txt", (const guint8 *)"hello\n", 6};
    assert_int_equal(r->bid(&pdf), OST_BID_CERTAIN);
    assert_true(r->bid(&named) > 10);   /* above the text reader: a clear error */
    assert_int_equal(r->bid(&text), OST_BID_NONE);
}

static void
test_encrypted(void **state)
{
    GBytes *b = load("tests/data/pdf/encrypted.pdf");
    assert_read_fails(b, "encrypted.pdf", OST_ERR_ENCRYPTED, "encrypted");
    g_bytes_unref(b);
}

static void
test_truncated(void **state)
{
    GBytes *whole = load("samples/ST1187-proposal.pdf");
    GBytes *half = g_bytes_new_from_bytes(whole, 0, g_bytes_get_size(whole) / 2);
    assert_read_fails(half, "cut.pdf", OST_ERR_PARSE, "truncated");
    g_bytes_unref(half);
    g_bytes_unref(whole);
}

static void
test_not_a_pdf(void **state)
{
    /* Text named .pdf: the text reader would bid for it, but a file that
     * claims to be a PDF is refused with a message saying what it holds. */
    const char *text = "ST1030\n\nLevel of occupation\n\nLevel 3\n";
    GBytes *b = g_bytes_new_static(text, strlen(text));
    assert_read_fails(b, "standard.pdf", OST_ERR_PARSE, "not a PDF");
    g_bytes_unref(b);
    GBytes *empty = g_bytes_new_static("", 0);
    assert_read_fails(empty, "empty.pdf", OST_ERR_PARSE, "empty file");
    g_bytes_unref(empty);
}

static void
test_zero_pages(void **state)
{
    GBytes *b = load("tests/data/pdf/zero-pages.pdf");
    assert_read_fails(b, "zero-pages.pdf", OST_ERR_EMPTY, "no pages");
    g_bytes_unref(b);
}

static void
test_image_only(void **state)
{
    GBytes *b = load("tests/data/pdf/image-only.pdf");
    assert_read_fails(b, "scan.pdf", OST_ERR_EMPTY, "only images");
    g_bytes_unref(b);
}

/* A scanned page among text pages is a warning naming the page. */
static void
test_image_page_warns(void **state)
{
    ost_read_context *ctx;
    ost_blocks *blocks = read_sample("tests/data/pdf/mixed.pdf", &ctx);
    assert_int_equal(ost_read_context_get_pages(ctx), 2);
    const GPtrArray *warnings = ost_read_context_get_warnings(ctx);
    assert_int_equal(warnings->len, 1);
    const ost_warning *w = g_ptr_array_index(warnings, 0);
    assert_string_equal(w->code, "pdf_page_image_only");
    assert_string_equal(w->where, "page 2");
    assert_non_null(find_block(blocks, OST_BLOCK_LINE, "S1: Inspect premises"));
    ost_blocks_free(blocks);
    ost_read_context_free(ctx);
}

/* ---- blocks ----------------------------------------------------------- */

static void
test_blocks_small(void **state)
{
    ost_blocks *blocks = read_sample("tests/data/pdf/ligatures-fb.pdf", NULL);
    const ost_block *first = g_ptr_array_index(blocks->items, 0);
    assert_int_equal(first->kind, OST_BLOCK_PAGE);
    assert_int_equal(first->page, 1);
    const ost_block *h = find_block(blocks, OST_BLOCK_HEADING, "Knowledge");
    assert_non_null(h);
    assert_int_equal(h->level, 1);
    assert_true(h->flags & OST_BLOCK_BOLD);
    const ost_block *l = find_block(blocks, OST_BLOCK_LINE, "K1: The o");
    assert_non_null(l);
    assert_int_equal(l->page, 1);
    assert_true(l->font_size > 10.5 && l->font_size < 11.5);
    assert_false(l->flags & OST_BLOCK_BOLD);
    /* The presentation-form ligatures reach the repair engine as they are. */
    assert_true(any_text_contains(blocks, "o\xEF\xAC\x83" "cer"));  /* U+FB03 */
    ost_blocks_free(blocks);
}

/* Glyphs without a Unicode mapping come out as U+FFFD, never as control
 * characters. */
static void
test_unmapped_glyphs(void **state)
{
    ost_blocks *blocks = read_sample("tests/data/pdf/ligatures-raw.pdf", NULL);
    assert_true(any_text_contains(blocks, "o\xEF\xBF\xBD" "cer"));
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        for (const char *p = b->text; p != NULL && *p != '\0'; p++)
            assert_true((unsigned char)*p >= 0x20);
    }
    ost_blocks_free(blocks);
}

static void
test_headings_breaks_furniture(void **state)
{
    ost_read_context *ctx;
    ost_blocks *blocks = read_sample("samples/ST1187-proposal.pdf", &ctx);
    assert_int_equal(ost_read_context_get_pages(ctx), 3);
    const ost_block *title = find_block(blocks, OST_BLOCK_HEADING, "Community safety liaison");
    assert_non_null(title);
    assert_int_equal(title->level, 1);
    const ost_block *h = find_block(blocks, OST_BLOCK_HEADING, "Occupation summary");
    assert_non_null(h);
    assert_int_equal(h->level, 2);
    const ost_block *label = find_block(blocks, OST_BLOCK_LINE, "Core and options");
    assert_non_null(label);
    assert_true(label->flags & OST_BLOCK_BOLD);
    /* Running header, footer and page numbers are marked furniture. */
    assert_furniture(blocks, "Apprenticeship standard proposal:", OST_BLOCK_PAGE_HEADER, 3);
    assert_furniture(blocks, "proposal form", OST_BLOCK_PAGE_HEADER | OST_BLOCK_PAGE_FOOTER, 3);
    guint pages = 0, breaks_in_summary = 0;
    gboolean in_summary = FALSE;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        pages += b->kind == OST_BLOCK_PAGE;
        if (b == h)
            in_summary = TRUE;
        else if (in_summary && b->kind == OST_BLOCK_LINE && (b->flags & OST_BLOCK_BOLD))
            in_summary = FALSE;
        else if (in_summary && b->kind == OST_BLOCK_BREAK)
            breaks_in_summary++;
        /* The page number is footer furniture, never text. */
        if (b->kind == OST_BLOCK_LINE && strcmp(b->text, "2") == 0)
            assert_true(b->flags & OST_BLOCK_PAGE_FOOTER);
    }
    assert_int_equal(pages, 3);
    /* Three paragraphs: two breaks between them and one before the label. */
    assert_int_equal(breaks_in_summary, 3);
    ost_blocks_free(blocks);
    ost_read_context_free(ctx);
}

/* ---- tables ----------------------------------------------------------- */

static void
test_duty_table_columns(void **state)
{
    ost_blocks *blocks = read_sample("samples/ST1187-proposal.pdf", NULL);
    guint rows = 0, headers = 0;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b->kind != OST_BLOCK_ROW)
            continue;
        rows++;
        assert_int_equal(b->cells->len, 2);
        const char *duty = g_ptr_array_index(b->cells, 0);
        const char *codes = g_ptr_array_index(b->cells, 1);
        if (b->flags & OST_BLOCK_HEADER_ROW) {
            headers++;
            assert_string_equal(duty, "DUTY");
            assert_string_equal(codes, "KSBS");
            continue;
        }
        assert_true(g_str_has_prefix(duty, "Duty "));
        /* Codes never leak into the duty text, nor words into the codes. */
        assert_null(strstr(duty, " K1"));
        assert_true(__ost_pdf_is_code_list(codes));
        assert_false(b->flags & OST_BLOCK_LABEL);
    }
    assert_int_equal(headers, 1);
    assert_int_equal(rows, 9);
    const ost_block *d2 = find_block(blocks, OST_BLOCK_ROW, "Duty 2 ");
    assert_non_null(d2);
    assert_string_equal(g_ptr_array_index(d2->cells, 1), "K3 K4 K5 K6 K11 S3 S4 S5 B3");
    assert_non_null(strstr(g_ptr_array_index(d2->cells, 0), "\nagencies in line with"));
    ost_blocks_free(blocks);
}

static void
test_label_table(void **state)
{
    ost_blocks *blocks = read_sample("samples/ST0611-standard.pdf", NULL);
    const ost_block *ref = find_block(blocks, OST_BLOCK_ROW, "Reference\t");
    assert_non_null(ref);
    assert_true(ref->flags & OST_BLOCK_LABEL);
    assert_string_equal(g_ptr_array_index(ref->cells, 1), "ST0611");
    const ost_block *dur = find_block(blocks, OST_BLOCK_ROW, "Typical duration");
    assert_non_null(dur);
    assert_string_equal(g_ptr_array_index(dur->cells, 1), "24 months");
    /* The duty table continues on page 2 under a repeated header. */
    const ost_block *d6 = find_block(blocks, OST_BLOCK_ROW, "Duty 6 ");
    assert_non_null(d6);
    assert_int_equal(d6->page, 2);
    assert_string_equal(g_ptr_array_index(d6->cells, 1), "K9 S8 B4");
    assert_furniture(blocks, "Page 1 of 2", OST_BLOCK_PAGE_FOOTER, 1);
    ost_blocks_free(blocks);
}

static guint
index_of(const ost_blocks *blocks, ost_block_kind kind, const char *prefix)
{
    const ost_block *b = find_block(blocks, kind, prefix);
    assert_non_null(b);
    for (guint i = 0; i < blocks->items->len; i++)
        if (g_ptr_array_index(blocks->items, i) == b)
            return i;
    return 0;
}

/* Text in two columns is read column by column, a paragraph running on
 * into the next column; KSB tables with a code column are no label tables;
 * the rest of a duty row split by a page break comes first on page 2. */
static void
test_text_columns_and_ksb_tables(void **state)
{
    ost_blocks *blocks = read_sample("samples/ST0742-standard-writer.pdf", NULL);
    guint a = index_of(blocks, OST_BLOCK_LINE, "meet the demand of customers. Supply");
    guint b = index_of(blocks, OST_BLOCK_LINE, "chain coordinators work in warehouses,");
    guint c = index_of(blocks, OST_BLOCK_LINE, "its customers running to plan.");
    guint d = index_of(blocks, OST_BLOCK_LINE, "Coordinators schedule orders and");
    assert_int_equal(b, a + 1);
    assert_int_equal(d, c + 1);
    assert_false(any_text_contains(blocks, "manufacturers,\tCoordinators"));
    const ost_block *k1 = find_block(blocks, OST_BLOCK_ROW, "K1\t");
    assert_non_null(k1);
    assert_false(k1->flags & OST_BLOCK_LABEL);
    const ost_block *rest = find_block(blocks, OST_BLOCK_ROW, "supplier performance");
    assert_non_null(rest);
    assert_int_equal(rest->page, 2);
    assert_furniture(blocks, "Page 1 of 2", OST_BLOCK_PAGE_FOOTER, 1);
    /* The running header (the title) is furniture; the job titles stay. */
    guint marked, other;
    count_text(blocks, "Supply chain coordinator", OST_BLOCK_PAGE_HEADER, &marked, &other);
    assert_int_equal(marked, 2);
    assert_int_equal(other, 2); /* the title and the job titles' line */
    ost_blocks_free(blocks);
}

static void
test_code_lists(void **state)
{
    assert_true(__ost_pdf_is_code_list("K1 K2 K19 K30"));
    assert_true(__ost_pdf_is_code_list("K1, K2 and B4"));
    assert_true(__ost_pdf_is_code_list("K1-K5 S2\nB1"));
    assert_false(__ost_pdf_is_code_list("KSBS"));
    assert_false(__ost_pdf_is_code_list("Duty 1 K1"));
    assert_false(__ost_pdf_is_code_list(""));
}

/* ---- status colours --------------------------------------------------- */

static void
test_map_statuses(void **state)
{
    ost_blocks *blocks = read_sample("samples/occupational-map-construction.pdf", NULL);
    const struct {
        const char *title;
        ost_map_status status;
    } want[] = {
        {"Building services engineering installer (3)", OST_MAP_STATUS_APPROVED_FOR_DELIVERY},
        {"Fire sprinkler installer (3)", OST_MAP_STATUS_STANDARD_PUBLISHED},
        {"Low carbon heating technician (3)", OST_MAP_STATUS_IN_DEVELOPMENT},
        {"Lift and escalator electrician", OST_MAP_STATUS_AWAITING_STANDARD},
        {"Demolition site supervisor", OST_MAP_STATUS_AWAITING_STANDARD},
        {"Digital engineering manager (6)", OST_MAP_STATUS_IN_DEVELOPMENT},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        const ost_block *b = find_block(blocks, OST_BLOCK_ITEM, want[i].title);
        if (b == NULL)
            fail_msg("no item \"%s\"", want[i].title);
        assert_string_equal(b->text, want[i].title);
        /* The reader reports the colour; the core reads the status. */
        assert_true(b->flags & OST_BLOCK_COLOR);
        assert_int_equal(b->status, OST_MAP_STATUS_NONE);
        assert_int_equal(ost_colour_status(b->color), want[i].status);
    }
    /* A cluster's description is text, not an occupation; clusters are read
     * column by column, not across. */
    assert_null(find_block(blocks, OST_BLOCK_ITEM, "Install, commission"));
    const ost_block *c2 = find_block(blocks, OST_BLOCK_HEADING, "Cluster: Construction site");
    const ost_block *c3 = find_block(blocks, OST_BLOCK_HEADING, "Cluster: Construction design");
    assert_non_null(c2);
    assert_non_null(c3);
    /* A heading wrapped onto two lines is one heading. */
    assert_non_null(find_block(blocks, OST_BLOCK_HEADING,
                               "Cluster: Building services engineering technician"));
    guint i2 = 0, i3 = 0, iocc = 0;
    for (guint i = 0; i < blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(blocks->items, i);
        if (b == c2)
            i2 = i;
        if (b == c3)
            i3 = i;
        if (b->text != NULL && strcmp(b->text, "Highways site supervisor (4)") == 0)
            iocc = i;
    }
    assert_true(i2 < iocc && iocc < i3);
    const ost_block *legend = find_block(blocks, OST_BLOCK_LINE, "Occupations in red");
    assert_non_null(legend);
    assert_int_equal(ost_colour_status(legend->color), OST_MAP_STATUS_IN_DEVELOPMENT);
    ost_blocks_free(blocks);
}

/* ---- through the pipeline --------------------------------------------- */

static void
test_damaged_matches_clean(void **state)
{
    GError *error = NULL;
    char *clean_path = g_build_filename(OST_SOURCE_DIR, "samples/ST1187-proposal.pdf", NULL);
    char *damaged_path =
        g_build_filename(OST_SOURCE_DIR, "samples/ST1187-proposal-damaged.pdf", NULL);
    ost_doc *clean = ost_read_file(reg, clean_path, NULL, &error);
    assert_non_null(clean);
    ost_doc *damaged = ost_read_file(reg, damaged_path, NULL, &error);
    assert_non_null(damaged);
    assert_int_equal(damaged->source.pages, 3);
    assert_true(damaged->source.repairs->len > 0);
    const ost_standard *a = g_ptr_array_index(clean->standards, 0);
    const ost_standard *b = g_ptr_array_index(damaged->standards, 0);
    assert_string_equal(a->occupation_summary, b->occupation_summary);
    assert_int_equal(a->duties->len, b->duties->len);
    for (guint i = 0; i < a->duties->len; i++) {
        const ost_duty *x = g_ptr_array_index(a->duties, i), *y = g_ptr_array_index(b->duties, i);
        assert_string_equal(x->text, y->text);
    }
    assert_null(strstr(b->occupation_summary, "\xEF\xBF\xBD"));
    ost_doc_free(clean);
    ost_doc_free(damaged);
    g_free(clean_path);
    g_free(damaged_path);
}

/* A web page printed by Chromium with its header and footer
 * (tests/data/pdf/chromium-duties.pdf, printed from chromium-duties.html
 * next to it): the browser's lines are furniture, the numbered list is
 * items with their numbers, and the duty table, its duty cells centred
 * beside taller KSB cells and going on over the page break, is one row
 * per duty with both cells whole. */
static void
test_chromium_printed_page(void **state)
{
    ost_blocks *blocks = read_sample("tests/data/pdf/chromium-duties.pdf", NULL);
    assert_furniture(blocks, "Printed test standard", OST_BLOCK_PAGE_HEADER, 2);
    assert_furniture(blocks, "file:///", OST_BLOCK_PAGE_FOOTER, 2);
    assert_furniture(blocks, "1/2", OST_BLOCK_PAGE_FOOTER, 1);
    assert_furniture(blocks, "2/2", OST_BLOCK_PAGE_FOOTER, 1);

    const ost_block *ref = find_block(blocks, OST_BLOCK_ITEM, "Reference: OCC9001");
    assert_non_null(ref);
    assert_string_equal(ref->number, "1.");
    const ost_block *route = find_block(blocks, OST_BLOCK_ITEM, "Route: ");
    assert_non_null(route);
    assert_string_equal(route->number, "3.");
    assert_true(g_str_has_suffix(route->text, "a second line of the printed page"));

    for (int d = 1; d <= 12; d++) {
        char *prefix = g_strdup_printf("Duty %d ", d);
        guint n = 0;
        for (guint i = 0; i < blocks->items->len; i++) {
            const ost_block *b = g_ptr_array_index(blocks->items, i);
            if (b->text == NULL || strstr(b->text, prefix) == NULL)
                continue;
            n++;
            assert_int_equal(b->kind, OST_BLOCK_ROW);
            assert_int_equal(b->cells->len, 2);
            assert_int_equal(b->page, d <= 10 ? 1 : 2);
            const char *duty = g_ptr_array_index(b->cells, 0);
            const char *ksbs = g_ptr_array_index(b->cells, 1);
            assert_true(g_str_has_prefix(duty, prefix));
            assert_true(g_str_has_suffix(duty, "reporting to the supervisor."));
            char *last_k = g_strdup_printf(" K%d S1 ", 19 + d);
            assert_true(g_str_has_prefix(ksbs, "K1 K2 "));
            assert_non_null(strstr(ksbs, last_k));
            assert_true(g_str_has_suffix(ksbs, "S11 B1 B2"));
            g_free(last_k);
        }
        assert_int_equal(n, 1);
        g_free(prefix);
    }
    ost_blocks_free(blocks);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bid),
        cmocka_unit_test(test_encrypted),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_not_a_pdf),
        cmocka_unit_test(test_zero_pages),
        cmocka_unit_test(test_image_only),
        cmocka_unit_test(test_image_page_warns),
        cmocka_unit_test(test_blocks_small),
        cmocka_unit_test(test_unmapped_glyphs),
        cmocka_unit_test(test_headings_breaks_furniture),
        cmocka_unit_test(test_duty_table_columns),
        cmocka_unit_test(test_label_table),
        cmocka_unit_test(test_text_columns_and_ksb_tables),
        cmocka_unit_test(test_code_lists),
        cmocka_unit_test(test_map_statuses),
        cmocka_unit_test(test_damaged_matches_clean),
        cmocka_unit_test(test_chromium_printed_page),
    };
    return cmocka_run_group_tests_name("pdf", tests, setup, teardown);
}
