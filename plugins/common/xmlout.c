/* SPDX-License-Identifier: MIT */
/* xmlTextWriter into a GByteArray with one sticky error flag. */
#include "common/xmlout.h"

int
xmlout_append(void *ctx, const char *buf, int len)
{
    g_byte_array_append(ctx, (const guint8 *)buf, (guint)len);
    return len;
}

void
xmlout_begin_io(xmlout *x, xmlOutputWriteCallback sink, void *sink_data, gboolean indent)
{
    xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(sink, NULL, sink_data, NULL);
    x->w = buf != NULL ? xmlNewTextWriter(buf) : NULL;
    x->failed = x->w == NULL;
    x->scratch = g_string_new(NULL);
    x->sink = sink;
    x->sink_data = sink_data;
    if (x->failed)
        return;
    if (indent) {
        xmlTextWriterSetIndent(x->w, 1);
        xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
    }
    /* The declaration is written as is: xmlTextWriterStartDocument with
     * "UTF-8" would route every byte through a UTF-8 to UTF-8 converter. */
    sink(sink_data, XMLOUT_DECLARATION, sizeof XMLOUT_DECLARATION - 1);
}

void
xmlout_begin(xmlout *x, GByteArray *out, gboolean indent)
{
    xmlout_begin_io(x, xmlout_append, out, indent);
}

void
xmlout_check(xmlout *x, int rc)
{
    if (rc < 0)
        x->failed = TRUE;
}

void
xmlout_raw(xmlout *x, const char *markup, gsize len)
{
    if (x->failed)
        return;
    xmlout_check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST "", 0));
    xmlout_check(x, xmlTextWriterFlush(x->w));
    if (x->sink(x->sink_data, markup, (int)len) < 0)
        x->failed = TRUE;
}

ost_status
xmlout_finish(xmlout *x, const char *what, GError **error)
{
    if (x->w != NULL) {
        xmlout_check(x, xmlTextWriterEndDocument(x->w));
        xmlFreeTextWriter(x->w);
        x->w = NULL;
    }
    g_string_free(x->scratch, TRUE);
    x->scratch = NULL;
    if (x->failed) {
        g_set_error(error, OST_ERROR, OST_ERR_XML, "could not write %s", what);
        return OST_ERR_XML;
    }
    return OST_OK;
}

gboolean
xmlout_bad_char(const char *p, gsize *len)
{
    const unsigned char c = (unsigned char)*p;
    if (c < 0x80) {
        *len = 1;
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }
    gunichar u = g_utf8_get_char_validated(p, -1);
    if (u == (gunichar)-1 || u == (gunichar)-2) {
        *len = 1;
        return TRUE;
    }
    *len = (gsize)(g_utf8_next_char(p) - p);
    return u == 0xFFFE || u == 0xFFFF;
}

gboolean
xmlout_is_clean(const char *s)
{
    gboolean high = FALSE;
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p < 0x20) {
            if (*p != '\t' && *p != '\n' && *p != '\r')
                return FALSE;
        } else if (*p >= 0x80) {
            high = TRUE;
            /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
            if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
                return FALSE;
        }
    }
    return !high || g_utf8_validate(s, -1, NULL);
}

const char *
xmlout_text(xmlout *x, const char *s)
{
    if (xmlout_is_clean(s))
        return s;
    g_string_truncate(x->scratch, 0);
    gsize len;
    for (const char *p = s; *p != '\0'; p += len) {
        if (!xmlout_bad_char(p, &len))
            g_string_append_len(x->scratch, p, (gssize)len);
        else if ((unsigned char)*p < 0x20)
            g_string_append_c(x->scratch, ' ');
        else
            g_string_append(x->scratch, "\xEF\xBF\xBD");
    }
    return x->scratch->str;
}

void
xmlout_start(xmlout *x, const char *name)
{
    xmlout_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

void
xmlout_end(xmlout *x)
{
    xmlout_check(x, xmlTextWriterEndElement(x->w));
}

void
xmlout_attr(xmlout *x, const char *name, const char *value)
{
    if (value != NULL)
        xmlout_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                                    BAD_CAST xmlout_text(x, value)));
}

void
xmlout_attr_int(xmlout *x, const char *name, gint64 value)
{
    xmlout_check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name,
                                                      "%" G_GINT64_FORMAT, value));
}

void
xmlout_string(xmlout *x, const char *text)
{
    xmlout_check(x, xmlTextWriterWriteString(x->w, BAD_CAST xmlout_text(x, text)));
}

void
xmlout_element(xmlout *x, const char *name, const char *text)
{
    if (text != NULL)
        xmlout_check(x, xmlTextWriterWriteElement(x->w, BAD_CAST name,
                                                  BAD_CAST xmlout_text(x, text)));
}

void
xmlout_start_ns(xmlout *x, const char *name, const char *uri)
{
    xmlout_check(x, xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST name, BAD_CAST uri));
}

