/* SPDX-License-Identifier: MIT */
/* Input plugin for plain text, as extracted from PDFs and web pages. */
#include <ost.h>

#include <string.h>

static const char *const text_extensions[] = {"txt", "text", NULL};
static const char *const text_mime_types[] = {"text/plain", NULL};

#define SNIFF_BYTES 4096

/* The byte order of UTF-16 text: from its byte order mark, or, without
 * one, from NULs in every other byte (ASCII text written as UTF-16).
 * Returns "UTF-16LE", "UTF-16BE" or NULL; @p bom_len gets the mark's size. */
static const char *
utf16_encoding(const guint8 *data, gsize len, gsize *bom_len)
{
    *bom_len = 0;
    if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE) {
        *bom_len = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF) {
        *bom_len = 2;
        return "UTF-16BE";
    }
    gsize n = MIN(len, SNIFF_BYTES) & ~(gsize)1;
    if (n < 8)
        return NULL;
    gsize even_nul = 0, odd_nul = 0;
    for (gsize i = 0; i < n; i += 2) {
        even_nul += data[i] == 0;
        odd_nul += data[i + 1] == 0;
    }
    if (odd_nul * 10 >= n / 2 * 9 && even_nul == 0)
        return "UTF-16LE";
    if (even_nul * 10 >= n / 2 * 9 && odd_nul == 0)
        return "UTF-16BE";
    return NULL;
}

/* Whether one of the eight bytes at @p p is below 0x20 (the classic
 * "has a byte less than n" bit trick, exact for n <= 128). */
static gboolean
has_control_byte(const guint8 *p)
{
    guint64 w;
    memcpy(&w, p, 8);
    return ((w - 0x2020202020202020ull) & ~w & 0x8080808080808080ull) != 0;
}

/* No control characters but white space among @p len bytes. */
static gboolean
text_bytes(const guint8 *p, gsize len)
{
    for (gsize i = 0; i < len; i++)
        if (p[i] < 0x20 && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' && p[i] != '\f')
            return FALSE;
    return TRUE;
}

/* Text is the fallback format: any other reader that recognises the bytes
 * outbids it. Bytes with NULs or other control characters are not text,
 * unless they are UTF-16. */
static int
text_bid(const ost_input *in)
{
    gsize n = MIN(in->len, SNIFF_BYTES);
    gsize bom_len;
    if (n == 0)
        return OST_BID_NONE;
    if (utf16_encoding(in->data, in->len, &bom_len) != NULL)
        return 10;
    /* Every input is bid on, pages of other formats too: eight bytes
     * with no control character in them are passed at once, which took
     * this loop from 7.6 instructions a byte to about 2. */
    gsize i = 0;
    for (; i + 8 <= n; i += 8)
        if (has_control_byte(in->data + i) && !text_bytes(in->data + i, 8))
            return OST_BID_NONE;
    if (!text_bytes(in->data + i, n - i))
        return OST_BID_NONE;
    return 10;
}

/* Text that is not UTF-8 is taken as Windows-1252, the superset of Latin-1
 * that Windows tools write. */
static char *
decode(const ost_input *in, GError **error)
{
    const char *data = (const char *)in->data;
    gsize len = in->len;
    gsize bom_len;
    const char *utf16 = utf16_encoding(in->data, in->len, &bom_len);
    if (utf16 != NULL) {
        GError *conv_error = NULL;
        char *utf8 = g_convert(data + bom_len, len - bom_len, "UTF-8", utf16, NULL, NULL,
                               &conv_error);
        if (utf8 == NULL) {
            g_set_error(error, OST_ERROR, OST_ERR_PARSE, "damaged %s text: %s", utf16,
                        conv_error->message);
            g_error_free(conv_error);
        }
        return utf8;
    }
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    if (g_utf8_validate_len(data, len, NULL))
        return g_strndup(data, len);
    GError *conv_error = NULL;
    char *utf8 = g_convert(data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, &conv_error);
    if (utf8 == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "not UTF-8 and not Windows-1252 text: %s", conv_error->message);
        g_error_free(conv_error);
    }
    return utf8;
}

