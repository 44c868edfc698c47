/* SPDX-License-Identifier: MIT */
/* The HTML reader: charsets, entities, chrome, limits, the blocks it makes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <string.h>

#include <ost.h>

#include "builtins.h"
#include "html/html_private.h"

static ost_registry *reg;
static const ost_reader_info *html;

static int
setup(void **state)
{
    reg = ost_registry_new();
    ost_builtins_register(reg, NULL);
    html = ost_registry_find_reader(reg, "html");
    return html != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
    ost_registry_free(reg);
    return 0;
}

typedef struct read_result {
    ost_blocks *blocks;
    ost_read_context *ctx;
    ost_status status;
    GError *error;
} read_result;

static read_result
read_bytes(const char *data, gsize len)
{
    read_result r = {ost_blocks_new(), ost_read_context_new(), OST_OK, NULL};
    ost_input in = {"test.html", (const guint8 *)data, len};
    r.status = html->read(&in, r.blocks, r.ctx, &r.error);
    return r;
}

static read_result
read_page(const char *page)
{
    return read_bytes(page, strlen(page));
}

static void
result_free(read_result *r)
{
    ost_blocks_free(r->blocks);
    ost_read_context_free(r->ctx);
    g_clear_error(&r->error);
}

/* The first block whose text contains @p needle, or NULL. */
static const ost_block *
find(const read_result *r, const char *needle)
{
    for (guint i = 0; i < r->blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(r->blocks->items, i);
        if (b->text != NULL && strstr(b->text, needle) != NULL)
            return b;
    }
    return NULL;
}

static gboolean
has_warning(const GPtrArray *warnings, const char *code)
{
    for (guint i = 0; i < warnings->len; i++) {
        const ost_warning *w = g_ptr_array_index(warnings, i);
        if (strcmp(w->code, code) == 0)
            return TRUE;
    }
    return FALSE;
}

/* ---- charsets ---------------------------------------------------------- */

