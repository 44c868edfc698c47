/* SPDX-License-Identifier: MIT */
/* Decompression bombs: a small PDF whose streams inflate to hundreds of
 * megabytes (100 KB of deflated "q Q" operators kept Poppler busy for 37 s;
 * a 200 KB file held a 200 MB string). Poppler-GLib neither reports a
 * stream's size nor lets a page's parsing be stopped, so every deflated
 * stream is inflated here first, counting bytes and discarding them, and
 * a file that expands too far is refused before Poppler sees it. */
#include "pdf_private.h"

#include <gio/gio.h>
#include <string.h>

/* A PDF may expand to this much, or to this many times its size. */
#define BOMB_MIN_BYTES ((guint64)64 << 20)
#define BOMB_RATIO 100

/* Bytes that @p data inflates to (zlib format), stopping past @p limit;
 * 0 when it is not deflated data. */
static guint64
inflated_size(const guint8 *data, gsize len, guint64 limit)
{
    GZlibDecompressor *z = g_zlib_decompressor_new(G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
    static guint8 sink[65536]; /* written, never read */
    guint64 total = 0;
    gsize done = 0;
    while (total <= limit && done < len) {
        gsize read = 0, written = 0;
        GConverterResult r = g_converter_convert(G_CONVERTER(z), data + done, len - done, sink,
                                                 sizeof sink, G_CONVERTER_NO_FLAGS, &read,
                                                 &written, NULL);
        done += read;
        total += written;
        if (r == G_CONVERTER_ERROR || r == G_CONVERTER_FINISHED || (read == 0 && written == 0))
            break;
    }
    g_object_unref(z);
    return total;
}

/* The first @p word in [@p p, @p end), or NULL. */
static const guint8 *
find_word(const guint8 *p, const guint8 *end, const char *word)
{
    gsize n = strlen(word);
    while ((gsize)(end - p) >= n) {
        p = memchr(p, word[0], (gsize)(end - p) - n + 1);
        if (p == NULL || memcmp(p, word, n) == 0)
            return p;
        p++;
    }
    return NULL;
}

gboolean
__ost_pdf_is_bomb(const guint8 *data, gsize len, guint64 *expanded)
{
    guint64 limit = MAX(BOMB_MIN_BYTES, (guint64)len * BOMB_RATIO);
    guint64 total = 0;
    const guint8 *end = data + len;
    for (const guint8 *p = data; total <= limit;) {
        const guint8 *s = find_word(p, end, "stream");
        if (s == NULL)
            break;
        p = s + 6;
        if (s >= data + 3 && memcmp(s - 3, "end", 3) == 0)
            continue;
        if (p < end && *p == '\r')
            p++;
        if (p < end && *p == '\n')
            p++;
        total += inflated_size(p, (gsize)(end - p), limit - total);
    }
    *expanded = total;
    return total > limit;
}