typedef struct text_line {
    char *text;     /* borrowed from the split input */
    int lineno;
    int page;       /* 1-based; pages are separated by form feeds */
    gboolean chrome;
} text_line;

static void
add_line(ost_blocks *blocks, const text_line *l)
{
    const char *p = l->text;
    while (*p == ' ' || *p == '\f')
        p++;
    if (*p == '\0' || strspn(p, " \t\f") == strlen(p)) {
        ost_block *b = ost_blocks_add(blocks, OST_BLOCK_BREAK, NULL);
        b->line = l->lineno;
        return;
    }
    ost_block *b;
    if (strchr(p, '\t') != NULL) {
        char **cells = g_strsplit(p, "\t", -1);
        b = ost_blocks_add_row(blocks, (const char *const *)cells, g_strv_length(cells));
        g_strfreev(cells);
    } else {
        b = ost_blocks_add(blocks, OST_BLOCK_LINE, p);
    }
    b->line = l->lineno;
    /* Extracted PDF text starts each page's first line with a space. */
    if (p != l->text)
        b->flags |= OST_BLOCK_INDENTED;
    if (l->chrome)
        b->flags |= OST_BLOCK_CHROME;
}

static gboolean
blank(const char *s)
{
    return strspn(s, " \t\f") == strlen(s);
}

/* "Page 3 of 9", alone or ending a running header after a gap
 * ("ST0999 Title      Page 3 of 9"): furniture wherever it stands. */
static gboolean
page_label_line(const char *s)
{
    return g_regex_match_simple("^\\s*(?:.*\\S\\s{2,})?page\\s+\\d+(?:\\s*(?:of|/)\\s*\\d+)?\\s*$",
                                s, G_REGEX_CASELESS, 0);
}

/* A bare page number ("3", "- 3 -", "3 of 9"): furniture at a page's edge. */
static gboolean
page_number_line(const char *s)
{
    return g_regex_match_simple("^\\s*(?:[-–]?\\s*\\d{1,4}\\s*[-–]?|\\d{1,4}\\s*(?:of|/)\\s*\\d{1,4})\\s*$",
                                s, 0, 0);
}

/* A line with its digits blanked, to compare running headers whose page
 * numbers differ. */
static char *
edge_key(const char *s)
{
    GString *k = g_string_new(NULL);
    gboolean space = FALSE;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\f') {
            space = k->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(k, ' ');
        space = FALSE;
        if (g_ascii_isdigit(*p)) {
            while (g_ascii_isdigit(p[1]))
                p++;
            g_string_append_c(k, '#');
        } else {
            g_string_append_c(k, *p);
        }
    }
    return g_string_free(k, FALSE);
}

#define EDGE_LINES 2

/* Page furniture of text extracted from a PDF: page numbers, and headers
 * and footers that recur at the top or bottom of several pages. Such
 * lines interrupt the text they fall into, so they are marked chrome. */
