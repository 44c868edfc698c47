/* SPDX-License-Identifier: MIT */
/* ODS test helpers: parts out of the zip, ODF RELAX NG validation, cell read-back. */
#ifndef OST_TEST_ODS_SUPPORT_H
#define OST_TEST_ODS_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <zip.h>

#include "test_xml_fixture.h"

/* The bytes of @path inside the zip @ods, NUL-terminated; NULL if absent. */
static G_GNUC_UNUSED GByteArray *
ods_read_part(const GByteArray *ods, const char *path)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(ods->data, ods->len, 0, &ze);
    zip_t *za = src != NULL ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
    zip_error_fini(&ze);
    if (za == NULL) {
        zip_source_free(src);
        return NULL;
    }
    GByteArray *out = NULL;
    zip_file_t *f = zip_fopen(za, path, 0);
    if (f != NULL) {
        out = g_byte_array_new();
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0)
            g_byte_array_append(out, (const guint8 *)buf, (guint)n);
        zip_fclose(f);
        g_byte_array_append(out, (const guint8 *)"", 1);
        g_byte_array_set_size(out, out->len - 1);
    }
    zip_close(za);
    return out;
}

static G_GNUC_UNUSED xmlDocPtr
ods_parse(const GByteArray *xml)
{
    assert_non_null(xml);
    return xmlReadMemory((const char *)xml->data, (int)xml->len, "part.xml", NULL,
                         XML_PARSE_NONET);
}

/* The ODF 1.3 schema @name ("OpenDocument-v1.3-schema.rng"), parsed once;
 * NULL when shared/schemas/odf is not there. */
static G_GNUC_UNUSED xmlRelaxNGPtr
ods_schema(const char *name)
{
    static GHashTable *cache;
    if (cache == NULL)
        cache = g_hash_table_new(g_str_hash, g_str_equal);
    if (g_hash_table_contains(cache, name))
        return g_hash_table_lookup(cache, name);
    char *path = g_build_filename(OST_SHARED_DIR, "schemas", "odf", name, NULL);
    xmlRelaxNGPtr rng = NULL;
    if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
        xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(path);
        rng = xmlRelaxNGParse(p);
        xmlRelaxNGFreeParserCtxt(p);
        assert_non_null(rng);
    } else {
        printf("# ODF schema %s not found: set OST_SHARED_DIR to the shared/ folder "
               "holding schemas/odf; skipping RELAX NG checks\n", path);
    }
    g_free(path);
    g_hash_table_insert(cache, (gpointer)name, rng);
    return rng;
}

#define ODS_MAIN_SCHEMA "OpenDocument-v1.3-schema.rng"
#define ODS_MANIFEST_SCHEMA "OpenDocument-v1.3-manifest-schema.rng"

/* Whether part @path of @ods validates against @schema_name. Skips the
 * test (cmocka skip) when the schemas are not available. */
static G_GNUC_UNUSED gboolean
ods_part_valid(const GByteArray *ods, const char *path, const char *schema_name)
{
    xmlRelaxNGPtr rng = ods_schema(schema_name);
    if (rng == NULL)
        skip();
    GByteArray *xml = ods_read_part(ods, path);
    assert_non_null(xml);
    xmlDocPtr doc = ods_parse(xml);
    assert_non_null(doc);
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(rng);
    int rc = xmlRelaxNGValidateDoc(v, doc);
    xmlRelaxNGFreeValidCtxt(v);
    xmlFreeDoc(doc);
    g_byte_array_unref(xml);
    if (rc != 0)
        printf("# %s is not valid ODF 1.3\n", path);
    return rc == 0;
}

static G_GNUC_UNUSED gboolean
ods_all_parts_valid(const GByteArray *ods)
{
    static const char *const main_parts[] = {"content.xml", "styles.xml", "meta.xml",
                                             "settings.xml"};
    gboolean ok = TRUE;
    for (guint i = 0; i < G_N_ELEMENTS(main_parts); i++)
        ok &= ods_part_valid(ods, main_parts[i], ODS_MAIN_SCHEMA);
    ok &= ods_part_valid(ods, "META-INF/manifest.xml", ODS_MANIFEST_SCHEMA);
    return ok;
}

static G_GNUC_UNUSED xmlXPathContextPtr
ods_xpath(xmlDocPtr doc)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    static const char *const ns[][2] = {
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
        {"config", "urn:oasis:names:tc:opendocument:xmlns:config:1.0"},
        {"manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(ns); i++)
        xmlXPathRegisterNs(ctx, BAD_CAST ns[i][0], BAD_CAST ns[i][1]);
    return ctx;
}

/* The string value of @expr (an XPath string expression) in @doc. */
static G_GNUC_UNUSED char *
ods_xpath_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = ods_xpath(doc);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    assert_non_null(r);
    xmlChar *s = xmlXPathCastToString(r);
    char *out = g_strdup((const char *)s);
    xmlFree(s);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return out;
}

