/* SPDX-License-Identifier: MIT */
/* A part deflated on a second thread while it is being written. */
#include "ods_deflate.h"
#include "ods_package.h"

#include <gio/gio.h>
#include <string.h>

/* The writer fills a chunk and queues it; the worker compresses it and
 * gives it back. At most MAX_CHUNKS exist, so a writer far ahead of the
 * compressor waits instead of buffering the document. */
#define CHUNK_SIZE (256 * 1024)
#define MAX_CHUNKS 4

/* GIO's zlib compressor in gzip format: its trailer carries the CRC-32 a
 * zip entry needs, computed by zlib as it compresses, and what lies
 * between the fixed 10-byte header and the 8-byte trailer is exactly the
 * raw deflate stream libzip itself would store (same zlib parameters). */
#define GZIP_HEADER 10
#define GZIP_TRAILER 8

struct ods_deflate {
    GThread *thread;
    GAsyncQueue *full;    /* GByteArray* to compress, then the ods_deflate as end mark */
    GAsyncQueue *spare;   /* compressed chunks, emptied, back to the writer */
    GByteArray *chunk;    /* being filled by the writer */
    guint chunks;         /* chunks allocated */
    guint64 size;         /* bytes written */
    GConverter *zlib;     /* worker's */
    GByteArray *out;      /* worker's: the gzip stream */
    GError *error;        /* worker's first failure */
    guint32 crc;
};

static guint32
read_le32(const guint8 *p)
{
    guint32 v;
    memcpy(&v, p, sizeof v);
    return GUINT32_FROM_LE(v);
}

/* Compress @len bytes into d->out; @end finishes the stream. */
static void
compress(ods_deflate *d, const guint8 *in, gsize len, gboolean end)
{
    GConverterFlags flags = end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS;
    while (end || len > 0) {
        /* Level-1 deflate of markup shrinks it about ten times. */
        gsize room = MAX(len / 4, 64 * 1024);
        guint start = d->out->len;
        g_byte_array_set_size(d->out, start + (guint)room);
        gsize read = 0, written = 0;
        GConverterResult r = g_converter_convert(d->zlib, in, len, d->out->data + start, room,
                                                 flags, &read, &written, &d->error);
        g_byte_array_set_size(d->out, start + (guint)written);
        if (r == G_CONVERTER_ERROR || r == G_CONVERTER_FINISHED)
            return;
        in += read;
        len -= read;
    }
}

static gpointer
worker(gpointer data)
{
    ods_deflate *d = data;
    for (;;) {
        gpointer item = g_async_queue_pop(d->full);
        if (item == d) {
            if (d->error == NULL)
                compress(d, NULL, 0, TRUE);
            return NULL;
        }
        GByteArray *chunk = item;
        /* After a failure keep taking chunks, so the writer never waits. */
        if (d->error == NULL)
            compress(d, chunk->data, chunk->len, FALSE);
        g_byte_array_set_size(chunk, 0);
        g_async_queue_push(d->spare, chunk);
    }
}

ods_deflate *
ods_deflate_new(GError **error)
{
    ods_deflate *d = g_new0(ods_deflate, 1);
    d->full = g_async_queue_new();
    d->spare = g_async_queue_new_full((GDestroyNotify)g_byte_array_unref);
    d->chunk = g_byte_array_sized_new(CHUNK_SIZE);
    d->chunks = 1;
    d->zlib = G_CONVERTER(g_zlib_compressor_new(G_ZLIB_COMPRESSOR_FORMAT_GZIP, ODS_DEFLATE_LEVEL));
    d->out = g_byte_array_new();
    GError *e = NULL;
    d->thread = g_thread_try_new("ods-deflate", worker, d, &e);
    if (d->thread == NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_ZIP, "cannot start the compressor thread: %s",
                    e->message);
        g_error_free(e);
        ods_deflate_free(d);
        return NULL;
    }
    return d;
}

static GByteArray *
next_chunk(ods_deflate *d)
{
    GByteArray *chunk = g_async_queue_try_pop(d->spare);
    if (chunk != NULL)
        return chunk;
    if (d->chunks < MAX_CHUNKS) {
        d->chunks++;
        return g_byte_array_sized_new(CHUNK_SIZE);
    }
    return g_async_queue_pop(d->spare);
}

int
ods_deflate_write(void *self, const char *buf, int len)
{
    ods_deflate *d = self;
    g_byte_array_append(d->chunk, (const guint8 *)buf, (guint)len);
    d->size += (guint)len;
    if (d->chunk->len >= CHUNK_SIZE) {
        g_async_queue_push(d->full, d->chunk);
        d->chunk = next_chunk(d);
    }
    return len;
}

/* Queue what is left and the end mark, and wait for the worker. */
static void
stop(ods_deflate *d)
{
    if (d->thread == NULL)
        return;
    if (d->chunk->len > 0) {
        g_async_queue_push(d->full, d->chunk);
        d->chunk = NULL;
    }
    g_async_queue_push(d->full, d);
    g_thread_join(d->thread);
    d->thread = NULL;
}

ost_status
ods_deflate_finish(ods_deflate *d, GError **error)
{
    stop(d);
    const guint8 *p = d->out->data;
    gsize n = d->out->len;
    if (d->error == NULL &&
        (n < GZIP_HEADER + GZIP_TRAILER || p[0] != 0x1f || p[1] != 0x8b || p[3] != 0 ||
         read_le32(p + n - 4) != (guint32)d->size))
        g_set_error_literal(&d->error, OST_ERROR, OST_ERR_ZIP, "unexpected zlib output");
    if (d->error != NULL) {
        g_set_error(error, OST_ERROR, OST_ERR_ZIP, "compressing content.xml: %s",
                    d->error->message);
        return OST_ERR_ZIP;
    }
    d->crc = read_le32(p + n - GZIP_TRAILER);
    return OST_OK;
}

const guint8 *
ods_deflate_data(const ods_deflate *d, gsize *len)
{
    *len = d->out->len - GZIP_HEADER - GZIP_TRAILER;
    return d->out->data + GZIP_HEADER;
}

guint64
ods_deflate_size(const ods_deflate *d)
{
    return d->size;
}

guint32
ods_deflate_crc(const ods_deflate *d)
{
    return d->crc;
}

void
ods_deflate_free(ods_deflate *d)
{
    if (d == NULL)
        return;
    stop(d);
    if (d->chunk != NULL)
        g_byte_array_unref(d->chunk);
    g_async_queue_unref(d->full);
    g_async_queue_unref(d->spare);
    g_object_unref(d->zlib);
    g_byte_array_unref(d->out);
    g_clear_error(&d->error);
    g_free(d);
}