static void
mark_furniture(GArray *lines, int pages)
{
    GHashTable *counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GPtrArray *edges = g_ptr_array_new(); /* text_line* at page edges */
    for (guint i = 0; i < lines->len; i++) {
        text_line *l = &g_array_index(lines, text_line, i);
        if (page_label_line(l->text))
            l->chrome = TRUE;
        if (pages < 2 || blank(l->text))
            continue;
        /* The first and last lines with text on each page. */
        gboolean edge = FALSE;
        int seen = 0;
        for (guint j = i; j-- > 0 && seen < EDGE_LINES;) {
            const text_line *o = &g_array_index(lines, text_line, j);
            if (o->page != l->page)
                break;
            seen += !blank(o->text);
        }
        edge |= seen < EDGE_LINES;
        seen = 0;
        for (guint j = i + 1; j < lines->len && seen < EDGE_LINES; j++) {
            const text_line *o = &g_array_index(lines, text_line, j);
            if (o->page != l->page)
                break;
            seen += !blank(o->text);
        }
        edge |= seen < EDGE_LINES;
        if (!edge)
            continue;
        if (page_number_line(l->text))
            l->chrome = TRUE;
        g_ptr_array_add(edges, l);
        char *key = edge_key(l->text);
        /* Count each page once. */
        char *page_key = g_strdup_printf("%d\n%s", l->page, key);
        if (!g_hash_table_contains(counts, page_key)) {
            g_hash_table_add(counts, page_key);
            guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key));
            g_hash_table_replace(counts, key, GUINT_TO_POINTER(n + 1));
        } else {
            g_free(page_key);
            g_free(key);
        }
    }
    for (guint i = 0; i < edges->len; i++) {
        text_line *l = g_ptr_array_index(edges, i);
        char *key = edge_key(l->text);
        guint n = GPOINTER_TO_UINT(g_hash_table_lookup(counts, key));
        if (n >= 2 && (int)n * 3 >= pages)
            l->chrome = TRUE;
        g_free(key);
    }
    g_ptr_array_free(edges, TRUE);
    g_hash_table_destroy(counts);
}

static ost_status
text_read(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    char *text = decode(in, error);
    if (text == NULL)
        return OST_ERR_PARSE;
    /* Windows (CRLF) and classic Mac (CR) line ends alike. */
    char **lines = g_regex_split_simple("\r\n|\r|\n", text, 0, 0);
    GArray *all = g_array_new(FALSE, TRUE, sizeof(text_line));
    int page = 1;
    for (guint i = 0; lines[i] != NULL; i++) {
        /* A form feed ends a page; text after it starts the next one. */
        char *part = lines[i];
        for (char *ff; (ff = strchr(part, '\f')) != NULL; part = ff + 1) {
            *ff = '\0';
            text_line l = {part, (int)i + 1, page, FALSE};
            if (!blank(part))
                g_array_append_val(all, l);
            page++;
            text_line brk = {NULL, (int)i + 1, page, FALSE};
            g_array_append_val(all, brk);
        }
        text_line l = {part, (int)i + 1, page, FALSE};
        g_array_append_val(all, l);
    }
    /* A form feed after the last text starts no page. */
    for (guint i = all->len; i-- > 0;) {
        const text_line *l = &g_array_index(all, text_line, i);
        if (l->text == NULL) {
            g_array_remove_index(all, i);
            page--;
            break;
        }
        if (!blank(l->text))
            break;
    }
    /* Page breaks are markers, not lines: compare pages without them. */
    GArray *textual = g_array_new(FALSE, TRUE, sizeof(text_line));
    for (guint i = 0; i < all->len; i++)
        if (g_array_index(all, text_line, i).text != NULL)
            g_array_append_val(textual, g_array_index(all, text_line, i));
    mark_furniture(textual, page);
    for (guint i = 0, t = 0; i < all->len; i++) {
        const text_line *l = &g_array_index(all, text_line, i);
        if (l->text == NULL) {
            ost_blocks_add(blocks, OST_BLOCK_PAGE, NULL)->page = l->page;
            continue;
        }
        add_line(blocks, &g_array_index(textual, text_line, t++));
    }
    g_array_free(textual, TRUE);
    g_array_free(all, TRUE);
    g_strfreev(lines);
    g_free(text);
    return OST_OK;
}

static const ost_reader_info text_reader = {
    .name = "text",
    .description = "Plain text extracted from standards PDFs and web pages",
    .extensions = text_extensions,
    .mime_types = text_mime_types,
    .bid = text_bid,
    .read = text_read,
};

static ost_status
text_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &text_reader);
}

OST_PLUGIN_DEFINE(text, "Plain-text input", OST_VERSION, "MIT", text_init)
