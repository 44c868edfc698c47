/* SPDX-License-Identifier: MIT */
/* xmlTextWriter into a GByteArray with one sticky error flag: shared by the XML and ODS writers. */
#ifndef OST_XMLOUT_H
#define OST_XMLOUT_H

#include <ost.h>

#include <libxml/xmlwriter.h>
#include <string.h>

/* Header-only because the xml and ods plugins are separate modules that are
 * also linked side by side into one archive: a shared object file would
 * clash there, and a shared library for these few lines is not worth it. */

#define XMLOUT_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

typedef struct xmlout {
    xmlTextWriterPtr w;
    gboolean failed;   /* some libxml2 call failed; checked once at the end */
    GString *scratch;  /* cleaned copy of a string that was not valid XML text */
    xmlOutputWriteCallback sink;  /* where the bytes go, and its context */
    void *sink_data;
} xmlout;

static inline int
xmlout_append(void *ctx, const char *buf, int len)
{
    g_byte_array_append(ctx, (const guint8 *)buf, (guint)len);
    return len;
}

/* Start a UTF-8 document written through @sink (which must take every
 * byte); @indent pretty-prints with two spaces per level. */
static inline void
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

/* A document appended to @out. Writing into our own GByteArray (rather
 * than an xmlBuffer) keeps growth amortised for very large parts. */
static inline void
xmlout_begin(xmlout *x, GByteArray *out, gboolean indent)
{
    xmlout_begin_io(x, xmlout_append, out, indent);
}

static inline void
xmlout_check(xmlout *x, int rc)
{
    if (rc < 0)
        x->failed = TRUE;
}

/* Well-formed markup the caller built itself, handed to the sink as it is:
 * the writer's state is brought up to date first (an open start tag
 * closed, its buffer flushed). Passing past libxml2's output buffer saves
 * copying every byte once more, which matters for bulk rows only. */
static inline void
xmlout_raw(xmlout *x, const char *markup, gsize len)
{
    if (x->failed)
        return;
    xmlout_check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST "", 0));
    xmlout_check(x, xmlTextWriterFlush(x->w));
    if (x->sink(x->sink_data, markup, (int)len) < 0)
        x->failed = TRUE;
}

/* Close every open element, flush, and report a failure as @what. */
static inline ost_status
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

/* Whether @p starts a character XML 1.0 forbids, or is not UTF-8; the byte
 * length to skip is put in @len. */
static inline gboolean
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

/* Whether @s is valid UTF-8 with only characters XML 1.0 allows: one quick
 * pass over the bytes, as this runs on every string written. */
static inline gboolean
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

/* @s as XML 1.0 text: returned unchanged when it is fine (the usual case),
 * else a cleaned copy valid until the next call, with control characters
 * (form feeds from page breaks, stray escapes) as spaces and undecodable or
 * non-character code points as U+FFFD. One bad byte from a third-party
 * reader must not make the whole output unreadable. */
static inline const char *
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

static inline void
xmlout_start(xmlout *x, const char *name)
{
    xmlout_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

static inline void
xmlout_end(xmlout *x)
{
    xmlout_check(x, xmlTextWriterEndElement(x->w));
}

/* An attribute; nothing when @value is NULL. */
static inline void
xmlout_attr(xmlout *x, const char *name, const char *value)
{
    if (value != NULL)
        xmlout_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                                    BAD_CAST xmlout_text(x, value)));
}

static inline void
xmlout_attr_int(xmlout *x, const char *name, gint64 value)
{
    xmlout_check(x, xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name,
                                                      "%" G_GINT64_FORMAT, value));
}

/* Character data inside the open element. */
static inline void
xmlout_string(xmlout *x, const char *text)
{
    xmlout_check(x, xmlTextWriterWriteString(x->w, BAD_CAST xmlout_text(x, text)));
}

/* <name>text</name>; nothing when @text is NULL. */
static inline void
xmlout_element(xmlout *x, const char *name, const char *text)
{
    if (text != NULL)
        xmlout_check(x, xmlTextWriterWriteElement(x->w, BAD_CAST name,
                                                  BAD_CAST xmlout_text(x, text)));
}

/* An element in no namespace prefix declaring @uri as the default one. */
static inline void
xmlout_start_ns(xmlout *x, const char *name, const char *uri)
{
    xmlout_check(x, xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST name, BAD_CAST uri));
}

#endif