/* One cell as a spreadsheet sees it. */
typedef struct ods_cell_value {
    char *type;    /* office:value-type, NULL for an empty cell */
    char *value;   /* office:value, office:date-value or office:boolean-value */
    char *text;    /* the paragraphs, joined with \n; spaces expanded */
    char *style;   /* table:style-name */
} ods_cell_value;

static G_GNUC_UNUSED void
ods_cell_value_clear(ods_cell_value *v)
{
    g_free(v->type);
    g_free(v->value);
    g_free(v->text);
    g_free(v->style);
    memset(v, 0, sizeof *v);
}

static G_GNUC_UNUSED char *
ods_attr(xmlNodePtr n, const char *ns_name, const char *name)
{
    static const char *const uris[][2] = {
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(uris); i++) {
        if (strcmp(uris[i][0], ns_name) == 0) {
            xmlChar *v = xmlGetNsProp(n, BAD_CAST name, BAD_CAST uris[i][1]);
            char *out = v != NULL ? g_strdup((const char *)v) : NULL;
            xmlFree(v);
            return out;
        }
    }
    return NULL;
}

static G_GNUC_UNUSED void
ods_paragraph_text(xmlNodePtr p, GString *out)
{
    for (xmlNodePtr n = p->children; n != NULL; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            g_string_append(out, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "s") == 0) {
            char *c = ods_attr(n, "text", "c");
            for (int i = c != NULL ? atoi(c) : 1; i > 0; i--)
                g_string_append_c(out, ' ');
            g_free(c);
        } else if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "tab") == 0) {
            g_string_append_c(out, '\t');
        }
    }
}

static G_GNUC_UNUSED int
ods_repeat(xmlNodePtr n, const char *attr)
{
    char *r = ods_attr(n, "table", attr);
    int count = r != NULL ? atoi(r) : 1;
    g_free(r);
    return count;
}

/* Cell (@row, @col), both from 0 with row 0 the header, of sheet @sheet in
 * content.xml @doc. Repeated rows and cells are expanded. FALSE when the
 * sheet does not exist. */
static G_GNUC_UNUSED gboolean
ods_cell(xmlDocPtr doc, const char *sheet, int row, int col, ods_cell_value *out)
{
    memset(out, 0, sizeof *out);
    char *expr = g_strdup_printf("//table:table[@table:name='%s']//table:table-row", sheet);
    xmlXPathContextPtr ctx = ods_xpath(doc);
    xmlXPathObjectPtr rows = xmlXPathEvalExpression(BAD_CAST expr, ctx);
    g_free(expr);
    gboolean found = rows != NULL && rows->nodesetval != NULL && rows->nodesetval->nodeNr > 0;
    int r = 0;
    for (int i = 0; found && i < rows->nodesetval->nodeNr; i++) {
        xmlNodePtr tr = rows->nodesetval->nodeTab[i];
        int span = ods_repeat(tr, "number-rows-repeated");
        if (row >= r + span) {
            r += span;
            continue;
        }
        int c = 0;
        for (xmlNodePtr cell = tr->children; cell != NULL; cell = cell->next) {
            if (cell->type != XML_ELEMENT_NODE)
                continue;
            int cspan = ods_repeat(cell, "number-columns-repeated");
            if (col < c + cspan) {
                out->type = ods_attr(cell, "office", "value-type");
                out->value = ods_attr(cell, "office", "value");
                if (out->value == NULL)
                    out->value = ods_attr(cell, "office", "date-value");
                if (out->value == NULL)
                    out->value = ods_attr(cell, "office", "boolean-value");
                out->style = ods_attr(cell, "table", "style-name");
                GString *t = g_string_new(NULL);
                gboolean first = TRUE;
                for (xmlNodePtr p = cell->children; p != NULL; p = p->next) {
                    if (p->type != XML_ELEMENT_NODE)
                        continue;
                    if (!first)
                        g_string_append_c(t, '\n');
                    ods_paragraph_text(p, t);
                    first = FALSE;
                }
                out->text = g_string_free(t, FALSE);
                break;
            }
            c += cspan;
        }
        break;
    }
    if (rows != NULL)
        xmlXPathFreeObject(rows);
    xmlXPathFreeContext(ctx);
    return found;
}

#endif
