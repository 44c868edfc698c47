/* SPDX-License-Identifier: MIT */
/* The conversion pipeline: bytes -> reader -> blocks -> repair -> model. */
#include <ost/pipeline.h>
#include <ost/plugin.h>

#include "blocks_private.h"
#include "recognize/colour_status.h"

#include <string.h>

#include <openssl/evp.h>
#include <stdlib.h>

/* Nearly every text comes out of the repairer unchanged: fixed into one
 * reused buffer, only those that changed are replaced. A new string per
 * text was 4.8M of the 7.7M instructions fixing 10,040 blocks (220 small
 * pages) took, in malloc and free. */
static void
repair_text(ost_repairer *rep, char **text, GString *fixed, ost_doc *doc)
{
    if (*text == NULL)
        return;
    g_string_truncate(fixed, 0);
    ost_repairer_fix_append(rep, *text, -1, fixed, doc);
    if (strcmp(fixed->str, *text) != 0) {
        g_free(*text);
        *text = g_strndup(fixed->str, fixed->len);
    }
}

/* Text the page does not show as the document's (visually hidden text,
 * icon-font ligatures, form controls' values) is kept out of recognition:
 * no field is read from it. */
static void
drop_unshown(ost_blocks *blocks)
{
    GPtrArray *items = blocks->items;
    for (guint i = items->len; i-- > 0;) {
        const ost_block *b = g_ptr_array_index(items, i);
        if (b->flags & (OST_BLOCK_HIDDEN | OST_BLOCK_ICON | OST_BLOCK_CONTROL))
            g_ptr_array_remove_index(items, i);
    }
}

/* A printed page's running header and footer repeat on every page and
 * feed no field: repairs of them would be counted once a page. */
static gboolean
repaired(const ost_block *b)
{
    return !(b->flags & (OST_BLOCK_PAGE_HEADER | OST_BLOCK_PAGE_FOOTER));
}

/* Every block's text goes through the repair engine twice: once to learn the
 * document's own intact words (evidence for ligature repairs), then to be
 * fixed. Rows carry their cells separately, so both are repaired. */
static void
repair_blocks(ost_blocks *blocks, ost_repairer *rep, ost_doc *doc)
{
    for (guint i = 0; i < blocks->items->len; i++) {
        ost_block *b = g_ptr_array_index(blocks->items, i);
        if (!repaired(b))
            continue;
        if (b->cells != NULL)
            for (guint c = 0; c < b->cells->len; c++)
                ost_repairer_learn(rep, g_ptr_array_index(b->cells, c));
        else if (b->text != NULL)
            ost_repairer_learn(rep, b->text);
    }
    GString *fixed = g_string_sized_new(256);
    for (guint i = 0; i < blocks->items->len; i++) {
        ost_block *b = g_ptr_array_index(blocks->items, i);
        if (!repaired(b))
            continue;
        if (b->cells != NULL) {
            for (guint c = 0; c < b->cells->len; c++)
                repair_text(rep, (char **)&b->cells->pdata[c], fixed, doc);
            __ost_block_join_cells(b);
        } else {
            repair_text(rep, &b->text, fixed, doc);
        }
    }
    g_string_free(fixed, TRUE);
}

static gboolean
ksb_defined(const ost_standard *s, const char *code)
{
    GPtrArray *lists[] = {s->knowledge, s->skills, s->behaviours};
    for (gsize l = 0; l < G_N_ELEMENTS(lists); l++)
        for (guint i = 0; i < lists[l]->len; i++) {
            const ost_ksb *k = g_ptr_array_index(lists[l], i);
            if (k->id != NULL && strcmp(k->id, code) == 0)
                return TRUE;
        }
    return FALSE;
}

/* Cross-checks that hold for every format: a duty that maps to a KSB the
 * standard never defines is worth a warning, never a failure. */
/* Statements numbered as stated run without gaps: a missing number is a
 * statement the reading lost or merged into its neighbour. */
static void
check_numbering(ost_doc *doc, const GPtrArray *list)
{
    long expected = 1;
    for (guint i = 0; i < list->len; i++) {
        const ost_ksb *k = g_ptr_array_index(list, i);
        if (k->id_derived || k->id == NULL)
            return;
        char *end;
        long n = strtol(k->id + 1, &end, 10);
        if (*end != '\0')
            return; /* "K1.1": numbered in parts, not in one run */
        if (n > expected)
            ost_doc_warn(doc, "ksb_numbering_gap", NULL, "%c%ld is missing before %s",
                         k->id[0], expected, k->id);
        expected = n + 1;
    }
}

