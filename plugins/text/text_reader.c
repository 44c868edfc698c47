/* SPDX-License-Identifier: MIT */
/* Input plugin for plain text, as extracted from PDFs and web pages. */
#include <ost.h>

#include <string.h>

static const char *const text_extensions[] = {"txt", "text", NULL};
static const char *const text_mime_types[] = {"text/plain", NULL};

#define SNIFF_BYTES 4096

/* Text is the fallback format: any other reader that recognises the bytes
 * outbids it. Bytes with NULs or other control characters are not text. */
static int
text_bid(const ost_input *in)
{
    gsize n = MIN(in->len, SNIFF_BYTES);
    if (n == 0)
        return OST_BID_NONE;
    for (gsize i = 0; i < n; i++) {
        guint8 c = in->data[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
            return OST_BID_NONE;
    }
    return 10;
}

/* Text that is not UTF-8 is taken as Windows-1252, the superset of Latin-1
 * that Windows tools write. */
static char *
decode(const ost_input *in, GError **error)
{
    const char *data = (const char *)in->data;
    gsize len = in->len;
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

static void
add_line(ost_blocks *blocks, const char *line, int lineno)
{
    const char *p = line;
    while (*p == ' ' || *p == '\f')
        p++;
    if (*p == '\0' || strspn(p, " \t\f") == strlen(p)) {
        ost_block *b = ost_blocks_add(blocks, OST_BLOCK_BREAK, NULL);
        b->line = lineno;
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
    b->line = lineno;
    /* Extracted PDF text starts each page's first line with a space. */
    if (p != line)
        b->flags |= OST_BLOCK_INDENTED;
}

static ost_status
text_read(const ost_input *in, ost_blocks *blocks, ost_doc *doc, GError **error)
{
    char *text = decode(in, error);
    if (text == NULL)
        return OST_ERR_PARSE;
    char **lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i] != NULL; i++) {
        gsize n = strlen(lines[i]);
        if (n > 0 && lines[i][n - 1] == '\r')
            lines[i][n - 1] = '\0';
        add_line(blocks, lines[i], (int)i + 1);
    }
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
