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

/* Deflate level 1: content.xml of a large workbook is tens of megabytes of
 * repetitive markup; level 1 packs it nearly as small as the default level
 * in a fraction of the time, and compression dominated the writing time. */
#define DEFLATE_LEVEL 1

static gboolean
add_entry(zip_t *za, const char *path, const void *data, gsize len, zip_int32_t method,
          time_t mtime)
{
    zip_source_t *src = zip_source_buffer(za, data, len, 0);
    if (src == NULL)
        return FALSE;
    zip_int64_t idx = zip_file_add(za, path, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return FALSE;
    }
    return zip_set_file_compression(za, (zip_uint64_t)idx, method,
                                    method == ZIP_CM_STORE ? 0 : DEFLATE_LEVEL) == 0 &&
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
    gboolean ok = add_entry(za, "mimetype", ODS_MEDIA_TYPE, strlen(ODS_MEDIA_TYPE),
                            ZIP_CM_STORE, mtime);
    for (guint i = 0; ok && i < n_parts; i++)
        ok = add_entry(za, parts[i].path, parts[i].data->data, parts[i].data->len,
                       ZIP_CM_DEFLATE, mtime);
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