static void
check_document(ost_doc *doc)
{
    for (guint i = 0; i < doc->standards->len; i++) {
        const ost_standard *s = g_ptr_array_index(doc->standards, i);
        check_numbering(doc, s->knowledge);
        check_numbering(doc, s->skills);
        check_numbering(doc, s->behaviours);
        for (guint d = 0; d < s->duties->len; d++) {
            const ost_duty *duty = g_ptr_array_index(s->duties, d);
            if (duty->text == NULL || duty->text[0] == '\0')
                ost_doc_warn(doc, "duty_text_missing", NULL, "Duty %s has no text",
                             duty->id != NULL ? duty->id : "?");
        }
        gboolean has_ksbs = s->knowledge->len + s->skills->len + s->behaviours->len > 0;
        for (guint d = 0; has_ksbs && d < s->duties->len; d++) {
            const ost_duty *duty = g_ptr_array_index(s->duties, d);
            for (guint k = 0; k < duty->ksbs->len; k++) {
                const char *code = g_ptr_array_index(duty->ksbs, k);
                if (!ksb_defined(s, code))
                    ost_doc_warn(doc, "ksb_ref_unknown", NULL,
                                 "Duty %s refers to %s, which is not defined",
                                 duty->id != NULL ? duty->id : "?", code);
            }
        }
    }
}

/* GLib's GChecksum SHA-256 took 13% of the instructions of converting web
 * pages (callgrind over bench/html_bench.sh's pages) and runs at ~450 MB/s
 * here; OpenSSL's libcrypto, which libzip loads anyway, uses the CPU's SHA
 * instructions where it has them (~1,700 MB/s on the same machine). The
 * algorithm is fetched once: OpenSSL 3 looks it up again on every call
 * otherwise, ~240,000 instructions a document. */
static EVP_MD *
sha256_md(void)
{
    static gsize once = 0;
    static EVP_MD *md = NULL;
    if (g_once_init_enter(&once)) {
        md = EVP_MD_fetch(NULL, "SHA256", NULL);
        g_once_init_leave(&once, 1);
    }
    return md;
}

static char *
sha256_hex(const guint8 *data, gsize len)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_MD *md = sha256_md();
    if (md == NULL || !EVP_Digest(data, len, digest, &n, md, NULL))
        return g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
    /* A table, not g_snprintf per byte: 700 instructions a byte there. */
    static const char digits[] = "0123456789abcdef";
    char *hex = g_malloc(2 * n + 1);
    for (unsigned int i = 0; i < n; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 0xF];
    }
    hex[2 * n] = '\0';
    return hex;
}

ost_doc *
ost_read_bytes(const ost_registry *reg, const char *path, const guint8 *data, gsize len,
               const char *reader_name, GError **error)
{
    ost_input in = {path, data, len};
    const ost_reader_info *reader;
    if (reader_name != NULL) {
        reader = ost_registry_find_reader(reg, reader_name);
        if (reader == NULL) {
            g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                        "no input plugin named \"%s\" (see 'ost plugins')", reader_name);
            return NULL;
        }
    } else {
        reader = ost_registry_best_reader(reg, &in, NULL);
        if (reader == NULL) {
            g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                        "no input plugin recognises this file's format");
            return NULL;
        }
    }

    ost_doc *doc = ost_doc_new();
    doc->source.path = g_strdup(path);
    doc->source.format = g_strdup(reader->name);
    doc->source.sha256 = sha256_hex(data, len);

    ost_blocks *blocks = ost_blocks_new();
    ost_read_context *ctx = ost_read_context_new();
    ost_status st = reader->read(&in, blocks, ctx, error);
    ost_read_context_apply(ctx, doc);
    ost_read_context_free(ctx);
    if (st != OST_OK) {
        if (error != NULL && *error == NULL)
            g_set_error(error, OST_ERROR, st, "%s", ost_strerror(st));
        ost_blocks_free(blocks);
        ost_doc_free(doc);
        return NULL;
    }
    drop_unshown(blocks);
    if (blocks->items->len > 0) {
        ost_repairer *rep = ost_repairer_new(error);
        if (rep == NULL) {
            ost_blocks_free(blocks);
            ost_doc_free(doc);
            return NULL;
        }
        repair_blocks(blocks, rep, doc);
        __ost_colour_status_apply(blocks);
        ost_recognize(blocks, rep, doc);
        ost_repairer_free(rep);
    }
    ost_blocks_free(blocks);

    if (doc->source.document_type == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_PARSE,
                    "no occupational standard, occupation, occupational map or "
                    "functional map found in this %s input", reader->name);
        ost_doc_free(doc);
        return NULL;
    }
    if (doc->source.trust == NULL)
        doc->source.trust = g_strdup("official");
    check_document(doc);
    return doc;
}

ost_doc *
ost_read_file(const ost_registry *reg, const char *path, const char *reader_name,
              GError **error)
{
    char *data = NULL;
    gsize len = 0;
    GError *io_error = NULL;
    if (!g_file_get_contents(path, &data, &len, &io_error)) {
        g_set_error(error, OST_ERROR, OST_ERR_IO, "%s", io_error->message);
        g_error_free(io_error);
        return NULL;
    }
    ost_doc *doc = ost_read_bytes(reg, path, (const guint8 *)data, len, reader_name, error);
    g_free(data);
    return doc;
}
