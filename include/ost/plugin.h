/* SPDX-License-Identifier: MIT */
/* The plugin API: input and output plugins and the module descriptor. */
#ifndef OST_PLUGIN_H
#define OST_PLUGIN_H

#include <ost/blocks.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @name Plugin ABI version
 * The ABI covers every struct a plugin reads or fills: the tables and the
 * descriptor below, ost_input, and the structs of <ost/model.h> and
 * <ost/blocks.h> that writers read and readers fill.
 *
 * - The minor number grows when a field is added at the end of a table
 *   (ost_reader_info, ost_writer_info), or at the end of a struct that the
 *   core allocates and no other struct embeds (plugins get model and block
 *   structs from their _new functions and never copy them; ost_source,
 *   embedded in ost_doc, can only grow with the major number).
 *   A module built for the same major and an older or equal minor loads:
 *   each table starts with its size, and the registry reads a shorter table
 *   as if the fields it lacks were NULL or 0.
 * - The major number grows for any other change (a field removed, moved or
 *   retyped, a callback's signature). A module built for another major, or
 *   for a newer minor than this ost knows, is refused, with its name.
 *
 * ABI 2.0: tables start with their size; the descriptor has major and minor.
 * ABI 2.1: both tables end with @c url.
 * ABI 2.2: the writer table ends with @c write_files (OST_WRITER_FOLDER), the
 *          reader table with @c max_input.
 * @{
 */
#define OST_PLUGIN_ABI_MAJOR 2
#define OST_PLUGIN_ABI_MINOR 2
/** @} */

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

/**
 * For formats that carry the model ready-made (a register export, a data
 * dump), not page formats: the records to fill (standards, occupations,
 * maps; source.document_type and source.trust), in place of blocks. The
 * pipeline moves them into the document as they are.
 * @return the context's document of records (transfer none).
 */
OST_API ost_doc *ost_read_context_records(ost_read_context *ctx);

/** Move the context's facts and warnings into @p doc's source (warnings
 *  after those already there); its warnings move, its page count stays. */
OST_API void ost_read_context_apply(ost_read_context *ctx, ost_doc *doc);

/** An input plugin: bytes in, blocks (and source facts) out. */
typedef struct ost_reader_info {
    gsize size;                       /**< sizeof(ost_reader_info) as built */
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
    /* New fields go here, at the end, and bump OST_PLUGIN_ABI_MINOR. */
    const char *url;                  /**< where the format is described; ABI 2.1 */
    /** Largest input the reader takes, in bytes (0: the core's limit,
     * OST_MAX_INPUT_BYTES); a larger file is refused before it is read.
     * ABI 2.2. */
    gsize max_input;
} ost_reader_info;

/** Writer flag: output is binary (never written to a terminal as text). */
#define OST_WRITER_BINARY (1u << 0)

/**
 * Writer flag: the output is a folder of files (write_files), such as one
 * CSV file per table; the output path names the folder.
 */
#define OST_WRITER_FOLDER (1u << 1)

/**
 * Where a folder writer puts its files. The writer calls put() once per
 * file, in a fixed order; whoever supplies the sink decides where they go
 * (ost_write_folder() puts them in a folder that appears whole or not at
 * all).
 */
typedef struct ost_file_sink {
    /** Add file @p name ("standards.csv", "/" separated, no "..") holding
     *  @p len bytes. Anything but OST_OK (with @p error set) stops the writer,
     *  which returns that status. */
    ost_status (*put)(void *user, const char *name, const guint8 *data, gsize len,
                      GError **error);
    void *user;
} ost_file_sink;

/** Write flag: @p docs form one dataset rather than one document. */
#define OST_WRITE_COMBINED (1u << 0)

/** An output plugin: model in, bytes out. Writers never parse. */
typedef struct ost_writer_info {
    gsize size;                       /**< sizeof(ost_writer_info) as built */
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
    /* New fields go here, at the end, and bump OST_PLUGIN_ABI_MINOR. */
    const char *url;                  /**< where the format is described; ABI 2.1 */
    /**
     * For OST_WRITER_FOLDER writers (NULL for others): hand the files of
     * the serialised @p docs to @p sink. Such a writer's write() refuses
     * with OST_ERR_UNSUPPORTED, as its output is no single stream. ABI 2.2.
     */
    ost_status (*write_files)(const ost_doc *const *docs, gsize n_docs, guint flags,
                              const ost_file_sink *sink, GError **error);
} ost_writer_info;

/**
 * What a plugin module exports: checked before anything else is used. Its
 * first three fields keep their place in every ABI (ABI 1 had one number
 * where the major is now, and, on 64-bit systems, the name at the same
 * offset), so a module built for another ABI can be refused by name.
 */
typedef struct ost_plugin_desc {
    guint abi_major;                  /**< OST_PLUGIN_ABI_MAJOR when built */
    guint abi_minor;                  /**< OST_PLUGIN_ABI_MINOR when built */
    const char *name;                 /**< the module's name: [a-z0-9_]+ */
    const char *description;
    const char *version;
    const char *license;
    /**
     * Register the module's readers and writers with @p reg. OST_OK, or
     * OST_WARNING with @p error set (the plugin is kept and the message
     * shown), or any other status with @p error set: the plugin is dropped.
     */
    ost_status (*init)(ost_registry *reg, GError **error);
} ost_plugin_desc;

/**
 * Define a plugin's descriptor. It exports `ost_plugin_<name>_get_desc()`,
 * the symbol the loader looks up in module `ost-<name>.so` and the one a
 * static build calls to register the plugin as built in.
 */
#define OST_PLUGIN_DEFINE(name, description, version, license, init)       \
    static const ost_plugin_desc ost_plugin_desc_##name = {               \
        OST_PLUGIN_ABI_MAJOR, OST_PLUGIN_ABI_MINOR, #name, description,   \
        version, license, init};                                          \
    OST_API const ost_plugin_desc *ost_plugin_##name##_get_desc(void);    \
    const ost_plugin_desc *ost_plugin_##name##_get_desc(void)             \
    {                                                                     \
        return &ost_plugin_desc_##name;                                   \
    }

#ifdef __cplusplus
}
#endif
#endif
