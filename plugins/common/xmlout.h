/* SPDX-License-Identifier: MIT */
/* xmlTextWriter into a GByteArray with one sticky error flag: shared by the XML and ODS writers. */
#ifndef OST_PLUGINS_XMLOUT_H
#define OST_PLUGINS_XMLOUT_H

#include <ost.h>

#include <libxml/xmlwriter.h>
#include <string.h>

#define XMLOUT_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

typedef struct xmlout {
    xmlTextWriterPtr w;
    gboolean failed;   /* some libxml2 call failed; checked once at the end */
    GString *scratch;  /* cleaned copy of a string that was not valid XML text */
    xmlOutputWriteCallback sink;  /* where the bytes go, and its context */
    void *sink_data;
} xmlout;

int xmlout_append(void *ctx, const char *buf, int len);

/* Start a UTF-8 document written through @sink (which must take every
 * byte); @indent pretty-prints with two spaces per level. */
void xmlout_begin_io(xmlout *x, xmlOutputWriteCallback sink, void *sink_data, gboolean indent);

/* A document appended to @out. Writing into our own GByteArray (rather
 * than an xmlBuffer) keeps growth amortised for very large parts. */
void xmlout_begin(xmlout *x, GByteArray *out, gboolean indent);

void xmlout_check(xmlout *x, int rc);

/* Well-formed markup the caller built itself, handed to the sink as it is:
 * the writer's state is brought up to date first (an open start tag
 * closed, its buffer flushed). Passing past libxml2's output buffer saves
 * copying every byte once more, which matters for bulk rows only. */
void xmlout_raw(xmlout *x, const char *markup, gsize len);

/* Close every open element, flush, and report a failure as @what. */
ost_status xmlout_finish(xmlout *x, const char *what, GError **error);

/* Whether @p starts a character XML 1.0 forbids, or is not UTF-8; the byte
 * length to skip is put in @len. */
gboolean xmlout_bad_char(const char *p, gsize *len);

/* Whether @s is valid UTF-8 with only characters XML 1.0 allows: one quick
 * pass over the bytes, as this runs on every string written. */
gboolean xmlout_is_clean(const char *s);

/* @s as XML 1.0 text: returned unchanged when it is fine (the usual case),
 * else a cleaned copy valid until the next call, with control characters
 * (form feeds from page breaks, stray escapes) as spaces and undecodable or
 * non-character code points as U+FFFD. One bad byte from a third-party
 * reader must not make the whole output unreadable. */
const char *xmlout_text(xmlout *x, const char *s);

void xmlout_start(xmlout *x, const char *name);

void xmlout_end(xmlout *x);

/* An attribute; nothing when @value is NULL. */
void xmlout_attr(xmlout *x, const char *name, const char *value);

void xmlout_attr_int(xmlout *x, const char *name, gint64 value);

/* Character data inside the open element. */
void xmlout_string(xmlout *x, const char *text);

/* <name>text</name>; nothing when @text is NULL. */
void xmlout_element(xmlout *x, const char *name, const char *text);

/* An element in no namespace prefix declaring @uri as the default one. */
void xmlout_start_ns(xmlout *x, const char *name, const char *uri);

#endif
