/* SPDX-License-Identifier: MIT */
/* The zip package: mimetype first and stored, then the parts, with fixed times. */
#include "ods_package.h"
#include "ods_names.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <zip.h>

/* ODF requires "mimetype" to be the first entry, uncompressed and without
 * an extra field, so that its media type sits at byte 38 for tools that
 * sniff files. libzip keeps entries in the order they are added and writes
 * no extra field of its own. */

/* The modification time of every entry. Zip stores local wall-clock time,
 * and libzip converts with localtime(): going through mktime() gives the
 * same stored fields (2000-01-01 00:00) in every time zone. */
static time_t
fixed_mtime(void)
{
    struct tm tm = {0};
    tm.tm_year = 2000 - 1900;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

static ost_status
zip_failed(GError **error, const char *what, const char *detail)
{
    g_set_error(error, OST_ERROR, OST_ERR_ZIP, "building the ODS package: %s: %s", what,
                detail);
    return OST_ERR_ZIP;
}

/* A source serving a part that is already deflated. Its stat says so
 * (method, both sizes, CRC), and libzip copies such data as it is when the
 * entry's compression is left at the default. */
typedef struct deflated_source {
    const ods_part *part;
    gsize offset;
    zip_error_t error;
} deflated_source;

static zip_int64_t
deflated_cb(void *userdata, void *data, zip_uint64_t len, zip_source_cmd_t cmd)
{
    deflated_source *s = userdata;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        s->offset = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        gsize n = MIN((gsize)len, s->part->len - s->offset);
        memcpy(data, s->part->data + s->offset, n);
        s->offset += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &s->error);
        if (st == NULL)
            return -1;
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD;
        st->size = s->part->size;
        st->comp_size = s->part->len;
        st->crc = s->part->crc;
        st->comp_method = ZIP_CM_DEFLATE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s->error, data, len);
    case ZIP_SOURCE_FREE:
        zip_error_fini(&s->error);
        g_free(s);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_READABLE;
    default:
        return -1;
    }
}

static gboolean
add_entry(zip_t *za, const ods_part *part, zip_int32_t method, time_t mtime)
{
    zip_source_t *src;
    if (part->deflated) {
        deflated_source *s = g_new0(deflated_source, 1);
        s->part = part;
        zip_error_init(&s->error);
        src = zip_source_function(za, deflated_cb, s);
        if (src == NULL) {
            zip_error_fini(&s->error);
            g_free(s);
        }
    } else {
        src = zip_source_buffer(za, part->data, part->len, 0);
    }
    if (src == NULL)
        return FALSE;
    zip_int64_t idx = zip_file_add(za, part->path, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return FALSE;
    }
    return (part->deflated ||
            zip_set_file_compression(za, (zip_uint64_t)idx, method,
                                     method == ZIP_CM_STORE ? 0 : ODS_DEFLATE_LEVEL) == 0) &&
           zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) == 0;
}

/* Copy the finished archive out of the memory source. */
static gboolean
read_source(zip_source_t *src, GByteArray *out)
{
    if (zip_source_open(src) < 0)
        return FALSE;
    gboolean ok = zip_source_seek(src, 0, SEEK_END) == 0;
    zip_int64_t size = ok ? zip_source_tell(src) : -1;
    ok = size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0;
    if (ok) {
        guint start = out->len;
        g_byte_array_set_size(out, start + (guint)size);
        ok = zip_source_read(src, out->data + start, (zip_uint64_t)size) == size;
        if (!ok)
            g_byte_array_set_size(out, start);
    }
    zip_source_close(src);
    return ok;
}

ost_status
ods_package_write(GByteArray *out, const ods_part *parts, guint n_parts, GError **error)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (src == NULL) {
        ost_status st = zip_failed(error, "memory buffer", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return st;
    }
    /* Keep the buffer alive past zip_close() to read the result. */
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    if (za == NULL) {
        ost_status st = zip_failed(error, "opening", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        zip_source_free(src);
        zip_source_free(src);
        return st;
    }
    time_t mtime = fixed_mtime();
    const ods_part mimetype = {"mimetype", (const guint8 *)ODS_MEDIA_TYPE,
                               strlen(ODS_MEDIA_TYPE), FALSE, 0, 0};
    gboolean ok = add_entry(za, &mimetype, ZIP_CM_STORE, mtime);
    for (guint i = 0; ok && i < n_parts; i++)
        ok = add_entry(za, &parts[i], ZIP_CM_DEFLATE, mtime);
    ost_status st = OST_OK;
    if (!ok) {
        st = zip_failed(error, "adding a part", zip_strerror(za));
        zip_discard(za);
    } else if (zip_close(za) < 0) {
        st = zip_failed(error, "writing", zip_strerror(za));
        zip_discard(za);
    } else if (!read_source(src, out)) {
        st = zip_failed(error, "reading back", zip_error_strerror(zip_source_error(src)));
    }
    zip_error_fini(&ze);
    zip_source_free(src);
    return st;
}
