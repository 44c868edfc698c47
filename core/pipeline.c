/* SPDX-License-Identifier: MIT */
/* The conversion pipeline: bytes -> reader -> blocks -> repair -> model. */
#include <ost/pipeline.h>
#include <ost/plugin.h>

#include "blocks_private.h"
#include "input_private.h"
#include "recognize/colour_status.h"

#include <string.h>
#include <unistd.h>

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

/* The reader named, or the best bidder on @p in. */
static const ost_reader_info *
pick_reader(const ost_registry *reg, const ost_input *in, const char *reader_name,
            GError **error)
{
    const ost_reader_info *reader;
    if (reader_name != NULL) {
        reader = ost_registry_find_reader(reg, reader_name);
        if (reader == NULL)
            g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                        "no input plugin named \"%s\" (see 'ost plugins')", reader_name);
    } else {
        reader = ost_registry_best_reader(reg, in, NULL);
        if (reader == NULL)
            g_set_error(error, OST_ERROR, OST_ERR_UNSUPPORTED,
                        "no input plugin recognises this file's format");
    }
    return reader;
}

static gsize
max_input(const ost_reader_info *reader)
{
    return reader->max_input != 0 ? MIN(reader->max_input, OST_MAX_INPUT_BYTES)
                                  : OST_MAX_INPUT_BYTES;
}

static gboolean
within_limit(const ost_reader_info *reader, guint64 size, GError **error)
{
    if (size <= max_input(reader))
        return TRUE;
    char *whose = g_strdup_printf("%s reader's", reader->name);
    __ost_too_large_error(error, size, max_input(reader), whose);
    g_free(whose);
    return FALSE;
}

static ost_doc *
read_with(const ost_reader_info *reader, const ost_input *in, GError **error)
{
    const char *path = in->path;
    const guint8 *data = in->data;
    gsize len = in->len;
    ost_doc *doc = ost_doc_new();
    doc->source.path = g_strdup(path);
    doc->source.format = g_strdup(reader->name);
    doc->source.sha256 = sha256_hex(data, len);

    ost_blocks *blocks = ost_blocks_new();
    ost_read_context *ctx = ost_read_context_new();
    GError *read_error = NULL;
    ost_status st = reader->read(in, blocks, ctx, &read_error);
    ost_read_context_apply(ctx, doc);
    ost_read_context_free(ctx);
    if (ost_status_grade(st) == OST_GRADE_WARNING) {
        /* Done, with something to say: a warning of the document. */
        if (read_error != NULL)
            ost_doc_warn(doc, "reader_warning", NULL, "%s", read_error->message);
        g_clear_error(&read_error);
        st = OST_OK;
    }
    if (read_error != NULL)
        g_propagate_error(error, read_error);
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
ost_read_bytes(const ost_registry *reg, const char *path, const guint8 *data, gsize len,
               const char *reader_name, GError **error)
{
    ost_input in = {path, data, len};
    const ost_reader_info *reader = pick_reader(reg, &in, reader_name, error);
    if (reader == NULL || !within_limit(reader, len, error))
        return NULL;
    return read_with(reader, &in, error);
}

/* Enough of a file's start for every reader's bid ("from its first bytes"). */
#define BID_PREFIX (64u * 1024u)

/* The reader is picked from the file's first bytes, so a file over its
 * limit is refused before the rest is read. */
ost_doc *
ost_read_file(const ost_registry *reg, const char *path, const char *reader_name,
              GError **error)
{
    guint64 size;
    int fd = __ost_input_open(path, OST_MAX_INPUT_BYTES, &size, error);
    if (fd < 0)
        return NULL;
    GByteArray *buf = g_byte_array_sized_new((guint)size + 1);
    ost_doc *doc = NULL;
    const ost_reader_info *reader = NULL;
    if (__ost_input_read(fd, buf, MIN(size, BID_PREFIX), error)) {
        ost_input prefix = {path, buf->data, buf->len};
        reader = pick_reader(reg, &prefix, reader_name, error);
    }
    /* One byte over the limit tells a file that grew since fstat. */
    if (reader != NULL && within_limit(reader, size, error) &&
        __ost_input_read(fd, buf, max_input(reader) + 1, error) &&
        within_limit(reader, buf->len, error)) {
        ost_input in = {path, buf->data, buf->len};
        g_byte_array_append(buf, (const guint8 *)"", 1); /* NUL-terminated, as GLib reads */
        in.data = buf->data;
        doc = read_with(reader, &in, error);
    }
    close(fd);
    g_byte_array_free(buf, TRUE);
    return doc;
}