static void
test_utf8_page(void **state)
{
    read_result r = read_page("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
                              "<body><p>Caf\xC3\xA9 \xE2\x80\x93 \xE2\x80\x9Cquoted\xE2\x80\x9D</p></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "Café – “quoted”"));
    assert_int_equal(ost_read_context_get_warnings(r.ctx)->len, 0);
    result_free(&r);
}

static void
test_windows_1252_declared(void **state)
{
    read_result r = read_page("<html><head><meta http-equiv=\"Content-Type\" "
                              "content=\"text/html; charset=windows-1252\"></head>"
                              "<body><p>\x93Quoted\x94 \x96 \x80" "5 caf\xE9</p></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "“Quoted” – €5 café"));
    result_free(&r);
}

static void
test_latin1_declared_reads_as_windows_1252(void **state)
{
    /* Pages declaring Latin-1 use the Windows-1252 quotes in 0x80..0x9F. */
    read_result r = read_page("<html><head><meta charset=ISO-8859-1></head>"
                              "<body><p>It\x92s \xA3" "100</p></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "It’s £100"));
    result_free(&r);
}

static void
test_utf8_bytes_declared_latin1(void **state)
{
    read_result r = read_page("<html><head><meta charset=\"iso-8859-1\"></head>"
                              "<body><p>Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale\xE2\x80\x99s</p></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "Société Générale’s"));
    assert_true(has_warning(ost_read_context_get_warnings(r.ctx), "charset_mismatch"));
    result_free(&r);
}

static void
test_latin1_bytes_declared_utf8(void **state)
{
    read_result r = read_page("<html><head><meta charset=\"utf-8\"></head>"
                              "<body><p>Caf\xE9 cr\xE8me br\xFBl\xE9" "e</p></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "Café crème brûlée"));
    assert_true(has_warning(ost_read_context_get_warnings(r.ctx), "charset_mismatch"));
    result_free(&r);
}

static void
test_declared_charset_sniffing(void **state)
{
    struct {
        const char *page;
        const char *charset;
    } cases[] = {
        {"<meta charset=\"UTF-8\">", "utf-8"},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-1\">", "iso-8859-1"},
        {"<?xml version=\"1.0\" encoding='windows-1252'?><html>", "windows-1252"},
        {"<html><head><title>No declaration</title>", NULL},
        {"<meta name=\"viewport\"><meta name=x content=y><Meta Charset=Windows-1252>",
         "windows-1252"},
        {"<meta name=\"viewport\"><p>charset=koi8-r is text, not a declaration</p>", NULL},
        {"<?xml version=\"1.0\"?><html><head><meta charset=latin1>", "latin1"},
        {"<?xml version=\"1.0\" encoding=\"\"?><meta charset=utf-8>", "utf-8"},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        char *cs = __ost_html_declared_charset((const guint8 *)cases[i].page, strlen(cases[i].page));
        if (cases[i].charset == NULL)
            assert_null(cs);
        else
            assert_string_equal(cs, cases[i].charset);
        g_free(cs);
    }
}

static void
test_utf16_with_bom(void **state)
{
    const char *page = "<html><body><h1>Level 3</h1></body></html>";
    GString *bytes = g_string_new_len("\xFF\xFE", 2);
    for (const char *p = page; *p != '\0'; p++) {
        g_string_append_c(bytes, *p);
        g_string_append_c(bytes, '\0');
    }
    ost_input in = {"x.html", (const guint8 *)bytes->str, bytes->len};
    assert_true(html->bid(&in) > 50);
    read_result r = read_bytes(bytes->str, bytes->len);
    assert_int_equal(r.status, OST_OK);
    const ost_block *h = find(&r, "Level 3");
    assert_non_null(h);
    assert_int_equal(h->kind, OST_BLOCK_HEADING);
    result_free(&r);
    g_string_free(bytes, TRUE);
}

/* ---- entities ---------------------------------------------------------- */

static void
test_entities_decoded(void **state)
{
    read_result r = read_page("<!DOCTYPE html><html><body>"
                              "<p>Health &amp; safety &ndash; caf&eacute; &#8217;s &#x2014; &pound;5&nbsp;000 &lt;b&gt;</p>"
                              "</body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "Health & safety – café ’s — £5 000 <b>"));
    result_free(&r);
}

/* ---- chrome ------------------------------------------------------------ */

static const char chrome_page[] =
    "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body>"
    "<div class=\"cookie-banner\"><p>We use cookies on this site.</p><button>Accept cookies</button></div>"
    "<div id=\"notice\"><p>This website uses cookies to improve it.</p><button>OK</button></div>"
    "<a href=\"#main\" class=\"skip-link\">Skip to main content</a>"
    "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/a\">Apprenticeships</a></li></ul></nav>"
    "<p class=\"strap\">Site strapline</p></header>"
    "<nav aria-label=\"Breadcrumb\"><ol><li>Home</li><li>Standards</li></ol></nav>"
    "<main id=\"main\"><h1>Digital support technician</h1>"
    "<script>var tracking = 'secret';</script>"
    "<p>Summary paragraph.</p>"
    "<p style=\"display: none\">Hidden text</p>"
    "<span class=\"govuk-visually-hidden\">Screen reader only</span>"
    "<p>K1: Knows things. <a class=\"back\">Back to Duty</a></p>"
    "<div class=\"feedback\"><h2>Is this page useful?</h2><button>Yes</button></div>"
    "<div id=\"respond\" class=\"comment-respond\"><h3>Leave a Reply</h3>"
    "<form><label>Comment</label><textarea></textarea><input type=submit value=\"Post Comment\"></form></div>"
    "</main>"
    "<footer><p>Proudly powered by WordPress</p></footer>"
    "</body></html>";

static void
test_chrome_dropped(void **state)
{
    read_result r = read_page(chrome_page);
    assert_int_equal(r.status, OST_OK);
    const char *gone[] = {"cookies", "Skip to", "Home", "Apprenticeships", "Standards", "tracking",
                          "color", "Hidden text", "Screen reader", "Back to Duty", "useful",
                          "Post Comment", "Accept", "T"};
    for (gsize i = 0; i < G_N_ELEMENTS(gone); i++)
        for (guint b = 0; b < r.blocks->items->len; b++) {
            const ost_block *block = g_ptr_array_index(r.blocks->items, b);
            if (block->flags & (OST_BLOCK_HIDDEN | OST_BLOCK_CONTROL | OST_BLOCK_ICON))
                continue; /* reported, flagged: see test_unshown_reported */
            if (block->text != NULL && strcmp(gone[i], "T") == 0)
                assert_string_not_equal(block->text, "T");
            else if (block->text != NULL && strstr(block->text, gone[i]) != NULL)
                fail_msg("\"%s\" leaked into block \"%s\"", gone[i], block->text);
        }
    const ost_block *k1 = find(&r, "K1:");
    assert_non_null(k1);
    assert_string_equal(k1->text, "K1: Knows things.");
    assert_false(k1->flags & OST_BLOCK_CHROME);
    const ost_block *title = find(&r, "Digital support technician");
    assert_int_equal(title->kind, OST_BLOCK_HEADING);
    assert_false(title->flags & OST_BLOCK_CHROME);
    result_free(&r);
}

static void
test_chrome_kept_flagged(void **state)
{
    read_result r = read_page(chrome_page);
    const char *kept[] = {"Leave a Reply", "Proudly powered by WordPress", "Site strapline"};
    for (gsize i = 0; i < G_N_ELEMENTS(kept); i++) {
        const ost_block *b = find(&r, kept[i]);
        assert_non_null(b);
        assert_true(b->flags & OST_BLOCK_CHROME);
    }
    assert_false(find(&r, "Summary paragraph.")->flags & OST_BLOCK_CHROME);
    result_free(&r);
}

/* The only block holding exactly @p text: it must carry @p flags. */
static void
assert_flagged(const read_result *r, const char *text, guint flags)
{
    guint n = 0;
    for (guint i = 0; i < r->blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(r->blocks->items, i);
        if (b->text == NULL || strstr(b->text, text) == NULL)
            continue;
        n++;
        assert_string_equal(b->text, text);
        assert_int_equal(b->flags & (OST_BLOCK_HIDDEN | OST_BLOCK_CONTROL | OST_BLOCK_ICON), flags);
    }
    assert_int_equal(n, 1);
}

/* A button that opens a panel shows the panel's heading; a label standing
 * apart from its control names the control. */
static void
test_disclosure_and_control_labels(void **state)
{
    read_result r = read_page(
        "<html><body><main><h1>Title</h1>"
        "<label for=\"pick\">Show statements for</label>"
        "<select id=\"pick\"><option>Everything</option></select>"
        "<div><button aria-expanded=\"false\">Duty 4 Keep records.</button>"
        "<div>Codes: K1</div></div>"
        "</main></body></html>");
    assert_int_equal(r.status, OST_OK);
    assert_flagged(&r, "Show statements for", OST_BLOCK_CONTROL);
    assert_flagged(&r, "Everything", OST_BLOCK_CONTROL);
    assert_flagged(&r, "Duty 4 Keep records.", 0);
    result_free(&r);
}

/* What a page does not show as its text is reported, flagged, as a block of
 * its own after the line it stands in, never inside it. */
static void
test_unshown_reported(void **state)
{
    read_result r = read_page(
        "<html><body><main><h1>Title</h1>"
        "<p>Before <span class=\"govuk-visually-hidden\">the duty</span> after.</p>"
        "<table><caption class=\"sr-only\">Duties and their KSBs</caption>"
        "<tr><td>Duty 1</td><td>K1</td></tr></table>"
        "<p aria-hidden=\"true\">Aria hidden</p><div hidden>Attribute hidden</div>"
        "<p><span class=\"material-icons\">assignment_turned_in</span> Approved for delivery</p>"
        "<label>Option <select><option>All</option><option selected>Option 2</option></select>"
        "</label><button type=\"button\">Print apprenticeship summary</button>"
        "<input type=\"submit\" value=\"Search\">"
        "<p>K1: Knows things. <a href=\"#duty-1\">Back to Duty</a></p><p>Last.</p>"
        "</main></body></html>");
    assert_int_equal(r.status, OST_OK);
    const ost_block *line = find(&r, "Before");
    assert_string_equal(line->text, "Before after.");
    assert_flagged(&r, "the duty", OST_BLOCK_HIDDEN);
    assert_flagged(&r, "Aria hidden", OST_BLOCK_HIDDEN);
    assert_flagged(&r, "Attribute hidden", OST_BLOCK_HIDDEN);
    assert_flagged(&r, "assignment_turned_in", OST_BLOCK_ICON);
    assert_flagged(&r, "Approved for delivery", 0);
    assert_flagged(&r, "Option 2", OST_BLOCK_CONTROL);
    assert_null(find(&r, "All"));
    assert_flagged(&r, "Print apprenticeship summary", OST_BLOCK_CONTROL);
    assert_flagged(&r, "Search", OST_BLOCK_CONTROL);
    assert_flagged(&r, "Back to Duty", OST_BLOCK_CONTROL);
    assert_string_equal(find(&r, "K1:")->text, "K1: Knows things.");
    /* Reported after the line it stood in. */
    guint before = 0, hidden = 0;
    for (guint i = 0; i < r.blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(r.blocks->items, i);
        if (b == line)
            before = i;
        else if (b->text != NULL && strcmp(b->text, "the duty") == 0)
            hidden = i;
    }
    assert_int_equal(hidden, before + 1);
    result_free(&r);
}

/* Items of ordered lists carry the number a browser prints before them. */
static void
test_item_numbers(void **state)
{
    read_result r = read_page("<html><body><main>"
                              "<ol><li>Reference: OCC0001</li><li>Level: 3</li></ol>"
                              "<ol start=\"4\"><li>Route: Care</li><li value=\"9\">Nine</li>"
                              "<li>Ten</li></ol>"
                              "<ol type=\"a\"><li>First</li><li>Second</li></ol>"
                              "<ol type=\"I\"><li>One</li><li>Two</li><li>Three</li><li>Four</li></ol>"
                              "<ul><li>Bullet</li></ul></main></body></html>");
    const struct {
        const char *text, *number;
    } want[] = {{"Reference: OCC0001", "1."}, {"Level: 3", "2."}, {"Route: Care", "4."},
                {"Nine", "9."}, {"Ten", "10."}, {"First", "a."}, {"Second", "b."},
                {"Four", "IV."}, {"Bullet", NULL}};
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        const ost_block *b = find(&r, want[i].text);
        assert_non_null(b);
        assert_int_equal(b->kind, OST_BLOCK_ITEM);
        assert_string_equal(b->text, want[i].text);
        if (want[i].number == NULL)
            assert_null(b->number);
        else
            assert_string_equal(b->number, want[i].number);
    }
    result_free(&r);
}

/* Text colours set inline reach the block, from the element or an
 * ancestor; no colour is made up where the page sets none. */
static void
test_text_colours(void **state)
{
    read_result r = read_page("<html><body><main>"
                              "<p style=\"color: rgb(0, 112, 60)\">Own colour</p>"
                              "<div style=\"font-weight:bold; color:#D4351C\"><ul><li>Inherited</li></ul></div>"
                              "<p style=\"background-color:#ffdd00\">Background only</p>"
                              "<p>Plain</p></main></body></html>");
    const ost_block *own = find(&r, "Own colour");
    assert_true(own->flags & OST_BLOCK_COLOR);
    assert_int_equal(own->color, 0x00703c);
    const ost_block *inherited = find(&r, "Inherited");
    assert_true(inherited->flags & OST_BLOCK_COLOR);
    assert_int_equal(inherited->color, 0xd4351c);
    assert_false(find(&r, "Background only")->flags & OST_BLOCK_COLOR);
    assert_false(find(&r, "Plain")->flags & OST_BLOCK_COLOR);
    result_free(&r);
}

static void
test_title_in_site_header_kept(void **state)
{
    /* Some sites set the page title inside their banner. */
    read_result r = read_page("<html><body><header><h1>Autocare technician</h1></header>"
                              "<main><h2>Key information</h2></main></body></html>");
    const ost_block *h = find(&r, "Autocare technician");
    assert_non_null(h);
    assert_false(h->flags & OST_BLOCK_CHROME);
    result_free(&r);
}

/* ---- limits and errors ------------------------------------------------- */

static void
test_deep_nesting_bounded(void **state)
{
    GString *page = g_string_new("<html><body><p>Before</p>");
    for (int i = 0; i < 100000; i++)
        g_string_append(page, "<div>");
    g_string_append(page, "Deep</div><p>After</p></body></html>");
    read_result r = read_bytes(page->str, page->len);
    assert_int_equal(r.status, OST_OK);
    assert_non_null(find(&r, "Before"));
    assert_null(find(&r, "Deep"));
    assert_true(has_warning(ost_read_context_get_warnings(r.ctx), "html_too_deep"));
    result_free(&r);
    g_string_free(page, TRUE);
}

static void
test_huge_input_refused(void **state)
{
    gsize len = HTML_MAX_INPUT + 1;
    char *data = g_malloc(len);
    memset(data, ' ', len);
    memcpy(data, "<html><body>", 12);
    /* The core refuses it by the reader's own limit (max_input), before
     * the reader sees it. */
    GError *error = NULL;
    assert_null(ost_read_bytes(reg, "huge.html", (const guint8 *)data, len, "html", &error));
    assert_non_null(error);
    assert_non_null(strstr(error->message, "too large"));
    g_error_free(error);
    g_free(data);
}

static void
test_not_html(void **state)
{
    const char *text = "Occupational Map: Protective Services\n\nReference: OCC0509\n";
    ost_input in = {"x.txt", (const guint8 *)text, strlen(text)};
    assert_int_equal(html->bid(&in), OST_BID_NONE);
    read_result r = read_page(text);
    assert_int_equal(r.status, OST_ERR_PARSE);
    assert_non_null(strstr(r.error->message, "not an HTML document"));
    result_free(&r);

    static const char pdf[] = "%PDF-1.7\n\x00\x01\x02 binary";
    ost_input pin = {"x.pdf", (const guint8 *)pdf, sizeof pdf - 1};
    assert_int_equal(html->bid(&pin), OST_BID_NONE);
    r = read_bytes(pdf, sizeof pdf - 1);
    assert_int_equal(r.status, OST_ERR_PARSE);
    assert_non_null(strstr(r.error->message, "binary"));
    result_free(&r);
}

static void
test_empty_page(void **state)
{
    read_result r = read_page("<!DOCTYPE html><html><head><title>x</title></head><body>"
                              "<script>1</script></body></html>");
    assert_int_equal(r.status, OST_ERR_EMPTY);
    result_free(&r);
}

static void
test_bids(void **state)
{
    struct {
        const char *data;
        gboolean strong;
    } cases[] = {
        {"<!DOCTYPE html><html>", TRUE},
        {"\xEF\xBB\xBF  <!-- saved --><!doctype HTML>", TRUE},
        {"<html lang=en>", TRUE},
        {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", TRUE},
        {"<body><p>x</p>", TRUE},
        {"<div><p>A fragment</p></div>", FALSE},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        ost_input in = {"x", (const guint8 *)cases[i].data, strlen(cases[i].data)};
        int bid = html->bid(&in);
        assert_true(bid > 0);
        assert_true(cases[i].strong ? bid >= 90 : bid < 50);
    }
}

/* The opening is read from a short prefix first: pages whose doctype or
 * markup lies beyond it must bid as if the whole sniffed prefix was read. */
static void
test_bids_beyond_prefix(void **state)
{
    GString *page = g_string_new("<!-- ");
    for (int i = 0; i < 100; i++)
        g_string_append(page, "saved by a browser ");
    g_string_append(page, "--><!DOCTYPE html><html><body><p>x</p>");
    ost_input in = {"x", (const guint8 *)page->str, page->len};
    assert_true(html->bid(&in) >= 90);

    g_string_assign(page, "");
    for (int i = 0; i < 60; i++)
        g_string_append(page, "Plain words before any markup. ");
    g_string_append(page, "<div><p>A fragment</p></div>");
    in = (ost_input){"x", (const guint8 *)page->str, page->len};
    int bid = html->bid(&in);
    assert_true(bid > 0 && bid < 50);

    /* Binary data after a doctype-looking start is still binary. */
    g_string_assign(page, "<!DOCTYPE html><html><body>");
    for (int i = 0; i < 40; i++)
        g_string_append(page, "<p>paragraph text</p>");
    g_string_append_c(page, '\0');
    g_string_append(page, "\x01\x02 more");
    in = (ost_input){"x", (const guint8 *)page->str, page->len};
    assert_int_equal(html->bid(&in), OST_BID_NONE);
    g_string_free(page, TRUE);
}

/* ---- blocks of a small page ------------------------------------------- */

static const char small_page[] =
    "<!DOCTYPE html><html><body><main>"
    "<h1>Network engineer</h1>"
    "<dl class=\"govuk-summary-list\">"
    "<div class=\"govuk-summary-list__row\"><dt>Reference</dt><dd>ST0127</dd></div>"
    "<div class=\"govuk-summary-list__row\"><dt>Level</dt><dd>4</dd></div></dl>"
    "<p><strong>Typical duration:</strong> 24 months</p>"
    "<h2>Occupation summary</h2><p>First line<br>second line</p><p>Next paragraph</p>"
    "<h2>Typical job titles</h2><div><span class=\"tag\">Network engineer</span> "
    "<span class=\"tag\">Network technician</span></div>"
    "<table><thead><tr><th>Duty</th><th>KSBs</th></tr></thead><tbody>"
    "<tr><td><strong>Duty 1</strong> Design networks</td><td><span>K1</span> <span>S2</span> <span>B1</span></td></tr>"
    "</tbody></table>"
    "<h3>Knowledge</h3><ul><li><strong>K1:</strong> Network principles.<ul><li>Nested point</li></ul></li></ul>"
    "<table><tr><th>Route</th><td>Digital</td></tr></table>"
    "</main></body></html>";

static void
test_blocks_of_small_page(void **state)
{
    read_result r = read_page(small_page);
    assert_int_equal(r.status, OST_OK);

    const ost_block *b = find(&r, "Network engineer");
    assert_int_equal(b->kind, OST_BLOCK_HEADING);
    assert_int_equal(b->level, 1);

    b = find(&r, "ST0127");
    assert_int_equal(b->kind, OST_BLOCK_ROW);
    assert_true(b->flags & OST_BLOCK_LABEL);
    assert_int_equal(b->cells->len, 2);
    assert_string_equal(g_ptr_array_index(b->cells, 0), "Reference");

    b = find(&r, "24 months");
    assert_int_equal(b->kind, OST_BLOCK_ROW);
    assert_true(b->flags & OST_BLOCK_LABEL);
    assert_string_equal(g_ptr_array_index(b->cells, 0), "Typical duration");
    assert_string_equal(g_ptr_array_index(b->cells, 1), "24 months");

    /* A <br> ends a line; the paragraph ends with a break. */
    guint i;
    for (i = 0; i < r.blocks->items->len; i++)
        if (g_ptr_array_index(r.blocks->items, i) == find(&r, "First line"))
            break;
    const ost_block *first = g_ptr_array_index(r.blocks->items, i);
    const ost_block *second = g_ptr_array_index(r.blocks->items, i + 1);
    const ost_block *brk = g_ptr_array_index(r.blocks->items, i + 2);
    assert_int_equal(first->kind, OST_BLOCK_LINE);
    assert_string_equal(first->text, "First line");
    assert_string_equal(second->text, "second line");
    assert_int_equal(brk->kind, OST_BLOCK_BREAK);

    b = find(&r, "Network technician");
    assert_int_equal(b->kind, OST_BLOCK_ITEM);

    b = find(&r, "KSBs");
    assert_true(b->flags & OST_BLOCK_HEADER_ROW);
    b = find(&r, "Design networks");
    assert_int_equal(b->kind, OST_BLOCK_ROW);
    assert_string_equal(g_ptr_array_index(b->cells, 0), "Duty 1 Design networks");
    assert_string_equal(g_ptr_array_index(b->cells, 1), "K1 S2 B1");
    assert_false(b->flags & (OST_BLOCK_LABEL | OST_BLOCK_HEADER_ROW));

    b = find(&r, "K1:");
    assert_int_equal(b->kind, OST_BLOCK_ITEM);
    assert_string_equal(b->text, "K1: Network principles.");
    b = find(&r, "Nested point");
    assert_int_equal(b->kind, OST_BLOCK_ITEM);
    assert_int_equal(b->level, 2);

    b = find(&r, "Digital");
    assert_true(b->flags & OST_BLOCK_LABEL);
    result_free(&r);
}

static void
test_map_status_from_legend_and_colour(void **state)
{
    read_result r = read_page(
        "<html><body><ul class=\"key\">"
        "<li><span class=\"dot st-a\"></span>Approved for delivery</li>"
        "<li><span class=\"dot st-b\"></span>Standard published</li>"
        "<li><span class=\"dot st-c\"></span>In development</li></ul>"
        "<h2>Cluster: Data</h2><ul>"
        "<li class=\"st-b\">Data analyst (4)</li>"
        "<li><span class=\"dot st-c\"></span>Data scientist (6)</li>"
        "<li style=\"border-left:4px solid #00703c\">Data technician (3)</li>"
        "<li>Data architect</li></ul></body></html>");
    assert_int_equal(find(&r, "Data analyst")->status, OST_MAP_STATUS_STANDARD_PUBLISHED);
    assert_int_equal(find(&r, "Data scientist")->status, OST_MAP_STATUS_IN_DEVELOPMENT);
    /* No legend entry for this colour: its hue says green. */
    assert_int_equal(find(&r, "Data technician")->status, OST_MAP_STATUS_APPROVED_FOR_DELIVERY);
    assert_int_equal(find(&r, "Data architect")->status, OST_MAP_STATUS_NONE);
    /* The legend is furniture, not occupations. */
    assert_true(find(&r, "Standard published")->flags & OST_BLOCK_CHROME);
    result_free(&r);
}

/* ---- links ------------------------------------------------------------- */

static const char linked_page[] =
    "<html><body><header><a href=\"/apprenticeships/st0001\">Site link</a></header>"
    "<main><p>See <a href=\"/apprenticeships/st0123\">a related standard</a>."
    " <a href=\"#top\">Top</a> <a href=\"mailto:x@example.org\">Mail</a></p>"
    "<div class=\"occupation-side-nav\">"
    "<a class=\"button\" href=\"/apprenticeships/st0499-v1-3\">View apprenticeship standard</a>"
    "</div>"
    "<div class=\"shareButtons\"><a href=\"https://www.linkedin.com/shareArticle?url="
    "https://example.org/apprenticeships/st0499-v1-3\">LinkedIn</a></div>"
    "<div style=\"display:none\"><a href=\"/occupations/OCC0499\">Hidden</a></div>"
    "</main></body></html>";

static void
test_link_rows(void **state)
{
    read_result r = read_page(linked_page);
    GPtrArray *links = g_ptr_array_new();
    for (guint i = 0; i < r.blocks->items->len; i++) {
        const ost_block *b = g_ptr_array_index(r.blocks->items, i);
        if (b->flags & OST_BLOCK_LINK)
            g_ptr_array_add(links, (gpointer)b);
    }
    /* The main content's links to documents, in order: not the site
     * header's, not in-page or mail links, not the share widget's, not
     * hidden ones; a button-styled link in a box classed as navigation is
     * still the page's link to its standard. */
    assert_int_equal(links->len, 2);
    const ost_block *a = g_ptr_array_index(links, 0), *b = g_ptr_array_index(links, 1);
    assert_int_equal(a->kind, OST_BLOCK_ROW);
    assert_true(a->flags & OST_BLOCK_CHROME);
    assert_string_equal(g_ptr_array_index(a->cells, 0), "a related standard");
    assert_string_equal(g_ptr_array_index(a->cells, 1), "/apprenticeships/st0123");
    assert_string_equal(g_ptr_array_index(b->cells, 0), "View apprenticeship standard");
    assert_string_equal(g_ptr_array_index(b->cells, 1), "/apprenticeships/st0499-v1-3");
    /* The visible link's text stays in its line. */
    assert_non_null(find(&r, "See a related standard."));
    g_ptr_array_unref(links);
    result_free(&r);
}

/* An occupation page carrying its standard gives the occupation and the
 * standard, whose reference and version come from the page's own link. */
static const char occupation_page[] =
    "<html><body><main><h1>Widget fitter</h1><h2>Key information</h2><ul>"
    "<li><strong>Reference:</strong> OCC0123</li><li><strong>Level:</strong> 3</li>"
    "<li><strong>Route:</strong> Engineering and manufacturing</li></ul>"
    "<div class=\"banner-warning\"><p>This is not the latest version."
    " <a href=\"/apprenticeships/st0123-v1-4\">View the latest version</a></p></div>"
    "<h3>Occupation summary</h3><p>Widget fitters fit widgets in factories.</p>"
    "<h3>Knowledge</h3><p>K1: Widget types.</p><h3>Skills</h3><p>S1: Fit widgets.</p>"
    "<h3>Behaviours</h3><p>B1: Works safely.</p>"
    "<h2>Approved qualifications</h2>"
    "<div><h2>Level 3 Diploma in Widget Fitting</h2>"
    "<p><strong>Awarding organisation:</strong> Widget Board</p>"
    "<p><strong>Qualification level:</strong> 3</p></div>"
    "<div><h2>Level 3 Award in Widget Safety</h2>"
    "<p><strong>Awarding organisation:</strong> Widget Board</p></div>"
    "<div class=\"side-nav\"><a class=\"button\" href=\"/apprenticeships/st0123-v1-2\">"
    "View apprenticeship standard</a></div>"
    "<div class=\"share\"><a href=\"https://x.example/share?url=/apprenticeships/st0999-v2-0\">"
    "X</a></div></main></body></html>";

static void
test_occupation_page_with_standard(void **state)
{
    GError *error = NULL;
    ost_doc *doc = ost_read_bytes(reg, "occ.html", (const guint8 *)occupation_page,
                                  strlen(occupation_page), NULL, &error);
    assert_non_null(doc);
    assert_string_equal(doc->source.document_type, "occupation");
    assert_false(has_warning(doc->source.warnings, "reference_missing"));
    assert_int_equal(doc->standards->len, 1);
    const ost_standard *s = g_ptr_array_index(doc->standards, 0);
    assert_string_equal(s->reference, "ST0123");
    assert_string_equal(s->version, "1.2");
    assert_string_equal(s->occupation_code, "OCC0123");
    assert_string_equal(s->qualifications,
                        "Level 3 Diploma in Widget Fitting\n\nLevel 3 Award in Widget Safety");
    assert_int_equal(doc->occupations->len, 1);
    const ost_occupation *o = g_ptr_array_index(doc->occupations, 0);
    assert_string_equal(o->code, "OCC0123");
    assert_string_equal(o->title, "Widget fitter");
    assert_int_equal(o->level, 3);
    assert_string_equal(o->standard_reference, "ST0123");
    assert_string_equal(o->summary, "Widget fitters fit widgets in factories.");
    assert_int_equal(o->related_routes->len, 1);
    assert_string_equal(g_ptr_array_index(o->related_routes, 0), "Engineering and manufacturing");
    ost_doc_free(doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_page),
        cmocka_unit_test(test_windows_1252_declared),
        cmocka_unit_test(test_latin1_declared_reads_as_windows_1252),
        cmocka_unit_test(test_utf8_bytes_declared_latin1),
        cmocka_unit_test(test_latin1_bytes_declared_utf8),
        cmocka_unit_test(test_declared_charset_sniffing),
        cmocka_unit_test(test_utf16_with_bom),
        cmocka_unit_test(test_entities_decoded),
        cmocka_unit_test(test_chrome_dropped),
        cmocka_unit_test(test_chrome_kept_flagged),
        cmocka_unit_test(test_unshown_reported),
        cmocka_unit_test(test_disclosure_and_control_labels),
        cmocka_unit_test(test_item_numbers),
        cmocka_unit_test(test_text_colours),
        cmocka_unit_test(test_title_in_site_header_kept),
        cmocka_unit_test(test_deep_nesting_bounded),
        cmocka_unit_test(test_huge_input_refused),
        cmocka_unit_test(test_not_html),
        cmocka_unit_test(test_empty_page),
        cmocka_unit_test(test_bids),
        cmocka_unit_test(test_bids_beyond_prefix),
        cmocka_unit_test(test_blocks_of_small_page),
        cmocka_unit_test(test_map_status_from_legend_and_colour),
        cmocka_unit_test(test_link_rows),
        cmocka_unit_test(test_occupation_page_with_standard),
    };
    return cmocka_run_group_tests_name("html", tests, setup, teardown);
}
