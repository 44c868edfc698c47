/* SPDX-License-Identifier: MIT */
/* The plugin API: input and output plugins and the module descriptor. */
#ifndef OST_PLUGIN_H
#define OST_PLUGIN_H

#include <ost/blocks.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * ABI version of this header. A module built against another value is
 * refused: the structs below are read directly, so any change to them bumps
 * this number.
 */
#define OST_PLUGIN_ABI 1

typedef struct ost_registry ost_registry;

/** The bytes of one input document (borrowed). */
typedef struct ost_input {
    const char *path;       /**< as given by the user; for messages only */
    const guint8 *data;
    gsize len;
} ost_input;

/** Bid of a reader that cannot read the input. */
#define OST_BID_NONE (-1)
/** Bid of a reader whose format's signature is present ("%PDF-"). */
#define OST_BID_CERTAIN 100

/**
 * What a reader reports beside its blocks: warnings and facts of the
 * source (its page count). Readers never write the document; the pipeline
 * applies the context to it once the reader is done.
 */
typedef struct ost_read_context ost_read_context;

OST_API ost_read_context *ost_read_context_new(void);
OST_API void ost_read_context_free(ost_read_context *ctx);

/** Note a non-fatal finding: @p code is stable ("pdf_page_unreadable"),
 *  @p where is "page 3", "line 120" or NULL. Kept in the order noted. */
OST_API void ost_read_context_warn(ost_read_context *ctx, const char *code, const char *where,
                                   const char *fmt, ...) G_GNUC_PRINTF(4, 5);
/** The source's page count, for formats that have pages. */
OST_API void ost_read_context_set_pages(ost_read_context *ctx, int pages);

OST_API int ost_read_context_get_pages(const ost_read_context *ctx);
/** @return the warnings noted so far: ost_warning* (transfer none). */
OST_API const GPtrArray *ost_read_context_get_warnings(const ost_read_context *ctx);

/** Move the context's facts and warnings into @p doc's source (warnings
 *  after those already there); its warnings move, its page count stays. */
OST_API void ost_read_context_apply(ost_read_context *ctx, ost_doc *doc);

/** An input plugin: bytes in, blocks (and source facts) out. */
typedef struct ost_reader_info {
    const char *name;                 /**< "pdf", "html", "text" */
    const char *description;
    const char *const *extensions;    /**< NULL-terminated, no dots */
    const char *const *mime_types;    /**< NULL-terminated */
    /**
     * How sure the reader is that it can read @p in, from its first bytes:
     * OST_BID_NONE, or 1..100. The highest bid wins; ties go to the reader
     * registered first.
     */
    int (*bid)(const ost_input *in);
    /**
     * Turn @p in into @p blocks in reading order: what the page shows
     * (text, headings, items, rows, colours, furniture), never what it
     * means. Warnings and source facts (page count) go to @p ctx.
     * @return OST_OK, or an error code with @p error set.
     */
    ost_status (*read)(const ost_input *in, ost_blocks *blocks, ost_read_context *ctx,
                       GError **error);
} ost_reader_info;

/** Writer flag: output is binary (never written to a terminal as text). */
#define OST_WRITER_BINARY (1u << 0)

/** Write flag: @p docs form one dataset rather than one document. */
#define OST_WRITE_COMBINED (1u << 0)

/** An output plugin: model in, bytes out. Writers never parse. */
typedef struct ost_writer_info {
    const char *name;                 /**< "json", "xml", "ods" */
    const char *description;
    const char *extension;            /**< no dot */
    const char *mime_type;
    guint flags;                      /**< OST_WRITER_BINARY */
    /**
     * Append the serialised @p docs to @p out. Without OST_WRITE_COMBINED
     * @p n_docs is 1. The documents are read only.
     */
    ost_status (*write)(const ost_doc *const *docs, gsize n_docs, guint flags,
                        GByteArray *out, GError **error);
} ost_writer_info;

/** What a plugin module exports: checked before anything else is used. */
typedef struct ost_plugin_desc {
    guint abi;                        /**< must be OST_PLUGIN_ABI */
    const char *name;                 /**< the module's name: [a-z0-9_]+ */
    const char *description;
    const char *version;
    const char *license;
    /** Register the module's readers and writers with @p reg. */
    ost_status (*init)(ost_registry *reg, GError **error);
} ost_plugin_desc;

/**
 * Define a plugin's descriptor. It exports `ost_plugin_<name>_get_desc()`,
 * the symbol the loader looks up in module `ost-<name>.so` and the one a
 * static build calls to register the plugin as built in.
 */
#define OST_PLUGIN_DEFINE(name, description, version, license, init)       \
    static const ost_plugin_desc ost_plugin_desc_##name = {               \
        OST_PLUGIN_ABI, #name, description, version, license, init};      \
    OST_API const ost_plugin_desc *ost_plugin_##name##_get_desc(void);    \
    const ost_plugin_desc *ost_plugin_##name##_get_desc(void)             \
    {                                                                     \
        return &ost_plugin_desc_##name;                                   \
    }

#ifdef __cplusplus
}
#endif
#endif
