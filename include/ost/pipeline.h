/* SPDX-License-Identifier: MIT */
/* The conversion pipeline: read, repair, recognise, write. */
#ifndef OST_PIPELINE_H
#define OST_PIPELINE_H

#include <ost/registry.h>
#include <ost/repair.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Recognise a document's structure from its block stream and fill
 * @p doc: the document type, then its standards, occupations, maps or
 * functional maps. Text is expected to be repaired already; @p rep is used
 * to rejoin wrapped lines.
 */
OST_API void ost_recognize(const ost_blocks *blocks, ost_repairer *rep,
                           ost_doc *doc);

/**
 * @brief Read one document from bytes: pick the reader (by name, or by
 * bidding when @p reader_name is NULL), read blocks, repair their text,
 * recognise the structure, and check the result.
 * @return the document (transfer full), or NULL with @p error set.
 */
OST_API ost_doc *ost_read_bytes(const ost_registry *reg, const char *path,
                                const guint8 *data, gsize len,
                                const char *reader_name, GError **error);

/** Largest input file read, whatever its format; a reader may set a
 * lower limit (ost_reader_info.max_input). */
#define OST_MAX_INPUT_BYTES ((gsize)512 << 20)
/**
 * @brief ost_read_bytes() on the contents of the file at @p path. Only a
 * regular file is read ("not a regular file" otherwise), opened without
 * blocking; its size is checked against the limits before it is read.
 */
OST_API ost_doc *ost_read_file(const ost_registry *reg, const char *path,
                               const char *reader_name, GError **error);

/**
 * @brief The template (for g_mkstemp() or g_mkdtemp()) of a temporary
 * beside @p path: ".NAME.ost-PID-XXXXXX". @return transfer full.
 */
OST_API char *ost_temporary_template(const char *path);

/**
 * @brief Remove the temporaries, files or folders, that runs of ost which
 * are no longer alive left in @p dir. A missing folder is no error.
 * @return how many were removed; @p error says what could not be.
 */
OST_API guint ost_remove_strays(const char *dir, GError **error);

/**
 * @brief Write @p docs with the folder writer @p writer into the folder
 * @p dir. The files are written into a new folder beside @p dir, which then
 * replaces @p dir in one rename: readers of @p dir see the old files or all
 * the new ones, and a failure leaves @p dir as it was.
 */
OST_API ost_status ost_write_folder(const ost_writer_info *writer, const ost_doc *const *docs,
                                    gsize n_docs, guint flags, const char *dir,
                                    GError **error);

/** @brief Whether @p path (symbolic links followed) is a regular file.
 * Never opens it, so never blocks on a FIFO. */
OST_API gboolean ost_file_is_regular(const char *path);
/**
 * @brief Read the regular file at @p path whole, as ost_read_file() does:
 * refused before reading if it is not a regular file or is over
 * @p max_bytes. @p data (transfer full) is NUL-terminated after @p len bytes.
 */
OST_API gboolean ost_file_load(const char *path, gsize max_bytes, guint8 **data, gsize *len,
                               GError **error);
#ifdef __cplusplus
}
#endif
#endif
