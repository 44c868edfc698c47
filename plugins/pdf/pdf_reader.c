/* SPDX-License-Identifier: MIT */
/* Input plugin for PDF through Poppler: opening, checks, page loop. */
#include "pdf_private.h"

#include <string.h>

static const char *const pdf_extensions[] = {"pdf", NULL};
static const char *const pdf_mime_types[] = {"application/pdf", NULL};

#define SIGNATURE "%PDF-"
/* Readers accept junk before the header, as long as it is near the start. */
#define HEADER_WINDOW 1024
#define EOF_WINDOW 2048

static gboolean
find_bytes(const guint8 *data, gsize len, const char *needle)
{
    gsize n = strlen(needle);
    for (gsize i = 0; i + n <= len; i++)
        if (memcmp(data + i, needle, n) == 0)
            return TRUE;
    return FALSE;
}

static gboolean
has_signature(const ost_input *in)
{
    return find_bytes(in->data, MIN(in->len, HEADER_WINDOW), SIGNATURE);
}

static gboolean
named_pdf(const ost_input *in)
{
    const char *dot = in->path != NULL ? strrchr(in->path, '.') : NULL;
    return dot != NULL && g_ascii_strcasecmp(dot, ".pdf") == 0;
}

/* A file named .pdf that is no PDF still bids, above the text reader, so
 * that it fails with a message saying so rather than as garbled text. */
static int
pdf_bid(const ost_input *in)
{
    if (has_signature(in))
        return OST_BID_CERTAIN;
    return named_pdf(in) ? 20 : OST_BID_NONE;
}

static const char *
what_it_looks_like(const ost_input *in)
{
    if (in->len == 0)
        return "an empty file";
    if (in->len >= 4 && memcmp(in->data, "PK\x03\x04", 4) == 0)
        return "a ZIP archive (an office document?)";
    gsize n = MIN(in->len, HEADER_WINDOW);
    char *head = g_ascii_strdown((const char *)in->data, (gssize)n);
    gboolean html = strstr(head, "<html") != NULL || strstr(head, "<!doctype html") != NULL;
    g_free(head);
    if (html)
        return "HTML";
    return g_utf8_validate((const char *)in->data, (gssize)n, NULL) ? "text" : "binary data";
}

static ost_status
open_document(const ost_input *in, PopplerDocument **out, GError **error)
{
    if (!has_signature(in)) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "not a PDF: no %s header; the file holds %s", SIGNATURE,
                    what_it_looks_like(in));
        return OST_ERR_PARSE;
    }
    /* Poppler rebuilds a truncated file and shows what is left; a cut
     * document would convert to a silently shortened one. */
    gsize tail = MIN(in->len, EOF_WINDOW);
    if (!find_bytes(in->data + in->len - tail, tail, "%%EOF")) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "the PDF is truncated: its end-of-file marker is missing");
        return OST_ERR_PARSE;
    }
    guint64 expanded;
    if (__ost_pdf_is_bomb(in->data, in->len, &expanded)) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "the PDF's %" G_GSIZE_FORMAT " bytes expand to over %" G_GUINT64_FORMAT
                    " MiB of streams (a decompression bomb?)", in->len, expanded >> 20);
        return OST_ERR_PARSE;
    }
    GBytes *bytes = g_bytes_new_static(in->data, in->len);
    GError *perr = NULL;
    *out = poppler_document_new_from_bytes(bytes, NULL, &perr);
    g_bytes_unref(bytes);
    if (*out != NULL)
        return OST_OK;
    ost_status st;
    if (g_error_matches(perr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)) {
        st = OST_ERR_ENCRYPTED;
        g_set_error(error, OST_ERROR, st,
                    "the PDF is encrypted and cannot be opened without its password");
    } else {
        st = OST_ERR_PARSE;
        g_set_error(error, OST_ERROR, st, "the PDF is damaged and cannot be opened: %s",
                    perr != NULL ? perr->message : "unknown error");
    }
    g_clear_error(&perr);
    return st;
}

static gboolean
page_has_text(const pdf_page *page)
{
    return page->rows->len > 0;
}

static ost_status
pdf_read(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx, GError **error)
{
    PopplerDocument *pdf = NULL;
    ost_status st = open_document(in, &pdf, error);
    if (st != OST_OK)
        return st;
    int n_pages = poppler_document_get_n_pages(pdf);
    if (n_pages <= 0) {
        g_object_unref(pdf);
        g_set_error(error, OST_ERROR, OST_ERR_EMPTY, "the PDF has no pages");
        return OST_ERR_EMPTY;
    }
    ost_read_context_set_pages(ctx, n_pages);

    GPtrArray *pages = g_ptr_array_new_with_free_func((GDestroyNotify)__ost_pdf_page_free);
    guint with_text = 0, image_only = 0;
    for (int i = 0; i < n_pages; i++) {
        char *where = g_strdup_printf("page %d", i + 1);
        PopplerPage *pp = poppler_document_get_page(pdf, i);
        if (pp == NULL) {
            ost_read_context_warn(ctx, "pdf_page_unreadable", where,
                                  "page %d is damaged and was left out", i + 1);
            g_free(where);
            continue;
        }
        pdf_page *page = __ost_pdf_page_read(pp, i + 1);
        g_object_unref(pp);
        if (page_has_text(page)) {
            with_text++;
        } else if (page->has_images) {
            image_only++;
            ost_read_context_warn(ctx, "pdf_page_image_only", where,
                                  "page %d holds only images (a scanned page?); its text "
                                  "cannot be read without OCR", i + 1);
        }
        g_free(where);
        g_ptr_array_add(pages, page);
    }
    g_object_unref(pdf);

    if (with_text == 0) {
        g_ptr_array_free(pages, TRUE);
        if (image_only > 0)
            g_set_error(error, OST_ERROR, OST_ERR_EMPTY,
                        "the PDF has no text: its pages hold only images (a scan?), which "
                        "need OCR first");
        else
            g_set_error(error, OST_ERROR, OST_ERR_EMPTY, "the PDF has no text on any page");
        return OST_ERR_EMPTY;
    }

    __ost_pdf_set_furniture_apart(pages);
    pdf_fonts fonts;
    __ost_pdf_fonts_measure(pages, &fonts);
    pdf_emit *em = __ost_pdf_emit_new(blocks, &fonts, pages);
    for (guint p = 0; p < pages->len; p++)
        __ost_pdf_emit_page(em, g_ptr_array_index(pages, p));
    __ost_pdf_emit_free(em);
    g_ptr_array_free(pages, TRUE);
    return OST_OK;
}

static const ost_reader_info pdf_reader = {
    .size = sizeof(ost_reader_info),
    .name = "pdf",
    .description = "PDF documents, read from their page layout with Poppler",
    .extensions = pdf_extensions,
    .mime_types = pdf_mime_types,
    .bid = pdf_bid,
    .read = pdf_read,
};

static ost_status
pdf_init(ost_registry *reg, GError **error)
{
    return ost_registry_add_reader(reg, &pdf_reader);
}

OST_PLUGIN_DEFINE(pdf, "PDF input (Poppler)", OST_VERSION, "MIT", pdf_init)
